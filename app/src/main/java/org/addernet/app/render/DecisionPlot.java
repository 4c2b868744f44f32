package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleToIntFunction;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.DecisionGrid;

/**
 * One decision-boundary panel as in the paper's Figs. 2-4: the heat map of P(class 1), the
 * P = 0.5 boundary as a dark line, training points as filled discs and test points as rings in
 * their true class colour, a cross on every point the grid misclassifies, numeric axes, and a
 * title with a subtitle above. {@link PlotOptions} switch to flat class regions, hide points or
 * the misclassification rings, and add numbered centres (e.g. an AdderNet's W_i) on top.
 *
 * <p>Geometry: the plot keeps equal units on both axes; data y grows upwards (grid row 0, yMin,
 * at the bottom of the image). A point counts as misclassified when the probability of the grid
 * cell it falls in is {@code >= 0.5} and its label is 0, or {@code < 0.5} and its label is 1.
 * Points outside the grid's bounds are not drawn.
 */
public final class DecisionPlot {
    /** The smallest width and height {@link #render} accepts, in pixels. */
    public static final int MIN_SIZE = 96;

    private static final Color EMPTY_FILL = new Color(0xE4, 0xE4, 0xE4);
    private static final Color EMPTY_EDGE = new Color(0xC8, 0xC8, 0xC8);
    private static final Color EMPTY_TEXT = new Color(0x70, 0x70, 0x70);

    private DecisionPlot() {
    }

    /**
     * A {@code width} x {@code height} RGB image of the panel on a white background, drawn with
     * {@link PlotOptions#defaults()}.
     */
    public static BufferedImage render(PanelSpec spec, int width, int height) {
        return render(spec, width, height, PlotOptions.defaults());
    }

    /**
     * A {@code width} x {@code height} RGB image of the panel on a white background, drawn as
     * {@code options} say. The plot area is the same whatever the options
     * ({@link #plotArea}).
     */
    public static BufferedImage render(PanelSpec spec, int width, int height, PlotOptions options) {
        Objects.requireNonNull(options, "options (use PlotOptions.defaults())");
        checkSize(width, height);
        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            paint(g, spec, width, height, options);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Draws the panel into {@code g} (any Graphics2D: an image's, or JFreeSVG's for vector
     * output) in the box (0, 0, width, height), on a white background.
     */
    public static void draw(Graphics2D g, PanelSpec spec, int width, int height, PlotOptions options) {
        Objects.requireNonNull(options, "options (use PlotOptions.defaults())");
        checkSize(width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        paint(g, spec, width, height, options);
    }

    /**
     * The pixel rectangle of the plot area (the heat map) inside a {@code width} x {@code height}
     * render of {@code spec}; for mapping pixels to data coordinates and back.
     */
    public static Rectangle plotArea(PanelSpec spec, int width, int height) {
        checkSize(width, height);
        return new Rectangle(PanelLayout.of(spec.grid(), spec.title(), spec.subtitle(), width, height).plot());
    }

    /** Paints the panel with the default options into {@code g} at its origin (the caller fills the background). */
    static void paint(Graphics2D g, PanelSpec spec, int width, int height) {
        paint(g, spec, width, height, PlotOptions.defaults());
    }

    /** Paints the panel into {@code g} at its origin (the caller fills the background). */
    static void paint(Graphics2D g, PanelSpec spec, int width, int height, PlotOptions options) {
        Text.quality(g);
        DecisionGrid grid = spec.grid();
        PanelLayout layout = PanelLayout.of(grid, spec.title(), spec.subtitle(), width, height);
        Rectangle plot = layout.plot();

        DoubleToIntFunction colour = options.discretize() ? DecisionPlot::regionColour : Palette::heat;
        g.drawImage(Lattice.image(grid.prob(), grid.resolution(), plot.width, plot.height, colour), plot.x, plot.y,
                null);
        Shape savedClip = g.getClip();
        g.clip(plot);
        g.setColor(Palette.INK);
        g.setStroke(Markers.boundary(Math.min(plot.width, plot.height)));
        g.draw(Lattice.isoLine(grid, 0.5, plot));
        drawPoints(g, spec, plot, options);
        g.setClip(savedClip);
        if (options.centreCount() > 0) {
            List<float[]> centres = new ArrayList<>(options.centreCount());
            for (int k = 0; k < options.centreCount(); k++) {
                centres.add(options.centre(k));
            }
            Centres.paint(g, grid, plot, centres, true, Centres.size(plot));
            if (options.centreLabel() != null && !options.centreLabel().isEmpty()) {
                Centres.key(g, plot, options.centreLabel());
            }
        }

        Axes.frameAndTicks(g, layout, grid);
        Axes.titles(g, layout, spec.title(), spec.subtitle(), width);
    }

    /** The discretised map: each class's flat region colour, split at P = 0.5; NaN stays grey. */
    private static int regionColour(double p) {
        if (Double.isNaN(p)) {
            return Palette.UNDEFINED.getRGB() & 0xFFFFFF;
        }
        return Palette.region(p >= 0.5 ? 1 : 0).getRGB() & 0xFFFFFF;
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

    private static void drawPoints(Graphics2D g, PanelSpec spec, Rectangle plot, PlotOptions options) {
        DecisionGrid grid = spec.grid();
        DataSet train = options.showTrain() ? spec.train() : null;
        DataSet test = options.showTest() ? spec.test() : null;
        if (train == null && test == null) {
            return;
        }
        // the radius depends on all points present, so hiding one set leaves the other's size alone
        int count = spec.train().size() + (spec.test() == null ? 0 : spec.test().size());
        double side = Math.min(plot.width, plot.height);
        double r = clamp(side / (3.4 * Math.sqrt(Math.max(1, count))), 2, Math.max(3, side / 75));
        List<double[]> misses = new ArrayList<>();
        for (int k = 0; train != null && k < train.size(); k++) {
            double x = train.feature(k, 0);
            double y = train.feature(k, 1);
            if (Lattice.inside(grid, x, y)) {
                Markers.train(g, Axes.toPx(grid, plot, x), Axes.toPy(grid, plot, y), r, train.label(k));
                collectMiss(misses, grid, plot, x, y, train.label(k));
            }
        }
        if (test != null) {
            for (int k = 0; k < test.size(); k++) {
                double x = test.feature(k, 0);
                double y = test.feature(k, 1);
                if (Lattice.inside(grid, x, y)) {
                    Markers.test(g, Axes.toPx(grid, plot, x), Axes.toPy(grid, plot, y), r, test.label(k));
                    collectMiss(misses, grid, plot, x, y, test.label(k));
                }
            }
        }
        for (int k = 0; options.markMisclassified() && k < misses.size(); k++) {
            Markers.miss(g, misses.get(k)[0], misses.get(k)[1], r);
        }
    }

    private static void collectMiss(List<double[]> misses, DecisionGrid grid, Rectangle plot, double x, double y,
                                    int label) {
        int p = predicted(grid, x, y);
        if (p >= 0 && p != label) {
            misses.add(new double[] {Axes.toPx(grid, plot, x), Axes.toPy(grid, plot, y)});
        }
    }

    /**
     * The class the grid predicts at (x, y): 1 when its cell's probability is {@code >= 0.5}; -1
     * where undefined (NaN).
     */
    static int predicted(DecisionGrid grid, double x, double y) {
        int n = grid.resolution();
        int i = (int) clamp(Math.floor((x - grid.xMin()) / (grid.xMax() - grid.xMin()) * n), 0, n - 1);
        int j = (int) clamp(Math.floor((y - grid.yMin()) / (grid.yMax() - grid.yMin()) * n), 0, n - 1);
        float v = grid.at(i, j);
        return Float.isNaN(v) ? -1 : v >= 0.5f ? 1 : 0;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
