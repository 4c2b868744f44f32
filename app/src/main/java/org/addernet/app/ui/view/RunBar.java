package org.addernet.app.ui.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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
        var cannot = vm.blocked().isNotEmpty().or(vm.preparing());
        Button play = new Button();
        play.setId("play");
        play.textProperty().bind(javafx.beans.binding.Bindings.when(vm.running()).then("\u2016 Pause").otherwise("\u25B6 Play"));
        play.setOnAction(e -> vm.togglePlay());
        play.setTooltip(new Tooltip("Train both models (Ctrl+Space)"));
        play.setDefaultButton(false);
        play.setMinWidth(90);
        // pausing is always possible; starting waits for valid settings
        play.disableProperty().bind(vm.running().not().and(cannot));
        Button step = new Button("Step \u25B8");
        step.setId("step");
        step.setTooltip(new Tooltip("One training step of every model"));
        step.setOnAction(e -> vm.step());
        step.disableProperty().bind(cannot);
        Button reset = new Button("\u21BA Reset");
        reset.setId("reset");
        reset.setTooltip(new Tooltip("Start over with the current settings"));
        reset.setOnAction(e -> vm.reset());
        reset.disableProperty().bind(vm.settings.problem().isNotEmpty());
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().addAll(0.0, 2000.0, 1000.0, 500.0, 250.0, 100.0, 20.0, 5.0);
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
        Runnable showSpeed = () -> {
            double v = vm.speed.get();
            if (!speed.getItems().contains(v)) {
                speed.getItems().add(v);
            }
            speed.setValue(v);
        };
        showSpeed.run();
        speed.valueProperty().addListener((o, a, b) -> vm.speed.set(b == null ? 0 : b));
        vm.speed.addListener((o, a, b) -> showSpeed.run());
        speed.setTooltip(new Tooltip("Training steps per second per model (a preset may set its own: output.demoSpeed)"));
        Label iteration = new Label();
        iteration.setId("iteration");
        iteration.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> String.format(
                java.util.Locale.ROOT, "iteration %,d / %,d", vm.iteration().get(), vm.iterations().get()),
                vm.iteration(), vm.iterations()));
        iteration.getStyleClass().add("iteration");
        iteration.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator preparing = new ProgressIndicator();
        preparing.setId("preparing");
        preparing.setPrefSize(20, 20);
        preparing.visibleProperty().bind(vm.preparing());
        preparing.managedProperty().bind(vm.preparing());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.status());
        status.getStyleClass().add("status");
        status.setMinWidth(60);
        Label blocked = new Label();
        blocked.setId("blocked");
        blocked.textProperty().bind(javafx.beans.binding.Bindings.concat("Cannot train: ", vm.blocked()));
        blocked.getStyleClass().add("problem");
        blocked.visibleProperty().bind(vm.blocked().isNotEmpty().and(vm.running()));
        blocked.managedProperty().bind(blocked.visibleProperty());
        Button applyReset = new Button("Reset to apply");
        applyReset.setId("apply-reset");
        applyReset.visibleProperty().bind(vm.needsReset());
        applyReset.managedProperty().bind(vm.needsReset());
        applyReset.disableProperty().bind(vm.settings.problem().isNotEmpty());
        applyReset.getStyleClass().add("warn");
        applyReset.setOnAction(e -> vm.reset());
        applyReset.setMinWidth(Region.USE_PREF_SIZE);
        Label speedLabel = new Label("Speed");
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : java.util.List.of(play, step, reset)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, play, step, reset, speedLabel, speed, iteration, preparing, status, blocked, applyReset);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("run-bar");
        return bar;
    }
}
