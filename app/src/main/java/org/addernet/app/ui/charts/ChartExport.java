package org.addernet.app.ui.charts;

import java.awt.Rectangle;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart to a PNG or SVG file atomically: the bytes go to a temporary file in the target's
 * folder, which is then moved over the target (atomically where the file system can), so readers
 * see the old file or the complete new one and no temporary file survives. Missing folders are
 * created. Headless: needs AWT's Java2D, not JavaFX.
 */
public final class ChartExport {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChartExport() {
    }

    /** Renders {@code chart} at {@code w} x {@code h} pixels into a PNG file. */
    public static void png(JFreeChart chart, Path file, int w, int h) throws IOException {
        checkSize(w, h);
        write(file, out -> ChartUtils.writeChartAsPNG(out, chart, w, h));
    }

    /** Draws {@code chart} on a {@code w} x {@code h} canvas into an SVG file (UTF-8), with JFreeSVG. */
    public static void svg(JFreeChart chart, Path file, int w, int h) throws IOException {
        checkSize(w, h);
        SVGGraphics2D g2 = new SVGGraphics2D(w, h);
        chart.draw(g2, new Rectangle(w, h));
        byte[] doc = g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        write(file, out -> out.write(doc));
    }

    private static void checkSize(int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + w + " x " + h);
        }
    }

    private interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void write(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: its owner-only permissions would carry over to the result
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                writer.writeTo(out);
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
