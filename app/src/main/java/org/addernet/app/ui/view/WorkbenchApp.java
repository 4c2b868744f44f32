package org.addernet.app.ui.view;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/**
 * The workbench window. System properties for demos and checks: {@code workbench.preset} (a
 * bundled name or file, default {@code demo-one-unit}), {@code workbench.autoplay=true}.
 */
public final class WorkbenchApp extends Application {
    private WorkbenchViewModel vm;
    private PulseMonitor pulses;

    @Override
    public void start(Stage stage) {
        Preset initial = PresetLoader.resolve(System.getProperty("workbench.preset", "demo-one-unit"), List.of());
        vm = new WorkbenchViewModel(initial, Platform::runLater);
        MainView view = new MainView(vm, stage);
        stage.setTitle("AdderNet Workbench");
        stage.setScene(view.scene());
        stage.show();
        pulses = PulseMonitor.startIfAsked();
        if (Boolean.getBoolean("workbench.autoplay")) {
            vm.play();
        }
    }

    @Override
    public void stop() {
        if (pulses != null) {
            pulses.report();
        }
        if (vm != null) {
            vm.dispose();
        }
    }

    /** Launches the window (blocks until it closes). */
    public static void launchWindow(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
