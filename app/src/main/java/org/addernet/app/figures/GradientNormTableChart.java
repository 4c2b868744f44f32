package org.addernet.app.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The paper's Table 1 as a picture: each weight layer's filter-gradient L2 norm at the first
 * iteration, AdderNet against CNN, ours as solid bars and the paper's as pale bars beside them, on
 * a log axis (the two nets differ by orders of magnitude).
 */
public final class GradientNormTableChart {
    /** One bar series: a label (e.g. "AdderNet, ours") and a norm per layer (NaN: no bar). */
    public record Series(String label, boolean adder, boolean paper, double[] norms) {
    }

    private GradientNormTableChart() {
    }

    public static JFreeChart create(String title, List<Series> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int layers = series.stream().mapToInt(s -> s.norms().length).max().orElse(0);
        for (Series s : series) {
            for (int k = 0; k < layers; k++) {
                double v = k < s.norms().length ? s.norms()[k] : Double.NaN;
                data.addValue(Double.isFinite(v) && v > 0 ? v : null, s.label(), "layer " + (k + 1));
            }
        }
        LogAxis values = new LogAxis("gradient L2 norm (log scale)");
        values.setBase(10);
        values.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        values.setNumberFormatOverride(new java.text.DecimalFormat("0.######"));
        values.setSmallestValue(1e-5);
        ChartStyle.axis(values);
        CategoryAxis cats = new CategoryAxis("weight layer");
        cats.setLabelFont(ChartStyle.AXIS_LABEL);
        cats.setTickLabelFont(ChartStyle.TICK_LABEL);
        cats.setLabelPaint(ChartStyle.INK);
        cats.setTickLabelPaint(ChartStyle.INK);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.04);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            Color c = s.adder() ? ModelPalette.BLUE.base() : ModelPalette.ORANGE.base();
            bars.setSeriesPaint(i, s.paper() ? blend(c, 0.62) : c);
            bars.setSeriesOutlinePaint(i, c);
            bars.setSeriesOutlineStroke(i, new BasicStroke(1f));
        }
        bars.setDrawBarOutline(true);
        CategoryPlot plot = new CategoryPlot(data, cats, values, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlineVisible(false);
        return ChartStyle.chart(title, plot);
    }

    private static Color blend(Color c, double towardsWhite) {
        return new Color((int) (c.getRed() + (255 - c.getRed()) * towardsWhite),
                (int) (c.getGreen() + (255 - c.getGreen()) * towardsWhite),
                (int) (c.getBlue() + (255 - c.getBlue()) * towardsWhite));
    }
}
