package org.addernet.app.ui.analysis;

import java.util.Locale;
import java.util.SplittableRandom;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.addernet.engine.analysis.Lemma5;
import org.addernet.engine.nn.Sequential;

/**
 * The theorem lab's Lemma 5 and Theorem 6: a fully-connected layer C(X)_i = A_i sum_j B_ij X_j
 * with 0/1 weights B (drawn at random, any cell clickable) is rebuilt as a two-layer AdderNet
 * with 2m + 2 hidden units and checked against C on random inputs; beside it, Theorem 6's width
 * bound 2(d + 5) for deep AdderNets and the d + 4 of plain ReLU nets.
 */
final class Lemma5Tab {
    static final double RANGE = 4;
    static final int SAMPLES = 2000;

    private final Spinner<Integer> inputs = new Spinner<>(1, 16, 6);
    private final Spinner<Integer> outputs = new Spinner<>(1, 8, 3);
    private final GridPane matrix = new GridPane();
    private final Label result = new Label();
    private final Label bounds = new Label();
    private final Tab tab;
    private boolean[][] b;
    private double[] a;
    private long seed = 1;
    private double maxDifference = Double.NaN;

    Lemma5Tab() {
        inputs.setId("lemma5-d");
        outputs.setId("lemma5-m");
        inputs.setEditable(true);
        outputs.setEditable(true);
        inputs.setPrefWidth(80);
        outputs.setPrefWidth(80);
        inputs.valueProperty().addListener((o, x, y) -> draw());
        outputs.valueProperty().addListener((o, x, y) -> draw());
        Button again = new Button("New random B and A");
        again.setId("lemma5-random");
        again.setOnAction(e -> {
            seed++;
            draw();
        });
        result.setId("lemma5-result");
        result.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        result.setWrapText(true);
        bounds.setId("lemma5-bounds");
        bounds.setWrapText(true);
        bounds.setStyle("-fx-font-size: 14px;");
        matrix.setHgap(2);
        matrix.setVgap(2);
        Label what = new Label("Lemma 5: a layer C(X)_i = A_i \u03a3_j B_ij X_j with 0/1 weights B is computed exactly by "
                + "a two-layer AdderNet with 2m + 2 hidden units (m outputs). Unit i has filter -R where B_ij = 1 and +R "
                + "where B_ij = 0, unit m + i the opposite, unit 2m all +R, unit 2m + 1 all -R; pairs of units then differ "
                + "by 2(\u03a3_{B=1} X - \u03a3_{B=0} X) and 2 \u03a3 X, which add up to 4 \u03a3_j B_ij X_j. Click a cell of B "
                + "to flip it.");
        what.setWrapText(true);
        what.getStyleClass().add("caption");
        HBox form = new HBox(10, new Label("inputs d"), inputs, new Label("outputs m"), outputs, again);
        form.setAlignment(Pos.CENTER_LEFT);
        org.jfree.chart.fx.ChartViewer chart = new org.jfree.chart.fx.ChartViewer(widthChart());
        chart.setPrefSize(640, 330);
        chart.setMaxWidth(760);
        VBox root = new VBox(12, what, form, new Label("B (rows: outputs i, columns: inputs j) and A:"), matrix, result,
                bounds, chart);
        root.setPadding(new Insets(12));
        tab = new Tab("Lemma 5 / Theorem 6", root);
        tab.setId("tab-lemma5");
        draw();
    }

    Tab tab() {
        return tab;
    }

    double maxDifference() {
        return maxDifference;
    }

    /** Draws a new B and A of the chosen size from the current seed, then checks. */
    private void draw() {
        int m = outputs.getValue();
        int d = inputs.getValue();
        SplittableRandom rng = new SplittableRandom(seed);
        b = new boolean[m][d];
        a = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                b[i][j] = rng.nextBoolean();
            }
            a[i] = Math.round((rng.nextDouble() * 4 - 2) * 100) / 100.0;
        }
        check();
    }

    /** Flips B_ij, as a click on its cell does, and checks again. */
    void flip(int i, int j) {
        b[i][j] = !b[i][j];
        check();
    }

    private void check() {
        int m = a.length;
        int d = b[0].length;
        matrix.getChildren().clear();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                Label cell = cell(b[i][j] ? "1" : "0", b[i][j] ? "#d9e8f5" : "#ffffff");
                int ii = i;
                int jj = j;
                cell.setOnMouseClicked(e -> flip(ii, jj));
                cell.setId("lemma5-b-" + i + "-" + j);
                matrix.add(cell, j, i);
            }
            Label ai = cell(String.format(Locale.ROOT, "A=%.2f", a[i]), "#f4f5f7");
            ai.setMinWidth(64);
            matrix.add(ai, d + 1, i);
        }
        Sequential net = Lemma5.network(a, b, RANGE);
        maxDifference = Lemma5.maxDifference(a, b, net, RANGE, SAMPLES, seed);
        result.setText(String.format(Locale.ROOT, "AdderNet with %d hidden units (2m + 2). Largest |AdderNet(X) - C(X)| "
                + "over %,d random X in (-%.0f, %.0f)^%d: %.2e, float rounding only.", Lemma5.hiddenUnits(m), SAMPLES,
                RANGE, RANGE, d, maxDifference));
        int[] w = Lemma5.widthBounds(d);
        bounds.setText(String.format(Locale.ROOT, "Theorem 6, width bound for deep nets on d = %d inputs: AdderNet "
                + "2(d + 5) = %d units per layer, plain ReLU net (Lu et al., 2017) d + 4 = %d. The AdderNet needs about "
                + "twice the width, because each fully-connected unit is rebuilt from a pair of adder units.", d, w[0], w[1]));
    }

    /** Theorem 6's width bound against the plain ReLU net's, d = 1 ... 20. */
    private static org.jfree.chart.JFreeChart widthChart() {
        org.jfree.data.xy.XYSeries adder = new org.jfree.data.xy.XYSeries("deep AdderNet, 2(d + 5) (Theorem 6)");
        org.jfree.data.xy.XYSeries relu = new org.jfree.data.xy.XYSeries("deep ReLU net, d + 4 (Lu et al.)");
        for (int d = 1; d <= 20; d++) {
            int[] w = Lemma5.widthBounds(d);
            adder.add(d, w[0]);
            relu.add(d, w[1]);
        }
        org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection(adder);
        data.addSeries(relu);
        org.jfree.chart.JFreeChart c = org.jfree.chart.ChartFactory.createXYLineChart(
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

    private static Label cell(String text, String colour) {
        Label l = new Label(text);
        l.setMinSize(28, 26);
        l.setAlignment(Pos.CENTER);
        l.setStyle("-fx-background-color: " + colour + "; -fx-border-color: #c0c4c8; -fx-font-family: monospace;");
        return l;
    }
}
