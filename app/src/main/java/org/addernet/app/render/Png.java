package org.addernet.app.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Writes PNG files atomically: readers see either the old file or the complete new one. */
public final class Png {
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
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
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
