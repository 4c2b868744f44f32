package org.addernet.app.render;

import org.addernet.app.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes PNG files atomically: readers see either the old file or the complete new one. */
public final class Png {

    private Png() {
    }

    /**
     * Java2D loads its fonts and image I/O on first use and registers a shutdown hook then; doing
     * it at the start of a run means a run stopped by Ctrl-C can still draw and write its figures
     * while the JVM shuts down.
     */
    public static void warmUp() {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        g.drawString("0", 1, 7);
        g.dispose();
        try {
            ImageIO.write(img, "png", java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // no PNG writer: reported where a figure is written
        }
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
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available for " + target);
            }
        });
    }
}
