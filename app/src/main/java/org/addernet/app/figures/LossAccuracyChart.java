package org.addernet.app.figures;

import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.addernet.engine.train.StepMetrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueAxisPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loss (upper plot) and train/test accuracy (lower plot) against iteration, one style per model:
 * its colour is its family's (AdderNets blue, MLPs orange), its shade and dash pattern tell the
 * models of a family apart (n = 1, 2, 3 ...), no two alike. Test accuracy is drawn thick, training
 * accuracy thin and faint in the model's style. The two plots share the iteration axis. Each
 * legend entry stands for its series ({@link Curves}): a model's entry for its three curves, the
 * "test" and "train" entries for every model's.
 *
 * <p>{@link #update} takes every model's whole history each time and appends only the steps
 * logged since the previous call: {@code XYSeries.add(x, y, false)}, one
 * {@code fireSeriesChanged()} per series, and one redraw per call. A model's curves start over
 * when its history got shorter or no longer continues the one seen; a changed list of labels
 * rebuilds all series. Non-finite values (a diverged loss, test accuracy NaN where none was
 * measured) are skipped, so test points measured now and then are joined by lines.
 *
 * <p>Headless; the window shows {@link #chart()} through {@code ui.charts.ChartNode}, and then
 * {@link #update} belongs on the FX thread.
 */
public final class LossAccuracyChart {
    /** The chart's title. */
    public static final String TITLE = "Training loss and accuracy";

    private final XYSeriesCollection loss = new XYSeriesCollection();
    /** Series 2i: model i's train accuracy; series 2i + 1: its test accuracy. */
    private final XYSeriesCollection accuracy = new XYSeriesCollection();
    private final XYLineAndShapeRenderer lossLines = ChartStyle.lines();
    private final XYLineAndShapeRenderer accuracyLines = ChartStyle.lines();
    private final CombinedDomainXYPlot plot;
    private final JFreeChart chart;
    private final List<HistoryCursor> cursors = new ArrayList<>();
    private List<String> keys = List.of();
    private List<ModelPalette.Style> styles = List.of();
    private boolean legendHasTest;

    public LossAccuracyChart() {
        NumberAxis iteration = new NumberAxis("iteration");
        iteration.setAutoRangeIncludesZero(false);
        iteration.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis lossAxis = new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(true);
        XYPlot lossPlot = new XYPlot(loss, null, lossAxis, lossLines);
        XYPlot accuracyPlot = new XYPlot(accuracy, null, new AccuracyAxis("accuracy"), accuracyLines);
        plot = new CombinedDomainXYPlot(iteration);
        plot.setGap(14);
        plot.add(lossPlot, 1);
        plot.add(accuracyPlot, 1);
        // first model drawn first, later ones over it (the legend's order)
        lossPlot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        accuracyPlot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        ChartStyle.plot(lossPlot);
        ChartStyle.plot(accuracyPlot);
        ChartStyle.plot(plot);
        chart = ChartStyle.chart(TITLE, plot);
        refreshLegend();
    }

    /** The chart, for export or for tests; it changes in place on every update. */
    public JFreeChart chart() {
        return chart;
    }

    /**
     * Shows {@code models}' curves, appending what each history gained since the previous call.
     * Call on the FX thread once the chart is showing.
     */
    public void update(List<ModelCurves> models) {
        Objects.requireNonNull(models, "models");
        boolean notify = chart.isNotify();
        chart.setNotify(false); // one redraw for the whole update
        try {
            List<String> labels = new ArrayList<>(models.size());
            for (ModelCurves m : models) {
                labels.add(m.label());
            }
            List<String> unique = Keys.unique(labels);
            if (!unique.equals(keys)) {
                rebuild(labels, unique);
            }
            for (int i = 0; i < models.size(); i++) {
                append(i, models.get(i).history());
            }
            boolean hasTest = false;
            for (int i = 0; i < keys.size() && !hasTest; i++) {
                hasTest = !accuracy.getSeries(2 * i + 1).isEmpty();
            }
            if (hasTest != legendHasTest) {
                legendHasTest = hasTest;
                refreshLegend();
            }
        } finally {
            chart.setNotify(notify);
        }
    }

    private void append(int i, List<StepMetrics> history) {
        HistoryCursor cursor = cursors.get(i);
        XYSeries l = loss.getSeries(i);
        XYSeries train = accuracy.getSeries(2 * i);
        XYSeries test = accuracy.getSeries(2 * i + 1);
        if (cursor.mustRestart(history)) {
            l.clear();
            train.clear();
            test.clear();
            cursor.restart();
        }
        int from = cursor.consumed();
        int to = history.size();
        if (from == to) {
            return;
        }
        for (StepMetrics s : history.subList(from, to)) {
            double x = s.iteration();
            addFinite(l, x, s.loss());
            addFinite(train, x, s.trainAccuracy());
            addFinite(test, x, s.testAccuracy());
        }
        cursor.advance(history);
        l.fireSeriesChanged();
        train.fireSeriesChanged();
        test.fireSeriesChanged();
    }

    static void addFinite(XYSeries series, double x, double y) {
        if (Double.isFinite(y)) {
            series.add(x, y, false);
        }
    }

    private void rebuild(List<String> labels, List<String> unique) {
        loss.removeAllSeries();
        accuracy.removeAllSeries();
        cursors.clear();
        keys = unique;
        styles = ModelPalette.styles(labels);
        for (int i = 0; i < unique.size(); i++) {
            String key = unique.get(i);
            loss.addSeries(new XYSeries(key, true, true));
            accuracy.addSeries(new XYSeries(key + " train", true, true));
            accuracy.addSeries(new XYSeries(key + " test", true, true));
            cursors.add(new HistoryCursor());
            ModelPalette.Style st = styles.get(i);
            Stroke thick = st.stroke(ChartStyle.LINE_WIDTH);
            lossLines.setSeriesPaint(i, st.color(), false);
            lossLines.setSeriesStroke(i, thick, false);
            accuracyLines.setSeriesPaint(2 * i, faint(st.color()), false);
            accuracyLines.setSeriesStroke(2 * i, st.stroke(TRAIN_WIDTH), false);
            accuracyLines.setSeriesPaint(2 * i + 1, st.color(), false);
            accuracyLines.setSeriesStroke(2 * i + 1, thick, false);
        }
        legendHasTest = false;
        refreshLegend();
    }

    /** Width of the training-accuracy lines (the test ones are {@link ChartStyle#LINE_WIDTH}). */
    static final float TRAIN_WIDTH = 1.2f;

    /** A training curve's colour: the model's, faint. */
    static Color faint(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 150);
    }

    /** One legend entry per model (its style), then what thick and thin accuracy lines are. */
    private void refreshLegend() {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-14, 0, 14, 0);
        List<String> trains = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            items.add(Curves.entry(k, List.of(k, k + " train", k + " test"), line,
                    styles.get(i).stroke(ChartStyle.LINE_WIDTH), styles.get(i).color()));
            trains.add(k + " train");
            tests.add(k + " test");
        }
        if (!keys.isEmpty()) {
            if (legendHasTest) {
                items.add(Curves.entry("test accuracy (thick)", tests, line, ModelPalette.solid(ChartStyle.LINE_WIDTH),
                        ChartStyle.KEY));
            }
            items.add(Curves.entry("train accuracy (thin)", trains, line, ModelPalette.solid(TRAIN_WIDTH),
                    faint(ChartStyle.KEY)));
        }
        plot.setFixedLegendItems(items);
    }

    /**
     * Accuracy axis in percent whose automatic range runs from the lowest accuracy, rounded down to
     * a multiple of 10 %, to 100 %; zooming still works and "auto range" restores this.
     */
    static final class AccuracyAxis extends NumberAxis {
        AccuracyAxis(String label) {
            super(label);
            NumberFormat pct = NumberFormat.getPercentInstance(Locale.ROOT);
            TickUnits units = new TickUnits();
            for (double u : new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5}) {
                units.add(new NumberTickUnit(u, pct));
            }
            setStandardTickUnits(units);
            setAutoRangeIncludesZero(false);
        }

        @Override
        protected void autoAdjustRange() {
            Range data = getPlot() instanceof ValueAxisPlot p ? p.getDataRange(this) : null;
            double lo = 0;
            double hi = 1;
            if (data != null && Double.isFinite(data.getLowerBound())) {
                lo = Math.max(0, Math.min(0.9, Math.floor(data.getLowerBound() * 10 + 1e-9) / 10));
                hi = Math.max(1, data.getUpperBound());
            }
            double pad = 0.02 * (hi - lo);
            setRange(new Range(lo - (lo > 0 ? pad : 0.005), hi + pad), false, false);
        }
    }
}
