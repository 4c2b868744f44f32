package org.addernet.app.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * An error-against-width chart on log-log axes (hidden units n on a base-2 axis, the error on a
 * base-10 axis): per model its mean error at each width (line with dots), every single
 * repetition as a small pale dot, the least-squares line through the points it was fitted to
 * (dashed, its slope in the legend), and grey reference slopes such as {@code O(1/n)}.
 * Models keep the workbench colours (AdderNets blue, MLPs orange, further models green, purple,
 * ...). Points that are not positive and finite cannot be drawn on a log axis and are skipped.
 */
public final class RateChart {
    /**
     * One model's curve.
     *
     * @param label     the legend label (the family colour follows it, see the class doc)
     * @param widths    x of the single repetitions
     * @param errors    y of the single repetitions, as many as widths
     * @param slope     the fitted slope (NaN: no fit drawn)
     * @param intercept natural-log intercept: fitted error = exp(intercept) n^slope
     * @param fitFrom   the fitted line is drawn from this width ...
     * @param fitTo     ... to this one
     */
    public record Curve(String label, double[] widths, double[] errors, double slope, double intercept, double fitFrom,
                        double fitTo) {
        public Curve {
            if (widths.length != errors.length) {
                throw new IllegalArgumentException("as many widths as errors, got " + widths.length + " and "
                        + errors.length);
            }
        }
    }

    /** A reference line {@code y = anchorError (n / anchorWidth)^exponent} from anchorWidth to toWidth. */
    public record Reference(String label, double exponent, double anchorWidth, double anchorError, double toWidth) {
    }

    private static final Color REFERENCE = new Color(0x80, 0x84, 0x8A);
    private static final float[][] REFERENCE_DASHES = {{3f, 4f}, {12f, 4f, 3f, 4f}, {6f, 3f}};

    private RateChart() {
    }

    /** The chart; {@code yLabel} names the error. */
    public static JFreeChart chart(String title, String subtitle, String yLabel, List<Curve> curves,
                                   List<Reference> references) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        r.setAutoPopulateSeriesShape(false);
        r.setDefaultStroke(ModelPalette.solid(ChartStyle.LINE_WIDTH));
        r.setLegendLine(new Line2D.Double(-14, 0, 14, 0));
        LegendItemCollection legend = new LegendItemCollection();
        List<ModelPalette.Family> families = ModelPalette.assign(curves.stream().map(Curve::label).toList());
        Shape dot = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        Shape small = new Ellipse2D.Double(-2, -2, 4, 4);
        int series = 0;
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            ModelPalette.Family fam = families.get(c);
            // the single repetitions: pale dots, no line
            XYSeries single = new XYSeries(curve.label() + " runs", false, true);
            for (int k = 0; k < curve.widths().length; k++) {
                if (drawable(curve.widths()[k], curve.errors()[k])) {
                    single.add(curve.widths()[k], curve.errors()[k]);
                }
            }
            data.addSeries(single);
            r.setSeriesLinesVisible(series, false);
            r.setSeriesShapesVisible(series, true);
            r.setSeriesShape(series, small, false);
            r.setSeriesPaint(series, withAlpha(fam.light(), 150), false);
            r.setSeriesVisibleInLegend(series, false, false);
            series++;
            // the mean per width
            XYSeries mean = new XYSeries(curve.label(), true, false);
            for (double[] p : means(curve)) {
                mean.add(p[0], p[1]);
            }
            data.addSeries(mean);
            r.setSeriesPaint(series, fam.base(), false);
            r.setSeriesStroke(series, ModelPalette.solid(ChartStyle.LINE_WIDTH), false);
            r.setSeriesShape(series, dot, false);
            r.setSeriesShapesVisible(series, true);
            series++;
            String entry = curve.label();
            if (Double.isFinite(curve.slope())) {
                XYSeries fit = new XYSeries(curve.label() + " fit", false, true);
                fit.add(curve.fitFrom(), Math.exp(curve.intercept() + curve.slope() * Math.log(curve.fitFrom())));
                fit.add(curve.fitTo(), Math.exp(curve.intercept() + curve.slope() * Math.log(curve.fitTo())));
                data.addSeries(fit);
                r.setSeriesPaint(series, fam.dark(), false);
                r.setSeriesStroke(series, ModelPalette.dashed(1.6f, 7f, 4f), false);
                r.setSeriesShapesVisible(series, false);
                series++;
                entry += String.format(java.util.Locale.ROOT, ", slope %.2f", curve.slope()).replace('-', '\u2212');
            }
            legend.add(new LegendItem(entry, null, null, null, true, dot, true, fam.base(), false, fam.base(),
                    new BasicStroke(1f), true, new Line2D.Double(-14, 0, 14, 0),
                    ModelPalette.solid(ChartStyle.LINE_WIDTH), fam.base()));
        }
        for (int k = 0; k < references.size(); k++) {
            Reference ref = references.get(k);
            XYSeries line = new XYSeries(ref.label(), false, true);
            line.add(ref.anchorWidth(), ref.anchorError());
            line.add(ref.toWidth(), ref.anchorError() * Math.pow(ref.toWidth() / ref.anchorWidth(), ref.exponent()));
            data.addSeries(line);
            Stroke stroke = ModelPalette.dashed(1.8f, REFERENCE_DASHES[k % REFERENCE_DASHES.length]);
            r.setSeriesPaint(series, REFERENCE, false);
            r.setSeriesStroke(series, stroke, false);
            r.setSeriesShapesVisible(series, false);
            series++;
            LegendItem item = new LegendItem(ref.label(), null, null, null, new Line2D.Double(-14, 0, 14, 0), stroke,
                    REFERENCE);
            legend.add(item);
        }
        LogAxis x = new LogAxis("hidden units n (log scale)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0"));
        x.setMinorTickMarksVisible(false);
        x.setSmallestValue(0.5);
        LogAxis y = new LogAxis(yLabel);
        y.setBase(10);
        y.setBaseSymbol("10");
        y.setSmallestValue(1e-30);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setMinorTickMarksVisible(true);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setFixedLegendItems(legend);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setRangeMinorGridlinesVisible(true);
        ChartStyle.plot(plot);
        JFreeChart chart = ChartStyle.chart(title, plot);
        if (subtitle != null && !subtitle.isEmpty()) {
            chart.addSubtitle(ChartStyle.subtitle(subtitle));
        }
        return chart;
    }

    /** Geometric means of the drawable errors per width, widths ascending: [width, mean]. */
    static List<double[]> means(Curve c) {
        java.util.TreeMap<Double, double[]> acc = new java.util.TreeMap<>();
        for (int k = 0; k < c.widths().length; k++) {
            if (drawable(c.widths()[k], c.errors()[k])) {
                double[] a = acc.computeIfAbsent(c.widths()[k], w -> new double[2]);
                a[0] += Math.log(c.errors()[k]);
                a[1]++;
            }
        }
        return acc.entrySet().stream().map(e -> new double[] {e.getKey(), Math.exp(e.getValue()[0] / e.getValue()[1])})
                .toList();
    }

    private static boolean drawable(double x, double y) {
        return x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
