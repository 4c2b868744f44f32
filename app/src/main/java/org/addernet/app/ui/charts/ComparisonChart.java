package org.addernet.app.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.addernet.app.store.ComparisonTable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The history's comparison as bars: the mean final test accuracy of each row of a
 * {@link ComparisonTable} with an error bar of one sample standard deviation over seeds (none for
 * a single seed). One group per (preset, settings, n), one bar per model: AdderNets blue, MLPs and
 * CNNs orange, as in every other chart. The value axis starts a little below the lowest bar, so
 * differences of a few points stay visible; its label says so.
 */
public final class ComparisonChart {
    private ComparisonChart() {
    }

    public static JFreeChart create(String title, ComparisonTable table) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        Map<String, Integer> seriesIndex = new LinkedHashMap<>();
        double low = 100;
        double high = 0;
        int minSeeds = Integer.MAX_VALUE;
        int maxSeeds = 0;
        boolean manyPresets = table.rows().stream().map(ComparisonTable.Row::preset).distinct().count() > 1;
        for (ComparisonTable.Row r : table.rows()) {
            if (r.testMean() == null) {
                continue;
            }
            double mean = 100 * r.testMean();
            double sd = r.testSd() == null ? 0 : 100 * r.testSd();
            data.add(mean, r.testSd() == null ? Double.NaN : sd, r.model(), group(r, manyPresets));
            seriesIndex.putIfAbsent(r.model(), seriesIndex.size());
            low = Math.min(low, mean - sd);
            high = Math.max(high, mean + sd);
            minSeeds = Math.min(minSeeds, r.seeds());
            maxSeeds = Math.max(maxSeeds, r.seeds());
        }
        NumberAxis values = new NumberAxis("test accuracy (%), mean \u00b1 1 sd");
        ChartStyle.axis(values);
        if (data.getRowCount() > 0) {
            double lower = Math.max(0, Math.floor((low - 5) / 10) * 10);
            values.setRange(lower, Math.max(100, Math.ceil(high)));
            values.setAutoRangeIncludesZero(false);
        }
        CategoryAxis groups = new CategoryAxis(null);
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
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        JFreeChart chart = ChartStyle.chart(title, plot);
        if (maxSeeds > 0) {
            String seeds = minSeeds == maxSeeds ? maxSeeds + (maxSeeds == 1 ? " seed" : " seeds")
                    : minSeeds + " to " + maxSeeds + " seeds";
            chart.addSubtitle(ChartStyle.subtitle("final test accuracy over " + seeds + " per bar"
                    + (maxSeeds > 1 ? "; error bars: sample standard deviation" : "")));
        }
        return chart;
    }

    /** The group label: preset (when several), settings, and n for the two-layer nets. */
    private static String group(ComparisonTable.Row r, boolean withPreset) {
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
