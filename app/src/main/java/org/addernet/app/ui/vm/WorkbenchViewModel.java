package org.addernet.app.ui.vm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import org.addernet.app.figures.CurveState;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.ui.session.SessionSnapshot;
import org.addernet.app.ui.session.TrainingSession;
import org.addernet.engine.model.ModelSpec;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;

/**
 * The window's state and commands. Training runs in a {@link TrainingSession}; its snapshots are
 * rendered on a background thread and reach {@link #frame()} on the FX thread, coalesced, so the
 * FX thread never waits on training. Commands answer at once.
 *
 * <p>Settings are checked as they are typed ({@link SettingsViewModel#inputs()}): while one is
 * invalid, or the settings as a whole are refused, {@link #blocked()} says why and Play, Step and
 * Reset do nothing but say it. A large sample is generated off the FX thread ({@link #preparing()}).
 *
 * <p>A figure preset (Figs. 2-4) trains every n of its grid; the main view shows one column of it
 * (the Hidden n setting picks which, {@link #figureNote()} says which). An n outside the grid
 * would leave the figure: {@link #leaveFigureQuestion()} asks first, {@link #leaveFigure()} or
 * {@link #keepFigure()} answers.
 */
public final class WorkbenchViewModel {
    /** Samples above this are generated off the FX thread, with a note while it runs. */
    static final int LARGE_SAMPLE = 50_000;
    public final SettingsViewModel settings;
    /** How the boundary panels are drawn (toggles, figure view, size). */
    public final PanelOptions panels = new PanelOptions();
    /** Steps per second per model; 0 means as fast as possible. */
    public final DoubleProperty speed = new SimpleDoubleProperty(SessionFactory.DEFAULT_SPEED);
    /** The curve charts' smoothing weight (TensorBoard's moving average; 0 = raw). */
    public final DoubleProperty smoothing = new SimpleDoubleProperty(0);
    /** What the reader hides on the curve charts and how they are smoothed (kept through rebuilds). */
    public final CurveState curves = new CurveState();

    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper iteration = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper iterations = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper needsReset = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper blocked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pointsNote = new ReadOnlyStringWrapper("");
    private final FigureMode figure = new FigureMode();
    private final UiExecutor executor;
    private final FramePipeline frames;
    private volatile DrawnPoints drawn;
    private TrainingSession session;
    /** The newest snapshot shown (volatile: tests and the export read it from other threads). */
    private volatile SessionSnapshot lastSnapshot;
    private boolean applying;
    /** Why the last attempt to build a session from the settings failed; empty after a success. */
    private String rebuildProblem = "";
    /** The generation of the newest session asked for (a session prepared off the FX thread may be overtaken). */
    private long generationCounter;

    /** The window's: results on the FX side of {@code executor} (frames are rendered on the view model's own thread). */
    public WorkbenchViewModel(Preset initial, UiExecutor executor) {
        this(initial, executor::fx, executor);
    }

    /**
     * @param fx how to run on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     */
    public WorkbenchViewModel(Preset initial, Consumer<Runnable> fx) {
        this(initial, fx, UiExecutor.withFx(fx));
    }

    private WorkbenchViewModel(Preset initial, Consumer<Runnable> fx, UiExecutor executor) {
        this.executor = executor;
        this.frames = new FramePipeline(fx, (snapshot, generation) -> FrameRenderer.render(snapshot, drawn,
                figure.column(), figure.grid(), panels.current(), figure.title(), generation), this::show);
        panels.redrawWith(frames::rerender);
        this.settings = new SettingsViewModel(initial);
        figure.load(initial);
        panels.gridView.set(figure.active());
        speed.set(SessionFactory.demoSpeed(initial));
        for (ObservableValue<?> p : settings.structural()) {
            if (p != settings.hidden) {
                p.addListener((o, a, b) -> structuralChanged());
            }
        }
        settings.hidden.addListener((o, a, b) -> hiddenChanged(a.intValue(), b.intValue()));
        settings.problem().addListener((o, a, b) -> {
            if (b.isEmpty() && !rebuildProblem.isEmpty()) {
                rebuildProblem = "";        // the settings are valid again: try them (or ask for the reset)
                structuralChanged();
            }
            updateBlocked();
        });
        settings.lr.addListener((o, a, b) -> {
            if (session != null && b.doubleValue() > 0) {
                session.setLearningRate(b.doubleValue());
            }
        });
        smoothing.addListener((o, a, b) -> curves.setSmoothing(Math.max(0, Math.min(CurveState.MAX_SMOOTHING,
                b.doubleValue()))));
        speed.addListener((o, a, b) -> {
            if (session != null) {
                session.setSpeed(b.doubleValue() > 0 ? b.doubleValue() : TrainingSession.MAX_SPEED);
            }
        });
        panels.changed();
        rebuild();
    }

    /** True while a session exists that can train (false only if the very first settings were unusable). */
    public boolean hasSession() {
        return session != null;
    }

    public ReadOnlyObjectProperty<Frame> frame() {
        return frame.getReadOnlyProperty();
    }

    /** The newest iteration shown (the largest of any model). */
    public ReadOnlyLongProperty iteration() {
        return iteration.getReadOnlyProperty();
    }

    /** The iterations the session trains for. */
    public ReadOnlyLongProperty iterations() {
        return iterations.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    /** True when settings changed after training started: they apply on {@link #reset()}. */
    public ReadOnlyBooleanProperty needsReset() {
        return needsReset.getReadOnlyProperty();
    }

    /** True while a large sample is being generated (off the FX thread); Play waits for it. */
    public ReadOnlyBooleanProperty preparing() {
        return preparing.getReadOnlyProperty();
    }

    /** What the session does (ready, training, paused, finished) or what a command could not do. */
    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** Why the settings cannot be trained as they stand (an invalid field, a refused combination); empty when they can. */
    public ReadOnlyStringProperty blocked() {
        return blocked.getReadOnlyProperty();
    }

    /** Whether the panels draw a subsample of the points, and of how many; empty when they draw all. */
    public ReadOnlyStringProperty pointsNote() {
        return pointsNote.getReadOnlyProperty();
    }

    /** In figure mode: which n the figure trains and which column the main view shows; empty otherwise. */
    public ReadOnlyStringProperty figureNote() {
        return figure.note();
    }

    /** The question to ask before the figure is left (an n outside its grid was typed); empty when none is open. */
    public ReadOnlyStringProperty leaveFigureQuestion() {
        return figure.question();
    }

    /** The hidden sizes of the figure grid (empty unless a figure preset is loaded). */
    public List<Integer> gridHidden() {
        return figure.grid();
    }

    public SessionSnapshot lastSnapshot() {
        return lastSnapshot;
    }

    /** The session training now (tests wait for a replaced one to end). */
    TrainingSession session() {
        return session;
    }

    public void play() {
        if (refused()) {
            return;
        }
        if (session != null && (lastSnapshot == null || !lastSnapshot.finished())) {
            running.set(true);
            session.play();
            status.set("training");
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
        if (refused()) {
            return;
        }
        if (session != null) {
            if (running.get()) {
                pause();
            }
            session.step();
        }
    }

    /** Starts over with the current settings (new models, same data seed). */
    public void reset() {
        if (!settings.problem().get().isEmpty()) {
            refused();
            return;
        }
        rebuild();
    }

    /** True (and the status says why) when the settings cannot be trained or are being prepared. */
    private boolean refused() {
        if (preparing.get()) {
            status.set("Generating the data set: Play when it is ready.");
            return true;
        }
        if (!blocked.get().isEmpty()) {
            status.set("Cannot train: " + blocked.get());
            return true;
        }
        return false;
    }

    /** Draws a new data sample (and new initial weights): the seed moves on by one. */
    public void regenerate() {
        settings.releaseDataSeed();
        settings.seed.set(settings.seed.get() + 1);
        if (needsReset.get()) {
            rebuild();
        }
    }

    /** Replaces every setting with {@code p}'s and starts over; a figure preset also sets the grid and its speed. */
    public void loadPreset(Preset p) {
        applying = true;
        try {
            settings.apply(p);
            figure.load(p);
        } finally {
            applying = false;
        }
        panels.gridView.set(figure.active());
        speed.set(SessionFactory.demoSpeed(p));
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
        return settings.toPreset(figure.active() ? figure.grid() : null);
    }

    /** Writes each model's metrics history as CSV files {@code <base>-<model>-n<h>.csv}; returns them. */
    public List<Path> exportMetrics(Path base) throws IOException {
        return SessionFactory.exportMetrics(lastSnapshot, base);
    }

    /** Leaves the figure for the n asked for: only that n trains from the next reset on. */
    public void leaveFigure() {
        if (figure.leave()) {
            panels.gridView.set(false);
            structuralChanged();
        }
    }

    /** Keeps the figure: Hidden n goes back to the column it showed. */
    public void keepFigure() {
        Integer column = figure.keep();
        if (column != null) {
            applying = true;
            try {
                settings.hidden.set(column);
            } finally {
                applying = false;
            }
        }
    }

    /** Stops training and rendering (window closing). */
    public void dispose() {
        if (session != null) {
            session.close();
        }
        frames.shutdown();
    }

    private void hiddenChanged(int before, int now) {
        if (applying) {
            return;
        }
        switch (figure.hiddenChanged(before, now)) {
            case COLUMN -> panels.changed();
            case ASKED -> { }
            case SETTING -> structuralChanged();
            default -> throw new IllegalStateException();
        }
    }

    private void structuralChanged() {
        if (applying) {
            return;
        }
        if (session != null && iteration.get() > 0) {
            needsReset.set(true);
            status.set("Settings changed: press Reset to start over with them");
            updateBlocked();
        } else {
            rebuild();
        }
    }

    private void updateBlocked() {
        String why = !settings.problem().get().isEmpty() ? settings.problem().get() : rebuildProblem;
        blocked.set(why);
        if (!why.isEmpty() && !running.get()) {
            status.set("Cannot train: " + why);
        }
    }

    private void rebuild() {
        // build and validate the new session first: on a problem the old one keeps running as it was
        long generation = generationCounter + 1;
        generationCounter = generation;
        List<Integer> grid = figure.grid();
        Preset p;
        try {
            p = settings.toPreset(grid.isEmpty() ? null : grid);
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        if (p.data().samples() > LARGE_SAMPLE) {
            preparing.set(true);
            status.set(String.format(Locale.ROOT, "Generating %,d points\u2026", p.data().samples()));
            executor.submit(() -> SessionFactory.prepare(p, grid, frames.sink(generation)), r -> {
                if (generation == generationCounter) {
                    preparing.set(false);
                    install(r, generation);
                } else {
                    r.session().close();
                }
            }, e -> {
                if (generation == generationCounter) {
                    preparing.set(false);
                    failed(e instanceof RuntimeException re ? re : new IllegalStateException(
                            e instanceof OutOfMemoryError ? "not enough memory for " + p.data().samples()
                                    + " points" : String.valueOf(e.getMessage()), e));
                }
            });
            return;
        }
        try {
            install(SessionFactory.prepare(p, grid, frames.sink(generation)), generation);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        rebuildProblem = String.valueOf(e.getMessage());
        needsReset.set(session != null && iteration.get() > 0);
        updateBlocked();
        status.set("Cannot start with these settings: " + e.getMessage());
    }

    private void install(SessionFactory.Prepared r, long generation) {
        if (session != null) {
            session.close();
        }
        frames.current(generation);
        rebuildProblem = "";
        Preset p = r.preset();
        int n = settings.hidden.get();
        figure.installed(r.grid(), n, p.title());
        drawn = r.drawn();
        pointsNote.set(r.drawn().note());
        lastSnapshot = null;                // the replaced session's (finished) state must not refuse Play
        running.set(false);
        iteration.set(0);
        iterations.set(r.iterations());
        needsReset.set(false);
        updateBlocked();
        status.set(String.format(Locale.ROOT, "ready: %s, %,d samples, %s", p.data().set(), p.data().samples(),
                String.join(", ", r.specs().stream().map(ModelSpec::label).toList())));
        session = r.session();
        session.setSpeed(speed.get() > 0 ? speed.get() : TrainingSession.MAX_SPEED);
        session.start();
    }

    private void show(Frame f) {
        iteration.set(f.snapshot().iteration());
        if (f.snapshot().finished()) {
            running.set(false);
        }
        frame.set(f);
        if (!needsReset.get() && blocked.get().isEmpty() && !preparing.get()) {
            status.set(f.snapshot().finished() ? "finished" : running.get() ? "training"
                    : f.snapshot().iteration() == 0 ? "ready: press Play" : "paused");
        }
        lastSnapshot = f.snapshot();        // last: whoever sees this snapshot sees the state it set
    }
}
