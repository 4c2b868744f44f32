package org.addernet.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.Json;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.RunSummary;
import org.addernet.app.runner.Runner;
import org.addernet.app.runner.Runners;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.addernet.engine.train.RunStatus;

/**
 * Presets waiting to run, run one at a time or {@link #setParallel N at once} through the real
 * runners ({@link PresetRunner} for toy sets, {@link EpochRunner} for image sets), each into its
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
 */
public final class RunQueue implements AutoCloseable {
    /** The queue's file in the home. */
    public static final String FILE = "queue.json";
    /** Held while a process has the queue open. */
    public static final String LOCK = "queue.lock";
    /** Each run folder's log of the runner's lines. */
    public static final String LOG = "run.log";

    private static final int FORMAT = 1;
    private static final long NOTIFY_NANOS = 100_000_000L;
    private static final long PERSIST_NANOS = 1_000_000_000L;
    private static final ObjectMapper JSON = Json.indented();

    private final RunStore store;
    private final String source;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final Object mutex = new Object();
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Job> running = new HashMap<>();
    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> daemon(r, "queue-run"));
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> daemon(r, "queue-events"));
    private int parallel = defaultParallel();
    private volatile java.util.function.BiFunction<RunRequest, RunLog, Runner> runOn;
    private int nextId = 1;
    private boolean dispatching;
    private boolean closed;
    private long lastPersist;
    private String persistError;

    /** An item's mutable state inside the queue (snapshots go out as {@link QueueItem}). */
    private static final class Item {
        String id;
        String preset;
        String presetName;
        String title;
        String kind;
        String presetJson;
        int seeds;
        List<String> overrides;
        Path dataRoot;
        RunStatus state;
        Path runFolder;
        double progress;
        String progressText = "";
        String error;
        int attempts;
        String added;
        String started;
        String finished;
        long lastNotify;

        QueueItem snapshot() {
            return new QueueItem(id, preset, presetName, title, kind, presetJson, seeds, overrides, dataRoot, state,
                    runFolder, progress, progressText, error, attempts, added, started, finished);
        }
    }

    /** Why a running item is being stopped. */
    private enum Stop { NONE, CANCEL, SHUTDOWN }

    /** A running item: its runner's cancel and its manifest, once they exist. */
    private static final class Job {
        final Item item;
        Stop stop = Stop.NONE;
        Runnable cancel;
        ManifestWriter manifest;

        Job(Item item) {
            this.item = item;
        }
    }

    private RunQueue(RunStore store, String source, FileChannel lockChannel, FileLock fileLock) {
        this.store = store;
        this.source = source;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
    }

    /** Opens the queue of {@code home} for the window (runs record source {@code window}). */
    public static RunQueue open(Path home) throws IOException {
        return open(new RunStore(home), "window");
    }

    /**
     * Opens the queue of {@code store}'s home: reads {@code queue.json} (a damaged one is moved
     * aside to {@code queue.json.damaged-<time>} and reported in {@link #warnings()}), and marks
     * items that were running when the last process ended as {@code interrupted}; they continue on
     * {@link #start()}. Nothing runs before {@link #start()}.
     *
     * @param source what the run folders record as their source: {@code window} or {@code cli}
     * @throws IOException the home cannot be written, or another process has this queue open
     */
    public static RunQueue open(RunStore store, String source) throws IOException {
        Path home = store.home();
        Files.createDirectories(home);
        FileChannel ch = FileChannel.open(home.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException(home.resolve(FILE) + ": the queue is open in another workbench (it holds "
                    + home.resolve(LOCK) + "); close that one first");
        }
        RunQueue q = new RunQueue(store, source, ch, lock);
        try {
            q.load();
        } catch (IOException | RuntimeException e) {
            q.release();
            throw e;
        }
        return q;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
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
            List<String> w = new ArrayList<>(warnings);
            if (persistError != null) {
                w.add(persistError);
            }
            return w;
        }
    }

    public void addListener(QueueListener l) {
        listeners.add(l);
    }

    public void removeListener(QueueListener l) {
        listeners.remove(l);
    }

    /** Every item, in queue order. */
    public List<QueueItem> items() {
        synchronized (mutex) {
            return snapshots();
        }
    }

    /** The item {@code id}, or null. */
    public QueueItem item(String id) {
        synchronized (mutex) {
            Item it = find(id);
            return it == null ? null : it.snapshot();
        }
    }

    /**
     * Adds a run of {@code preset} (a bundled preset's name or a file) with {@code overrides}
     * ({@code key.path=value}) and {@code seeds} seeds at the end of the queue.
     *
     * @param dataRoot data root searched first for image sets (null: {@code $ADDERNET_DATA}, ~/.addernet/data)
     * @throws PresetException the preset or an override is wrong (one line naming file, field, value)
     * @throws IllegalArgumentException seeds < 1
     */
    public QueueItem add(String preset, List<String> overrides, int seeds, Path dataRoot) {
        Item it = prepare(preset, overrides, seeds, dataRoot);
        synchronized (mutex) {
            checkOpen();
            it.id = "q" + nextId++;
            items.add(it);
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
        List<Item> prepared = new ArrayList<>();
        for (String p : presets) {
            for (List<String> s : sets) {
                prepared.add(prepare(p, s, seeds, dataRoot));
            }
        }
        List<QueueItem> out = new ArrayList<>();
        synchronized (mutex) {
            checkOpen();
            for (Item it : prepared) {
                it.id = "q" + nextId++;
                items.add(it);
                out.add(it.snapshot());
            }
            persist(true);
            emit(null);
            dispatch();
        }
        return out;
    }

    private Item prepare(String preset, List<String> overrides, int seeds, Path dataRoot) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
        }
        Preset p = PresetLoader.resolve(preset, overrides);
        Item it = new Item();
        it.preset = preset;
        it.presetName = p.name();
        it.title = p.title();
        it.kind = RunManifest.kindOf(p);
        it.presetJson = PresetLoader.toJson(p);
        it.seeds = seeds;
        it.overrides = List.copyOf(overrides);
        it.dataRoot = dataRoot == null ? null : dataRoot.toAbsolutePath();
        it.state = RunStatus.QUEUED;
        it.attempts = 1;
        it.added = Instant.now().toString();
        return it;
    }

    /**
     * Cancels {@code id}: a pending item is marked {@code cancelled} and never starts; a running
     * one is asked to stop after its current step (its state turns {@code cancelled} when it has).
     * Returns false when the item is unknown or has ended.
     */
    public boolean cancel(String id) {
        synchronized (mutex) {
            Item it = find(id);
            if (it == null || isDone(it)) {
                return false;
            }
            Job job = running.get(id);
            if (job != null) {
                if (job.stop == Stop.NONE) {
                    job.stop = Stop.CANCEL;
                    it.progressText = "cancelling...";
                    if (job.cancel != null) {
                        job.cancel.run();
                    }
                    changed(it);
                }
                return true;
            }
            boolean wasInterrupted = it.state == RunStatus.INTERRUPTED;
            it.state = RunStatus.CANCELLED;
            it.error = "cancelled before it " + (wasInterrupted ? "continued" : "started");
            it.finished = Instant.now().toString();
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
            Item it = find(id);
            if (it == null) {
                return false;
            }
            int from = items.indexOf(it);
            int to = Math.max(0, Math.min(items.size() - 1, from + delta));
            if (to == from) {
                return false;
            }
            items.remove(from);
            items.add(to, it);
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
            Item it = find(id);
            if (it == null || !(it.state == RunStatus.FAILED || it.state == RunStatus.CANCELLED)) {
                return false;
            }
            boolean continueInFolder = !fresh && RunManifest.IMAGE.equals(it.kind) && it.runFolder != null
                    && Files.isDirectory(it.runFolder);
            if (!continueInFolder) {
                it.runFolder = null;
                it.attempts++;
                it.progress = 0;
            }
            it.state = RunStatus.QUEUED;
            it.error = null;
            it.progressText = continueInFolder ? "continues from its checkpoints" : "";
            it.started = null;
            it.finished = null;
            changed(it);
            dispatch();
            return true;
        }
    }

    /** Removes an item that is not running from the queue (its run folder stays in the store). */
    public boolean remove(String id) {
        synchronized (mutex) {
            Item it = find(id);
            if (it == null || running.containsKey(id)) {
                return false;
            }
            items.remove(it);
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
            return parallel;
        }
    }

    /** Sets how many items run at once (saved with the queue); running items beyond a lowered limit finish first. */
    public void setParallel(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallel runs must be >= 1, got " + n);
        }
        synchronized (mutex) {
            parallel = n;
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
            for (Job job : running.values()) {
                if (job.stop == Stop.NONE) {
                    job.stop = Stop.SHUTDOWN;
                }
                if (job.manifest != null) {
                    job.manifest.markInterrupted();
                }
                if (job.cancel != null) {
                    job.cancel.run();
                }
            }
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(mutex, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            persist(true);
            return running.isEmpty();
        }
    }

    /** {@link #shutdown()}, then lets go of the queue (listeners get the last changes first). */
    @Override
    public void close() {
        shutdown();
        synchronized (mutex) {
            closed = true;
        }
        notifier.shutdown();
        try {
            notifier.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdown();
        release();
    }

    /**
     * Waits until nothing is running and, while the queue is started, nothing is pending; returns
     * whether that happened within {@code millis}.
     */
    public boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (mutex) {
            while (!running.isEmpty() || (dispatching && items.stream().anyMatch(i -> isPending(i)))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(mutex, left);
            }
            return true;
        }
    }

    // ---- running --------------------------------------------------------------------------------

    /** Starts pending items while fewer than {@code parallel} run (caller holds the mutex). */
    private void dispatch() {
        if (!dispatching || closed) {
            return;
        }
        while (running.size() < parallel) {
            Item next = items.stream().filter(i -> isPending(i) && !running.containsKey(i.id)).findFirst().orElse(null);
            if (next == null) {
                return;
            }
            launch(next);
        }
    }

    private void launch(Item it) {
        boolean resuming = it.runFolder != null;
        it.state = RunStatus.RUNNING;
        it.started = Instant.now().toString();
        it.finished = null;
        it.error = null;
        it.progressText = resuming ? "continuing in " + it.runFolder.getFileName() : "starting";
        Job job = new Job(it);
        running.put(it.id, job);
        changed(it);
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, parallel));
        workers.submit(() -> execute(job, jobs));
    }

    /** Runs one item on a worker thread (no lock held while training). */
    private void execute(Job job, int jobs) {
        Item it = job.item;
        String id;
        String presetJson;
        String presetAsked;
        List<String> overrides;
        int seeds;
        Path dataRoot;
        Path folder;
        synchronized (mutex) {
            id = it.id;
            presetJson = it.presetJson;
            presetAsked = it.preset;
            overrides = it.overrides;
            seeds = it.seeds;
            dataRoot = it.dataRoot;
            folder = it.runFolder != null && Files.isDirectory(it.runFolder) ? it.runFolder : null;
        }
        RunStatus endState;
        String error = null;
        PrintStream log = null;
        ManifestWriter manifest = null;
        try {
            Preset preset = PresetLoader.parse("queue item " + id + " (" + presetAsked + ")", presetJson, List.of());
            Runners.Kind kind = Runners.kind(preset);
            boolean continuing = folder != null;
            if (continuing) {
                manifest = ManifestWriter.resuming(folder, preset, presetAsked, overrides, seeds, source);
                if (kind == Runners.Kind.TOY) {
                    // toy runs keep no checkpoints: they start again in their folder
                    Files.deleteIfExists(folder.resolve("summary.json"));
                }
            } else {
                folder = store.createRunFolder(preset.name());
                manifest = ManifestWriter.fresh(folder, RunManifest.begin(preset, presetAsked, overrides, seeds, source),
                        false);
            }
            manifest.setQueueItem(id);
            manifest.begin();
            synchronized (mutex) {
                it.runFolder = folder;
                job.manifest = manifest;
                if (job.stop == Stop.SHUTDOWN) {
                    manifest.markInterrupted();
                }
                persist(true);
            }
            log = new PrintStream(new FileOutputStream(folder.resolve(LOG).toFile(), true), true, StandardCharsets.UTF_8);
            log.println("# " + Instant.now() + " queue item " + id + (continuing ? " continues" : " starts") + " in "
                    + folder);
            // epoch runs continue from their checkpoints, sweeps from their completed variants
            boolean resume = continuing && kind != Runners.Kind.TOY && Files.isRegularFile(folder.resolve("preset.json"));
            RunRequest request = new RunRequest(presetAsked, presetJson, overrides, null, seeds, folder.toString(),
                    dataRoot == null ? null : dataRoot.toString(), resume, jobs);
            var on = runOn;
            Runner runner = on == null ? Runners.create(preset, request, RunLog.to(log)) : on.apply(request, RunLog.to(log));
            runner.observe(manifest).observe(progressOf(it));
            if (!arm(job, runner::cancel)) {
                runner.cancel();
            }
            RunSummary summary = runner.run();
            synchronized (mutex) {
                if (job.stop == Stop.SHUTDOWN) {
                    endState = RunStatus.INTERRUPTED;
                    error = interruptedText(it.kind);
                } else {
                    endState = RunManifest.statusOf(summary);
                    error = RunManifest.reasonOf(summary);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            error = ManifestWriter.describe(e);
            synchronized (mutex) {
                endState = job.stop == Stop.SHUTDOWN ? RunStatus.INTERRUPTED : RunStatus.FAILED;
            }
            if (manifest != null && endState == RunStatus.INTERRUPTED) {
                manifest.markInterrupted();
            }
            if (log != null) {
                log.println("# failed: " + error);
            }
        } finally {
            if (log != null) {
                log.close();
            }
        }
        synchronized (mutex) {
            running.remove(it.id);
            it.state = endState;
            it.error = error;
            it.finished = endState == RunStatus.INTERRUPTED ? null : Instant.now().toString();
            if (endState == RunStatus.COMPLETED) {
                it.progress = 1;
                it.progressText = "done";
            } else {
                it.progressText = endState.id();
            }
            if (manifest != null && manifest.writeError() != null) {
                it.error = (it.error == null ? "" : it.error + "; ") + manifest.writeError();
            }
            changed(it);
            mutex.notifyAll();
            dispatch();
        }
    }

    private static String interruptedText(String kind) {
        return RunManifest.IMAGE.equals(kind)
                ? "interrupted: continues from its last checkpoint on the next start"
                : "interrupted: starts again in its folder on the next start (toy runs keep no checkpoints)";
    }

    /** Hands the runner's cancel to the job; false when the job was already asked to stop. */
    private boolean arm(Job job, Runnable cancel) {
        synchronized (mutex) {
            job.cancel = cancel;
            return job.stop == Stop.NONE;
        }
    }

    /** The item's progress from its runner, throttled to about ten notifications a second. */
    private RunObserver progressOf(Item it) {
        return new RunObserver() {
            @Override
            public void progress(long done, long total, String text) {
                synchronized (mutex) {
                    if (it.state != RunStatus.RUNNING) {
                        return;
                    }
                    double f = total <= 0 ? 0 : Math.min(1, (double) done / total);
                    long now = System.nanoTime();
                    if (now - it.lastNotify < NOTIFY_NANOS && done < total) {
                        return;
                    }
                    it.lastNotify = now;
                    it.progress = f;
                    if (running.get(it.id) == null || running.get(it.id).stop == Stop.NONE) {
                        it.progressText = text;
                    }
                    boolean save = now - lastPersist >= PERSIST_NANOS;
                    persist(save);
                    emit(it);
                }
            }
        };
    }

    // ---- bookkeeping (caller holds the mutex) ---------------------------------------------------

    private void changed(Item it) {
        persist(true);
        emit(it);
    }

    private void emit(Item it) {
        if (listeners.isEmpty() || notifier.isShutdown()) {
            return;
        }
        List<QueueItem> all = snapshots();
        QueueItem one = it == null ? null : it.snapshot();
        try {
            notifier.execute(() -> deliver(all, one));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closed: nobody listens any more
        }
    }

    private void deliver(List<QueueItem> all, QueueItem one) {
        for (QueueListener l : listeners) {
            try {
                l.queueChanged(all, one);
            } catch (RuntimeException ignored) {
                // a listener's failure is its own
            }
        }
    }

    private List<QueueItem> snapshots() {
        return items.stream().map(Item::snapshot).toList();
    }

    private Item find(String id) {
        return items.stream().filter(i -> i.id.equals(id)).findFirst().orElse(null);
    }

    private static boolean isPending(Item i) {
        return i.state == RunStatus.QUEUED || i.state == RunStatus.INTERRUPTED;
    }

    private static boolean isDone(Item i) {
        return i.state == RunStatus.COMPLETED || i.state == RunStatus.FAILED
                || i.state == RunStatus.CANCELLED;
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

    /** Saves queue.json atomically when {@code now}; a failure (full disk) is kept for {@link #warnings()}. */
    private void persist(boolean now) {
        if (!now) {
            return;
        }
        lastPersist = System.nanoTime();
        try {
            AtomicFiles.writeString(store.home().resolve(FILE), toJson());
            persistError = null;
        } catch (IOException | RuntimeException e) {
            persistError = "cannot save " + store.home().resolve(FILE) + ": " + e.getMessage();
        }
    }

    private String toJson() throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("parallel", parallel);
        root.put("nextId", nextId);
        ArrayNode arr = root.putArray("items");
        for (Item it : items) {
            ObjectNode o = arr.addObject();
            o.put("id", it.id);
            o.put("preset", it.preset);
            o.put("presetName", it.presetName);
            o.put("title", it.title);
            o.put("kind", it.kind);
            o.put("seeds", it.seeds);
            ArrayNode ov = o.putArray("overrides");
            it.overrides.forEach(ov::add);
            o.put("dataRoot", it.dataRoot == null ? null : it.dataRoot.toString());
            o.put("state", it.state.id());
            o.put("runFolder", it.runFolder == null ? null : relative(it.runFolder));
            o.put("progress", it.progress);
            o.put("progressText", it.progressText);
            o.put("error", it.error);
            o.put("attempts", it.attempts);
            o.put("added", it.added);
            o.put("started", it.started);
            o.put("finished", it.finished);
            o.set("presetJson", JSON.readTree(it.presetJson));
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    /** A run folder inside the home is saved relative to it (the home can move). */
    private String relative(Path folder) {
        Path home = store.home();
        Path abs = folder.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
    }

    private void load() throws IOException {
        Path file = store.home().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.isObject() || !root.path("items").isArray()) {
                throw new IOException("expected {\"items\": [...]}");
            }
            if (root.path("format").asInt(0) > FORMAT) {
                throw new IOException("format " + root.path("format").asInt() + " is newer than this workbench reads");
            }
            List<Item> read = new ArrayList<>();
            int maxId = 0;
            for (JsonNode o : root.get("items")) {
                Item it = new Item();
                it.id = need(o, "id");
                it.preset = need(o, "preset");
                it.presetName = need(o, "presetName");
                it.title = o.path("title").asText("");
                it.kind = need(o, "kind");
                it.seeds = o.path("seeds").asInt(0);
                if (it.seeds < 1) {
                    throw new IOException(it.id + ": seeds: expected a whole number >= 1");
                }
                List<String> ov = new ArrayList<>();
                o.path("overrides").forEach(n -> ov.add(n.asText()));
                it.overrides = List.copyOf(ov);
                it.dataRoot = o.path("dataRoot").isTextual() ? Path.of(o.get("dataRoot").asText()) : null;
                String state = need(o, "state");
                it.state = RunStatus.ids().contains(state) ? RunStatus.fromId(state) : null;
                if (it.state == null || !List.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.COMPLETED,
                        RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.INTERRUPTED).contains(it.state)) {
                    throw new IOException(it.id + ": state: unknown state '" + state + "'");
                }
                it.runFolder = o.path("runFolder").isTextual() ? store.home().resolve(o.get("runFolder").asText()) : null;
                it.progress = o.path("progress").asDouble(0);
                it.progressText = o.path("progressText").asText("");
                it.error = o.path("error").isTextual() ? o.get("error").asText() : null;
                it.attempts = Math.max(1, o.path("attempts").asInt(1));
                it.added = o.path("added").asText(null);
                it.started = o.path("started").isTextual() ? o.get("started").asText() : null;
                it.finished = o.path("finished").isTextual() ? o.get("finished").asText() : null;
                JsonNode pj = o.get("presetJson");
                if (pj == null || !pj.isObject()) {
                    throw new IOException(it.id + ": presetJson: expected the merged preset object");
                }
                it.presetJson = JSON.writeValueAsString(pj);
                if (it.state == RunStatus.RUNNING) {
                    it.state = RunStatus.INTERRUPTED;
                    it.error = interruptedText(it.kind).replace("interrupted:", "interrupted (the workbench stopped "
                            + "while it ran):");
                    it.progressText = RunStatus.INTERRUPTED.id();
                }
                if (it.id.matches("q\\d+")) {
                    maxId = Math.max(maxId, Integer.parseInt(it.id.substring(1)));
                }
                read.add(it);
            }
            int par = root.path("parallel").asInt(0);
            synchronized (mutex) {
                items.addAll(read);
                parallel = par >= 1 ? par : defaultParallel();
                nextId = Math.max(root.path("nextId").asInt(1), maxId + 1);
                persist(true);
            }
        } catch (IOException | RuntimeException e) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path aside = file.resolveSibling(FILE + ".damaged-" + stamp);
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            String why = e instanceof JsonProcessingException j ? "not valid JSON: " + j.getOriginalMessage() : e.getMessage();
            synchronized (mutex) {
                warnings.add(file + ": " + why + "; moved aside to " + aside.getFileName() + ", the queue starts empty");
            }
        }
    }

    private static String need(JsonNode o, String field) throws IOException {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException("an item's " + field + ": expected a string");
        }
        return v.asText();
    }

    private void release() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        try {
            lockChannel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /**
     * A sweep's values, {@code 1,2,[1, 2]} -> {@code 1}, {@code 2}, {@code [1, 2]}: commas inside
     * brackets, braces or quotes stay (the queue's {@code --sweep key=v1,v2} and the window's form).
     */
    public static List<String> splitValues(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == '}')) {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0 && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString().strip());
        return out;
    }
}
