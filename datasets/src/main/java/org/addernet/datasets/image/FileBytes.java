package org.addernet.datasets.image;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A whole data file in memory: gzip is recognised by its first two bytes {@code 1f 8b} (never
 * by the name) and decompressed; anything else is read as is. Offsets in errors then count
 * decompressed bytes, which {@link DataFormatException} says.
 */
final class FileBytes {
    /** Largest array the JVM reliably allocates. */
    static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private FileBytes() {
    }

    /** The bytes of {@code file} (decompressed when {@code gzip}). */
    record Content(Path file, byte[] data, boolean gzip) {
        /** An error at {@code offset} of this content. */
        DataFormatException error(long offset, String expected, String found) {
            return new DataFormatException(file, gzip, offset, expected, found);
        }

        /** The big-endian 32-bit word at {@code offset}, or an error naming {@code what}. */
        int int32(int offset, String what) throws DataFormatException {
            if (data.length < offset + 4) {
                throw error(data.length, what + " (4 bytes at byte " + offset + ")",
                        "the end of the data");
            }
            return (data[offset] & 0xff) << 24 | (data[offset + 1] & 0xff) << 16
                    | (data[offset + 2] & 0xff) << 8 | (data[offset + 3] & 0xff);
        }
    }

    /**
     * Reads {@code file} whole, decompressing it when it starts with the gzip header. Every
     * failure is a {@link DataFormatException} naming the file: a folder, a missing or unreadable
     * file, a gzip stream that is cut or corrupt (also in its header), content beyond 2 GiB or
     * beyond what this heap can hold.
     */
    static Content read(Path file) throws DataFormatException {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, "a data file", "a folder");
        }
        boolean gzip = false;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            gzip = b0 == 0x1f && b1 == 0x8b;
            if (!gzip) {
                return new Content(file, readAll(file, raw, false), false);
            }
            return new Content(file, readAll(file, new GZIPInputStream(raw, 1 << 16), true), true);
        } catch (DataFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw new DataFormatException(file, true, 0, "a complete gzip stream",
                    "the compressed data ends early (truncated download?)");
        } catch (ZipException e) {
            throw new DataFormatException(file, true, 0, "valid gzip data", "corrupt data (" + e.getMessage() + ")");
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, "a data file", "no such file");
        } catch (AccessDeniedException e) {
            throw new DataFormatException(file, "a readable data file", "no permission to read it");
        } catch (IOException e) {
            String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            throw new DataFormatException(file, "a readable data file", "a read error (" + why + ")");
        }
    }

    private static byte[] readAll(Path file, InputStream in, boolean gzip) throws IOException {
        byte[] buf = new byte[1 << 20];
        int n = 0;
        long heap = Runtime.getRuntime().maxMemory();
        try {
            while (true) {
                if (n == buf.length) {
                    if (n == MAX_BYTES) {
                        throw new DataFormatException(file, gzip, n,
                                "at most " + MAX_BYTES + " bytes", "more");
                    }
                    long next = Math.min(MAX_BYTES, 2L * n);
                    if (next + n > heap) {        // the copy would not fit beside the bytes read so far
                        throw new DataFormatException(file, gzip, n, "at most about " + (heap / 3)
                                + " bytes (what this heap can read whole)", "more");
                    }
                    buf = Arrays.copyOf(buf, (int) next);
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    return Arrays.copyOf(buf, n);
                }
                n += r;
            }
        } catch (EOFException e) {
            throw new DataFormatException(file, true, n, "a complete gzip stream",
                    "the compressed data ends early (truncated download?)");
        } catch (ZipException e) {
            throw new DataFormatException(file, true, n, "valid gzip data",
                    "corrupt data (" + e.getMessage() + ")");
        }
    }
}
