package org.addernet.app.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The history's comparison as bars: the mean final test accuracy of each row of the run store's
 * comparison table ({@code store.ComparisonTable#bars()}) with an error bar of one sample standard deviation over seeds (none for
 * a single seed), and every seed's own accuracy as a dot on its bar, so that one failed seed
 * among good ones shows as what it is rather than as a wide spread. One group per (preset,
 * settings, n), one bar per model: AdderNets blue, MLPs and CNNs orange, as in every other chart.
 * The value axis ends just above 100 % (an error bar that would pass it is cut there) and starts a little
 * below the lowest dot or bar.
 */
public final class ComparisonChart {
    /**
     * One bar: a (preset, settings, n) group's model, its mean final test accuracy and sample
     * standard deviation over {@code seeds} seeds (null when none / one), and each seed's own.
     */
    public record Bar(String preset, String settings, Integer hidden, String model, Double testMean, Double testSd,
                      int seeds, List<Double> tests) {
        public Bar {
            tests = List.copyOf(tests);
        }
    }

    private ComparisonChart() {
    }

    public static JFreeChart create(String title, List<Bar> table) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        DefaultMultiValueCategoryDataset perSeed = new DefaultMultiValueCategoryDataset();
        Map<String, Integer> seriesIndex = new LinkedHashMap<>();
        double low = 100;
        double high = 0;
        int minSeeds = Integer.MAX_VALUE;
        int maxSeeds = 0;
        boolean manyPresets = table.stream().map(Bar::preset).distinct().count() > 1;
        for (Bar r : table) {
            if (r.testMean() == null) {
                continue;
            }
            double mean = 100 * r.testMean();
            double sd = r.testSd() == null ? 0 : 100 * r.testSd();
            data.add(mean, r.testSd() == null ? Double.NaN : sd, r.model(), group(r, manyPresets));
            perSeed.add(r.tests().stream().map(v -> (Number) (100 * v)).toList(), r.model(), group(r, manyPresets));
            seriesIndex.putIfAbsent(r.model(), seriesIndex.size());
            low = Math.min(low, mean - sd);
            for (double v : r.tests()) {
                low = Math.min(low, 100 * v);
            }
            high = Math.max(high, mean + sd);
            minSeeds = Math.min(minSeeds, r.seeds());
            maxSeeds = Math.max(maxSeeds, r.seeds());
        }
        NumberAxis values = new NumberAxis("test accuracy (%)");
        ChartStyle.axis(values);
        if (data.getRowCount() > 0) {
            double lower = Math.max(0, Math.floor((low - 5) / 10) * 10);
            values.setRange(lower, 101);              // room for the dots of seeds at 100 %
            values.setAutoRangeIncludesZero(false);
        }
        CategoryAxis groups = new CategoryAxis(null) {
            @Override
            protected org.jfree.chart.text.TextBlock createLabel(Comparable category, float width,
                    org.jfree.chart.ui.RectangleEdge edge, java.awt.Graphics2D g2) {
                // "n = 3" is never broken across lines (no-break spaces); the category key stays as it is
                String text = category.toString().replace("n = ", "n\u00a0=\u00a0");
                return org.jfree.chart.text.TextUtils.createTextBlock(text, getTickLabelFont(category),
                        getTickLabelPaint(category), width, getMaximumCategoryLabelLines(),
                        new org.jfree.chart.text.G2TextMeasurer(g2));
            }
        };
        groups.setTickLabelFont(ChartStyle.TICK_LABEL);
        groups.setTickLabelPaint(ChartStyle.INK);
        groups.setMaximumCategoryLabelLines(3);
        groups.setCategoryMargin(0.25);
        groups.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);

        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.06);
        bars.setDrawBarOutline(false);
        bars.setErrorIndicatorPaint(ChartStyle.INK);
        bars.setErrorIndicatorStroke(new BasicStroke(1.6f));
        List<String> models = new ArrayList<>(seriesIndex.keySet());
        List<ModelPalette.Family> families = ModelPalette.assign(models);
        for (int i = 0; i < models.size(); i++) {
            int row = data.getRowIndex(models.get(i));
            bars.setSeriesPaint(row, families.get(i).base());
        }
        CategoryPlot plot = new CategoryPlot(data, groups, values, bars);
        ScatterRenderer dots = new ScatterRenderer();
        dots.setUseSeriesOffset(true);
        dots.setItemMargin(0.06);
        dots.setUseOutlinePaint(true);
        dots.setUseFillPaint(true);
        dots.setDefaultShape(new Ellipse2D.Double(-4, -4, 8, 8));
        dots.setAutoPopulateSeriesShape(false);
        dots.setAutoPopulateSeriesPaint(false);
        dots.setAutoPopulateSeriesFillPaint(false);
        dots.setAutoPopulateSeriesOutlinePaint(false);
        dots.setDrawOutlines(true);
        dots.setDefaultFillPaint(ChartStyle.INK);                 // dark dots with a white halo: visible on any bar
        dots.setDefaultOutlinePaint(Color.WHITE);
        dots.setDefaultOutlineStroke(new BasicStroke(1.2f));
        dots.setDefaultSeriesVisibleInLegend(false);
        plot.setDataset(1, perSeed);
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        JFreeChart chart = ChartStyle.chart(title, plot);
        if (maxSeeds > 0) {
            String seeds = minSeeds == maxSeeds ? maxSeeds + (maxSeeds == 1 ? " seed" : " seeds")
                    : minSeeds + " to " + maxSeeds + " seeds";
            chart.addSubtitle(ChartStyle.subtitle("bars: mean final test accuracy over " + seeds + "; dots: each seed"
                    + (maxSeeds > 1 ? "; error bars: \u00b1 1 sample standard deviation" : "")));
        }
        return chart;
    }

    /** The group label: preset (when several), settings, and n for the two-layer nets. */
    private static String group(Bar r, boolean withPreset) {
        List<String> parts = new ArrayList<>();
        if (withPreset) {
            parts.add(r.preset());
        }
        if (!r.settings().isEmpty()) {
            parts.add(r.settings());
        }
        if (r.hidden() != null) {
            parts.add("n = " + r.hidden());
        }
        return parts.isEmpty() ? r.preset() : String.join("  ", parts);
    }
}
