package org.addernet.app.ui.view;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/**
 * The workbench window. {@link #launchWindow(Launch)} opens it on a preset ({@code ./workbench open});
 * with no launch given, system properties for demos and checks: {@code workbench.preset} (a
 * bundled name or file, default {@code demo-one-unit}), {@code workbench.autoplay=true},
 * {@code workbench.speed} (steps per second, 0 = full speed), {@code workbench.difference=true}.
 */
public final class WorkbenchApp extends Application {
    /**
     * What the window opens on.
     *
     * @param preset the toy preset loaded
     * @param play   whether training starts at once
     * @param speed  steps per second per model (0 = full speed), or null for the preset's demo speed
     */
    public record Launch(Preset preset, boolean play, Double speed) {
    }

    /** Set by {@link #launchWindow(Launch)} before JavaFX makes the application. */
    private static volatile Launch launch;

    private WorkbenchViewModel vm;
    private PulseMonitor pulses;
    private MainView view;

    @Override
    public void start(Stage stage) {
        Launch l = launch != null ? launch : fromProperties();
        vm = new WorkbenchViewModel(l.preset(), UiExecutor.javafx());
        view = new MainView(vm, stage);
        stage.setTitle("AdderNet Workbench \u2014 " + l.preset().name());
        stage.setScene(view.scene());
        MainView.fitToScreen(stage);
        stage.show();
        pulses = PulseMonitor.startIfAsked();
        if (pulses != null) {
            pulses.measureWhile(vm.running());
        }
        if (l.speed() != null) {
            vm.speed.set(l.speed());
        }
        vm.panels.showDifference.set(Boolean.getBoolean("workbench.difference"));
        if (l.play()) {
            vm.play();
        }
    }

    private static Launch fromProperties() {
        Preset initial = PresetLoader.resolve(System.getProperty("workbench.preset", "demo-one-unit"), List.of());
        String speed = System.getProperty("workbench.speed");
        return new Launch(initial, Boolean.getBoolean("workbench.autoplay"), speed == null ? null : Double.valueOf(speed));
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
        return launchWindow((Launch) null);
    }

    /** Opens the window on {@code l} (null: the system properties' preset), as {@link #launchWindow(String[])}. */
    public static boolean launchWindow(Launch l) {
        launch = l;
        try {
            Application.launch(WorkbenchApp.class);
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
