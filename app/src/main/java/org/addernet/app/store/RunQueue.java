package org.addernet.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * <p>The parts: this class takes the commands and keeps the items' states (one lock guards
 * them all, {@link QueueEntry} makes each change); {@link QueueBook} keeps the items in order and
 * saves them through {@link QueueFile} (queue.json and the lock file); {@link QueueScheduler}
 * starts pending items on the worker executor; each runs as a {@link QueueJob}; {@link QueueNotifier}
 * tells the listeners, progress throttled.
 */
public final class RunQueue implements AutoCloseable {
    /** The queue's file in the home. */
    public static final String FILE = QueueFile.FILE;
    /** Held while a process has the queue open. */
    public static final String LOCK = QueueFile.LOCK;

    private final RunStore store;
    private final String source;
    private final QueueFile file;
    private final Object mutex = new Object();
    private final QueueBook book;
    private final QueueNotifier notifier = new QueueNotifier(System::nanoTime);
    private final QueueScheduler scheduler;
    private final QueueJob.Host jobs = new Jobs();
    private volatile java.util.function.BiFunction<RunRequest, RunLog, Runner> runOn;
    private boolean dispatching;
    private boolean closed;

    private RunQueue(RunStore store, String source, QueueFile file, Executor workers) {
        this.store = store;
        this.source = source;
        this.file = file;
        this.book = new QueueBook(file);
        this.scheduler = new QueueScheduler(workers, defaultParallel());
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
            q.scheduler.close();
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
            return book.warnings();
        }
    }

    public void addListener(QueueListener l) {
        notifier.add(l);
    }

    public void removeListener(QueueListener l) {
        notifier.remove(l);
    }

    /** Every item, in queue order. */
    public List<QueueItem> items() {
        synchronized (mutex) {
            return book.snapshots();
        }
    }

    /** The item {@code id}, or null. */
    public QueueItem item(String id) {
        synchronized (mutex) {
            QueueEntry it = find(id);
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
            checkOpen();
            book.append(it);
            changed(it);
            dispatch();
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
            checkOpen();
            for (QueueEntry it : prepared) {
                book.append(it);
                out.add(it.snapshot());
            }
            persist(true);
            emit(null);
            dispatch();
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
            QueueEntry it = find(id);
            if (it == null || it.state.isDone()) {
                return false;
            }
            QueueJob job = scheduler.job(id);
            if (job != null) {
                if (job.requestStop(QueueJob.Stop.CANCEL)) {
                    it.progressText = "cancelling...";
                    changed(it);
                }
                return true;
            }
            it.cancelPending();
            if (it.runFolder != null) {
                markFolder(it.runFolder, RunStatus.CANCELLED, it.error);
            }
            changed(it);
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
            QueueEntry it = find(id);
            if (it == null) {
                return false;
            }
            if (!book.move(it, delta)) {
                return false;
            }
            persist(true);
            emit(null);
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
            QueueEntry it = find(id);
            if (it == null || !(it.state == RunStatus.FAILED || it.state == RunStatus.CANCELLED)) {
                return false;
            }
            it.requeue(!fresh && RunManifest.IMAGE.equals(it.kind) && it.runFolder != null
                    && Files.isDirectory(it.runFolder));
            changed(it);
            dispatch();
            return true;
        }
    }

    /** Removes an item that is not running from the queue (its run folder stays in the store). */
    public boolean remove(String id) {
        synchronized (mutex) {
            QueueEntry it = find(id);
            if (it == null || scheduler.job(id) != null) {
                return false;
            }
            book.remove(it);
            persist(true);
            emit(null);
            mutex.notifyAll();
            return true;
        }
    }

    /**
     * Where items that start from now on run: null for this machine (the default), else what makes
     * their runners ({@code org.addernet.app.cluster.ClusterRunners}: on a Spark cluster, with the
     * numbers of a local run). Items running now finish where they are.
     */
    public void runOn(java.util.function.BiFunction<RunRequest, RunLog, Runner> runners) {
        this.runOn = runners;
    }

    /** What {@link #runOn} was given (null: this machine). */
    public java.util.function.BiFunction<RunRequest, RunLog, Runner> runOn() {
        return runOn;
    }

    /** How many items run at once. */
    public int parallel() {
        synchronized (mutex) {
            return scheduler.parallel();
        }
    }

    /** Sets how many items run at once (saved with the queue); running items beyond a lowered limit finish first. */
    public void setParallel(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallel runs must be >= 1, got " + n);
        }
        synchronized (mutex) {
            scheduler.setParallel(n);
            persist(true);
            emit(null);
            dispatch();
        }
    }

    /** Starts (or resumes) running pending items, interrupted ones included. */
    public void start() {
        synchronized (mutex) {
            checkOpen();
            dispatching = true;
            dispatch();
        }
    }

    /** Stops starting new items; running ones go on to their end. */
    public void pause() {
        synchronized (mutex) {
            dispatching = false;
            mutex.notifyAll();
        }
    }

    /** Whether pending items are being started. */
    public boolean isStarted() {
        synchronized (mutex) {
            return dispatching;
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
            dispatching = false;
            scheduler.jobs().forEach(j -> j.requestStop(QueueJob.Stop.SHUTDOWN));
            try {
                waitUntil(scheduler::idle, millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            persist(true);
            return scheduler.idle();
        }
    }

    /** {@link #shutdown()}, then lets go of the queue (listeners get the last changes first). */
    @Override
    public void close() {
        shutdown();
        synchronized (mutex) {
            closed = true;
        }
        notifier.close();
        scheduler.close();
        file.release();
    }

    /**
     * Waits until nothing is running and, while the queue is started, nothing is pending; returns
     * whether that happened within {@code millis}.
     */
    public boolean awaitIdle(long millis) throws InterruptedException {
        synchronized (mutex) {
            return waitUntil(() -> scheduler.idle() && !(dispatching && book.anyPending()),
                    millis);
        }
    }

    /** Waits on the mutex (held) until {@code done} or {@code millis} have passed; whether {@code done}. */
    private boolean waitUntil(BooleanSupplier done, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(mutex, left);
        }
        return true;
    }

    // ---- running ---------------------------------------------------------------------------------

    /** Starts pending items while fewer than {@code parallel} run (caller holds the mutex). */
    private void dispatch() {
        if (dispatching && !closed) {
            scheduler.dispatch(book.entries(), this::launch);
        }
    }

    /** Marks {@code it} running and makes its job (caller holds the mutex). */
    private QueueJob launch(QueueEntry it) {
        it.markRunning();
        QueueJob job = new QueueJob(new QueueJob.Spec(it.id, it.preset, it.presetJson, it.overrides, it.seeds,
                it.dataRoot, it.runFolder, it.kind), jobs, store, source, scheduler.jobsPerItem());
        changed(it);
        return job;
    }

    /** What the running jobs tell the queue, on their worker threads. */
    private final class Jobs implements QueueJob.Host {
        @Override
        public Object lock() {
            return mutex;
        }

        @Override
        public java.util.function.BiFunction<RunRequest, RunLog, Runner> runOn() {
            return runOn;
        }

        @Override
        public void folderChosen(QueueJob job, Path folder) {
            synchronized (mutex) {
                QueueEntry it = find(job.spec.id());
                if (it != null) {
                    it.runFolder = folder;
                }
                persist(true);
            }
        }

        @Override
        public void folderReady(QueueJob job, Path folder, ManifestWriter manifest) {
            synchronized (mutex) {
                QueueEntry it = find(job.spec.id());
                if (it != null) {
                    it.runFolder = folder;
                }
                job.manifest = manifest;
                if (job.stop == QueueJob.Stop.SHUTDOWN) {
                    manifest.markInterrupted();
                }
                persist(true);
            }
        }

        /** The item's progress from its runner, throttled to about ten notifications a second. */
        @Override
        public void progress(QueueJob job, long done, long total, String text) {
            synchronized (mutex) {
                QueueEntry it = find(job.spec.id());
                if (it == null || it.state != RunStatus.RUNNING || !notifier.progressDue(it.id, done >= total)) {
                    return;
                }
                it.progress = total <= 0 ? 0 : Math.min(1, (double) done / total);
                if (job.stop == QueueJob.Stop.NONE) {
                    it.progressText = text;
                }
                book.saveSoon(scheduler.parallel());
                emit(it);
            }
        }

        @Override
        public void ended(QueueJob job, RunStatus endState, String error, ManifestWriter manifest) {
            synchronized (mutex) {
                scheduler.ended(job.spec.id());
                QueueEntry it = find(job.spec.id());
                if (it != null) {
                    it.markEnded(endState, error);
                    if (manifest != null && manifest.writeError() != null) {
                        it.error = (it.error == null ? "" : it.error + "; ") + manifest.writeError();
                    }
                    changed(it);
                }
                mutex.notifyAll();
                dispatch();
            }
        }
    }

    // ---- bookkeeping (caller holds the mutex) ---------------------------------------------------

    private void changed(QueueEntry it) {
        persist(true);
        emit(it);
    }

    private void emit(QueueEntry it) {
        if (notifier.listening()) {
            notifier.tell(book.snapshots(), it == null ? null : it.snapshot());
        }
    }

    private QueueEntry find(String id) {
        return book.find(id);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the queue is closed");
        }
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

    /** Saves queue.json atomically when {@code now} (see {@link QueueBook}). */
    private void persist(boolean now) {
        if (now) {
            book.save(scheduler.parallel());
        }
    }

    /** Reads queue.json (see {@link QueueBook#load}). */
    private void load() throws IOException {
        synchronized (mutex) {
            Integer saved = book.load(defaultParallel());
            scheduler.setParallel(saved != null ? saved : defaultParallel());
        }
    }
}
