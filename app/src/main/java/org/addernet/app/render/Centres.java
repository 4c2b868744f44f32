package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import org.addernet.engine.train.DecisionGrid;

/**
 * Draws centres (e.g. hidden-unit weights W_i) over a plot: a numbered diamond where the centre
 * lies within the grid's bounds, a numbered triangle at the plot's edge pointing towards it where
 * it lies beyond them, and an optional key explaining the diamond.
 */
final class Centres {
    private static final Color KEY_FILL = new Color(255, 255, 255, 225);
    private static final Color KEY_EDGE = new Color(0x8A, 0x8A, 0x8A);

    private Centres() {
    }

    /** Marker size (middle to tip, pixels) for a plot of this size. */
    static double size(Rectangle plot) {
        return PanelLayout.clamp(Math.min(plot.width, plot.height) / 36.0, 5, 11);
    }

    /**
     * Draws each centre {x, y} of {@code centres} with markers of size {@code s} (e.g.
     * {@link #size}); centre k is labelled {@code k + 1} when {@code numbered}. Centres with a NaN
     * or infinite coordinate are skipped.
     */
    static void paint(Graphics2D g, DecisionGrid grid, Rectangle plot, List<float[]> centres, boolean numbered,
                      double s) {
        Font font = Text.sans(Font.BOLD, PanelLayout.clamp(Math.min(plot.width, plot.height) / 27.0, 10, 16));
        for (int k = 0; k < centres.size(); k++) {
            float x = centres.get(k)[0];
            float y = centres.get(k)[1];
            if (!Float.isFinite(x) || !Float.isFinite(y)) {
                continue;
            }
            double px = Axes.toPx(grid, plot, x);
            double py = Axes.toPy(grid, plot, y);
            String label = numbered ? Integer.toString(k + 1) : "";
            if (Lattice.inside(grid, x, y)) {
                Markers.centre(g, px, py, s);
                labelBeside(g, font, label, px, py, s, plot);
            } else {
                edge(g, font, label, px, py, s, plot);
            }
        }
    }

    /** The triangle where the ray from the plot's middle to (px, py) leaves the plot. */
    private static void edge(Graphics2D g, Font font, String label, double px, double py, double s, Rectangle plot) {
        double cx = plot.getCenterX();
        double cy = plot.getCenterY();
        double dx = px - cx;
        double dy = py - cy;
        double len = Math.hypot(dx, dy);
        double inset = 1.5;
        double t = Math.min(dx == 0 ? Double.POSITIVE_INFINITY : (plot.width / 2.0 - inset) / Math.abs(dx),
                dy == 0 ? Double.POSITIVE_INFINITY : (plot.height / 2.0 - inset) / Math.abs(dy));
        double ux = dx / len;
        double uy = dy / len;
        double tipX = cx + dx * t;
        double tipY = cy + dy * t;
        Markers.centreArrow(g, tipX, tipY, ux, uy, s);
        if (!label.isEmpty()) {
            // behind the triangle's base, further inside the plot
            double w = Text.width(font, label);
            double h = Text.ascent(font);
            double back = 2.2 * s + 2 + 0.5 * Math.hypot(w, h);
            haloText(g, font, label, tipX - ux * back - w / 2, tipY - uy * back + h / 2);
        }
    }

    /** The number above right of a diamond, or on whichever side keeps it inside the plot. */
    private static void labelBeside(Graphics2D g, Font font, String label, double px, double py, double s,
                                    Rectangle plot) {
        if (label.isEmpty()) {
            return;
        }
        double w = Text.width(font, label);
        double h = Text.ascent(font);
        double off = s * 0.75;
        double x = px + off;
        if (x + w > plot.getMaxX() - 2) {
            x = px - off - w;
        }
        double baseline = py - off;
        if (baseline - h < plot.y + 2) {
            baseline = py + off + h;
        }
        haloText(g, font, label, x, baseline);
    }

    /** Dark text with a white halo so it reads on any background. */
    static void haloText(Graphics2D g, Font font, String s, double x, double baseline) {
        var layout = new TextLayout(s, font, g.getFontRenderContext());
        var outline = layout.getOutline(AffineTransform.getTranslateInstance(x, baseline));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) Math.max(2.5, font.getSize2D() * 0.24f), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(Palette.INK);
        g.fill(outline);
    }

    /** A small boxed key "diamond = {@code label}" in the bottom-left corner of the plot. */
    static void key(Graphics2D g, Rectangle plot, String label) {
        Font f = Text.sans(Font.PLAIN, PanelLayout.clamp(Math.min(plot.width, plot.height) / 30.0, 9.5, 14));
        double h = Text.height(f);
        double pad = h * 0.35;
        double s = h * 0.42;
        double margin = Math.max(3, h * 0.3);
        double maxText = plot.width - 2 * margin - 2 * pad - 2 * s - h * 0.4;
        if (maxText < h * 2) {
            return;
        }
        String text = Text.ellipsize(f, label, maxText);
        double w = 2 * pad + 1.56 * s + h * 0.4 + Text.width(f, text);
        double boxH = h + 2 * pad * 0.8;
        double x = plot.x + margin;
        double y = plot.getMaxY() - margin - boxH;
        var box = new RoundRectangle2D.Double(x, y, w, boxH, h * 0.5, h * 0.5);
        g.setColor(KEY_FILL);
        g.fill(box);
        g.setColor(KEY_EDGE);
        g.setStroke(new BasicStroke(1f));
        g.draw(box);
        double mid = y + boxH / 2;
        Markers.centre(g, x + pad + 0.78 * s, mid, s);
        g.setFont(f);
        g.setColor(Palette.INK);
        g.drawString(text, (float) (x + pad + 1.56 * s + h * 0.4), (float) (mid + (Text.ascent(f) - (h
                - Text.ascent(f))) / 2));
    }
}
