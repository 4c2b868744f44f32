package org.addernet.app.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The filters of a trained convolution layer as images, one row per run: the paper's Fig. 5.
 * Each filter is stretched from its own minimum (black) to its maximum (white); filters over
 * three input channels are drawn in colour. Used by {@code workbench filters} and the window.
 */
public final class FilterFigure {
    private static final int TILE = 64;
    private static final int GAP = 8;
    private static final int LABEL = 230;

    /** One run's filters: [filters][channels][k * k]. */
    public record Row(String label, float[][][] filters, int k) {
    }

    private FilterFigure() {
    }

    /** One row of tiles per run under a title; filters wrap after 16. */
    public static BufferedImage render(List<Row> rows, int layer) {
        int cols = rows.stream().mapToInt(r -> r.filters().length).max().orElse(1);
        int perRow = Math.min(cols, 16);
        int lines = rows.stream().mapToInt(r -> (r.filters().length + perRow - 1) / perRow).sum();
        int w = Math.max(560, LABEL + perRow * (TILE + GAP) + GAP);
        int h = 62 + lines * (TILE + GAP) + GAP;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Palette.INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Filters of weight layer " + layer, GAP, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(new Color(0x5F, 0x63, 0x68));
        g.drawString("each filter stretched from its own minimum (black) to its maximum (white)", GAP, 44);
        int y = 62;
        for (Row r : rows) {
            g.setColor(Palette.INK);
            g.drawString(r.label(), GAP, y + TILE / 2 + 5);
            for (int o = 0; o < r.filters().length; o++) {
                int x = LABEL + (o % perRow) * (TILE + GAP);
                int yy = y + (o / perRow) * (TILE + GAP);
                g.drawImage(tile(r.filters()[o], r.k()), x, yy, TILE, TILE, null);
                g.setColor(new Color(0xC0, 0xC4, 0xC8));
                g.drawRect(x - 1, yy - 1, TILE + 1, TILE + 1);
            }
            y += ((r.filters().length + perRow - 1) / perRow) * (TILE + GAP);
        }
        g.dispose();
        return img;
    }

    /** One filter as a k x k image (grey, or RGB for three channels), stretched to its own range. */
    private static BufferedImage tile(float[][] channels, int k) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] c : channels) {
            for (float v : c) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        float span = hi > lo ? hi - lo : 1f;
        BufferedImage t = new BufferedImage(k, k, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < k * k; p++) {
            int[] rgb = new int[3];
            for (int c = 0; c < 3; c++) {
                float v = channels[channels.length == 3 ? c : 0][p];
                rgb[c] = Math.round(255 * (v - lo) / span);
            }
            t.setRGB(p % k, p / k, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
        }
        return t;
    }
}
