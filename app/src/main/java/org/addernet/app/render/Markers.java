package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;

/** The point markers, shared by the panels and the legend so both always agree. */
final class Markers {
    private static final Color HALO = new Color(255, 255, 255, 235);

    private Markers() {
    }

    /** A training point: a disc of radius {@code r} in the class colour with a thin dark outline. */
    static void train(Graphics2D g, double x, double y, double r, int label) {
        var disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        g.setColor(Palette.classColor(label));
        g.fill(disc);
        g.setColor(Palette.INK);
        g.setStroke(new BasicStroke((float) Math.max(0.8, r * 0.22)));
        g.draw(disc);
    }

    /** A test point: a hollow ring of outer radius {@code r} in the class colour, edged dark. */
    static void test(Graphics2D g, double x, double y, double r, int label) {
        double w = Math.max(1.5, r * 0.5);
        var ring = new Ellipse2D.Double(x - r + w / 2, y - r + w / 2, 2 * r - w, 2 * r - w);
        g.setColor(Palette.INK);
        g.setStroke(new BasicStroke((float) (w + 1.4)));
        g.draw(ring);
        g.setColor(Palette.classColor(label));
        g.setStroke(new BasicStroke((float) w));
        g.draw(ring);
    }

    /** The misclassification mark: a dark cross on a white halo over a point of radius {@code r}. */
    static void miss(Graphics2D g, double x, double y, double r) {
        double s = r * 1.05 + 1.2;
        var a = new Line2D.Double(x - s, y - s, x + s, y + s);
        var b = new Line2D.Double(x - s, y + s, x + s, y - s);
        float w = (float) Math.max(1.4, r * 0.38);
        g.setColor(HALO);
        g.setStroke(new BasicStroke(w + 2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(a);
        g.draw(b);
        g.setColor(Palette.INK);
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(a);
        g.draw(b);
    }

    /** The stroke of the P = 0.5 boundary for a plot whose shorter side is {@code plotSide}. */
    static BasicStroke boundary(double plotSide) {
        return new BasicStroke((float) Math.max(1.6, plotSide / 170), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND);
    }
}
