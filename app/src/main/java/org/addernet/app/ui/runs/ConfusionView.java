package org.addernet.app.ui.runs;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A confusion matrix drawn on a canvas: rows the true class, columns the predicted one, each cell
 * shaded by its share of the row (white 0 to dark blue 1; the diagonal is recall), with that share
 * written in it in percent while the cells are big enough; hovering a cell gives its count.
 */
final class ConfusionView {
    private static final double LABEL = 92;
    /** Room on the right for the last column's slanted name. */
    private static final double RIGHT = 48;
    private final Canvas canvas;
    private int[][] counts;

    ConfusionView(double size) {
        canvas = new Canvas(size + LABEL + RIGHT, size + LABEL);
        canvas.setId("image-confusion");
        // the counts behind the shares, one cell at a time
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        javafx.scene.control.Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> tip.setText(describe(e.getX(), e.getY())));
    }

    private List<String> names = List.of();

    /** What the cell under (x, y) holds: true and predicted class, count and share; empty off the cells. */
    String describe(double x, double y) {
        if (counts == null) {
            return "";
        }
        int k = counts.length;
        double cell = (canvas.getWidth() - LABEL - RIGHT) / k;
        int p = (int) Math.floor((x - LABEL) / cell);
        int t = (int) Math.floor((y - LABEL) / cell);
        if (p < 0 || t < 0 || p >= k || t >= k) {
            return "each cell: its share of the true class's test images, in percent";
        }
        long row = 0;
        for (int v : counts[t]) {
            row += v;
        }
        String tn = t < names.size() ? names.get(t) : String.valueOf(t);
        String pn = p < names.size() ? names.get(p) : String.valueOf(p);
        return String.format(java.util.Locale.ROOT, "true %s, predicted %s: %,d of %,d (%.1f %%)", tn, pn, counts[t][p], row,
                row == 0 ? 0 : 100.0 * counts[t][p] / row);
    }

    Canvas node() {
        return canvas;
    }

    int[][] counts() {
        return counts;
    }

    /** A cell's text: its share of the true class in percent, whole (one decimal under 10 %); blank for none. */
    static String cellText(int count, long row) {
        if (row == 0) {
            return "";
        }
        double pct = 100.0 * count / row;
        if (count == 0) {
            return "0";
        }
        return pct < 9.95 ? String.format(java.util.Locale.ROOT, "%.1f", pct) : String.format(java.util.Locale.ROOT, "%.0f", pct);
    }

    void show(int[][] c, List<String> names) {
        counts = c;
        this.names = names;
        int k = c.length;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double size = canvas.getWidth() - LABEL - RIGHT;
        double cell = size / k;
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (int v : c[t]) {
                row += v;
            }
            for (int p = 0; p < k; p++) {
                double share = row == 0 ? 0 : c[t][p] / (double) row;
                g.setFill(Color.WHITE.interpolate(Color.web("#08519c"), share));
                g.fillRect(LABEL + p * cell, LABEL + t * cell, cell, cell);
                if (cell >= 26) {
                    g.setFill(share > 0.5 ? Color.WHITE : Color.web("#1c1c1e"));
                    g.setFont(Font.font(cell >= 40 ? 12 : 10));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(cellText(c[t][p], row), LABEL + (p + 0.5) * cell, LABEL + (t + 0.5) * cell);
                }
            }
        }
        g.setStroke(Color.web("#c0c4c8"));
        g.strokeRect(LABEL, LABEL, size, size);
        g.setFill(Color.web("#1c1c1e"));
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("predicted \u2192", LABEL + size / 2, 12);
        g.save();
        g.translate(12, LABEL + size / 2);
        g.rotate(-90);
        g.fillText("true class \u2192", 0, 0);
        g.restore();
        if (k <= 20) {
            g.setFont(Font.font(10));
            for (int i = 0; i < k; i++) {
                String n = names.get(i).length() > 11 ? names.get(i).substring(0, 10) + "." : names.get(i);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(n, LABEL - 4, LABEL + (i + 0.5) * cell);
                g.save();
                g.translate(LABEL + (i + 0.5) * cell, LABEL - 4);
                g.rotate(-60);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(n, 0, 0);
                g.restore();
            }
        }
    }
}
