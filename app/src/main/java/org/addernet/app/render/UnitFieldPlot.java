package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleToIntFunction;
import org.addernet.engine.train.DecisionGrid;

/**
 * One hidden unit's response over the plane (for an AdderNet unit, {@code -||x - W_i||_p} before
 * its batch norm), in a single teal hue scaled to the unit's own range: pale at its minimum, dark
 * at its maximum ({@link Palette#field}). A constant field is drawn flat in the middle colour;
 * NaN cells are grey.
 *
 * <p>Layout of {@code field}: [R, R] row-major like {@link DecisionGrid#prob()}, row 0 at yMin
 * (the bottom of the image).
 */
public final class UnitFieldPlot {
    /** The smallest thumbnail side {@link #thumbnail} accepts, in pixels. */
    public static final int MIN_THUMBNAIL = 8;

    private static final Color THUMB_FRAME = new Color(0x8A, 0x8A, 0x8A);

    private UnitFieldPlot() {
    }

    /**
     * A {@code size} x {@code size} image of {@code field} ([resolution, resolution]) with a 1-pixel
     * grey frame and nothing else.
     *
     * @throws IllegalArgumentException if {@code field.length != resolution^2} or {@code size} is
     *                                  below {@link #MIN_THUMBNAIL}
     */
    public static BufferedImage thumbnail(float[] field, int resolution, int size) {
        check(field, resolution);
        if (size < MIN_THUMBNAIL) {
            throw new IllegalArgumentException("thumbnail size must be at least " + MIN_THUMBNAIL + " pixels, got "
                    + size);
        }
        var img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(Lattice.image(field, resolution, size - 2, size - 2, colour(range(field))), 1, 1, null);
            g.setColor(THUMB_FRAME);
            g.drawRect(0, 0, size - 1, size - 1);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * A {@code size} x {@code size} image of {@code field} with axes spanning {@code lattice}'s
     * bounds, {@code title} above and a colour bar at the right labelled with the field's minimum
     * and maximum.
     *
     * @param lattice only its resolution and bounds are used (its probabilities are not drawn)
     * @param centre  the unit's centre {x, y}, drawn as a diamond (or an edge triangle when it lies
     *                beyond the bounds); null for none
     * @throws IllegalArgumentException if {@code field} does not match {@code lattice}'s
     *                                  resolution, {@code centre} does not hold 2 values, or
     *                                  {@code size} is below {@link DecisionPlot#MIN_SIZE}
     */
    public static BufferedImage large(String title, float[] field, DecisionGrid lattice, float[] centre, int size) {
        Objects.requireNonNull(lattice, "lattice");
        check(field, lattice.resolution());
        if (centre != null && centre.length != 2) {
            throw new IllegalArgumentException("centre must hold 2 coordinates {x, y}, got " + centre.length);
        }
        if (size < DecisionPlot.MIN_SIZE) {
            throw new IllegalArgumentException("size must be at least " + DecisionPlot.MIN_SIZE + " pixels, got "
                    + size);
        }
        String head = title == null ? "" : title;
        double[] range = range(field);
        Font f = Text.sans(Font.PLAIN, PanelLayout.clamp(size / 33.0, 10, 15));
        double h = Text.height(f);
        String[] labels = barLabels(f, range);
        double labelW = Math.max(Text.width(f, labels[0]), Text.width(f, labels[1]));
        double barW = h * 0.9;
        double reserve = h * 0.9 + barW + h * 0.35 + labelW + h * 0.3;

        var img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Text.quality(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            PanelLayout layout = PanelLayout.of(lattice, head, "", size - (int) Math.ceil(reserve), size);
            Rectangle plot = layout.plot();
            g.drawImage(Lattice.image(field, lattice.resolution(), plot.width, plot.height, colour(range)), plot.x,
                    plot.y, null);
            if (centre != null) {
                // the only marker on the plot: a little larger than on a busy decision panel
                Centres.paint(g, lattice, plot, List.<float[]>of(centre.clone()), false, Centres.size(plot) * 1.3);
            }
            Axes.frameAndTicks(g, layout, lattice);
            Axes.titles(g, layout, head, "", size);
            bar(g, f, plot, range, labels, barW);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The vertical bar beside the plot: the maximum's label at the top, the minimum's at the bottom. */
    private static void bar(Graphics2D g, Font f, Rectangle plot, double[] range, String[] labels, double barW) {
        double h = Text.height(f);
        double x = plot.getMaxX() + h * 0.9;
        double len = Math.min(plot.height, Math.max(h * 6, plot.height * 0.8));
        double top = plot.getCenterY() - len / 2;
        boolean flat = !(range[1] > range[0]);
        DoubleToIntFunction ramp = t -> Double.isNaN(range[0]) ? Palette.UNDEFINED.getRGB() & 0xFFFFFF
                : Palette.field(flat ? 0.5 : t);
        ColourBar.paint(g, new Rectangle2D.Double(x, top, barW, len), true, ramp);
        g.setFont(f);
        g.setColor(Axes.TICK_TEXT);
        g.setStroke(new BasicStroke(1f));
        double tx = x + barW + h * 0.35;
        double centreShift = (Text.ascent(f) - (h - Text.ascent(f))) / 2;
        if (flat) {
            g.drawString(labels[1], (float) tx, (float) (plot.getCenterY() + centreShift));
        } else {
            g.drawString(labels[1], (float) tx, (float) (top + Text.ascent(f) * 0.8));
            g.drawString(labels[0], (float) tx, (float) (top + len));
        }
    }

    /** {min label, max label}; both the same value for a constant field, "NaN" when nothing is finite. */
    private static String[] barLabels(Font f, double[] range) {
        double span = range[1] - range[0];
        if (Double.isNaN(range[0])) {
            return new String[] {"NaN", "NaN"};
        }
        String lo = Text.minus(f, ColourBar.format(range[0], span));
        String hi = Text.minus(f, ColourBar.format(range[1], span));
        return new String[] {lo, hi};
    }

    /**
     * {min, max} of the finite values ({NaN, NaN} when there are none); a range narrower than a
     * millionth of its magnitude counts as constant and comes back as {v, v}.
     */
    static double[] range(float[] field) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : field) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (hi - lo <= 1e-6 * Math.max(Math.abs(hi), Math.abs(lo))) {
            return new double[] {lo, lo};
        }
        return new double[] {lo, hi};
    }

    /** Value to colour for a field of this range: normalised to [0, 1], flat mid colour when constant. */
    private static DoubleToIntFunction colour(double[] range) {
        double lo = range[0];
        double span = range[1] - range[0];
        if (!(span > 0)) {
            return v -> Palette.field(Double.isNaN(v) ? Double.NaN : 0.5);
        }
        return v -> Palette.field((v - lo) / span);
    }

    private static void check(float[] field, int resolution) {
        Objects.requireNonNull(field, "field");
        if (resolution <= 0 || field.length != (long) resolution * resolution) {
            throw new IllegalArgumentException("a field of resolution " + resolution + " needs "
                    + (long) resolution * resolution + " values, got " + field.length);
        }
    }
}
