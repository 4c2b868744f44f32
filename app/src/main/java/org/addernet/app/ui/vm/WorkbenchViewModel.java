package org.addernet.app.ui.vm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.runner.MetricsCsv;
import org.addernet.app.runner.PresetRunner;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.app.ui.session.SessionSnapshot;
import org.addernet.app.ui.session.TrainingSession;
import org.addernet.datasets.toy.ToyData;
import org.addernet.datasets.toy.ToySets;
import org.addernet.engine.model.ModelSpec;
import org.addernet.engine.train.TrainConfig;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.RunSpec;

/**
 * The window's state and commands. Training runs in a {@link TrainingSession}; its snapshots are
 * rendered on a background thread and reach {@link #frame()} on the FX thread, coalesced, so the
 * FX thread never waits on training. Commands answer at once.
 */
public final class WorkbenchViewModel {
    /**
     * Snapshot interval while training. Ten frames a second keep the boundaries fluid while the
     * renderer (Java2D, thousands of anti-aliased points per panel) leaves CPU time to the trainer
     * and the FX thread on a 2-core machine.
     */
    static final long PUBLISH_MILLIS = 100;

    public final SettingsViewModel settings;
    public final BooleanProperty discretize = new SimpleBooleanProperty(false);
    public final BooleanProperty showTest = new SimpleBooleanProperty(true);
    public final BooleanProperty showDifference = new SimpleBooleanProperty(false);
    public final BooleanProperty showCentres = new SimpleBooleanProperty(true);
    public final BooleanProperty gridView = new SimpleBooleanProperty(false);
    /** Steps per second per model; 0 means as fast as possible. */
    public final DoubleProperty speed = new SimpleDoubleProperty(0);

    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper iteration = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper needsReset = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Consumer<Runnable> fx;
    private final ExecutorService renderer;
    private volatile ViewOptions options = ViewOptions.defaults();
    private volatile List<Integer> gridHidden = List.of();
    private volatile int mainHidden;
    private volatile String figureTitle = "";
    private TrainingSession session;
    private SessionSnapshot lastSnapshot;
    private boolean applying;

    /** The window's: results on the FX side of {@code executor} (frames are rendered on the view model's own thread). */
    public WorkbenchViewModel(Preset initial, UiExecutor executor) {
        this(initial, executor::fx);
    }

    /**
     * @param fx how to run on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     */
    public WorkbenchViewModel(Preset initial, Consumer<Runnable> fx) {
        this.fx = fx;
        this.renderer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "render");
            t.setDaemon(true);
            return t;
        });
        this.settings = new SettingsViewModel(initial);
        gridHidden = initial.runs().hidden().size() > 1 ? List.copyOf(initial.runs().hidden()) : List.of();
        gridView.set(!gridHidden.isEmpty());
        for (var p : settings.structural()) {
            p.addListener((o, a, b) -> structuralChanged());
        }
        settings.lr.addListener((o, a, b) -> {
            if (session != null && b.doubleValue() > 0) {
                session.setLearningRate(b.doubleValue());
            }
        });
        for (var p : List.of(discretize, showTest, showDifference, showCentres, gridView)) {
            p.addListener((o, a, b) -> optionsChanged());
        }
        speed.addListener((o, a, b) -> {
            if (session != null) {
                session.setSpeed(b.doubleValue() > 0 ? b.doubleValue() : TrainingSession.MAX_SPEED);
            }
        });
        optionsChanged();
        rebuild();
    }

    /** True while a session exists that can train (false only if the very first settings were unusable). */
    public boolean hasSession() {
        return session != null;
    }

    public ReadOnlyObjectProperty<Frame> frame() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty iteration() {
        return iteration.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    /** True when settings changed after training started: they apply on {@link #reset()}. */
    public ReadOnlyBooleanProperty needsReset() {
        return needsReset.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** The hidden sizes of the figure grid (empty unless a figure preset is loaded). */
    public List<Integer> gridHidden() {
        return gridHidden;
    }

    /** How panels are drawn now. */
    public ViewOptions viewOptions() {
        return options;
    }

    public SessionSnapshot lastSnapshot() {
        return lastSnapshot;
    }

    /** The session training now (tests wait for a replaced one to end). */
    TrainingSession session() {
        return session;
    }

    public void play() {
        if (session != null && (lastSnapshot == null || !lastSnapshot.finished())) {
            running.set(true);
            session.play();
        }
    }

    public void pause() {
        if (session != null) {
            running.set(false);
            session.pause();
        }
    }

    public void togglePlay() {
        if (running.get()) {
            pause();
        } else {
            play();
        }
    }

    public void step() {
        if (session != null) {
            if (running.get()) {
                pause();
            }
            session.step();
        }
    }

    /** Starts over with the current settings (new models, same data seed). */
    public void reset() {
        rebuild();
    }

    /** Draws a new data sample (and new initial weights): the seed moves on by one. */
    public void regenerate() {
        settings.releaseDataSeed();
        settings.seed.set(settings.seed.get() + 1);
        if (needsReset.get()) {
            rebuild();
        }
    }

    /** Replaces every setting with {@code p}'s and starts over; a figure preset also sets the grid. */
    public void loadPreset(Preset p) {
        applying = true;
        try {
            settings.apply(p);
            gridHidden = p.runs().hidden().size() > 1 ? List.copyOf(p.runs().hidden()) : List.of();
        } finally {
            applying = false;
        }
        gridView.set(!gridHidden.isEmpty());
        rebuild();
    }

    /** Opens a preset file; on a problem returns its one-line message and changes nothing. */
    public String openPreset(Path file) {
        try {
            loadPreset(PresetLoader.load(file, List.of()));
            return null;
        } catch (PresetException e) {
            return e.getMessage();
        }
    }

    /** Writes the current settings as a preset file (atomically). */
    public void savePreset(Path file) throws IOException {
        AtomicFiles.writeString(file, PresetLoader.toJson(currentPreset()));
    }

    /** The current settings as a preset (validated). */
    public Preset currentPreset() {
        return settings.toPreset(gridHidden.isEmpty() ? null : gridHidden);
    }

    /** Writes each model's metrics history as CSV files {@code <base>-<model>-n<h>.csv}; returns them. */
    public List<Path> exportMetrics(Path base) throws IOException {
        List<Path> out = new ArrayList<>();
        SessionSnapshot s = lastSnapshot;
        if (s == null) {
            return out;
        }
        String name = base.getFileName().toString().replaceFirst("\\.csv$", "");
        for (ModelSnapshot m : s.models()) {
            Path f = base.resolveSibling(name + "-" + m.spec().kind() + "-n" + m.spec().hidden() + ".csv");
            List<String> layers = m.last() == null ? List.of() : m.last().layerNames();
            AtomicFiles.writeString(f, MetricsCsv.format(layers, m.history()));
            out.add(f);
        }
        return out;
    }

    /** Stops training and rendering (window closing). */
    public void dispose() {
        if (session != null) {
            session.close();
        }
        renderer.shutdownNow();
    }

    private void structuralChanged() {
        if (applying) {
            return;
        }
        if (session != null && iteration.get() > 0) {
            needsReset.set(true);
            status.set("Settings changed: press Reset to start over with them");
        } else {
            rebuild();
        }
    }

    private void optionsChanged() {
        options = new ViewOptions(discretize.get(), showTest.get(), showDifference.get(), showCentres.get(),
                gridView.get(), ViewOptions.defaults().panelSize());
        Tagged t = latestOfCurrent;
        if (t != null) {
            renderStage.accept(t);
        }
    }

    private void rebuild() {
        // build and validate the new session first: on a problem the old one keeps running as it was
        TrainingSession next;
        long generation = generationCounter + 1;
        List<Integer> grid = gridHidden;
        if (!grid.isEmpty() && !grid.contains(settings.hidden.get())) {
            grid = List.of();             // the user chose an n outside the figure's grid: no longer the figure
        }
        Preset p;
        try {
            p = settings.toPreset(grid.isEmpty() ? null : grid);
            List<RunSpec> runs = ExperimentPlan.runs(p, 1);
            List<ModelSpec> specs = runs.stream().map(RunSpec::model).toList();
            TrainConfig base = runs.get(0).training();
            int logEvery = (int) Math.max(1, base.iterations() / 500);
            TrainConfig cfg = new TrainConfig(base.iterations(), base.batchSize(), base.schedule(), base.momentum(),
                    base.nesterov(), base.weightDecay(), base.pSchedule(), logEvery);
            ToyData data = ToySets.generate(runs.get(0).data());
            next = new TrainingSession(specs, cfg, data, p.seed(), PresetRunner.plotExtent(data), 100, 40,
                    PUBLISH_MILLIS, sessionSink(generation));
            status.set(String.format(Locale.ROOT, "%s: %d samples, %s", p.data().set(), p.data().samples(),
                    specs.stream().map(ModelSpec::label).toList()));
        } catch (RuntimeException e) {
            status.set("Cannot start with these settings: " + e.getMessage());
            needsReset.set(session != null && iteration.get() > 0);
            return;
        }
        if (session != null) {
            session.close();
        }
        generationCounter = generation;
        currentGeneration = generation;
        if (grid.isEmpty() && !gridHidden.isEmpty()) {
            gridHidden = grid;
            gridView.set(false);
        }
        mainHidden = settings.hidden.get();
        figureTitle = p.title();
        latestOfCurrent = null;
        running.set(false);
        iteration.set(0);
        needsReset.set(false);
        session = next;
        session.setSpeed(speed.get() > 0 ? speed.get() : TrainingSession.MAX_SPEED);
        session.start();
    }

    /**
     * Snapshots of the newest session only: each session's sink carries its generation, frames
     * carry it on, and {@link #show} drops any frame of a replaced session (a late snapshot, or
     * a re-render of an old one).
     */
    private Consumer<SessionSnapshot> sessionSink(long generation) {
        return s -> {
            if (currentGeneration == generation) {
                Tagged t = new Tagged(generation, s);
                latestOfCurrent = t;
                renderStage.accept(t);
            }
        };
    }

    /** A snapshot and the generation of the session that took it. */
    private record Tagged(long generation, SessionSnapshot snapshot) {
    }

    private volatile Tagged latestOfCurrent;

    private long generationCounter;
    private volatile long currentGeneration;

    private final FxPublisher<Frame> toFx = new FxPublisher<>(r -> fxRun(r), this::show);

    private final FxPublisher<Tagged> renderStage = new FxPublisher<>(r -> submitRender(r), t -> {
        if (t.generation() != currentGeneration) {
            return;
        }
        ViewOptions o = options;
        toFx.accept(FrameRenderer.render(t.snapshot(), mainHidden, gridHidden, o, figureTitle, t.generation()));
    });

    private void fxRun(Runnable r) {
        fx.accept(r);
    }

    private void submitRender(Runnable r) {
        if (!renderer.isShutdown()) {
            renderer.execute(r);
        }
    }

    private void show(Frame f) {
        if (f.generation() != currentGeneration) {
            return;                       // a frame of a session that has been replaced
        }
        lastSnapshot = f.snapshot();
        iteration.set(f.snapshot().iteration());
        if (f.snapshot().finished()) {
            running.set(false);
        }
        frame.set(f);
        if (!needsReset.get()) {
            long total = f.snapshot().models().isEmpty() ? 0 : f.snapshot().models().get(0).iterations();
            String state = f.snapshot().finished() ? "finished" : running.get() ? "training"
                    : f.snapshot().iteration() == 0 ? "ready: press Play" : "paused";
            status.set(String.format(Locale.ROOT, "%s  iteration %d / %d", state, f.snapshot().iteration(), total));
        }
    }
}
