package org.addernet.app.ui.runs;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The queue tab's "Run on" row: a choice and the master's URL, bound to {@link RunOnViewModel}. */
final class RunOnChoice {
    private final RunOnViewModel vm;
    private final HBox box;

    RunOnChoice(RunOnViewModel vm) {
        this.vm = vm;
        ChoiceBox<String> where = new ChoiceBox<>();
        where.getItems().setAll(RunOnViewModel.HERE, RunOnViewModel.SPARK);
        where.setId("queue-run-on");
        where.valueProperty().bindBidirectional(vm.target);
        TextField master = new TextField();
        master.setId("queue-master");
        master.setPrefColumnCount(18);
        master.setPromptText("local[2] or spark://host:7077");
        master.setTooltip(new Tooltip("local[N]: Spark in this process; spark://host:port: a standalone cluster; "
                + "yarn, k8s://...: what spark-submit --master takes. Each task's folder comes home into this store."));
        master.textProperty().bindBidirectional(vm.master);
        master.disableProperty().bind(vm.onSpark().not());
        box = new HBox(6, where, master, new Label("(items added or started from now on)"));
        box.setAlignment(Pos.CENTER_LEFT);
    }

    Node node() {
        return box;
    }

    RunOnViewModel viewModel() {
        return vm;
    }
}
