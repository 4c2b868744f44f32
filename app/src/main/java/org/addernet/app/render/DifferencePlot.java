package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.Objects;
import org.addernet.engine.train.DecisionGrid;

/**
 * Where two models disagree: the map of {@code P_a - P_b} in [-1, 1] (both P(class 1) on the
 * same lattice) in a diverging colour map of its own (purple where model a says class 1 more
 * strongly, green where model b does, near-white where they agree; {@link Palette#difference}),
 * each model's P = 0.5 boundary as a thin line (a solid, b dashed), axes and titles as in
 * {@link DecisionPlot}, and a key underneath with a colour bar and the two line styles.
 */
public final class DifferencePlot {
    private static final Color HALO = new Color(255, 255, 255, 200);

    private DifferencePlot() {
    }

    /**
     * {@link #render(String, String, String, DecisionGrid, String, DecisionGrid, int, int)} with the
     * workbench's pair: a is the AdderNet, b the MLP.
     */
    public static BufferedImage render(String title, String subtitle, DecisionGrid a, DecisionGrid b, int width,
                                       int height) {
        return render(title, subtitle, "AdderNet", a, "MLP", b, width, height);
    }

    /**
     * A {@code width} x {@code height} RGB image of {@code P_a - P_b} on a white background.
     *
     * @param title    headline; null is treated as empty
     * @param subtitle second line; null is treated as empty
     * @param nameA    model a's name for the key, e.g. {@code "AdderNet"}
     * @param nameB    model b's name for the key, e.g. {@code "MLP"}
     * @throws IllegalArgumentException if the grids' lattices (resolution or bounds) differ, or
     *                                  the image is smaller than {@link DecisionPlot#MIN_SIZE}
     */
    public static BufferedImage render(String title, String subtitle, String nameA, DecisionGrid a, String nameB,
                                       DecisionGrid b, int width, int height) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        checkSameLattice(a, b);
        checkSize(width, height);
        String head = title == null ? "" : title;
        String sub = subtitle == null ? "" : subtitle;
        String na = nameA == null || nameA.isEmpty() ? "a" : nameA;
        String nb = nameB == null || nameB.isEmpty() ? "b" : nameB;
        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Text.quality(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            PanelLayout layout = layout(a, head, sub, width, height);
            Rectangle plot = layout.plot();
            float[] pa = a.prob();
            float[] pb = b.prob();
            float[] d = new float[pa.length];
            for (int k = 0; k < d.length; k++) {
                d[k] = pa[k] - pb[k];
            }
            g.drawImage(Lattice.image(d, a.resolution(), plot.width, plot.height, Palette::difference), plot.x,
                    plot.y, null);
            Shape savedClip = g.getClip();
            g.clip(plot);
            double side = Math.min(plot.width, plot.height);
            boundary(g, Lattice.isoLine(a, 0.5, plot), side, false);
            boundary(g, Lattice.isoLine(b, 0.5, plot), side, true);
            g.setClip(savedClip);
            Axes.frameAndTicks(g, layout, a);
            Axes.titles(g, layout, head, sub, width);
            DifferenceKey.fit(keyFont(width, height), na, nb, plot.width, width - 8)
                    .paint(g, plot.getCenterX(), Axes.belowTickLabels(layout), width, side);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The pixel rectangle of the map inside a {@code width} x {@code height} render over {@code grid}. */
    public static Rectangle plotArea(String title, String subtitle, DecisionGrid grid, int width, int height) {
        checkSize(width, height);
        return new Rectangle(layout(grid, title == null ? "" : title, subtitle == null ? "" : subtitle, width,
                height).plot());
    }

    private static PanelLayout layout(DecisionGrid grid, String title, String subtitle, int width, int height) {
        return PanelLayout.of(grid, title, subtitle, width, height - (int) Math.ceil(DifferenceKey.height(keyFont(width,
                height))));
    }

    private static Font keyFont(int width, int height) {
        return Text.sans(Font.PLAIN, PanelLayout.clamp(Math.min(width, height) / 33.0, 10, 15));
    }

    /**
     * A model's boundary: a thin ink line over a faint white halo (so it reads on dark purple and
     * green), dashed for model b, scaled to a plot whose shorter side is {@code side}.
     */
    static void boundary(Graphics2D g, Shape path, double side, boolean dashed) {
        float w = (float) Math.max(1.3, side / 240);
        float dash = (float) Math.max(5, side / 60);
        float[] pattern = {dash, dash * 0.6f};
        g.setColor(HALO);
        g.setStroke(dashed ? new BasicStroke(w + 2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, pattern, 0)
                : new BasicStroke(w + 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setColor(Palette.INK);
        g.setStroke(dashed ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, pattern, 0)
                : new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    private static void checkSameLattice(DecisionGrid a, DecisionGrid b) {
        if (a.resolution() != b.resolution() || a.xMin() != b.xMin() || a.xMax() != b.xMax()
                || a.yMin() != b.yMin() || a.yMax() != b.yMax()) {
            throw new IllegalArgumentException("a difference map needs both grids on the same lattice, got a: "
                    + describe(a) + ", b: " + describe(b));
        }
    }

    private static String describe(DecisionGrid g) {
        return g.resolution() + " x " + g.resolution() + " over [" + g.xMin() + ", " + g.xMax() + "] x ["
                + g.yMin() + ", " + g.yMax() + "]";
    }

    private static void checkSize(int width, int height) {
        if (width < DecisionPlot.MIN_SIZE || height < DecisionPlot.MIN_SIZE) {
            throw new IllegalArgumentException("image size must be at least " + DecisionPlot.MIN_SIZE + " x "
                    + DecisionPlot.MIN_SIZE + " pixels, got " + width + " x " + height);
        }
    }
}
