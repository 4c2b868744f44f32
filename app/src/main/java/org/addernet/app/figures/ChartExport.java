package org.addernet.app.figures;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.addernet.app.io.AtomicFiles;
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

    private ChartExport() {
    }

    /** Renders {@code chart} at {@code w} x {@code h} pixels into a PNG file. */
    public static void png(JFreeChart chart, Path file, int w, int h) throws IOException {
        checkSize(w, h);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, w, h));
    }

    /** Draws {@code chart} on a {@code w} x {@code h} canvas into an SVG file (UTF-8), with JFreeSVG. */
    public static void svg(JFreeChart chart, Path file, int w, int h) throws IOException {
        checkSize(w, h);
        SVGGraphics2D g2 = new SVGGraphics2D(w, h);
        chart.draw(g2, new Rectangle(w, h));
        byte[] doc = g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(doc));
    }

    private static void checkSize(int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + w + " x " + h);
        }
    }

}
