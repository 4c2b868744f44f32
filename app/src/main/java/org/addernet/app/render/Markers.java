package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/** The point markers, shared by the panels and the legend so both always agree. */
final class Markers {
    /** Point outlines: the ink, slightly see-through so small crowded points stay colourful. */
    static final Color OUTLINE = new Color(Palette.INK.getRed(), Palette.INK.getGreen(), Palette.INK.getBlue(), 190);

    private Markers() {
    }

    /** Outline width for a point of radius {@code r}: thin on small points. */
    static float outline(double r) {
        return (float) Math.max(0.6, Math.min(1.2, r * 0.25));
    }

    /** A training point: a disc of radius {@code r} in the class colour with a thin dark outline. */
    static void train(Graphics2D g, double x, double y, double r, int label) {
        var disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        g.setColor(Palette.classColor(label));
        g.fill(disc);
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(outline(r)));
        g.draw(disc);
    }

    /**
     * A test point: a white-centred ring in the class colour, a little larger than a training
     * disc of radius {@code r}, with a thin dark rim so it shows on a background of its own hue.
     */
    static void test(Graphics2D g, double x, double y, double r, int label) {
        double outer = r * 1.15;
        double rim = outline(r);
        double w = Math.max(1.2, outer * 0.36);
        var disc = new Ellipse2D.Double(x - outer, y - outer, 2 * outer, 2 * outer);
        double mid = outer - rim / 2 - w / 2;
        var ring = new Ellipse2D.Double(x - mid, y - mid, 2 * mid, 2 * mid);
        g.setColor(Color.WHITE);
        g.fill(disc);
        g.setColor(Palette.classColor(label));
        g.setStroke(new BasicStroke((float) w));
        g.draw(ring);
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke((float) rim));
        g.draw(disc);
    }

    /**
     * The misclassification mark: a ring in {@link Palette#ERROR} around a point of radius
     * {@code r}, leaving the point's own colour visible.
     */
    static void miss(Graphics2D g, double x, double y, double r) {
        double w = Math.max(1.2, r * 0.34);
        double rr = r * 1.15 + w / 2 + 0.6;
        var ring = new Ellipse2D.Double(x - rr, y - rr, 2 * rr, 2 * rr);
        g.setColor(Palette.ERROR);
        g.setStroke(new BasicStroke((float) w));
        g.draw(ring);
    }

    /**
     * A centre (e.g. a hidden unit's W_i): a white diamond with a dark outline, {@code s} pixels
     * from its middle to each tip, and a dark dot on the exact spot, so it never reads as a data
     * point (those are round).
     */
    static void centre(Graphics2D g, double x, double y, double s) {
        var diamond = new Path2D.Double();
        diamond.moveTo(x, y - s);
        diamond.lineTo(x + s * 0.78, y);
        diamond.lineTo(x, y + s);
        diamond.lineTo(x - s * 0.78, y);
        diamond.closePath();
        g.setColor(Color.WHITE);
        g.fill(diamond);
        g.setColor(Palette.INK);
        g.setStroke(new BasicStroke(centreOutline(s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER));
        g.draw(diamond);
        double d = Math.max(1.1, s * 0.2);
        g.fill(new Ellipse2D.Double(x - d, y - d, 2 * d, 2 * d));
    }

    /**
     * A centre beyond the plot: a white triangle with a dark outline whose tip is at
     * ({@code x}, {@code y}) and points along the unit vector ({@code ux}, {@code uy}), its
     * length {@code 2.2 s} and its base {@code 1.9 s} wide.
     */
    static void centreArrow(Graphics2D g, double x, double y, double ux, double uy, double s) {
        double len = 2.2 * s;
        double half = 0.95 * s;
        double bx = x - ux * len;
        double by = y - uy * len;
        var tri = new Path2D.Double();
        tri.moveTo(x, y);
        tri.lineTo(bx - uy * half, by + ux * half);
        tri.lineTo(bx + uy * half, by - ux * half);
        tri.closePath();
        g.setColor(Color.WHITE);
        g.fill(tri);
        g.setColor(Palette.INK);
        g.setStroke(new BasicStroke(centreOutline(s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(tri);
    }

    private static float centreOutline(double s) {
        return (float) Math.max(1.2, Math.min(2.0, s * 0.2));
    }

    /** The stroke of the P = 0.5 boundary for a plot whose shorter side is {@code plotSide}. */
    static BasicStroke boundary(double plotSide) {
        return new BasicStroke((float) Math.max(1.6, plotSide / 170), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND);
    }
}
