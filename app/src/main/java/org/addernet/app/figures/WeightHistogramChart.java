package org.addernet.app.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.addernet.app.figures.DistributionFit.Fit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A layer's weight histogram (density-normalised, {@value #BINS} bins; with long tails the bins
 * span the central 99.8 % of the weights, the rest is counted in the legend) with the Laplace and
 * Gaussian maximum-likelihood fits drawn over it, as in the paper's Fig. 7; a combo box picks the
 * model and layer ({@code "AdderNet n=3 / layer1"}) and a text below gives each fit's parameters,
 * log-likelihood, AIC and Kolmogorov-Smirnov statistic and names the better fit.
 *
 * <p>{@link #update} replaces the models shown and keeps the selection while it still exists
 * (else the first entry is shown). Handed the same weight array for the selected layer again, the
 * panel does not recompute. Non-finite weights are left out of histogram and fits; for a
 * degenerate layer (fewer than 2 values, all equal) no fit is drawn (see {@link DistributionFit}).
 *
 * <p>Headless: the window's {@code ui.charts.WeightHistogramPanel} shows it with a combo box and
 * the text below, and is told of each change through {@link #onChange}.
 */
public final class WeightHistogramChart {
    /** Number of histogram bins. */
    public static final int BINS = 40;
    /** Between model and layer in an entry of {@link #choices()}. */
    public static final String SEPARATOR = " / ";
    /** The chart's title when nothing is selected; else it names the model and layer. */
    public static final String TITLE = "Weight distribution";

    static final Color LAPLACE_COLOR = ChartStyle.INK;
    static final Color GAUSSIAN_COLOR = new Color(0xD5, 0x5E, 0x00);
    /** Share of the sample in each tail the bins may leave out when the tails are long (see {@link Histogram}). */
    static final double TAIL = 0.001;
    /** Points per fitted density curve. */
    private static final int CURVE_POINTS = 400;

    private final XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    private final XYSeriesCollection curves = new XYSeriesCollection();
    private final XYBarRenderer barRenderer = new XYBarRenderer(0);
    private final XYLineAndShapeRenderer curveLines = ChartStyle.lines();
    private final TextTitle verdict = ChartStyle.subtitle("");
    private final JFreeChart chart;

    private final Map<String, float[]> weightsByChoice = new LinkedHashMap<>();
    private final Map<String, ModelPalette.Family> familyByChoice = new LinkedHashMap<>();
    private List<String> choices = List.of();
    private String selected;
    private String shownChoice;
    private float[] shownWeights;
    private ModelPalette.Family shownFamily;
    private List<Fit> fits = List.of();
    private String summary = "no weights yet";

    private Runnable onChange = () -> { };

    public WeightHistogramChart() {
        NumberAxis value = new NumberAxis("weight value");
        value.setAutoRangeIncludesZero(false);
        NumberAxis density = new NumberAxis("density");
        density.setAutoRangeIncludesZero(true);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(true);
        barRenderer.setDefaultOutlinePaint(Color.WHITE);
        barRenderer.setDefaultOutlineStroke(new BasicStroke(0.8f));
        barRenderer.setAutoPopulateSeriesPaint(false);
        curveLines.setSeriesPaint(0, LAPLACE_COLOR);
        curveLines.setSeriesStroke(0, ModelPalette.solid(ChartStyle.LINE_WIDTH));
        curveLines.setSeriesPaint(1, GAUSSIAN_COLOR);
        curveLines.setSeriesStroke(1, ModelPalette.dashed(ChartStyle.LINE_WIDTH, 8f, 4f));
        XYPlot plot = new XYPlot(bars, value, density, barRenderer);
        plot.setDataset(1, curves);
        plot.setRenderer(1, curveLines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // curves over the bars
        ChartStyle.plot(plot);
        chart = ChartStyle.chart(TITLE, plot);
        chart.addSubtitle(verdict);
    }

    /** The chart, for export or for tests; it changes in place. */
    public JFreeChart chart() {
        return chart;
    }

    /** Called after every {@link #update} and {@link #select} (the window's panel syncs its controls). */
    public void onChange(Runnable action) {
        this.onChange = action == null ? () -> { } : action;
    }

    /** Entries of the combo box, {@code model + SEPARATOR + layer}, in the order given. */
    public List<String> choices() {
        return choices;
    }

    /** The entry shown, or null when there is none. */
    public String selected() {
        return selected;
    }

    /** The Laplace and the Gaussian fit of the layer shown, in that order; empty when nothing is shown. */
    public List<Fit> fits() {
        return fits;
    }

    /** The text under the chart: each fit's parameters, logL, AIC, KS, and the verdict. */
    public String summary() {
        return summary;
    }

    /**
     * Replaces the models whose layers can be shown; keeps the selected entry if it still exists,
     * else selects the first (or none).
     */
    public void update(List<ModelWeights> models) {
        Objects.requireNonNull(models, "models");
        List<String> labels = new ArrayList<>();
        for (ModelWeights m : models) {
            labels.add(m.label());
        }
        List<String> keys = Keys.unique(labels);
        List<ModelPalette.Family> families = ModelPalette.assign(labels);
        weightsByChoice.clear();
        familyByChoice.clear();
        for (int i = 0; i < models.size(); i++) {
            for (Map.Entry<String, float[]> layer : models.get(i).layers().entrySet()) {
                String choice = keys.get(i) + SEPARATOR + layer.getKey();
                weightsByChoice.put(choice, layer.getValue());
                familyByChoice.put(choice, families.get(i));
            }
        }
        choices = List.copyOf(weightsByChoice.keySet());
        if (selected == null || !weightsByChoice.containsKey(selected)) {
            selected = choices.isEmpty() ? null : choices.get(0);
        }
        show();
        onChange.run();
    }

    /** Shows {@code choice}, one of {@link #choices()}. */
    public void select(String choice) {
        if (!weightsByChoice.containsKey(choice)) {
            throw new IllegalArgumentException("no layer '" + choice + "'; choices are " + choices);
        }
        selected = choice;
        show();
        onChange.run();
    }

    private void show() {
        float[] w = selected == null ? null : weightsByChoice.get(selected);
        ModelPalette.Family family = selected == null ? null : familyByChoice.get(selected);
        if (Objects.equals(selected, shownChoice) && w == shownWeights && family == shownFamily) {
            return;
        }
        shownChoice = selected;
        shownWeights = w;
        shownFamily = family;
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            bars.removeAllSeries();
            curves.removeAllSeries();
            if (w == null) {
                fits = List.of();
                chart.setTitle(TITLE);
                verdict.setText("");
                summary = "no weights yet";
                return;
            }
            double[] x = DistributionFit.toDoubles(w);
            Histogram h = Histogram.of(x, BINS, TAIL);
            Fit laplace = DistributionFit.laplace(x);
            Fit gaussian = DistributionFit.gaussian(x);
            fits = List.of(laplace, gaussian);
            barRenderer.setSeriesPaint(0, tint(family.base(), 0.45), false);
            bars.addSeries(histogramSeries(h));
            if (!laplace.degenerate()) {
                curves.addSeries(curve(laplace, h, FitReport.legend(laplace)));
                curves.addSeries(curve(gaussian, h, FitReport.legend(gaussian)));
            }
            chart.setTitle(TITLE + " \u2014 " + selected);
            verdict.setText(FitReport.verdict(laplace, gaussian, h.count()));
            summary = FitReport.table(laplace, gaussian, h.count(), w.length);
        } finally {
            chart.setNotify(notify);
        }
    }

    private static XYIntervalSeries histogramSeries(Histogram h) {
        String key = String.format(Locale.ROOT, "weights (n = %,d)", h.count());
        if (h.outside() > 0) {
            key = String.format(Locale.ROOT, "weights (n = %,d; %,d beyond the x range)", h.count(), h.outside());
        }
        XYIntervalSeries s = new XYIntervalSeries(key);
        for (int i = 0; i < h.bins(); i++) {
            double lo = h.lo() + i * h.width();
            double hi = lo + h.width();
            double y = h.density()[i];
            s.add(0.5 * (lo + hi), lo, hi, y, y, y);
        }
        return s;
    }

    /** The fitted density over the histogram's range, with its peak (the location) included. */
    private static XYSeries curve(Fit fit, Histogram h, String key) {
        XYSeries s = new XYSeries(key, true, true);
        double lo = h.lo();
        double hi = h.hi();
        for (int i = 0; i <= CURVE_POINTS; i++) {
            double x = lo + (hi - lo) * i / CURVE_POINTS;
            s.add(x, fit.density(x), false);
        }
        if (fit.location() > lo && fit.location() < hi) {
            s.add(fit.location(), fit.density(fit.location()), false);
        }
        return s;
    }

    private static Color tint(Color c, double towardsWhite) {
        return new Color(mix(c.getRed(), towardsWhite), mix(c.getGreen(), towardsWhite), mix(c.getBlue(), towardsWhite));
    }

    private static int mix(int v, double t) {
        return (int) Math.round(v + (255 - v) * t);
    }
}
