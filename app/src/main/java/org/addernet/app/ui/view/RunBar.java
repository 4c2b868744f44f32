package org.addernet.app.ui.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.addernet.app.ui.vm.WorkbenchViewModel;

/** Play/pause, step, reset, speed and the iteration counter; only binds to the view model. */
final class RunBar {
    private RunBar() {
    }

    static HBox build(WorkbenchViewModel vm) {
        Button play = new Button();
        play.setId("play");
        play.textProperty().bind(javafx.beans.binding.Bindings.when(vm.running()).then("\u2016 Pause").otherwise("\u25B6 Play"));
        play.setOnAction(e -> vm.togglePlay());
        play.setTooltip(new Tooltip("Train both models (space)"));
        play.setDefaultButton(false);
        play.setMinWidth(90);
        Button step = new Button("Step \u25B8");
        step.setId("step");
        step.setTooltip(new Tooltip("One training step of every model"));
        step.setOnAction(e -> vm.step());
        Button reset = new Button("\u21BA Reset");
        reset.setId("reset");
        reset.setTooltip(new Tooltip("Start over with the current settings"));
        reset.setOnAction(e -> vm.reset());
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().addAll(0.0, 2000.0, 500.0, 100.0, 20.0, 5.0);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : v == 0 ? "full speed" : String.format("%.0f steps/s", v);
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        speed.setValue(vm.speed.get());
        speed.valueProperty().addListener((o, a, b) -> vm.speed.set(b == null ? 0 : b));
        vm.speed.addListener((o, a, b) -> {
            if (!speed.getItems().contains(b.doubleValue())) {
                speed.getItems().add(b.doubleValue());
            }
            speed.setValue(b.doubleValue());
        });
        speed.setTooltip(new Tooltip("Training speed per model"));
        Label iteration = new Label();
        iteration.setId("iteration");
        iteration.textProperty().bind(vm.iteration().asString("iteration %,d"));
        iteration.getStyleClass().add("iteration");
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.status());
        status.getStyleClass().add("status");
        Button applyReset = new Button("Reset to apply");
        applyReset.setId("apply-reset");
        applyReset.visibleProperty().bind(vm.needsReset());
        applyReset.managedProperty().bind(vm.needsReset());
        applyReset.getStyleClass().add("warn");
        applyReset.setOnAction(e -> vm.reset());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, play, step, reset, new Label("Speed"), speed, iteration, grow, status, applyReset);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("run-bar");
        return bar;
    }
}
