package org.addernet.datasets.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a gzip-compressed tar archive (POSIX ustar, as CIFAR's binary archives are): 512-byte
 * headers with the name at bytes 0-99 (and a prefix at 345-499), the size in octal at 124-135 and
 * the type at 156 ('0' or NUL: file, '5': folder); data padded to 512 bytes; two zero blocks end
 * it. Entries that would land outside the target folder are refused. Each file is written to a
 * temporary name first, so an interrupted unpack never leaves a half file under the real name.
 */
public final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {
    }

    /** Unpacks {@code archive} into {@code dir}; returns the files written. */
    public static List<Path> extract(Path archive, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            long offset = 0;
            while (true) {
                if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
                    throw new DataFormatException(archive, true, offset, "a 512-byte tar header", "the end of the data");
                }
                if (allZero(header)) {
                    return written;
                }
                String name = text(header, 345, 155);
                name = (name.isEmpty() ? "" : name + "/") + text(header, 0, 100);
                long size = octal(archive, offset, header, 124, 12);
                char type = (char) header[156];
                offset += BLOCK;
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root)) {
                    throw new DataFormatException(archive, true, offset - BLOCK, "an entry inside the archive's folder",
                            "'" + name + "'");
                }
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (type == '5') {
                    Files.createDirectories(target);
                } else if (type == '0' || type == 0) {
                    Files.createDirectories(target.getParent());
                    Path tmp = target.resolveSibling(target.getFileName() + ".unpacking");
                    try (InputStream body = new Limited(in, size)) {
                        long copied = Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
                        if (copied != size) {
                            throw new DataFormatException(archive, true, offset + copied, size + " bytes of '" + name + "'",
                                    "the end of the data");
                        }
                    }
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                    written.add(target);
                    in.skipNBytes(padded - size);
                    offset += padded;
                    continue;
                }
                in.skipNBytes(padded);
                offset += padded;
            }
        }
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] h, int from, int len) {
        int end = from;
        while (end < from + len && h[end] != 0) {
            end++;
        }
        return new String(h, from, end - from, StandardCharsets.US_ASCII).trim();
    }

    private static long octal(Path archive, long offset, byte[] h, int from, int len) throws DataFormatException {
        String s = text(h, from, len);
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new DataFormatException(archive, true, offset + from, "an octal size", "'" + s + "'");
        }
    }

    /** At most {@code left} bytes of the underlying stream; closing it leaves that stream open. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
