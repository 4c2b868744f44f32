package org.addernet.app.render;

import java.awt.Font;
import java.awt.Rectangle;
import org.addernet.engine.train.DecisionGrid;

/**
 * Where everything of one panel goes for a given pixel size: fonts scaled to the panel, the
 * title block on top, tick labels left and below, and the plot area with equal units on both
 * axes, centred in what is left.
 *
 * @param gap    the spacing unit between text lines and the plot, in pixels
 * @param xTicks values of the x ticks (data units); {@code xStep} their spacing, which sets the
 *               labels' decimals; the same for y
 */
record PanelLayout(Font titleFont, Font subtitleFont, Font tickFont, Rectangle plot,
                   double[] xTicks, double xStep, double[] yTicks, double yStep, double tickLength,
                   double gap) {

    /** The layout for {@code grid}'s bounds (or a square [-1, 1] box when it is null). */
    static PanelLayout of(DecisionGrid grid, String title, String subtitle, int width, int height) {
        double xMin = grid == null ? -1 : grid.xMin();
        double xMax = grid == null ? 1 : grid.xMax();
        double yMin = grid == null ? -1 : grid.yMin();
        double yMax = grid == null ? 1 : grid.yMax();
        double side = Math.min(width, height);
        Font titleFont = Text.sans(Font.BOLD, clamp(side / 24.0, 11.5, 22));
        Font subtitleFont = Text.sans(Font.PLAIN, clamp(side / 29.0, 10.5, 17));
        Font tickFont = Text.sans(Font.PLAIN, clamp(side / 33.0, 10, 15));
        double pad = Math.round(side * 0.02) + 2;
        double gap = Math.max(2, side * 0.012);
        double tickLength = Math.max(3, side / 90.0);

        double top = pad;
        if (!title.isEmpty()) {
            top += Text.height(titleFont) + gap * 0.5;
        }
        if (!subtitle.isEmpty()) {
            top += Text.height(subtitleFont);
        }
        top += gap * 1.5;
        double bottom = pad + tickLength + gap + Text.height(tickFont);

        // two passes: the ticks depend on the plot size, the left margin on the tick labels
        double guess = side * 0.8;
        double[] y = ticks(tickFont, yMin, yMax, guess, false);
        double left = pad + labelWidth(tickFont, y) + gap + tickLength;
        double[] x = ticks(tickFont, xMin, xMax, width - left - pad, true);
        double right = Math.max(pad, lastLabelOverhang(tickFont, x) + pad / 2);

        double availW = width - left - right;
        double availH = height - top - bottom;
        double scale = Math.min(availW / (xMax - xMin), availH / (yMax - yMin));
        int plotW = Math.max(1, (int) Math.floor((xMax - xMin) * scale));
        int plotH = Math.max(1, (int) Math.floor((yMax - yMin) * scale));
        int px = (int) Math.round(left + (availW - plotW) / 2);
        int py = (int) Math.round(top + (availH - plotH) / 2);
        var plot = new Rectangle(px, py, plotW, plotH);

        x = ticks(tickFont, xMin, xMax, plotW, true);
        y = ticks(tickFont, yMin, yMax, plotH, false);
        return new PanelLayout(titleFont, subtitleFont, tickFont, plot, values(x), x[0], values(y), y[0],
                tickLength, gap);
    }

    /**
     * {step, v1, v2, ...}: the densest nice ticks (at most 9) whose labels do not crowd each
     * other; when even the sparsest crowd, just the two ends of the axis.
     */
    private static double[] ticks(Font f, double min, double max, double lengthPx, boolean horizontal) {
        double step = Ticks.step(min, max, 9);
        for (int k = 0; k < 12; k++, step = Ticks.next(step)) {
            double[] v = Ticks.values(min, max, step);
            if (v.length < 2) {
                break;
            }
            double spacing = lengthPx * step / (max - min);
            double need = horizontal ? maxWidth(f, v, step) + Text.height(f) * 0.7 : Text.height(f) * 2;
            if (v.length <= 9 && spacing >= need) {
                return prepend(step, v);
            }
        }
        return new double[] {(max - min) / 100, min, max}; // step only sets the decimals
    }

    private static double labelWidth(Font f, double[] stepAndValues) {
        return maxWidth(f, values(stepAndValues), stepAndValues[0]);
    }

    private static double lastLabelOverhang(Font f, double[] stepAndValues) {
        double[] v = values(stepAndValues);
        return v.length == 0 ? 0 : Text.width(f, label(f, v[v.length - 1], stepAndValues[0])) / 2;
    }

    private static double maxWidth(Font f, double[] v, double step) {
        double w = 0;
        for (double t : v) {
            w = Math.max(w, Text.width(f, label(f, t, step)));
        }
        return w;
    }

    /** The tick label text for {@code v}. */
    static String label(Font f, double v, double step) {
        return Text.minus(f, Ticks.format(v, step));
    }

    private static double[] prepend(double step, double[] v) {
        double[] out = new double[v.length + 1];
        out[0] = step;
        System.arraycopy(v, 0, out, 1, v.length);
        return out;
    }

    private static double[] values(double[] stepAndValues) {
        double[] out = new double[stepAndValues.length - 1];
        System.arraycopy(stepAndValues, 1, out, 0, out.length);
        return out;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
