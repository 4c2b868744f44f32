package org.addernet.app.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * The key under a {@link DifferencePlot}: "P(a) − P(b)" beside a colour bar labelled −1, 0, +1,
 * and below it the two boundary line styles with the models' names. {@link #fit} shortens the
 * texts and shrinks the font until both rows fit the width.
 */
final class DifferenceKey {
    private static final Color TEXT = new Color(0x2E, 0x2E, 0x2E);
    private static final String[] BAR_LABELS = {"\u22121", "0", "+1"};
    private static final double MIN_FONT = 8;

    private final Font font;
    private final String caption;
    private final String lineA;
    private final String lineB;
    private final double barWidth;

    private DifferenceKey(Font font, String caption, String lineA, String lineB, double barWidth) {
        this.font = font;
        this.caption = caption;
        this.lineA = lineA;
        this.lineB = lineB;
        this.barWidth = barWidth;
    }

    /** The height the key takes with {@code font} (a smaller fitted font takes less). */
    static double height(Font font) {
        double h = Text.height(font);
        return h * 0.6 + barHeight(h) + h * 1.15 + h * 1.7 + h * 0.3;
    }

    /** The key in the largest font up to {@code font} whose rows fit {@code maxWidth}. */
    static DifferenceKey fit(Font font, String nameA, String nameB, double plotWidth, double maxWidth) {
        String caption = "P(" + nameA + ") \u2212 P(" + nameB + ")";
        for (Font f = font; ; f = f.deriveFont(f.getSize2D() - 0.5f)) {
            double h = Text.height(f);
            double bar = PanelLayout.clamp(plotWidth * 0.38, h * 5, h * 12);
            boolean last = f.getSize2D() - 0.5f < MIN_FONT;
            var full = new DifferenceKey(f, caption, nameA + " boundary", nameB + " boundary", bar);
            if (full.fits(maxWidth)) {
                return full;
            }
            var shortNames = new DifferenceKey(f, caption, nameA, nameB, bar);
            if (shortNames.fits(maxWidth)) {
                return shortNames;
            }
            if (last) {
                // smallest font and still too wide: a short bar, cut texts
                double b = h * 3;
                String cap = Text.ellipsize(f, caption, maxWidth - b - h * 0.8 - Text.width(f, "+1") / 2);
                double each = (maxWidth - 2 * (h * 2.6) - h * 1.4) / 2;
                return new DifferenceKey(f, cap, Text.ellipsize(f, nameA, each), Text.ellipsize(f, nameB, each), b);
            }
        }
    }

    private boolean fits(double maxWidth) {
        return barRowWidth() <= maxWidth && lineRowWidth() <= maxWidth;
    }

    private double barRowWidth() {
        double h = Text.height(font);
        return Text.width(font, caption) + h * 0.8 + barWidth + Text.width(font, BAR_LABELS[2]) / 2;
    }

    private double lineRowWidth() {
        double h = Text.height(font);
        return 2 * (h * 2.2 + h * 0.4) + Text.width(font, lineA) + h * 1.4 + Text.width(font, lineB);
    }

    private static double barHeight(double lineHeight) {
        return lineHeight * 0.75;
    }

    /**
     * Paints the key centred on {@code cx} (kept inside an image {@code width} wide), its top
     * {@code top} plus a little space; {@code side} scales the line swatches like the plot's.
     */
    void paint(Graphics2D g, double cx, double top, int width, double side) {
        double h = Text.height(font);
        double ascent = Text.ascent(font);
        double descent = h - ascent;
        double bh = barHeight(h);
        double y0 = top + h * 0.6;
        g.setFont(font);

        double rowW = barRowWidth();
        double left = PanelLayout.clamp(cx - rowW / 2, 4, Math.max(4, width - 4 - rowW));
        double barX = left + Text.width(font, caption) + h * 0.8;
        g.setColor(TEXT);
        g.drawString(caption, (float) left, (float) (y0 + bh / 2 + (ascent - descent) / 2));
        ColourBar.paint(g, new Rectangle2D.Double(barX, y0, barWidth, bh), false, t -> Palette.difference(2 * t - 1));
        double labelY = y0 + bh + h * 0.15 + ascent;
        for (int k = 0; k < 3; k++) {
            double x = barX + barWidth * k / 2;
            g.setColor(ColourBar.EDGE);
            g.draw(new Line2D.Double(x, y0 + bh, x, y0 + bh + h * 0.15));
            g.setColor(TEXT);
            Text.centered(g, BAR_LABELS[k], x, labelY);
        }

        double mid = labelY + descent + h * 0.85;
        double textY = mid + (ascent - descent) / 2;
        double sw = h * 2.2;
        double sp = h * 0.4;
        double lineW = lineRowWidth();
        double x = PanelLayout.clamp(cx - lineW / 2, 4, Math.max(4, width - 4 - lineW));
        DifferencePlot.boundary(g, new Line2D.Double(x, mid, x + sw, mid), side, false);
        x += sw + sp;
        g.setColor(TEXT);
        g.drawString(lineA, (float) x, (float) textY);
        x += Text.width(font, lineA) + h * 1.4;
        DifferencePlot.boundary(g, new Line2D.Double(x, mid, x + sw, mid), side, true);
        x += sw + sp;
        g.setColor(TEXT);
        g.drawString(lineB, (float) x, (float) textY);
    }
}
