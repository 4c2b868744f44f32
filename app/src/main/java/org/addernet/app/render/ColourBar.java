package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.function.DoubleToIntFunction;

/** A colour-map key: a framed gradient bar, and the number format of its end labels. */
final class ColourBar {
    static final Color EDGE = new Color(0x8A, 0x8A, 0x8A);

    private ColourBar() {
    }

    /**
     * Fills {@code r} with {@code colour(t)} for t from 0 at the left (at the bottom when
     * {@code vertical}) to 1 at the other end, one pixel line per step so that the end lines show
     * the exact end colours, and frames it.
     */
    static void paint(Graphics2D g, Rectangle2D r, boolean vertical, DoubleToIntFunction colour) {
        int x0 = (int) Math.round(r.getX());
        int y0 = (int) Math.round(r.getY());
        int x1 = (int) Math.round(r.getMaxX());
        int y1 = (int) Math.round(r.getMaxY());
        int steps = Math.max(1, vertical ? y1 - y0 : x1 - x0);
        for (int k = 0; k < steps; k++) {
            g.setColor(new Color(colour.applyAsInt(steps == 1 ? 0.5 : k / (steps - 1.0))));
            if (vertical) {
                g.fillRect(x0, y1 - 1 - k, x1 - x0, 1);
            } else {
                g.fillRect(x0 + k, y0, 1, y1 - y0);
            }
        }
        g.setColor(EDGE);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x0 - 0.5, y0 - 0.5, x1 - x0 + 1, y1 - y0 + 1)); // crisp, just outside
    }

    /**
     * {@code v} with about three significant digits of {@code span} (the range the bar covers):
     * "-41.2", "0.53", "0.0042"; scientific for very large or very small magnitudes.
     */
    static String format(double v, double span) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221E" : "-\u221E";
        }
        double mag = Math.max(Math.abs(v), Math.abs(span));
        if (mag >= 1e5 || (mag > 0 && mag < 1e-3)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        double ref = span > 0 ? span : Math.abs(v);
        int decimals = ref == 0 ? 0 : (int) Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(ref))));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s; // no "-0.00"
    }
}
