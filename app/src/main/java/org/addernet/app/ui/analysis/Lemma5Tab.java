package org.addernet.app.ui.analysis;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.addernet.app.ui.view.Widgets;
import org.jfree.chart.fx.ChartViewer;

/** The theorem lab's Lemma 5 / Theorem 6 tab ({@link Lemma5ViewModel}): d, m, B as clickable cells, the check, the bounds. */
final class Lemma5Tab {
    private final Lemma5ViewModel vm;
    private final GridPane matrix = new GridPane();
    private final Tab tab;

    Lemma5Tab(Lemma5ViewModel vm) {
        this.vm = vm;
        Spinner<Integer> inputs = Widgets.spinner(1, 16, 1, vm.inputs);
        Spinner<Integer> outputs = Widgets.spinner(1, 8, 1, vm.outputs);
        inputs.setId("lemma5-d");
        outputs.setId("lemma5-m");
        inputs.setEditable(true);
        outputs.setEditable(true);
        inputs.setPrefWidth(80);
        outputs.setPrefWidth(80);
        Button again = new Button("New random B and A");
        again.setId("lemma5-random");
        again.setOnAction(e -> vm.random());
        Label result = new Label();
        result.textProperty().bind(vm.result());
        result.setId("lemma5-result");
        result.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        result.setWrapText(true);
        Label bounds = new Label();
        bounds.textProperty().bind(vm.bounds());
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
        ChartViewer chart = new ChartViewer(Lemma5ViewModel.widthChart());
        chart.setPrefSize(640, 330);
        chart.setMaxWidth(760);
        VBox root = new VBox(12, what, form, new Label("B (rows: outputs i, columns: inputs j) and A:"), matrix, result,
                bounds, chart);
        root.setPadding(new Insets(12));
        tab = new Tab("Lemma 5 / Theorem 6", root);
        tab.setId("tab-lemma5");
        vm.layer().addListener((o, a, b) -> showMatrix(b));
        showMatrix(vm.layer().get());
    }

    Tab tab() {
        return tab;
    }

    Lemma5ViewModel vm() {
        return vm;
    }

    private void showMatrix(Lemma5ViewModel.Layer l) {
        boolean[][] b = l.b();
        double[] a = l.a();
        int d = b[0].length;
        matrix.getChildren().clear();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < d; j++) {
                Label cell = cell(b[i][j] ? "1" : "0", b[i][j] ? "#d9e8f5" : "#ffffff");
                int ii = i;
                int jj = j;
                cell.setOnMouseClicked(e -> vm.flip(ii, jj));
                cell.setId("lemma5-b-" + i + "-" + j);
                matrix.add(cell, j, i);
            }
            Label ai = cell(String.format(Locale.ROOT, "A=%.2f", a[i]), "#f4f5f7");
            ai.setMinWidth(64);
            matrix.add(ai, d + 1, i);
        }
    }

    private static Label cell(String text, String colour) {
        Label l = new Label(text);
        l.setMinSize(28, 26);
        l.setAlignment(Pos.CENTER);
        l.setStyle("-fx-background-color: " + colour + "; -fx-border-color: #c0c4c8; -fx-font-family: monospace;");
        return l;
    }
}
