package org.addernet.app.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.runner.SweepTable;
import org.addernet.app.ui.view.FxImages;
import org.addernet.app.ui.view.Widgets;

/** The ablations' tab ({@link AblationsViewModel}): sweep, seeds, settings, Run, Cancel; the table and its figure. */
final class AblationsTab {
    private final AblationsViewModel vm;
    private final TableView<List<String>> table = new TableView<>();
    private final ImageView figure = new ImageView();
    private final Tab tab;

    AblationsTab(AblationsViewModel vm) {
        this.vm = vm;
        ComboBox<String> preset = new ComboBox<>();
        preset.getItems().setAll(AblationsViewModel.sweeps());
        preset.valueProperty().bindBidirectional(vm.preset);
        preset.setId("ablation-preset");
        TextField settings = new TextField();
        settings.textProperty().bindBidirectional(vm.settings);
        settings.setPromptText("overrides, e.g. training.iterations=2000");
        settings.setPrefColumnCount(24);
        Spinner<Integer> seeds = Widgets.spinner(1, 10, 1, vm.seeds);
        seeds.setPrefWidth(80);
        seeds.setEditable(true);
        Button run = new Button("Run");
        Button cancel = new Button("Cancel");
        run.setId("ablation-run");
        cancel.setId("ablation-cancel");
        run.disableProperty().bind(vm.busy());
        cancel.disableProperty().bind(vm.busy().not());
        Label status = Widgets.status(new Label(), vm.status(), vm.problem(), Widgets.PROBLEM_STYLE);
        status.setId("ablation-status");
        status.setWrapText(true);
        table.setId("ablation-table");
        table.setPrefHeight(230);
        figure.setId("ablation-figure");
        figure.setPreserveRatio(true);
        figure.setFitWidth(1100);
        run.setOnAction(e -> vm.start());
        cancel.setOnAction(e -> vm.cancel());
        HBox top = new HBox(10, new Label("Sweep"), preset, new Label("seeds"), seeds, settings, run, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(figure);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label note = new Label("Table 4: the three training techniques of the paper switched on and off (8 columns); "
                + "Table 5: the adaptive learning rate's eta; Table 6: how long p decays from 2 to 1. The toy sweeps take "
                + "seconds to minutes; the LeNet-5-BN ones train each variant for a few epochs on Fashion-MNIST (the "
                + "-mnist presets have the paper's settings). Runs go to the run store like ./workbench run.");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox root = new VBox(10, top, status, table, scroll, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Ablations (Tables 4-6)", root);
        tab.setId("tab-ablations");
        vm.shown().addListener((o, a, b) -> {
            if (b != null) {
                show(b);
            }
        });
    }

    Tab tab() {
        return tab;
    }

    AblationsViewModel vm() {
        return vm;
    }

    private void show(AblationsViewModel.Shown s) {
        SweepTable t = s.table();
        List<List<String>> grid = t.grid();
        List<TableColumn<List<String>, String>> cols = new ArrayList<>();
        for (int c = 0; c < grid.get(0).size(); c++) {
            int cc = c;
            TableColumn<List<String>, String> col = new TableColumn<>(grid.get(0).get(c));
            col.setCellValueFactory(d -> new ReadOnlyStringWrapper(cc < d.getValue().size() ? d.getValue().get(cc) : ""));
            col.setSortable(false);
            col.setPrefWidth(c == 0 ? 230 : 110);
            cols.add(col);
        }
        table.getColumns().setAll(cols);
        table.getItems().setAll(grid.subList(1, grid.size()));
        figure.setImage(FxImages.toFx(s.figure(), null));
    }
}
