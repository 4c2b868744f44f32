package org.addernet.app.figures;

import java.awt.Shape;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.addernet.engine.train.StepMetrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Per-layer L2 norms of the weight gradients of every model on one plot with a logarithmic
 * y axis; series are named "model layer" ({@code "AdderNet n=3 layer1"}). A model keeps its
 * colour family (AdderNet blue, MLP orange); its layers go from dark to light and from solid to
 * dashed and dotted lines.
 *
 * <p>Zero, negative and non-finite norms cannot be drawn on a log axis and are skipped. Updates
 * follow {@link LossAccuracyChart}: only newly logged steps are appended, one
 * {@code fireSeriesChanged()} per series and one redraw per call; a model whose history no longer
 * continues the one seen starts over; a change of labels or layer names rebuilds all series.
 * With more than {@value #MAX_LEGEND_SERIES} series the legend shows one entry per model instead
 * of one per layer.
 *
 * <p>Headless; the window shows {@link #chart()} through {@code ui.charts.ChartNode}, and then
 * {@link #update} belongs on the FX thread.
 */
public final class GradientNormChart {
    /** The chart's title. */
    public static final String TITLE = "Gradient norm per layer";
    /** Up to this many series the legend names each; beyond, one entry per model. */
    public static final int MAX_LEGEND_SERIES = 12;

    private final XYSeriesCollection norms = new XYSeriesCollection();
    private final XYLineAndShapeRenderer lines = ChartStyle.lines();
    private final LogAxis normAxis = new LogAxis("\u2016grad\u2016\u2082 (log scale)");
    private final XYPlot plot;
    private final JFreeChart chart;
    /** Per model: its cursor, its layer names, and the index of its first series. */
    private final List<Track> tracks = new ArrayList<>();
    private List<String> structure = List.of();

    private record Track(HistoryCursor cursor, List<String> layers, int firstSeries) {
    }

    public GradientNormChart() {
        NumberAxis iteration = new NumberAxis("iteration");
        iteration.setAutoRangeIncludesZero(false);
        iteration.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        normAxis.setBase(10);
        normAxis.setBaseSymbol("10");
        normAxis.setSmallestValue(1e-30);
        // ticks at whole powers of ten only
        normAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        normAxis.setMinorTickMarksVisible(true);
        plot = new XYPlot(norms, iteration, normAxis, lines);
        plot.setRangeMinorGridlinesVisible(true);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        ChartStyle.plot(plot);
        chart = ChartStyle.chart(TITLE, plot);
    }

    /** The chart, for export or for tests; it changes in place on every update. */
    public JFreeChart chart() {
        return chart;
    }

    /**
     * Shows the gradient norms in {@code models}' histories, appending what each gained since the
     * previous call. Call on the FX thread once the chart is showing.
     */
    public void update(List<ModelCurves> models) {
        Objects.requireNonNull(models, "models");
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            List<String> now = structureOf(models);
            if (!now.equals(structure)) {
                rebuild(models);
                structure = now;
            }
            for (int i = 0; i < models.size(); i++) {
                append(tracks.get(i), models.get(i).history());
            }
        } finally {
            chart.setNotify(notify);
        }
    }

    /** Labels and layer names (from each history's first step) as one comparable list. */
    private static List<String> structureOf(List<ModelCurves> models) {
        List<String> s = new ArrayList<>();
        for (ModelCurves m : models) {
            s.add(m.label());
            s.add(String.join("\u0000", layersOf(m)));
        }
        return s;
    }

    private static List<String> layersOf(ModelCurves m) {
        return m.history().isEmpty() ? List.of() : m.history().get(0).layerNames();
    }

    private void append(Track t, List<StepMetrics> history) {
        int layers = t.layers().size();
        if (t.cursor().mustRestart(history)) {
            for (int k = 0; k < layers; k++) {
                norms.getSeries(t.firstSeries() + k).clear();
            }
            t.cursor().restart();
        }
        int from = t.cursor().consumed();
        int to = history.size();
        if (from == to) {
            return;
        }
        for (StepMetrics s : history.subList(from, to)) {
            double[] g = s.gradNorms();
            for (int k = 0; k < Math.min(layers, g.length); k++) {
                if (g[k] > 0 && g[k] < Double.POSITIVE_INFINITY) {
                    norms.getSeries(t.firstSeries() + k).add(s.iteration(), g[k], false);
                }
            }
        }
        t.cursor().advance(history);
        for (int k = 0; k < layers; k++) {
            norms.getSeries(t.firstSeries() + k).fireSeriesChanged();
        }
    }

    private void rebuild(List<ModelCurves> models) {
        norms.removeAllSeries();
        tracks.clear();
        List<String> labels = new ArrayList<>();
        for (ModelCurves m : models) {
            labels.add(m.label());
        }
        List<String> modelKeys = Keys.unique(labels);
        List<ModelPalette.Family> families = ModelPalette.assign(labels);
        List<String> seriesKeys = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            for (String layer : layersOf(models.get(i))) {
                seriesKeys.add(modelKeys.get(i) + " " + layer);
            }
        }
        seriesKeys = Keys.unique(seriesKeys);
        int next = 0;
        for (int i = 0; i < models.size(); i++) {
            List<String> layers = layersOf(models.get(i));
            tracks.add(new Track(new HistoryCursor(), layers, next));
            for (int k = 0; k < layers.size(); k++, next++) {
                norms.addSeries(new XYSeries(seriesKeys.get(next), true, true));
                lines.setSeriesPaint(next, families.get(i).shade(k, layers.size()), false);
                lines.setSeriesStroke(next, ModelPalette.layerStroke(k, ChartStyle.LINE_WIDTH), false);
            }
        }
        if (next <= MAX_LEGEND_SERIES) {
            plot.setFixedLegendItems(null);
        } else {
            LegendItemCollection items = new LegendItemCollection();
            Shape line = new Line2D.Double(-14, 0, 14, 0);
            for (int i = 0; i < models.size(); i++) {
                List<String> layers = layersOf(models.get(i));
                if (layers.isEmpty()) {
                    continue;
                }
                String text = modelKeys.get(i) + " (" + layers.get(0) + " \u2026 " + layers.get(layers.size() - 1)
                        + ", dark \u2192 light)";
                items.add(new LegendItem(text, null, null, null, line, ModelPalette.solid(ChartStyle.LINE_WIDTH),
                        families.get(i).base()));
            }
            plot.setFixedLegendItems(items);
        }
    }
}
