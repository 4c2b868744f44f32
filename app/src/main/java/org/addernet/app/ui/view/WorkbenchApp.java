package org.addernet.app.ui.view;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/**
 * The workbench window. System properties for demos and checks: {@code workbench.preset} (a
 * bundled name or file, default {@code demo-one-unit}), {@code workbench.autoplay=true},
 * {@code workbench.speed} (steps per second, 0 = full speed), {@code workbench.difference=true}.
 */
public final class WorkbenchApp extends Application {
    private WorkbenchViewModel vm;
    private PulseMonitor pulses;
    private MainView view;

    @Override
    public void start(Stage stage) {
        Preset initial = PresetLoader.resolve(System.getProperty("workbench.preset", "demo-one-unit"), List.of());
        vm = new WorkbenchViewModel(initial, UiExecutor.javafx());
        view = new MainView(vm, stage);
        stage.setTitle("AdderNet Workbench");
        stage.setScene(view.scene());
        stage.show();
        pulses = PulseMonitor.startIfAsked();
        if (pulses != null) {
            pulses.measureWhile(vm.running());
        }
        vm.speed.set(Double.parseDouble(System.getProperty("workbench.speed", "0")));
        vm.showDifference.set(Boolean.getBoolean("workbench.difference"));
        if (Boolean.getBoolean("workbench.autoplay")) {
            vm.play();
        }
    }

    @Override
    public void stop() {
        if (view != null) {
            view.closeRuns();
        }
        if (pulses != null) {
            pulses.report();
        }
        if (vm != null) {
            vm.dispose();
        }
    }

    /**
     * Launches the window (blocks until it closes). Without a display or JavaFX's native
     * libraries this says so in one line and returns false instead of dumping a stack trace.
     */
    public static boolean launchWindow(String[] args) {
        try {
            Application.launch(WorkbenchApp.class, args);
            return true;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("workbench: cannot open the window: " + root.getMessage()
                    + (System.getenv("DISPLAY") == null ? " (no DISPLAY is set)" : "")
                    + "; on Debian/Ubuntu: apt-get install libgtk-3-0 libxtst6 libgl1. The headless commands still work: ./workbench --help");
            return false;
        }
    }
}
