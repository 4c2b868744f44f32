package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The figure legend: class colours, train/test markers, the misclassification cross, the
 * boundary line and a P(class 1) colour bar, laid out left to right and wrapped into centred
 * lines no wider than asked.
 */
public final class Legend {
    private static final Color TEXT = new Color(0x2E, 0x2E, 0x2E);
    private static final Color NEUTRAL_POINT = new Color(0x9A, 0x9A, 0x9A);

    private final Font font;
    private final double r;
    private final double swatch;
    private final double itemGap;
    private final List<Item> items = new ArrayList<>();

    private interface Swatch {
        void paint(Graphics2D g, double cx, double cy);
    }

    private record Item(String text, double swatchWidth, Swatch swatch) {
    }

    Legend(Font font) {
        this.font = font;
        double h = Text.height(font);
        this.r = Math.max(3, h * 0.32);
        this.swatch = Math.max(2 * r + 4, h * 1.1);
        this.itemGap = h * 1.3;
        items.add(new Item("class 0", swatch, (g, x, y) -> Markers.train(g, x, y, r, 0)));
        items.add(new Item("class 1", swatch, (g, x, y) -> Markers.train(g, x, y, r, 1)));
        items.add(new Item("train", swatch, this::neutralDisc));
        items.add(new Item("test", swatch, (g, x, y) -> Markers.test(g, x, y, r, 1)));
        items.add(new Item("misclassified", swatch, (g, x, y) -> {
            Markers.train(g, x, y, r, 0);
            Markers.miss(g, x, y, r);
        }));
        items.add(new Item("P = 0.5 boundary", h * 1.8, this::boundaryLine));
        items.add(new Item("P(class 1) 0 \u2192 1", h * 4.5, this::colourBar));
    }

    /**
     * The legend as a column, one item a line, left-aligned, its text {@code fontSize} pixels high
     * (the window's key beside its boundary panels: the same markers as the panels).
     */
    public static BufferedImage column(float fontSize) {
        Legend legend = new Legend(Text.sans(Font.PLAIN, fontSize));
        double lh = legend.lineHeight();
        int w = (int) Math.ceil(legend.minWidth() + 4);
        int h = (int) Math.ceil(lh * legend.items.size() + 2);
        BufferedImage img = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double y = 1;
        for (Item it : legend.items) {
            double mid = y + lh / 2;
            it.swatch().paint(g, 2 + it.swatchWidth() / 2, mid);
            g.setColor(TEXT);
            g.setFont(legend.font);
            g.drawString(it.text(), (float) (2 + it.swatchWidth() + legend.spacing()),
                    (float) (mid + (Text.ascent(legend.font) - legend.descent()) / 2));
            y += lh;
        }
        g.dispose();
        return img;
    }

    /** Height of the legend when wrapped to {@code maxWidth}. */
    double height(double maxWidth) {
        int lines = lines(maxWidth).size();
        return lines * lineHeight();
    }

    /** Width of the widest single item: the narrowest the legend can be wrapped. */
    double minWidth() {
        double w = 0;
        for (Item it : items) {
            w = Math.max(w, itemWidth(it));
        }
        return w;
    }

    /** Paints the legend centred on {@code cx}, its first line's top at {@code top}. */
    void paint(Graphics2D g, double cx, double top, double maxWidth) {
        g.setFont(font);
        double lh = lineHeight();
        double y = top;
        for (List<Item> line : lines(maxWidth)) {
            double w = lineWidth(line);
            double x = cx - w / 2;
            double mid = y + lh / 2;
            for (Item it : line) {
                it.swatch().paint(g, x + it.swatchWidth() / 2, mid);
                x += it.swatchWidth() + spacing();
                g.setColor(TEXT);
                g.setFont(font);
                g.drawString(it.text(), (float) x, (float) (mid + (Text.ascent(font) - descent()) / 2));
                x += Text.width(font, it.text()) + itemGap;
            }
            y += lh;
        }
    }

    private List<List<Item>> lines(double maxWidth) {
        List<List<Item>> out = new ArrayList<>();
        List<Item> line = new ArrayList<>();
        for (Item it : items) {
            line.add(it);
            if (line.size() > 1 && lineWidth(line) > maxWidth) {
                line.remove(line.size() - 1);
                out.add(line);
                line = new ArrayList<>(List.of(it));
            }
        }
        out.add(line);
        return out;
    }

    private double lineWidth(List<Item> line) {
        double w = 0;
        for (Item it : line) {
            w += itemWidth(it);
        }
        return w + itemGap * (line.size() - 1);
    }

    private double itemWidth(Item it) {
        return it.swatchWidth() + spacing() + Text.width(font, it.text());
    }

    private double spacing() {
        return Text.height(font) * 0.35;
    }

    private double lineHeight() {
        return Text.height(font) * 1.6;
    }

    private double descent() {
        return Text.height(font) - Text.ascent(font);
    }

    private void neutralDisc(Graphics2D g, double x, double y) {
        var disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        g.setColor(NEUTRAL_POINT);
        g.fill(disc);
        g.setColor(Markers.OUTLINE);
        g.setStroke(new BasicStroke(Markers.outline(r)));
        g.draw(disc);
    }

    private void boundaryLine(Graphics2D g, double x, double y) {
        double half = Text.height(font) * 0.9;
        g.setColor(Palette.INK);
        g.setStroke(Markers.boundary(Text.height(font) * 14));
        g.draw(new Line2D.Double(x - half, y, x + half, y));
    }

    private void colourBar(Graphics2D g, double cx, double cy) {
        double w = Text.height(font) * 4.5;
        double h = Text.height(font) * 0.7;
        double x0 = cx - w / 2;
        int steps = (int) Math.ceil(w);
        for (int k = 0; k < steps; k++) {
            g.setColor(new Color(Palette.heat((k + 0.5) / steps)));
            g.fill(new Rectangle2D.Double(x0 + k * w / steps, cy - h / 2, w / steps + 0.6, h));
        }
        g.setColor(new Color(0x8A, 0x8A, 0x8A));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x0, cy - h / 2, w, h));
    }
}
