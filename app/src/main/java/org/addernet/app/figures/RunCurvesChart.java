package org.addernet.app.figures;

import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
 * The history's overlaid curves of several runs: accuracy (test solid, training dashed), training
 * loss and per-layer gradient norms (log scale) against iteration (toy runs) or epoch (image runs).
 * One colour per {@link Group} (a preset, its settings, a model and n): AdderNets blue and
 * MLPs/CNNs orange first, further groups green, purple, vermilion, grey. A group's seeds are drawn
 * as their pointwise mean ({@code eachSeed = false}: the mean at each logged x over the seeds that
 * have a finite value there) or each on its own, in shades of the group's colour.
 */
public final class RunCurvesChart {
    /** Most legend entries of the gradient-norm chart before it names groups only. */
    static final int MAX_NORM_LEGEND = 12;

    /**
     * One seed's logged curves; every array has one value per x (NaN where nothing was logged).
     *
     * @param norms {@code norms[layer][point]}, layers named by {@code layers}
     */
    public record Trace(long seed, double[] x, double[] loss, double[] train, double[] test, List<String> layers,
                        double[][] norms) {
        public Trace {
            Objects.requireNonNull(x, "x");
            int n = x.length;
            if (loss.length != n || train.length != n || test.length != n) {
                throw new IllegalArgumentException("a trace's arrays must have one value per x");
            }
            layers = List.copyOf(layers);
            if (norms.length != layers.size()) {
                throw new IllegalArgumentException("one norm array per layer");
            }
            for (double[] g : norms) {
                if (g.length != n) {
                    throw new IllegalArgumentException("a trace's arrays must have one value per x");
                }
            }
        }
    }

    /**
     * The curves of one row of the comparison: its label on the chart (naming the model, whose
     * family picks the colour) and one trace per seed.
     */
    public record Group(String label, List<Trace> traces) {
        public Group {
            Objects.requireNonNull(label, "label");
            traces = List.copyOf(traces);
        }
    }

    private RunCurvesChart() {
    }

    /** Test (solid) and training (dashed) accuracy in percent. */
    public static JFreeChart accuracy(List<Group> groups, String xLabel, boolean eachSeed) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = ChartStyle.lines();
        List<ModelPalette.Family> families = families(groups);
        Stroke solid = ModelPalette.solid(ChartStyle.LINE_WIDTH);
        Stroke dashed = ModelPalette.dashed(ChartStyle.LINE_WIDTH, 7f, 5f);
        int s = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<Trace> ts = shown(groups.get(g), eachSeed);
            for (int k = 0; k < ts.size(); k++) {
                Trace t = ts.get(k);
                String name = key(groups.get(g), t, eachSeed);
                data.addSeries(series(name + " test", t.x(), t.test(), 100));
                data.addSeries(series(name + " train", t.x(), t.train(), 100));
                java.awt.Color c = families.get(g).shade(k, ts.size());
                lines.setSeriesPaint(s, c, false);
                lines.setSeriesStroke(s++, solid, false);
                lines.setSeriesPaint(s, c, false);
                lines.setSeriesStroke(s++, dashed, false);
            }
        }
        NumberAxis y = new NumberAxis("accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = plot(data, xLabel, y, lines);
        LegendItemCollection legend = groupLegend(groups, families);
        if (!groups.isEmpty()) {
            Shape line = new Line2D.Double(-14, 0, 14, 0);
            legend.add(new LegendItem("test", null, null, null, line, solid, ChartStyle.KEY));
            legend.add(new LegendItem("training", null, null, null, line, dashed, ChartStyle.KEY));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = ChartStyle.chart("Accuracy", plot);
        chart.addSubtitle(ChartStyle.subtitle(what(groups, eachSeed) + "; solid: test set, dashed: training batches"));
        return chart;
    }

    /** Training loss (mean over the batches since the previous log). */
    public static JFreeChart loss(List<Group> groups, String xLabel, boolean eachSeed) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = ChartStyle.lines();
        List<ModelPalette.Family> families = families(groups);
        Stroke solid = ModelPalette.solid(ChartStyle.LINE_WIDTH);
        int s = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<Trace> ts = shown(groups.get(g), eachSeed);
            for (int k = 0; k < ts.size(); k++) {
                Trace t = ts.get(k);
                data.addSeries(series(key(groups.get(g), t, eachSeed), t.x(), t.loss(), 1));
                lines.setSeriesPaint(s, families.get(g).shade(k, ts.size()), false);
                lines.setSeriesStroke(s++, solid, false);
            }
        }
        NumberAxis y = new NumberAxis("training loss");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = plot(data, xLabel, y, lines);
        plot.setFixedLegendItems(groupLegend(groups, families));
        JFreeChart chart = ChartStyle.chart("Training loss", plot);
        chart.addSubtitle(ChartStyle.subtitle(what(groups, eachSeed)));
        return chart;
    }

    /**
     * Per-layer L2 norms of the weight gradients on a log axis: a group's layers go from dark to
     * light and solid to dashed; with each seed, a group's seeds share their layer's style.
     */
    public static JFreeChart gradientNorms(List<Group> groups, String xLabel, boolean eachSeed) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = ChartStyle.lines();
        List<ModelPalette.Family> families = families(groups);
        LegendItemCollection legend = new LegendItemCollection();
        Shape line = new Line2D.Double(-14, 0, 14, 0);
        // one legend entry per group and one per layer style when every group has the same layers
        List<String> firstLayers = null;
        boolean sameLayers = true;
        for (Group g : groups) {
            if (!g.traces().isEmpty()) {
                List<String> ls = g.traces().get(0).layers();
                if (firstLayers == null) {
                    firstLayers = ls;
                } else if (!firstLayers.equals(ls)) {
                    sameLayers = false;
                }
            }
        }
        int entries = 0;
        for (Group g : groups) {
            entries += g.traces().isEmpty() ? 0 : g.traces().get(0).layers().size();
        }
        boolean compact = sameLayers && firstLayers != null && firstLayers.size() > 1 && groups.size() > 1;
        int s = 0;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            List<Trace> ts = shown(group, eachSeed);
            List<String> layers = ts.isEmpty() ? List.of() : ts.get(0).layers();
            for (int l = 0; l < layers.size(); l++) {
                java.awt.Color c = families.get(g).shade(l, layers.size());
                Stroke st = ModelPalette.layerStroke(l, ChartStyle.LINE_WIDTH);
                for (Trace t : ts) {
                    if (t.norms().length <= l) {
                        continue;
                    }
                    XYSeries xs = new XYSeries(key(group, t, eachSeed) + " " + layers.get(l), true, true);
                    for (int i = 0; i < t.x().length; i++) {
                        double v = t.norms()[l][i];
                        if (v > 0 && v < Double.POSITIVE_INFINITY) {
                            xs.add(t.x()[i], v, false);
                        }
                    }
                    data.addSeries(xs);
                    lines.setSeriesPaint(s, c, false);
                    lines.setSeriesStroke(s++, st, false);
                }
                if (!compact && entries <= MAX_NORM_LEGEND) {
                    legend.add(new LegendItem(group.label() + " " + layers.get(l), null, null, null, line, st, c));
                }
            }
            if (compact && !layers.isEmpty()) {
                legend.add(new LegendItem(group.label(), null, null, null, line, ModelPalette.solid(ChartStyle.LINE_WIDTH),
                        families.get(g).base()));
            } else if (entries > MAX_NORM_LEGEND && !layers.isEmpty()) {
                legend.add(new LegendItem(group.label() + " (" + layers.get(0) + " \u2026 " + layers.get(layers.size() - 1)
                        + ", dark \u2192 light)", null, null, null, line, ModelPalette.solid(ChartStyle.LINE_WIDTH),
                        families.get(g).base()));
            }
        }
        if (compact) {
            for (int l = 0; l < firstLayers.size(); l++) {
                legend.add(new LegendItem(firstLayers.get(l) + (l == 0 ? " (dark)" : l == firstLayers.size() - 1
                        ? " (light)" : ""), null, null, null, line, ModelPalette.layerStroke(l, ChartStyle.LINE_WIDTH),
                        ChartStyle.KEY));
            }
        }
        LogAxis y = new LogAxis("\u2016grad\u2016\u2082 (log scale)");
        y.setBase(10);
        y.setBaseSymbol("10");
        y.setSmallestValue(1e-30);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setMinorTickMarksVisible(true);
        NumberAxis x = xAxis(xLabel);
        XYPlot plot = new XYPlot(data, x, y, lines);
        plot.setRangeMinorGridlinesVisible(true);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        ChartStyle.plot(plot);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = ChartStyle.chart("Gradient norm per layer", plot);
        chart.addSubtitle(ChartStyle.subtitle(what(groups, eachSeed) + "; weight gradients before adaptive scaling"));
        return chart;
    }

    /**
     * The pointwise mean of {@code traces}: at every x any of them logged, the mean over those
     * with a finite value there (NaN where none has one). Layers are the first trace's.
     */
    public static Trace mean(List<Trace> traces) {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("no traces to average");
        }
        if (traces.size() == 1) {
            return traces.get(0);
        }
        List<String> layers = traces.get(0).layers();
        int nl = layers.size();
        // per x: sums and counts of loss, train, test, then each layer's norm
        TreeMap<Double, double[]> acc = new TreeMap<>();
        int width = 3 + nl;
        for (Trace t : traces) {
            for (int i = 0; i < t.x().length; i++) {
                double[] a = acc.computeIfAbsent(t.x()[i], k -> new double[2 * width]);
                add(a, 0, t.loss()[i]);
                add(a, 1, t.train()[i]);
                add(a, 2, t.test()[i]);
                for (int l = 0; l < nl && l < t.norms().length; l++) {
                    add(a, 3 + l, t.norms()[l][i]);
                }
            }
        }
        int n = acc.size();
        double[] x = new double[n];
        double[] loss = new double[n];
        double[] train = new double[n];
        double[] test = new double[n];
        double[][] norms = new double[nl][n];
        int i = 0;
        for (Map.Entry<Double, double[]> e : acc.entrySet()) {
            double[] a = e.getValue();
            x[i] = e.getKey();
            loss[i] = avg(a, 0);
            train[i] = avg(a, 1);
            test[i] = avg(a, 2);
            for (int l = 0; l < nl; l++) {
                norms[l][i] = avg(a, 3 + l);
            }
            i++;
        }
        return new Trace(-1, x, loss, train, test, layers, norms);
    }

    private static void add(double[] a, int slot, double v) {
        if (Double.isFinite(v)) {
            a[2 * slot] += v;
            a[2 * slot + 1]++;
        }
    }

    private static double avg(double[] a, int slot) {
        return a[2 * slot + 1] == 0 ? Double.NaN : a[2 * slot] / a[2 * slot + 1];
    }

    private static List<Trace> shown(Group g, boolean eachSeed) {
        if (g.traces().isEmpty()) {
            return List.of();
        }
        return eachSeed ? g.traces() : List.of(mean(g.traces()));
    }

    private static String key(Group g, Trace t, boolean eachSeed) {
        return eachSeed ? g.label() + " seed " + t.seed() : g.label();
    }

    private static XYSeries series(String key, double[] x, double[] y, double scale) {
        XYSeries s = new XYSeries(key, true, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                s.add(x[i], y[i] * scale, false);
            }
        }
        return s;
    }

    private static List<ModelPalette.Family> families(List<Group> groups) {
        return ModelPalette.assign(groups.stream().map(Group::label).toList());
    }

    private static LegendItemCollection groupLegend(List<Group> groups, List<ModelPalette.Family> families) {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-14, 0, 14, 0);
        Stroke solid = ModelPalette.solid(ChartStyle.LINE_WIDTH);
        for (int g = 0; g < groups.size(); g++) {
            items.add(new LegendItem(groups.get(g).label(), null, null, null, line, solid, families.get(g).base()));
        }
        return items;
    }

    private static String what(List<Group> groups, boolean eachSeed) {
        int most = groups.stream().mapToInt(g -> g.traces().size()).max().orElse(0);
        if (eachSeed || most <= 1) {
            return most > 1 ? "each seed, darker to lighter" : "one seed per curve";
        }
        int least = groups.stream().mapToInt(g -> g.traces().size()).min().orElse(0);
        return "mean over " + (least == most ? most : least + " to " + most) + " seeds";
    }

    private static NumberAxis xAxis(String label) {
        NumberAxis x = new NumberAxis(label);
        x.setAutoRangeIncludesZero(false);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return x;
    }

    private static XYPlot plot(XYSeriesCollection data, String xLabel, NumberAxis y, XYLineAndShapeRenderer lines) {
        XYPlot plot = new XYPlot(data, xAxis(xLabel), y, lines);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        ChartStyle.plot(plot);
        return plot;
    }
}
