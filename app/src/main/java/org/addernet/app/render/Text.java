package org.addernet.app.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;

/** Font and text helpers shared by the figures: quality hints, fitting, centred drawing. */
public final class Text {
    /** Rendering context used for measuring before any image exists (antialiased, fractional). */
    public static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Text() {
    }

    /** Sans-serif (the logical font, DejaVu Sans on Linux) at {@code size} pixels. */
    public static Font sans(int style, double size) {
        return new Font(Font.SANS_SERIF, style, 12).deriveFont((float) size);
    }

    /** Antialiasing for shapes and text, quality rendering, pure stroke geometry. */
    public static void quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    public static double width(Font f, String s) {
        return s.isEmpty() ? 0 : f.getStringBounds(s, FRC).getWidth();
    }

    /** Line height (ascent + descent) of {@code f}. */
    public static double height(Font f) {
        var lm = f.getLineMetrics("Ag", FRC);
        return lm.getAscent() + lm.getDescent();
    }

    public static double ascent(Font f) {
        return f.getLineMetrics("Ag", FRC).getAscent();
    }

    /** {@code f}, shrunk (not below {@code minSize}) until {@code s} fits in {@code maxWidth}. */
    public static Font fit(Font f, String s, double maxWidth, double minSize) {
        Font out = f;
        while (width(out, s) > maxWidth && out.getSize2D() > minSize) {
            out = out.deriveFont((float) Math.max(minSize, out.getSize2D() - 0.5));
        }
        return out;
    }

    /** {@code s}, cut with an ellipsis if it is wider than {@code maxWidth} in {@code f}. */
    public static String ellipsize(Font f, String s, double maxWidth) {
        if (width(f, s) <= maxWidth) {
            return s;
        }
        for (int n = s.length() - 1; n > 0; n--) {
            String cut = s.substring(0, n).stripTrailing() + "\u2026";
            if (width(f, cut) <= maxWidth) {
                return cut;
            }
        }
        return "";
    }

    /** Draws {@code s} in the current font centred on {@code cx} with its baseline at {@code y}. */
    public static void centered(Graphics2D g, String s, double cx, double y) {
        g.drawString(s, (float) (cx - width(g.getFont(), s) / 2), (float) y);
    }

    /** Draws {@code s} reading bottom-to-top, centred on ({@code cx}, {@code cy}). */
    public static void rotatedCentered(Graphics2D g, String s, double cx, double cy) {
        Font f = g.getFont();
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(-Math.PI / 2);
        var lm = f.getLineMetrics(s, FRC);
        double baseline = (lm.getAscent() - lm.getDescent()) / 2;
        g.drawString(s, (float) (-width(f, s) / 2), (float) baseline);
        g.setTransform(saved);
    }

    /** Uses the true minus sign where the font has it. */
    public static String minus(Font f, String number) {
        return number.startsWith("-") && f.canDisplay('\u2212') ? "\u2212" + number.substring(1) : number;
    }
}
