package org.addernet.datasets.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Size and SHA-256 checks of a downloaded file. */
final class Verify {
    private Verify() {
    }

    /**
     * Null when {@code file} has {@code size} bytes ({@code -1}: any) and SHA-256
     * {@code sha256} (null: any); else what differs, naming expected and actual values.
     */
    static String problem(Path file, String sha256, long size) throws IOException {
        long actualSize = Files.size(file);
        if (size >= 0 && actualSize != size) {
            return "expected " + size + " bytes, got " + actualSize;
        }
        if (sha256 != null) {
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(sha256)) {
                return "expected SHA-256 " + sha256 + ", actual SHA-256 " + actual;
            }
        }
        return null;
    }

    /** The lower-case hex SHA-256 of {@code file}. */
    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
