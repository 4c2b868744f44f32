package org.addernet.app.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.ui.analysis.GradientNormsViewModel.Row;
import org.addernet.app.ui.view.Widgets;
import org.jfree.chart.fx.ChartViewer;

/** Table 1's tab ({@link GradientNormsViewModel}): data set, Compute, Open; the table, the bars, the norms over training. */
final class GradientNormsTab {
    private final GradientNormsViewModel vm;
    private final TableView<Row> table = new TableView<>();
    private final ChartViewer bars = new ChartViewer(null);
    private final ChartViewer training = new ChartViewer(null);
    private final Tab tab;
    private javafx.stage.Window owner;

    GradientNormsTab(GradientNormsViewModel vm) {
        this.vm = vm;
        ComboBox<String> set = new ComboBox<>();
        set.getItems().setAll(GradientNormsViewModel.SETS);
        set.valueProperty().bindBidirectional(vm.set);
        set.setId("table1-set");
        Button compute = new Button("Compute the first step");
        compute.setId("table1-compute");
        compute.setDefaultButton(true);
        compute.disableProperty().bind(vm.work().busy());
        compute.setOnAction(e -> vm.compute());
        Button open = Widgets.folderButton("Open a run folder\u2026", "table1-open",
                "A run folder of `workbench run table1-gradient-norms`", vm.work().busy(), () -> owner, vm::open,
                RunFolders::runsDir);
        HBox top = new HBox(10, new Label("Data set"), set, compute, open);
        top.setAlignment(Pos.CENTER_LEFT);
        table.setId("table1-table");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        bars.setPrefSize(560, 340);
        training.setPrefSize(560, 340);
        HBox.setHgrow(bars, Priority.ALWAYS);
        HBox.setHgrow(training, Priority.ALWAYS);
        HBox charts = new HBox(10, bars, training);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label note = new Label("Each layer's filter-gradient L2 norm at iteration 1, before adaptive scaling, both nets on "
                + "the same batch (the preset table1-gradient-norms: LeNet-5-BN, batch 256, seed 1). The AdderNet's norms "
                + "are orders of magnitude smaller and uneven across layers: what eq. 33's adaptive learning rate "
                + "corrects. The paper reports the first three layers on MNIST.");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox root = new VBox(10, top, Widgets.status(new Label(), vm.work()), table, charts, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Gradient norms (Table 1)", root);
        tab.setId("tab-table1");
        training.managedProperty().bind(training.visibleProperty());
        vm.rows().addListener((o, a, b) -> showRows(b));
        vm.bars().addListener((o, a, b) -> bars.setChart(b));
        vm.training().addListener((o, a, b) -> showTraining());
        showRows(vm.rows().get());
        bars.setChart(vm.bars().get());
        showTraining();
    }

    Tab tab() {
        return tab;
    }

    GradientNormsViewModel vm() {
        return vm;
    }

    void setOwner(javafx.stage.Window w) {
        owner = w;
    }

    private void showTraining() {
        if (vm.training().get() != null) {
            training.setChart(vm.training().get());
        }
        training.setVisible(vm.training().get() != null);
    }

    private void showRows(List<Row> r) {
        int layers = r.stream().mapToInt(x -> x.norms().length).max().orElse(0);
        List<TableColumn<Row, String>> cols = new ArrayList<>();
        TableColumn<Row, String> label = new TableColumn<>("model");
        label.setPrefWidth(300);
        label.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().label()));
        cols.add(label);
        for (int k = 0; k < layers; k++) {
            int kk = k;
            TableColumn<Row, String> c = new TableColumn<>("layer " + (k + 1));
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(kk < d.getValue().norms().length
                    ? GradientNormsViewModel.number(d.getValue().norms()[kk]) : ""));
            c.setSortable(false);
            cols.add(c);
        }
        table.getColumns().setAll(cols);
        table.getItems().setAll(r);
    }
}
