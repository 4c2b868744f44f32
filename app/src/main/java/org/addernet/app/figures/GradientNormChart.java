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
 * family's hue (AdderNet blue, MLP orange); one model's layers go from dark to light and from
 * solid to dashed and dotted lines; several models of a family take the shade by model and the
 * dash by layer, so no two series look alike.
 *
 * <p>A norm of exactly 0 (no gradient reaches the layer: a dead network) cannot be drawn on a
 * log axis: it is marked by a triangle on the plot's floor and the chart says so
 * ({@link Curves#ZERO_NOTE}). Negative and non-finite norms are skipped. Updates follow
 * {@link LossAccuracyChart}: only newly logged steps are appended, one
 * {@code fireSeriesChanged()} per series and one redraw per call; a model whose history no longer
 * continues the one seen starts over; a change of labels or layer names rebuilds all series.
 * With more than {@value #MAX_LEGEND_SERIES} series the legend shows one entry per model instead
 * of one per layer; every entry stands for its series ({@link Curves}: click to hide).
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
    private final ZeroMarkers zeros;
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
        zeros = new ZeroMarkers(plot, lines);
        chart = ChartStyle.chart(TITLE, plot);
        zeros.chart(chart);
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
                zeros.clear(String.valueOf(norms.getSeriesKey(t.firstSeries() + k)));
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
                } else if (g[k] == 0) {
                    zeros.add(String.valueOf(norms.getSeriesKey(t.firstSeries() + k)), s.iteration());
                }
            }
        }
        t.cursor().advance(history);
        for (int k = 0; k < layers; k++) {
            norms.getSeries(t.firstSeries() + k).fireSeriesChanged();
        }
        zeros.changed();
    }

    private void rebuild(List<ModelCurves> models) {
        norms.removeAllSeries();
        zeros.clear();
        tracks.clear();
        List<String> labels = new ArrayList<>();
        for (ModelCurves m : models) {
            labels.add(m.label());
        }
        List<String> modelKeys = Keys.unique(labels);
        List<ModelPalette.Slot> slots = ModelPalette.slots(labels);
        List<String> seriesKeys = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            for (String layer : layersOf(models.get(i))) {
                seriesKeys.add(modelKeys.get(i) + " " + layer);
            }
        }
        seriesKeys = Keys.unique(seriesKeys);
        LegendItemCollection perSeries = new LegendItemCollection();
        LegendItemCollection perModel = new LegendItemCollection();
        Shape line = new Line2D.Double(-14, 0, 14, 0);
        int next = 0;
        for (int i = 0; i < models.size(); i++) {
            List<String> layers = layersOf(models.get(i));
            ModelPalette.Slot sl = slots.get(i);
            tracks.add(new Track(new HistoryCursor(), layers, next));
            List<String> mine = new ArrayList<>();
            for (int k = 0; k < layers.size(); k++, next++) {
                String key = seriesKeys.get(next);
                norms.addSeries(new XYSeries(key, true, true));
                ModelPalette.Style st = ModelPalette.layerStyle(sl.family(), sl.member(), sl.members(), k, layers.size());
                lines.setSeriesPaint(next, st.color(), false);
                lines.setSeriesStroke(next, st.stroke(ChartStyle.LINE_WIDTH), false);
                perSeries.add(Curves.entry(key, List.of(key), line, st.stroke(ChartStyle.LINE_WIDTH), st.color()));
                mine.add(key);
            }
            if (!layers.isEmpty()) {
                String text = modelKeys.get(i) + " (" + layers.get(0) + " \u2026 " + layers.get(layers.size() - 1)
                        + ", dark \u2192 light)";
                perModel.add(Curves.entry(text, mine, line, ModelPalette.solid(ChartStyle.LINE_WIDTH),
                        sl.family().shade(sl.member(), sl.members())));
            }
        }
        plot.setFixedLegendItems(next <= MAX_LEGEND_SERIES ? perSeries : perModel);
    }
}
