package org.addernet.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runner;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.PlanBudget;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/**
 * Presets waiting to run, run one at a time or {@link #setParallel N at once} through the one
 * runner shape ({@code runner.Runners} chooses the toy, epoch or sweep runner), each into its
 * own folder of the {@link RunStore}. The queue is saved atomically to {@code <home>/queue.json}
 * on every change (progress at most once a second), so it survives closing the window and a
 * killed process.
 *
 * <p>What happens when:
 * <ul>
 *   <li>{@link #cancel}: a pending item never starts; a running one is stopped after the step in
 *       flight (its folder keeps what was trained and says {@code cancelled}).</li>
 *   <li>{@link #shutdown()} (closing the window): running items are stopped the same way but
 *       become {@code interrupted}; so do items that were running when the process was killed,
 *       found by {@link #open}. An interrupted item continues in its own folder on the next
 *       {@link #start()}: an image run from its last checkpoints (the numbers equal an
 *       uninterrupted run's), a toy run from the beginning (toy runs take seconds and keep no
 *       checkpoints).</li>
 *   <li>{@link #retry(String, boolean)} of a failed or cancelled item: a toy item runs again in a
 *       new folder (the old one stays in the history as it ended); an image item continues in its
 *       folder from its checkpoints (the cancelled epochs are not trained twice), or starts in a
 *       new folder with {@code fresh} (e.g. after a damaged checkpoint).</li>
 * </ul>
 * One process at a time holds a home's queue ({@code queue.lock}, released by the OS even on a
 * kill). Every method is thread-safe and returns at once (except {@link #shutdown(long)}, which
 * waits for running items to stop); listeners are called on a notifier thread.
 *
 * <p>The parts: this class takes the commands; {@link QueueState} holds the items under the one
 * lock and saves and tells every change; {@link QueueEntry} makes each item's state change;
 * {@link QueueBook} keeps the items in order and saves them through {@link QueueFile}
 * (queue.json and the lock file); {@link QueueScheduler} starts pending items on the worker
 * executor; each runs as a {@link QueueJob}, whose reports {@link QueueJobEvents} turns into item
 * changes; {@link QueueNotifier} tells the listeners, progress throttled.
 */
public final class RunQueue implements AutoCloseable {
    /** The queue's file in the home. */
    public static final String FILE = QueueFile.FILE;
    /** Held while a process has the queue open. */
    public static final String LOCK = QueueFile.LOCK;

    private final RunStore store;
    private final String source;
    private final QueueFile file;
    private final QueueState state;
    private final Object mutex;
    private final QueueJob.Host jobs;
    private volatile BiFunction<RunRequest, RunLog, Runner> runOn;

    private RunQueue(RunStore store, String source, QueueFile file, Executor workers) {
        this.store = store;
        this.source = source;
        this.file = file;
        this.state = new QueueState(file, workers, defaultParallel(), this::launch);
        this.mutex = state.mutex;
        this.jobs = new QueueJobEvents(state, () -> runOn);
    }

    /** Opens the queue of {@code home} for the window (runs record source {@code window}). */
    public static RunQueue open(Path home) throws IOException {
        return open(new RunStore(home), "window");
    }

    /** {@link #open(RunStore, String, Executor)} with worker threads of the queue's own. */
    public static RunQueue open(RunStore store, String source) throws IOException {
        return open(store, source, null);
    }

    /**
     * Opens the queue of {@code store}'s home: reads {@code queue.json} (a damaged one is moved
     * aside to {@code queue.json.damaged-<time>} and reported in {@link #warnings()}), and marks
     * items that were running when the last process ended as {@code interrupted}; they continue on
     * {@link #start()}. Nothing runs before {@link #start()}.
     *
     * @param source  what the run folders record as their source: {@code window} or {@code cli}
     * @param workers where the items run, one task each (a task trains until its item ends), shut
     *                down by the caller after {@link #close()}; null for threads of the queue's own
     * @throws IOException the home cannot be written, or another process has this queue open
     */
    public static RunQueue open(RunStore store, String source, Executor workers) throws IOException {
        QueueFile file = QueueFile.lock(store.home());
        RunQueue q = new RunQueue(store, source, file, workers);
        try {
            q.load();
        } catch (IOException | RuntimeException e) {
            q.state.scheduler.close();
            file.release();
            throw e;
        }
        return q;
    }

    /** Half the cores (at least 1): an image run's kernels already use every core, toy items share the rest. */
    public static int defaultParallel() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public RunStore store() {
        return store;
    }

    /** What {@link #open} had to repair (a damaged queue.json moved aside), and failures to save the queue. */
    public List<String> warnings() {
        synchronized (mutex) {
            return state.book.warnings();
        }
    }

    public void addListener(QueueListener l) {
        state.notifier.add(l);
    }

    public void removeListener(QueueListener l) {
        state.notifier.remove(l);
    }

    /** Every item, in queue order. */
    public List<QueueItem> items() {
        synchronized (mutex) {
            return state.book.snapshots();
        }
    }

    /** The item {@code id}, or null. */
    public QueueItem item(String id) {
        synchronized (mutex) {
            QueueEntry it = state.find(id);
            return it == null ? null : it.snapshot();
        }
    }

    /**
     * Adds a run of {@code preset} (a bundled preset's name or a file) with {@code overrides}
     * ({@code key.path=value}) and {@code seeds} seeds at the end of the queue.
     *
     * @param dataRoot data root searched first for image sets (null: {@code $ADDERNET_DATA}, ~/.addernet/data)
     * @throws PresetException the preset or an override is wrong (one line naming file, field, value), or the
     *                         plan does not fit the heap (the count and its limit)
     * @throws IllegalArgumentException seeds < 1
     */
    public QueueItem add(String preset, List<String> overrides, int seeds, Path dataRoot) {
        QueueEntry it = prepare(preset, overrides, seeds, dataRoot);
        synchronized (mutex) {
            state.checkOpen();
            state.book.append(it);
            state.changed(it);
            state.dispatch();
            return it.snapshot();
        }
    }

    /**
     * Adds presets x setting sets: one item per (preset, settings) pair, each with {@code seeds}
     * seeds, in that order. Every pair is checked before any is added: all or none.
     */
    public List<QueueItem> addAll(List<String> presets, List<List<String>> settingSets, int seeds, Path dataRoot) {
        List<List<String>> sets = settingSets.isEmpty() ? List.of(List.of()) : settingSets;
        List<QueueEntry> prepared = new ArrayList<>();
        for (String p : presets) {
            for (List<String> s : sets) {
                prepared.add(prepare(p, s, seeds, dataRoot));
            }
        }
        List<QueueItem> out = new ArrayList<>();
        synchronized (mutex) {
            state.checkOpen();
            for (QueueEntry it : prepared) {
                state.book.append(it);
                out.add(it.snapshot());
            }
            state.changed(null);
            state.dispatch();
        }
        return out;
    }

    private static QueueEntry prepare(String preset, List<String> overrides, int seeds, Path dataRoot) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
        }
        Preset p = PresetLoader.resolve(preset, overrides);
        PlanBudget.requireFits(p, seeds, "--seeds " + seeds, 1);      // refused now, not when it runs out of memory
        return QueueEntry.queued(preset, p, overrides, seeds, dataRoot);
    }

    /**
     * The queue of {@code home} as saved, read without opening it: nothing is created, locked,
     * moved or saved (for {@code queue list}). Items saved as running show as interrupted when no
     * process has the queue open (what {@link #open} would make of them).
     *
     * @throws QueueFileException queue.json is a folder, unreadable or damaged (left as it is)
     */
    public static View peek(Path home) throws QueueFileException {
        QueueFile.Loaded loaded = QueueFile.read(home);
        boolean open = QueueFile.heldElsewhere(home);
        List<QueueItem> items = new ArrayList<>();
        for (QueueEntry it : loaded.items()) {
            if (!open && it.state == RunStatus.RUNNING) {
                it.markOrphaned();
            }
            items.add(it.snapshot());
        }
        return new View(items, loaded.parallel() != null && loaded.parallel() >= 1 ? loaded.parallel() : defaultParallel(),
                open);
    }

    /**
     * A queue as saved ({@link #peek}).
     *
     * @param open whether a process (a window, a {@code queue run}) has it open now
     */
    public record View(List<QueueItem> items, int parallel, boolean open) {
        public View {
            items = List.copyOf(items);
        }
    }

    /**
     * Cancels {@code id}: a pending item is marked {@code cancelled} and never starts; a running
     * one is asked to stop after its current step (its state turns {@code cancelled} when it has).
     * Returns false when the item is unknown or has ended.
     */
    public boolean cancel(String id) {
        synchronized (mutex) {
            QueueEntry it = state.find(id);
            if (it == null || it.state.isDone()) {
                return false;
            }
            QueueJob job = state.scheduler.job(id);
            if (job != null) {
                if (job.requestStop(QueueJob.Stop.CANCEL)) {
                    it.progressText = "cancelling...";
                    state.changed(it);
                }
                return true;
            }
            it.cancelPending();
            if (it.runFolder != null) {
                markFolder(it.runFolder, RunStatus.CANCELLED, it.error);
            }
            state.changed(it);
            mutex.notifyAll();
            return true;
        }
    }

    /**
     * Moves {@code id} by {@code delta} places (negative: towards the front), clamped to the
     * queue's ends. Only pending items' order matters for what runs next. Returns false when the
     * item is unknown or did not move.
     */
    public boolean move(String id, int delta) {
        synchronized (mutex) {
            QueueEntry it = state.find(id);
            if (it == null) {
                return false;
            }
            if (!state.book.move(it, delta)) {
                return false;
            }
            state.changed(null);
            return true;
        }
    }

    /** {@link #retry(String, boolean)} without {@code fresh}. */
    public boolean retry(String id) {
        return retry(id, false);
    }

    /**
     * Queues a failed or cancelled item again, at its place. A toy item always gets a new run
     * folder; an image item continues in its folder from its checkpoints unless {@code fresh} (or
     * it never got a folder). Returns false when the item is unknown or not failed/cancelled.
     */
    public boolean retry(String id, boolean fresh) {
        synchronized (mutex) {
            QueueEntry it = state.find(id);
            if (it == null || !(it.state == RunStatus.FAILED || it.state == RunStatus.CANCELLED)) {
                return false;
            }
            it.requeue(!fresh && RunManifest.IMAGE.equals(it.kind) && it.runFolder != null
                    && Files.isDirectory(it.runFolder));
            state.changed(it);
            state.dispatch();
            return true;
        }
    }

    /** Removes an item that is not running from the queue (its run folder stays in the store). */
    public boolean remove(String id) {
        synchronized (mutex) {
            QueueEntry it = state.find(id);
            if (it == null || state.scheduler.job(id) != null) {
                return false;
            }
            state.book.remove(it);
            state.changed(null);
            mutex.notifyAll();
            return true;
        }
    }

    /**
     * Where items that start from now on run: null for this machine (the default), else what makes
     * their runners ({@code org.addernet.app.cluster.ClusterRunners}: on a Spark cluster, with the
     * numbers of a local run). Items running now finish where they are.
     */
    public void runOn(BiFunction<RunRequest, RunLog, Runner> runners) {
        this.runOn = runners;
    }

    /** What {@link #runOn} was given (null: this machine). */
    public BiFunction<RunRequest, RunLog, Runner> runOn() {
        return runOn;
    }

    /** How many items run at once. */
    public int parallel() {
        synchronized (mutex) {
            return state.scheduler.parallel();
        }
    }

    /** Sets how many items run at once (saved with the queue); running items beyond a lowered limit finish first. */
    public void setParallel(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallel runs must be >= 1, got " + n);
        }
        synchronized (mutex) {
            state.scheduler.setParallel(n);
            state.changed(null);
            state.dispatch();
        }
    }

    /** Starts (or resumes) running pending items, interrupted ones included. */
    public void start() {
        synchronized (mutex) {
            state.checkOpen();
            state.dispatching = true;
            state.dispatch();
        }
    }

    /** Stops starting new items; running ones go on to their end. */
    public void pause() {
        synchronized (mutex) {
            state.dispatching = false;
            mutex.notifyAll();
        }
    }

    /** Whether pending items are being started. */
    public boolean isStarted() {
        synchronized (mutex) {
            return state.dispatching;
        }
    }

    /** {@link #shutdown(long)} waiting up to two minutes. */
    public void shutdown() {
        shutdown(120_000);
    }

    /**
     * What closing the window does: no new item starts, running items stop after their current
     * step and become {@code interrupted} (they continue on the next {@link #start()}, in this
     * process or the next). Waits up to {@code millis} for them to stop; returns whether they did.
     */
    public boolean shutdown(long millis) {
        synchronized (mutex) {
            state.dispatching = false;
            state.scheduler.jobs().forEach(j -> j.requestStop(QueueJob.Stop.SHUTDOWN));
            try {
                state.waitUntil(state.scheduler::idle, millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            state.save();
            return state.scheduler.idle();
        }
    }

    /** {@link #shutdown()}, then lets go of the queue (listeners get the last changes first). */
    @Override
    public void close() {
        shutdown();
        synchronized (mutex) {
            state.closed = true;
        }
        state.notifier.close();
        state.scheduler.close();
        file.release();
    }

    /**
     * Waits until nothing is running and, while the queue is started, nothing is pending; returns
     * whether that happened within {@code millis}.
     */
    public boolean awaitIdle(long millis) throws InterruptedException {
        synchronized (mutex) {
            return state.waitUntil(() -> state.scheduler.idle() && !(state.dispatching && state.book.anyPending()),
                    millis);
        }
    }

    // ---- running ---------------------------------------------------------------------------------

    /** Marks {@code it} running and makes its job (caller holds the mutex). */
    private QueueJob launch(QueueEntry it) {
        it.markRunning();
        QueueJob job = new QueueJob(new QueueJob.Spec(it.id, it.preset, it.presetJson, it.overrides, it.seeds,
                it.dataRoot, it.runFolder, it.kind), jobs, store, source, state.scheduler.jobsPerItem());
        state.changed(it);
        return job;
    }

    /** Sets the status of a folder's manifest (an interrupted item cancelled before it continued). */
    private static void markFolder(Path folder, RunStatus status, String reason) {
        try {
            RunManifest m = RunManifest.read(folder);
            m.withStatus(status, reason).write(folder);
        } catch (IOException | RuntimeException ignored) {
            // a folder without a readable manifest keeps what it has
        }
    }

    /** Reads queue.json (see {@link QueueBook#load}). */
    private void load() throws IOException {
        synchronized (mutex) {
            Integer saved = state.book.load(defaultParallel());
            state.scheduler.setParallel(saved != null ? saved : defaultParallel());
        }
    }
}
