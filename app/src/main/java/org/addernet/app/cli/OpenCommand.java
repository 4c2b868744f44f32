package org.addernet.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.addernet.app.ui.view.WorkbenchApp;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.PresetValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench open PRESET [--play] [--speed S]}: the window with a toy preset loaded, training
 * started at once with {@code --play} (a lesson in one command; also how the FX pulse is measured).
 * The preset is read and checked before the window opens: a bad one is one line and exit code 2.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the window with a toy preset loaded (a preset file or a bundled name); --play starts training.")
public final class OpenCommand implements Callable<Integer> {
    /** Opens the window; replaced in tests. Returns false when no window could open (the reason is printed). */
    interface Launcher {
        boolean open(WorkbenchApp.Launch launch);
    }

    // a lambda, not a method reference: WorkbenchApp (a JavaFX Application) is loaded only when the
    // window opens, so that headless commands run where JavaFX is not on the path (spark-submit)
    static Launcher launcher = launch -> WorkbenchApp.launchWindow(launch);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET", description = "a toy preset file or a bundled preset's name")
    String preset;

    @Option(names = "--play", description = "start training as soon as the window is up")
    boolean play;

    @Option(names = "--speed", paramLabel = "STEPS", description = "steps per second per model, 0 = full speed "
            + "(default: the preset's output.demoSpeed, else the window's default)")
    Double speed;

    @Option(names = "--set", paramLabel = "key.path=value", description = "override a preset value (repeatable)")
    List<String> overrides = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Preset p;
        try {
            p = PresetLoader.resolve(preset, overrides);
        } catch (PresetException e) {
            err.println("workbench open: " + e.getMessage());
            return 2;
        }
        if (PresetValidator.isImageSet(p.data().set())) {
            err.println("workbench open: " + preset + " trains on the image set " + p.data().set()
                    + "; the main window trains toy sets. Use the window's Run > Image runs, or ./workbench run " + preset);
            return 2;
        }
        if (p.sweep() != null) {
            err.println("workbench open: " + preset + " is a sweep (" + p.sweep().variants().size()
                    + " variants); queue it in Run > Queue and history, or ./workbench run " + preset);
            return 2;
        }
        if (speed != null && !(speed >= 0 && speed <= PresetValidator.MAX_DEMO_SPEED)) {
            err.println("workbench open: --speed must lie in [0, " + (long) PresetValidator.MAX_DEMO_SPEED
                    + "] steps per second (0 = full speed), got " + speed);
            return 2;
        }
        return launcher.open(new WorkbenchApp.Launch(p, play, speed)) ? 0 : 1;
    }
}
