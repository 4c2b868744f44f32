package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.addernet.engine.train.DecisionGrid;

/**
 * What every plot of the plane shares around its plot area: the frame, numeric ticks on the
 * left and bottom, the title and subtitle above, and the mapping from data to pixels (equal
 * units, data y growing upwards).
 */
final class Axes {
    static final Color FRAME = new Color(0x5A, 0x5A, 0x5A);
    static final Color TICK_TEXT = new Color(0x3C, 0x3C, 0x3C);
    static final Color SUBTITLE = new Color(0x4A, 0x4A, 0x4A);

    private Axes() {
    }

    /** The pixel x of data x over {@code plot} (which spans {@code grid}'s bounds). */
    static double toPx(DecisionGrid grid, Rectangle plot, double x) {
        return plot.x + (x - grid.xMin()) / (grid.xMax() - grid.xMin()) * plot.width;
    }

    /** The pixel y of data y over {@code plot}; data y grows upwards. */
    static double toPy(DecisionGrid grid, Rectangle plot, double y) {
        return plot.y + (grid.yMax() - y) / (grid.yMax() - grid.yMin()) * plot.height;
    }

    /** The frame around the plot area with ticks and their labels on the left and bottom. */
    static void frameAndTicks(Graphics2D g, PanelLayout layout, DecisionGrid grid) {
        Rectangle plot = layout.plot();
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(plot.x - 0.5, plot.y - 0.5, plot.width + 1, plot.height + 1));
        Font f = layout.tickFont();
        g.setFont(f);
        double len = layout.tickLength();
        double gap = layout.gap();
        double bottom = plot.y + plot.height + 0.5;
        for (double v : layout.xTicks()) {
            double x = toPx(grid, plot, v);
            g.setColor(FRAME);
            g.draw(new Line2D.Double(x, bottom, x, bottom + len));
            g.setColor(TICK_TEXT);
            Text.centered(g, PanelLayout.label(f, v, layout.xStep()), x, bottom + len + gap + Text.ascent(f));
        }
        double left = plot.x - 0.5;
        for (double v : layout.yTicks()) {
            double y = toPy(grid, plot, v);
            g.setColor(FRAME);
            g.draw(new Line2D.Double(left - len, y, left, y));
            g.setColor(TICK_TEXT);
            String s = PanelLayout.label(f, v, layout.yStep());
            var lm = f.getLineMetrics(s, Text.FRC);
            g.drawString(s, (float) (left - len - gap - Text.width(f, s)),
                    (float) (y + (lm.getAscent() - lm.getDescent()) / 2));
        }
    }

    /** The pixel y just below the x tick labels: where anything under the plot may start. */
    static double belowTickLabels(PanelLayout layout) {
        Rectangle plot = layout.plot();
        return plot.y + plot.height + 0.5 + layout.tickLength() + layout.gap() + Text.height(layout.tickFont());
    }

    /** Title and subtitle centred over the plot (shifted back inside an image {@code width} wide). */
    static void titles(Graphics2D g, PanelLayout layout, String title, String subtitle, int width) {
        Rectangle plot = layout.plot();
        double maxW = width - 6;
        double gap = layout.gap();
        double baseline = plot.y - gap * 1.5;
        if (!subtitle.isEmpty()) {
            Font f = Text.fit(layout.subtitleFont(), subtitle, maxW, 9);
            String s = Text.ellipsize(f, subtitle, maxW);
            g.setFont(f);
            g.setColor(SUBTITLE);
            g.drawString(s, (float) textX(f, s, plot, width), (float) (baseline - descent(f)));
            baseline -= Text.height(f) + gap * 0.5;
        }
        if (!title.isEmpty()) {
            Font f = Text.fit(layout.titleFont(), title, maxW, 9);
            String s = Text.ellipsize(f, title, maxW);
            g.setFont(f);
            g.setColor(Palette.INK);
            g.drawString(s, (float) textX(f, s, plot, width), (float) (baseline - descent(f)));
        }
    }

    private static double descent(Font f) {
        return Text.height(f) - Text.ascent(f);
    }

    /** Centred over the plot, shifted back inside the image when wider than the plot. */
    private static double textX(Font f, String s, Rectangle plot, int width) {
        double w = Text.width(f, s);
        double x = plot.getCenterX() - w / 2;
        return PanelLayout.clamp(x, 3, Math.max(3, width - 3 - w));
    }
}
