package org.addernet.app.figures;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.addernet.engine.train.EpochMetrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The curves of epoch runs (image sets): test accuracy (solid) and training accuracy (dashed) per
 * epoch on the left, training loss per epoch on the right, one style per run (AdderNets blue,
 * CNNs orange; runs of several folders: one hue per folder). Written as {@code curves.png} beside an epoch run's {@code summary.json}.
 */
public final class EpochCurvesChart {
    /**
     * One run's label and its epochs; {@code testLoss} (nullable) holds the test set's mean loss
     * after each epoch, where it is known (the window evaluates it; metrics.csv does not keep it).
     */
    public record Run(String label, List<EpochMetrics> epochs, double[] testLoss, String group) {
        public Run(String label, List<EpochMetrics> epochs, double[] testLoss) {
            this(label, epochs, testLoss, null);
        }

        public Run(String label, List<EpochMetrics> epochs) {
            this(label, epochs, null, null);
        }

        /** A run of a group (its folder, when several are drawn together): one hue per group. */
        public static Run of(String group, String label, List<EpochMetrics> epochs) {
            return new Run(label, epochs, null, group);
        }
    }

    /** The runs' styles: one hue per group where the runs come in two or more groups, else by model family. */
    private static List<ModelPalette.Style> styles(List<Run> runs) {
        boolean grouped = runs.stream().allMatch(r -> r.group() != null)
                && runs.stream().map(Run::group).distinct().count() > 1;
        return grouped ? ModelPalette.grouped(runs.stream().map(Run::group).toList())
                : ModelPalette.styles(runs.stream().map(Run::label).toList());
    }

    private EpochCurvesChart() {
    }

    /** The accuracy chart (left panel). */
    public static JFreeChart accuracy(String title, List<Run> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Run r : runs) {
            XYSeries test = new XYSeries(r.label() + " test", false, true);
            XYSeries train = new XYSeries(r.label() + " train", false, true);
            for (EpochMetrics m : r.epochs()) {
                test.add(m.epoch(), m.testAccuracy() * 100);
                train.add(m.epoch(), m.trainAccuracy() * 100);
            }
            data.addSeries(test);
            data.addSeries(train);
        }
        NumberAxis y = new NumberAxis("accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        y.setDefaultAutoRange(new org.jfree.data.Range(0, 100));     // before the first epoch: 0 to 100 %, not 0 to 1
        XYPlot plot = new XYPlot(data, epochAxis(), y, styled(runs, true));
        plot.setFixedLegendItems(legend(runs, true, "test (thick)", "training (thin)"));
        ChartStyle.plot(plot);
        JFreeChart chart = ChartStyle.chart(title, plot);
        chart.addSubtitle(ChartStyle.subtitle("thick: test set after each epoch; thin: training batches during it"));
        return chart;
    }

    /** The loss chart (right panel): training loss, and test loss (solid, training dashed) where every run has it. */
    public static JFreeChart loss(List<Run> runs) {
        boolean withTest = !runs.isEmpty() && runs.stream().allMatch(r -> r.testLoss() != null);
        XYSeriesCollection data = new XYSeriesCollection();
        for (Run r : runs) {
            if (withTest) {
                XYSeries test = new XYSeries(r.label() + " test", false, true);
                for (int k = 0; k < Math.min(r.testLoss().length, r.epochs().size()); k++) {
                    test.add(r.epochs().get(k).epoch(), r.testLoss()[k]);
                }
                data.addSeries(test);
            }
            XYSeries loss = new XYSeries(withTest ? r.label() + " train" : r.label(), false, true);
            for (EpochMetrics m : r.epochs()) {
                loss.add(m.epoch(), m.loss());
            }
            data.addSeries(loss);
        }
        NumberAxis y = new NumberAxis(withTest ? "loss (mean)" : "training loss (mean over the epoch)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, epochAxis(), y, styled(runs, withTest));
        plot.setFixedLegendItems(legend(runs, withTest, "test (thick)", "training (thin)"));
        ChartStyle.plot(plot);
        JFreeChart chart = ChartStyle.chart(withTest ? "Loss" : "Training loss", plot);
        chart.addSubtitle(ChartStyle.subtitle(withTest ? "softmax cross-entropy; thick: test set after each epoch; "
                + "thin: training batches during it" : "softmax cross-entropy"));
        return chart;
    }

    private static NumberAxis epochAxis() {
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        return x;
    }

    /**
     * Lines with a marker on every epoch (a run of one epoch is a point), one style per run (its
     * family's hue, shade and dash among the family's runs); with pairs, series 2i is run i's test
     * curve (thick) and 2i + 1 its training curve (thin, faint).
     */
    private static XYLineAndShapeRenderer styled(List<Run> runs, boolean pairs) {
        XYLineAndShapeRenderer r = ChartStyle.lines();
        r.setDefaultShapesVisible(true);
        r.setDrawSeriesLineAsPath(false);
        List<ModelPalette.Style> styles = styles(runs);
        java.awt.Shape dot = new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7);
        java.awt.Shape small = new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5);
        for (int i = 0; i < runs.size(); i++) {
            ModelPalette.Style st = styles.get(i);
            if (pairs) {
                r.setSeriesPaint(2 * i, st.color(), false);
                r.setSeriesStroke(2 * i, st.stroke(ChartStyle.LINE_WIDTH), false);
                r.setSeriesShape(2 * i, dot, false);
                r.setSeriesPaint(2 * i + 1, LossAccuracyChart.faint(st.color()), false);
                r.setSeriesStroke(2 * i + 1, st.stroke(LossAccuracyChart.TRAIN_WIDTH), false);
                r.setSeriesShape(2 * i + 1, small, false);
            } else {
                r.setSeriesPaint(i, st.color(), false);
                r.setSeriesStroke(i, st.stroke(ChartStyle.LINE_WIDTH), false);
                r.setSeriesShape(i, dot, false);
            }
        }
        return r;
    }

    /** One entry per run (standing for its curves) and, with pairs, one each for the thick and the thin curves. */
    private static org.jfree.chart.LegendItemCollection legend(List<Run> runs, boolean pairs, String thick, String thin) {
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        java.awt.Shape line = new java.awt.geom.Line2D.Double(-14, 0, 14, 0);
        List<ModelPalette.Style> styles = styles(runs);
        List<String> tests = new java.util.ArrayList<>();
        List<String> trains = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String l = runs.get(i).label();
            List<String> mine = pairs ? List.of(l + " test", l + " train") : List.of(l);
            items.add(Curves.entry(l, mine, line, styles.get(i).stroke(ChartStyle.LINE_WIDTH), styles.get(i).color()));
            tests.add(l + " test");
            trains.add(l + " train");
        }
        if (pairs && !runs.isEmpty()) {
            items.add(Curves.entry(thick, tests, line, ModelPalette.solid(ChartStyle.LINE_WIDTH), ChartStyle.KEY));
            items.add(Curves.entry(thin, trains, line, ModelPalette.solid(LossAccuracyChart.TRAIN_WIDTH),
                    LossAccuracyChart.faint(ChartStyle.KEY)));
        }
        return items;
    }

    /** Both panels side by side, {@code width} x {@code height} pixels in all. */
    public static BufferedImage render(String title, List<Run> runs, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int left = width * 55 / 100;
        accuracy(title, runs).draw(g, new Rectangle2D.Double(0, 0, left, height));
        loss(runs).draw(g, new Rectangle2D.Double(left, 0, width - left, height));
        g.dispose();
        return img;
    }
}
