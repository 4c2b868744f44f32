package org.addernet.datasets.image;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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

    /** Reads {@code file} whole, decompressing it when it starts with the gzip header. */
    static Content read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            if (!gzip) {
                return new Content(file, readAll(file, raw, false), false);
            }
            return new Content(file, readAll(file, new GZIPInputStream(raw, 1 << 16), true), true);
        }
    }

    private static byte[] readAll(Path file, InputStream in, boolean gzip) throws IOException {
        byte[] buf = new byte[1 << 20];
        int n = 0;
        try {
            while (true) {
                if (n == buf.length) {
                    if (n == MAX_BYTES) {
                        throw new DataFormatException(file, gzip, n,
                                "at most " + MAX_BYTES + " bytes", "more");
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(MAX_BYTES, 2L * n));
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
