package org.addernet.app.ui.analysis;

import java.util.Locale;
import java.util.SplittableRandom;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.addernet.engine.analysis.Lemma5;
import org.addernet.engine.nn.Sequential;
import org.jfree.chart.JFreeChart;

/**
 * The theorem lab's Lemma 5 and Theorem 6: a fully-connected layer C(X)_i = A_i sum_j B_ij X_j
 * with 0/1 weights B (drawn at random from a seed, any cell can be flipped) rebuilt as a
 * two-layer AdderNet with 2m + 2 hidden units and checked against C on random inputs; beside it,
 * Theorem 6's width bound 2(d + 5) for deep AdderNets and the d + 4 of plain ReLU nets.
 */
final class Lemma5ViewModel {
    static final double RANGE = 4;
    static final int SAMPLES = 2000;

    /** B (rows: outputs i, columns: inputs j) and A; a new object after every change, never written. */
    record Layer(boolean[][] b, double[] a) {
    }

    /** Inputs d and outputs m of the layer; a change draws a new B and A. */
    final IntegerProperty inputs = new SimpleIntegerProperty(6);
    final IntegerProperty outputs = new SimpleIntegerProperty(3);
    private final ReadOnlyObjectWrapper<Layer> layer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bounds = new ReadOnlyStringWrapper("");
    private long seed = 1;
    private double maxDifference = Double.NaN;

    Lemma5ViewModel() {
        inputs.addListener((o, a, b) -> draw());
        outputs.addListener((o, a, b) -> draw());
        draw();
    }

    ReadOnlyObjectProperty<Layer> layer() {
        return layer.getReadOnlyProperty();
    }

    ReadOnlyStringProperty result() {
        return result.getReadOnlyProperty();
    }

    ReadOnlyStringProperty bounds() {
        return bounds.getReadOnlyProperty();
    }

    double maxDifference() {
        return maxDifference;
    }

    /** A new random B and A (the seed moves on by one). */
    void random() {
        seed++;
        draw();
    }

    /** Flips B_ij, as a click on its cell does, and checks again. */
    void flip(int i, int j) {
        Layer l = layer.get();
        boolean[][] b = new boolean[l.b().length][];
        for (int k = 0; k < b.length; k++) {
            b[k] = l.b()[k].clone();
        }
        b[i][j] = !b[i][j];
        check(new Layer(b, l.a()));
    }

    /** Draws a new B and A of the chosen size from the current seed, then checks. */
    private void draw() {
        int m = outputs.get();
        int d = inputs.get();
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[][] b = new boolean[m][d];
        double[] a = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                b[i][j] = rng.nextBoolean();
            }
            a[i] = Math.round((rng.nextDouble() * 4 - 2) * 100) / 100.0;
        }
        check(new Layer(b, a));
    }

    private void check(Layer l) {
        int m = l.a().length;
        int d = l.b()[0].length;
        Sequential net = Lemma5.network(l.a(), l.b(), RANGE);
        maxDifference = Lemma5.maxDifference(l.a(), l.b(), net, RANGE, SAMPLES, seed);
        result.set(String.format(Locale.ROOT, "AdderNet with %d hidden units (2m + 2). Largest |AdderNet(X) - C(X)| "
                + "over %,d random X in (-%.0f, %.0f)^%d: %.2e, float rounding only.", Lemma5.hiddenUnits(m), SAMPLES,
                RANGE, RANGE, d, maxDifference));
        int[] w = Lemma5.widthBounds(d);
        bounds.set(String.format(Locale.ROOT, "Theorem 6, width bound for deep nets on d = %d inputs: AdderNet "
                + "2(d + 5) = %d units per layer, plain ReLU net (Lu et al., 2017) d + 4 = %d. The AdderNet needs about "
                + "twice the width, because each fully-connected unit is rebuilt from a pair of adder units.", d, w[0], w[1]));
        layer.set(l);
    }

    /** Theorem 6's width bound against the plain ReLU net's, d = 1 ... 20. */
    static JFreeChart widthChart() {
        org.jfree.data.xy.XYSeries adder = new org.jfree.data.xy.XYSeries("deep AdderNet, 2(d + 5) (Theorem 6)");
        org.jfree.data.xy.XYSeries relu = new org.jfree.data.xy.XYSeries("deep ReLU net, d + 4 (Lu et al.)");
        for (int d = 1; d <= 20; d++) {
            int[] w = Lemma5.widthBounds(d);
            adder.add(d, w[0]);
            relu.add(d, w[1]);
        }
        org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection(adder);
        data.addSeries(relu);
        JFreeChart c = org.jfree.chart.ChartFactory.createXYLineChart(
                "Width enough for universal approximation", "input dimension d", "units per layer", data);
        c.setBackgroundPaint(java.awt.Color.WHITE);
        org.jfree.chart.plot.XYPlot plot = c.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(new java.awt.Color(0xE2, 0xE4, 0xE7));
        plot.setRangeGridlinePaint(new java.awt.Color(0xE2, 0xE4, 0xE7));
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new java.awt.Color(0x08, 0x77, 0xBD));
        r.setSeriesPaint(1, new java.awt.Color(0xF5, 0x93, 0x22));
        r.setSeriesStroke(0, new java.awt.BasicStroke(2.2f));
        r.setSeriesStroke(1, new java.awt.BasicStroke(2.2f));
        plot.setRenderer(r);
        c.getTitle().setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 15));
        return c;
    }
}
