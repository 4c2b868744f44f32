package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.DecisionGrid;

/**
 * One decision-boundary panel as in the paper's Figs. 2-4: the heat map of P(class 1), the
 * P = 0.5 boundary as a dark line, training points as filled discs and test points as rings in
 * their true class colour, a cross on every point the grid misclassifies, numeric axes, and a
 * title with a subtitle above.
 *
 * <p>Geometry: the plot keeps equal units on both axes; data y grows upwards (grid row 0, yMin,
 * at the bottom of the image). A point counts as misclassified when the probability of the grid
 * cell it falls in is {@code >= 0.5} and its label is 0, or {@code < 0.5} and its label is 1.
 * Points outside the grid's bounds are not drawn.
 */
public final class DecisionPlot {
    /** The smallest width and height {@link #render} accepts, in pixels. */
    public static final int MIN_SIZE = 96;

    private static final Color FRAME = new Color(0x5A, 0x5A, 0x5A);
    private static final Color TICK_TEXT = new Color(0x3C, 0x3C, 0x3C);
    private static final Color SUBTITLE = new Color(0x4A, 0x4A, 0x4A);
    private static final Color EMPTY_FILL = new Color(0xE4, 0xE4, 0xE4);
    private static final Color EMPTY_EDGE = new Color(0xC8, 0xC8, 0xC8);
    private static final Color EMPTY_TEXT = new Color(0x70, 0x70, 0x70);

    private DecisionPlot() {
    }

    /** A {@code width} x {@code height} RGB image of the panel on a white background. */
    public static BufferedImage render(PanelSpec spec, int width, int height) {
        checkSize(width, height);
        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            paint(g, spec, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * The pixel rectangle of the plot area (the heat map) inside a {@code width} x {@code height}
     * render of {@code spec}; for mapping pixels to data coordinates and back.
     */
    public static Rectangle plotArea(PanelSpec spec, int width, int height) {
        checkSize(width, height);
        return new Rectangle(PanelLayout.of(spec.grid(), spec.title(), spec.subtitle(), width, height).plot());
    }

    /** Paints the panel into {@code g} at its origin (the caller fills the background). */
    static void paint(Graphics2D g, PanelSpec spec, int width, int height) {
        Text.quality(g);
        DecisionGrid grid = spec.grid();
        PanelLayout layout = PanelLayout.of(grid, spec.title(), spec.subtitle(), width, height);
        Rectangle plot = layout.plot();

        g.drawImage(heatMap(grid, plot.width, plot.height), plot.x, plot.y, null);
        Shape savedClip = g.getClip();
        g.clip(plot);
        g.setColor(Palette.INK);
        g.setStroke(Markers.boundary(Math.min(plot.width, plot.height)));
        g.draw(boundaryPath(grid, plot));
        drawPoints(g, spec, plot);
        g.setClip(savedClip);

        drawFrameAndTicks(g, layout, grid);
        drawTitles(g, layout, spec.title(), spec.subtitle(), width);
    }

    /**
     * Paints the "not run" placeholder: a grey box at {@code plot} (pixels, e.g. the plot area of
     * a neighbouring panel so the box lines up with it) with {@code message} in its middle.
     */
    static void paintEmpty(Graphics2D g, String message, Rectangle plot) {
        Text.quality(g);
        g.setColor(EMPTY_FILL);
        g.fill(plot);
        g.setColor(EMPTY_EDGE);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(plot.x + 0.5, plot.y + 0.5, plot.width - 1, plot.height - 1));
        Font f = Text.sans(Font.ITALIC, PanelLayout.clamp(Math.min(plot.width, plot.height) / 14.0, 11, 20));
        g.setFont(f);
        g.setColor(EMPTY_TEXT);
        Text.centered(g, message, plot.getCenterX(), plot.getCenterY() + Text.ascent(f) / 2 - 1);
    }

    private static void checkSize(int width, int height) {
        if (width < MIN_SIZE || height < MIN_SIZE) {
            throw new IllegalArgumentException("panel size must be at least " + MIN_SIZE + " x " + MIN_SIZE
                    + " pixels, got " + width + " x " + height);
        }
    }

    /** The heat map, bilinearly interpolated between cell centres, one pixel per image pixel. */
    private static BufferedImage heatMap(DecisionGrid grid, int w, int h) {
        int n = grid.resolution();
        float[] p = grid.prob();
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int row = 0; row < h; row++) {
            // continuous grid row of this pixel's centre; image row 0 is the top, yMax
            double gy = clamp((1 - (row + 0.5) / h) * n - 0.5, 0, n - 1);
            int j0 = Math.min((int) gy, n - 2 < 0 ? 0 : n - 2);
            double fy = n == 1 ? 0 : gy - j0;
            for (int col = 0; col < w; col++) {
                double gx = clamp((col + 0.5) / w * n - 0.5, 0, n - 1);
                int i0 = Math.min((int) gx, n - 2 < 0 ? 0 : n - 2);
                double fx = n == 1 ? 0 : gx - i0;
                double v;
                if (n == 1) {
                    v = p[0];
                } else {
                    double bottom = p[j0 * n + i0] * (1 - fx) + p[j0 * n + i0 + 1] * fx;
                    double top = p[(j0 + 1) * n + i0] * (1 - fx) + p[(j0 + 1) * n + i0 + 1] * fx;
                    v = bottom * (1 - fy) + top * fy;
                }
                px[row * w + col] = Palette.heat(v);
            }
        }
        return img;
    }

    private static Path2D boundaryPath(DecisionGrid grid, Rectangle plot) {
        var path = new Path2D.Double();
        for (double[] s : Contour.segments(grid, 0.5)) {
            path.moveTo(toPx(grid, plot, s[0]), toPy(grid, plot, s[1]));
            path.lineTo(toPx(grid, plot, s[2]), toPy(grid, plot, s[3]));
        }
        return path;
    }

    private static void drawPoints(Graphics2D g, PanelSpec spec, Rectangle plot) {
        DecisionGrid grid = spec.grid();
        DataSet train = spec.train();
        DataSet test = spec.test();
        int count = train.size() + (test == null ? 0 : test.size());
        double side = Math.min(plot.width, plot.height);
        double r = clamp(side / (3.4 * Math.sqrt(Math.max(1, count))), 2, Math.max(3, side / 75));
        List<double[]> misses = new ArrayList<>();
        for (int k = 0; k < train.size(); k++) {
            double x = train.feature(k, 0);
            double y = train.feature(k, 1);
            if (inside(grid, x, y)) {
                Markers.train(g, toPx(grid, plot, x), toPy(grid, plot, y), r, train.label(k));
                collectMiss(misses, grid, plot, x, y, train.label(k));
            }
        }
        if (test != null) {
            for (int k = 0; k < test.size(); k++) {
                double x = test.feature(k, 0);
                double y = test.feature(k, 1);
                if (inside(grid, x, y)) {
                    Markers.test(g, toPx(grid, plot, x), toPy(grid, plot, y), r, test.label(k));
                    collectMiss(misses, grid, plot, x, y, test.label(k));
                }
            }
        }
        for (double[] m : misses) {
            Markers.miss(g, m[0], m[1], r);
        }
    }

    private static void collectMiss(List<double[]> misses, DecisionGrid grid, Rectangle plot, double x, double y,
                                    int label) {
        int p = predicted(grid, x, y);
        if (p >= 0 && p != label) {
            misses.add(new double[] {toPx(grid, plot, x), toPy(grid, plot, y)});
        }
    }

    /** The class the grid predicts at (x, y): 1 when its cell's probability is {@code >= 0.5}; -1 where undefined (NaN). */
    static int predicted(DecisionGrid grid, double x, double y) {
        int n = grid.resolution();
        int i = (int) clamp(Math.floor((x - grid.xMin()) / (grid.xMax() - grid.xMin()) * n), 0, n - 1);
        int j = (int) clamp(Math.floor((y - grid.yMin()) / (grid.yMax() - grid.yMin()) * n), 0, n - 1);
        float v = grid.at(i, j);
        return Float.isNaN(v) ? -1 : v >= 0.5f ? 1 : 0;
    }

    private static boolean inside(DecisionGrid grid, double x, double y) {
        return x >= grid.xMin() && x <= grid.xMax() && y >= grid.yMin() && y <= grid.yMax();
    }

    private static void drawFrameAndTicks(Graphics2D g, PanelLayout layout, DecisionGrid grid) {
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

    private static void drawTitles(Graphics2D g, PanelLayout layout, String title, String subtitle, int width) {
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
        return clamp(x, 3, Math.max(3, width - 3 - w));
    }

    private static double toPx(DecisionGrid grid, Rectangle plot, double x) {
        return plot.x + (x - grid.xMin()) / (grid.xMax() - grid.xMin()) * plot.width;
    }

    private static double toPy(DecisionGrid grid, Rectangle plot, double y) {
        return plot.y + (grid.yMax() - y) / (grid.yMax() - grid.yMin()) * plot.height;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
