package org.addernet.app.render;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import javax.imageio.ImageIO;

/** Writes PNG files atomically: readers see either the old file or the complete new one. */
public final class Png {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Png() {
    }

    /**
     * Writes {@code img} as a PNG to {@code file}, creating missing parent folders: the bytes go to
     * a temporary file in the same folder, which is then moved over {@code file} atomically (or,
     * where the file system cannot, with REPLACE_EXISTING). The temporary file never survives.
     *
     * @throws IOException if the folder cannot be written or no PNG writer is available
     */
    public static void write(BufferedImage img, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: its owner-only permissions would carry over to the PNG
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                if (!ImageIO.write(img, "png", out)) {
                    throw new IOException("no PNG writer available for " + target);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
