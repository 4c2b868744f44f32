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
 * The history's overlaid curves of several runs: accuracy (test thick, training thin), training
 * loss and per-layer gradient norms (log scale, zeros marked on the floor) against iteration (toy
 * runs) or epoch (image runs). One style per {@link Group} (a preset, its settings, a model and n):
 * the hue is the model's family (AdderNets blue, MLPs/CNNs orange, others green, purple,
 * vermilion, grey), the shade and dash pattern tell the family's groups apart, none repeated for
 * any number of groups. A group's seeds are drawn as their pointwise mean ({@code eachSeed =
 * false}: the mean at each logged x over the seeds that have a finite value there) or each on its
 * own. Every legend entry stands for its curves ({@link Curves}: click to hide).
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

    /**
     * One style per curve: a group's (its family's hue, its shade and dash among the family's
     * groups), or with each seed one per seed of every group, none repeated.
     */
    private static List<ModelPalette.Style> styles(List<Group> groups, boolean eachSeed) {
        List<String> labels = new java.util.ArrayList<>();
        for (Group g : groups) {
            for (int k = 0; k < shown(g, eachSeed).size(); k++) {
                labels.add(g.label());
            }
        }
        return ModelPalette.styles(labels);
    }

    /** Test (thick) and training (thin, faint) accuracy in percent; a group's legend entry stands for both. */
    public static JFreeChart accuracy(List<Group> groups, String xLabel, boolean eachSeed) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = ChartStyle.lines();
        List<ModelPalette.Style> styles = styles(groups, eachSeed);
        LegendItemCollection legend = new LegendItemCollection();
        Shape line = new Line2D.Double(-14, 0, 14, 0);
        List<String> tests = new java.util.ArrayList<>();
        List<String> trains = new java.util.ArrayList<>();
        int s = 0;
        int c = 0;
        for (Group group : groups) {
            List<Trace> ts = shown(group, eachSeed);
            for (Trace t : ts) {
                String name = key(group, t, eachSeed);
                ModelPalette.Style st = styles.get(c++);
                data.addSeries(series(name + " test", t.x(), t.test(), 100));
                data.addSeries(series(name + " train", t.x(), t.train(), 100));
                lines.setSeriesPaint(s, st.color(), false);
                lines.setSeriesStroke(s++, st.stroke(ChartStyle.LINE_WIDTH), false);
                lines.setSeriesPaint(s, LossAccuracyChart.faint(st.color()), false);
                lines.setSeriesStroke(s++, st.stroke(LossAccuracyChart.TRAIN_WIDTH), false);
                legend.add(Curves.entry(name, List.of(name + " test", name + " train"), line,
                        st.stroke(ChartStyle.LINE_WIDTH), st.color()));
                tests.add(name + " test");
                trains.add(name + " train");
            }
        }
        NumberAxis y = new NumberAxis("accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        y.setDefaultAutoRange(new org.jfree.data.Range(0, 100));     // nothing drawn: 0 to 100 %, not 0 to 1
        XYPlot plot = plot(data, xLabel, y, lines);
        if (!groups.isEmpty()) {
            legend.add(Curves.entry("test (thick)", tests, line, ModelPalette.solid(ChartStyle.LINE_WIDTH), ChartStyle.KEY));
            legend.add(Curves.entry("training (thin)", trains, line, ModelPalette.solid(LossAccuracyChart.TRAIN_WIDTH),
                    LossAccuracyChart.faint(ChartStyle.KEY)));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = ChartStyle.chart("Accuracy", plot);
        chart.addSubtitle(ChartStyle.subtitle(what(groups, eachSeed) + "; thick: test set, thin: training batches"));
        return chart;
    }

    /** Training loss (mean over the batches since the previous log). */
    public static JFreeChart loss(List<Group> groups, String xLabel, boolean eachSeed) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = ChartStyle.lines();
        List<ModelPalette.Style> styles = styles(groups, eachSeed);
        LegendItemCollection legend = new LegendItemCollection();
        Shape line = new Line2D.Double(-14, 0, 14, 0);
        int s = 0;
        for (Group group : groups) {
            for (Trace t : shown(group, eachSeed)) {
                String name = key(group, t, eachSeed);
                ModelPalette.Style st = styles.get(s);
                data.addSeries(series(name, t.x(), t.loss(), 1));
                lines.setSeriesPaint(s, st.color(), false);
                lines.setSeriesStroke(s++, st.stroke(ChartStyle.LINE_WIDTH), false);
                legend.add(Curves.entry(name, List.of(name), line, st.stroke(ChartStyle.LINE_WIDTH), st.color()));
            }
        }
        NumberAxis y = new NumberAxis("training loss");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = plot(data, xLabel, y, lines);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = ChartStyle.chart("Training loss", plot);
        chart.addSubtitle(ChartStyle.subtitle(what(groups, eachSeed)));
        return chart;
    }

    /**
     * Per-layer L2 norms of the weight gradients on a log axis: a group's layers go from dark to
     * light and solid to dashed (several groups of a family: the shade by group, the dash by
     * layer); norms of exactly 0 are marked on the floor ({@link Curves#ZERO_NOTE}). With more
     * than {@value #MAX_NORM_LEGEND} curves the legend names each group (or seed) once.
     */
    public static JFreeChart gradientNorms(List<Group> groups, String xLabel, boolean eachSeed) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = ChartStyle.lines();
        Shape line = new Line2D.Double(-14, 0, 14, 0);
        List<String> labels = new java.util.ArrayList<>();
        for (Group g : groups) {
            for (int k = 0; k < shown(g, eachSeed).size(); k++) {
                labels.add(g.label());
            }
        }
        List<ModelPalette.Slot> slots = ModelPalette.slots(labels);
        LegendItemCollection perSeries = new LegendItemCollection();
        LegendItemCollection perGroup = new LegendItemCollection();
        List<double[]> zeroX = new java.util.ArrayList<>();
        List<String> zeroKey = new java.util.ArrayList<>();
        int s = 0;
        int c = 0;
        for (Group group : groups) {
            for (Trace t : shown(group, eachSeed)) {
                ModelPalette.Slot sl = slots.get(c++);
                String name = key(group, t, eachSeed);
                List<String> mine = new java.util.ArrayList<>();
                for (int l = 0; l < t.layers().size(); l++) {
                    ModelPalette.Style st = ModelPalette.layerStyle(sl.family(), sl.member(), sl.members(), l,
                            t.layers().size());
                    String k = name + " " + t.layers().get(l);
                    XYSeries xs = new XYSeries(k, true, true);
                    List<Double> zeros = new java.util.ArrayList<>();
                    for (int i = 0; i < t.x().length; i++) {
                        double v = t.norms()[l][i];
                        if (v > 0 && v < Double.POSITIVE_INFINITY) {
                            xs.add(t.x()[i], v, false);
                        } else if (v == 0) {
                            zeros.add(t.x()[i]);
                        }
                    }
                    if (!zeros.isEmpty()) {
                        zeroKey.add(k);
                        zeroX.add(zeros.stream().mapToDouble(Double::doubleValue).toArray());
                    }
                    data.addSeries(xs);
                    lines.setSeriesPaint(s, st.color(), false);
                    lines.setSeriesStroke(s++, st.stroke(ChartStyle.LINE_WIDTH), false);
                    perSeries.add(Curves.entry(k, List.of(k), line, st.stroke(ChartStyle.LINE_WIDTH), st.color()));
                    mine.add(k);
                }
                if (!mine.isEmpty()) {
                    String text = t.layers().size() > 1 ? name + " (" + t.layers().get(0) + " \u2026 "
                            + t.layers().get(t.layers().size() - 1) + ", dark \u2192 light)" : name;
                    perGroup.add(Curves.entry(text, mine, line, ModelPalette.solid(ChartStyle.LINE_WIDTH),
                            sl.family().shade(sl.member(), sl.members())));
                }
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
        plot.setFixedLegendItems(s <= MAX_NORM_LEGEND ? perSeries : perGroup);
        ZeroMarkers zeros = new ZeroMarkers(plot, lines);
        for (int i = 0; i < zeroKey.size(); i++) {
            for (double zx : zeroX.get(i)) {
                zeros.add(zeroKey.get(i), zx);
            }
        }
        JFreeChart chart = ChartStyle.chart("Gradient norm per layer", plot);
        chart.addSubtitle(ChartStyle.subtitle(what(groups, eachSeed) + "; weight gradients before adaptive scaling"));
        zeros.chart(chart);
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
