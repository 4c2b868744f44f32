package org.addernet.app.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunEstimate;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runner;
import org.addernet.app.runner.Runners;
import org.addernet.app.runner.Summary;
import org.addernet.app.store.ManifestWriter;
import org.addernet.app.store.RunManifest;
import org.addernet.app.store.RunStore;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;

/**
 * The image-runs window's state and commands: pick an image preset, check it (parameters, memory
 * against the heap, time per epoch measured on a few steps; a run that would not fit is refused
 * with the reason), start it, and follow it: progress with images/s and ETA, train and test loss
 * and accuracy per epoch, the test set's confusion matrix and a strip of test images. Cancel keeps
 * the last epoch's checkpoint; {@link #resume} continues a run folder from it. Runs go to the run
 * store with the same folders and manifest as {@code ./workbench run} (source {@code window}).
 *
 * <p>Checks and runs go through the {@link UiExecutor}; the runner's progress (coalesced, the
 * newest wins), epochs and log lines (batched, none lost) reach the properties on the FX thread.
 */
public final class ImageRunViewModel {
    static final String DEFAULT_PRESET = "lenet5-bn-fashion-mnist-adder-short";
    /** Steps measured per model by a check. */
    static final int MEASURED_STEPS = 3;

    /** A bundled image preset's name. */
    public final StringProperty preset = new SimpleStringProperty(PresetLoader.BUNDLED_IMAGE.contains(DEFAULT_PRESET)
            ? DEFAULT_PRESET : PresetLoader.BUNDLED_IMAGE.get(0));
    /** Overrides, separated by spaces. */
    public final StringProperty overrides = new SimpleStringProperty("");
    /** A data root searched first (blank: the usual lookup). */
    public final StringProperty dataRoot = new SimpleStringProperty("");

    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper estimate =
            new ReadOnlyStringWrapper("Check a preset to see its size, memory and time per epoch before it starts.");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Summary> summary = new ReadOnlyObjectWrapper<>();
    private final UiExecutor executor;
    private final LiveRun live;
    private final RunStore store;
    private List<RunEstimate.Estimate> checked;
    private String checkedKey;
    private volatile Runner runner;
    private Path out;

    /** The window's: runs in the default home's store, progress timed by the system clock. */
    public ImageRunViewModel(UiExecutor executor) {
        this(executor, null, System::nanoTime);
    }

    /**
     * @param store    the run store new runs go to; null: the default home's, resolved at each start
     * @param nanoTime the clock images/s and the ETA are measured by
     */
    ImageRunViewModel(UiExecutor executor, RunStore store, LongSupplier nanoTime) {
        this.executor = executor;
        this.store = store;
        this.live = new LiveRun(executor, nanoTime);
        preset.addListener((o, a, b) -> clearCheck());
        overrides.addListener((o, a, b) -> clearCheck());
    }

    public ReadOnlyBooleanProperty checking() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    /** The check's estimate, one line per model. */
    public ReadOnlyStringProperty estimate() {
        return estimate.getReadOnlyProperty();
    }

    /** Why the preset cannot run (a bad override, a toy preset, too little memory), else empty. */
    public ReadOnlyStringProperty refusal() {
        return refusal.getReadOnlyProperty();
    }

    /** What the run is doing or how it ended. */
    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** The run in flight as the window follows it: progress, curves, confusion matrix, test images, log. */
    public LiveRun live() {
        return live;
    }

    /** The last run's summary once it ended (null while one runs). */
    public ReadOnlyObjectProperty<Summary> summary() {
        return summary.getReadOnlyProperty();
    }

    /** The last run's folder. */
    Path out() {
        return out;
    }

    /** The last check's estimates (null when the preset changed since, or before any check). */
    List<RunEstimate.Estimate> estimates() {
        return checked;
    }

    void select(String name, String settings, Path data) {
        preset.set(name);
        overrides.set(settings);
        dataRoot.set(data == null ? "" : data.toString());
    }

    private void clearCheck() {
        checked = null;
        checkedKey = null;
        refusal.set("");
    }

    private String key() {
        return preset.get() + "|" + overrides.get() + "|" + dataRoot.get();
    }

    private Preset resolve() {
        return PresetLoader.resolve(preset.get(), Overrides.words(overrides.get()));
    }

    private Path data() {
        return dataRoot.get().isBlank() ? null : Path.of(dataRoot.get().strip());
    }

    /** Parameters, memory and a measured time per epoch of every model of the preset, off the FX thread. */
    public void check() {
        if (checking.get() || running.get()) {
            return;
        }
        Preset p;
        try {
            p = resolve();
        } catch (PresetException e) {
            refusal.set(e.getMessage().replaceFirst("^--set ", ""));
            return;
        }
        if (p.training().epochs() == null) {
            refusal.set(p.name() + " is a toy preset: it runs in the main window");
            return;
        }
        checking.set(true);
        String key = key();
        estimate.set("Measuring a few training steps of each model\u2026");
        executor.submit(() -> measure(p), list -> {
            checked = list;
            checkedKey = key;
            StringBuilder sb = new StringBuilder();
            String refuse = null;
            for (RunEstimate.Estimate e : list) {
                sb.append(sb.length() == 0 ? "" : "\n").append(e.describe());
                if (refuse == null) {
                    refuse = e.refusal();
                }
            }
            estimate.set(sb.toString());
            refusal.set(refuse == null ? "" : "Refused: " + refuse);
            checking.set(false);
        }, e -> {
            refusal.set("cannot measure " + p.name() + ": " + e);
            checking.set(false);
        });
    }

    /** Each model's estimate on the preset's set, as large as its limits let it be. */
    private static List<RunEstimate.Estimate> measure(Preset p) {
        ImageSet set = ImageSet.of(p.data().set());
        int train = set.trainSize();
        int test = set.testSize();
        if (p.data().trainLimit() != null) {
            train = Math.min(train, p.data().trainLimit());
        }
        if (p.data().testLimit() != null) {
            test = Math.min(test, p.data().testLimit());
        }
        List<RunEstimate.Estimate> list = new ArrayList<>();
        for (String m : p.runs().models()) {
            list.add(RunEstimate.of(p, m, set.numClasses(), ImageModels.inputShape(m), train, test, MEASURED_STEPS));
        }
        return list;
    }

    /** Starts the checked preset (checking it first when needed); refuses a run that would not fit. */
    public void start() {
        if (running.get() || checking.get()) {
            return;
        }
        if (checked == null || !key().equals(checkedKey)) {
            status.set("Check the preset first: its memory estimate decides whether it may start.");
            check();
            return;
        }
        for (RunEstimate.Estimate e : checked) {
            if (!e.fits()) {
                refusal.set("Refused: " + e.refusal());
                return;
            }
        }
        Preset p = resolve();
        RunStore s = store == null ? RunStore.atDefaultHome() : store;
        Path dir;
        try {
            dir = s.createRunFolder(p.name());
        } catch (IOException e) {
            status.set("Cannot make a run folder under " + s.runsDir() + ": " + e.getMessage());
            return;
        }
        List<String> sets = Overrides.words(overrides.get());
        launch(RunRequest.of(p, preset.get(), sets, 1, dir), p, ManifestWriter.fresh(dir, RunManifest.begin(p, preset.get(),
                sets, 1, "window"), true));
    }

    /** Continues the epoch run in {@code dir} from its checkpoints. */
    public void resume(Path dir) {
        if (running.get() || checking.get()) {
            return;
        }
        Path presetFile = dir.resolve("preset.json");
        Path info = dir.resolve(RunFiles.RUN_INFO);
        if (!Files.isRegularFile(presetFile) || !Files.isRegularFile(info)) {
            status.set(dir + ": not an epoch run folder (it lacks "
                    + (!Files.isRegularFile(presetFile) ? "preset.json" : RunFiles.RUN_INFO) + ")");
            return;
        }
        try {
            Preset p = PresetLoader.resolve(presetFile.toString(), List.of());
            int seeds = org.addernet.app.store.RunManifest.read(dir).seeds();      // checked: a damaged run.json is named
            live.load(dir);
            launch(RunRequest.of(p, null, List.of(), seeds, dir).withResume(true), p,
                    ManifestWriter.resuming(dir, p, null, List.of(), seeds, "window"));
        } catch (PresetException | IOException e) {
            status.set(dir + ": " + e.getMessage());
        }
    }

    /** Stops the run after its current step; the last epoch's checkpoint is kept. */
    public void cancel() {
        Runner r = runner;
        if (r != null) {
            r.cancel();
            live.cancelling();
            status.set("Cancelling after the current step; the last epoch's checkpoint is kept.");
        }
    }

    /** Runs {@code request} (of {@code p}, already resolved) through the runner the factory picks for it. */
    private void launch(RunRequest request, Preset p, ManifestWriter manifest) {
        Path dir = request.outDir();
        boolean isResume = request.resume();
        out = dir;
        summary.set(null);
        if (!isResume) {
            live.clear();
        }
        // the preset as resolved here travels in the request; the factory picks the epoch runner for an image set
        Runner r = Runners.create(p, request.withDataRoot(data()), RunLog.to(live.logStream()));
        r.observe(manifest);          // run.json: the run store's manifest, source "window"
        r.observe(live.observer(p));
        runner = r;
        running.set(true);
        status.set((isResume ? "Resuming " : "Running ") + p.name() + " into " + dir);
        executor.submit(() -> (Summary) r.run(), s -> finish(s, ended(s, dir)), e -> finish(null, "Cannot run " + p.name() + ": "
                + e.getMessage()));
    }

    private static String ended(Summary s, Path dir) {
        long bad = s.incomplete();
        return bad == 0 ? "Completed: " + describe(s) + ". Folder: " + dir
                : bad + " run(s) not completed (" + s.runs().stream().filter(x -> x.status() != RunStatus.COMPLETED)
                        .map(x -> x.id() + " " + x.status() + (x.reason() == null ? "" : ": " + forTheWindow(x.reason())))
                        .reduce((a, b) -> a + "; " + b).orElse("") + "). Folder: " + dir;
    }

    /**
     * A runner's reason as the window says it: the command line's "continue with --resume DIR" is
     * the window's "Resume a run folder..." button.
     */
    static String forTheWindow(String reason) {
        return reason.replaceAll("continue with --resume \\S+", "continue it with Resume a run folder\u2026")
                .replaceAll("or continue it with --resume \\S+", "or continue it with Resume a run folder\u2026")
                .replaceAll("--resume \\S+", "Resume a run folder\u2026");
    }

    private void finish(Summary s, String text) {
        runner = null;
        status.set(text);
        summary.set(s);
        running.set(false);
        if (s == null) {
            live.ended("Stopped: " + text);
        } else {
            long done = s.runs().stream().filter(x -> x.status() == RunStatus.COMPLETED).count();
            String how = s.incomplete() == 0 ? "Done" : s.runs().stream().anyMatch(x -> x.status() == RunStatus.CANCELLED)
                    ? "Cancelled" : "Stopped";
            live.ended(String.format(Locale.ROOT, "%s: %d of %d run%s completed", how, done, s.runs().size(),
                    s.runs().size() == 1 ? "" : "s"));
        }
    }

    private static String describe(Summary s) {
        StringBuilder b = new StringBuilder();
        for (var r : s.runs()) {
            b.append(b.length() == 0 ? "" : ", ").append(r.id()).append(" test ")
                    .append(r.testAccuracy() == null ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * r.testAccuracy()));
        }
        return b.toString();
    }
}
