package org.addernet.app.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.OutputFolderException;
import org.addernet.app.store.ClusterLedger;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.RunSummary;
import org.addernet.app.runner.Runner;
import org.addernet.app.runner.Summary;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.PresetValidator;

/**
 * A {@link Runner} that runs its request on a cluster: every (variant, seed) of the preset is one
 * {@link TaskRequest}, one task running the same runner code as a local run
 * ({@link RunnerAdapter}); each result is staged in {@code <out>/.tasks/<key>/} as it comes home
 * (or was written there by the task, on a shared store); when the job has ended
 * {@link RunAssembler} writes the folder a local run writes, {@code cluster.json} records which
 * executor on which host ran each task in which attempt, and {@code cluster-logs/} keeps each
 * task's lines.
 *
 * <p>{@code --data DIR} (the request's data root) is the driver's: the set found there is
 * shipped to the executors. Without it the workers look the set up as a local run does. With
 * {@link RunRequest#resume()}, tasks whose runs all completed are kept, epoch runs continue from
 * their checkpoints (moved to the shared store, or sent along zipped), toy runs run again.
 */
public final class ClusterRun implements Runner {
    /** Which executor ran what, how many attempts it took ({@link ClusterLedger}). */
    public static final String CLUSTER_JSON = ClusterLedger.FILE;
    /** Each task's lines, as its executor wrote them ({@code cluster-logs/<key>.log}). */
    public static final String LOGS = "cluster-logs";
    /** The log a task keeps in its folder. */
    public static final String TASK_LOG = "task.log";

    private final RunRequest request;
    private final ClusterSession session;
    private final List<RunObserver> observers = new CopyOnWriteArrayList<>();
    private final RunObserver fanout = new Fanout();
    private final CountDownLatch ended = new CountDownLatch(1);
    private boolean shared;
    private RunLog log = RunLog.NONE;
    private ClusterSession.Listener listener = new ClusterSession.Listener() { };
    private volatile TaskTracker tracker;
    private volatile ClusterSession.Job job;
    private volatile boolean cancelled;
    private Path out;

    /** A task and where its result goes. */
    private record Slot(String key, TaskRequest task, int group, Preset seedPreset, List<RunRecord> kept) {
    }

    public ClusterRun(RunRequest request, ClusterSession session) {
        this.request = request;
        this.session = session;
    }

    /**
     * The run folder is on a path every worker sees under the same name (NFS, a mounted HDFS):
     * tasks write there themselves, and an epoch run's retry continues from the checkpoint its lost
     * attempt left. Otherwise each task's folder comes home as bytes.
     */
    public ClusterRun sharedStore(boolean on) {
        this.shared = on;
        return this;
    }

    /** Where lines for people go (the command line's stderr, a queue item's run.log). */
    public ClusterRun log(RunLog l) {
        this.log = l == null ? RunLog.NONE : l;
        return this;
    }

    /** Told of every task's progress, lost attempts and result (which executor ran what). */
    public ClusterRun listener(ClusterSession.Listener l) {
        this.listener = l == null ? new ClusterSession.Listener() { } : l;
        return this;
    }

    @Override
    public RunRequest request() {
        return request;
    }

    @Override
    public Runner observe(RunObserver observer) {
        if (observer != null && observer != RunObserver.NONE) {
            observers.add(observer);
        }
        return this;
    }

    /** Cancels the job's tasks (their runners stop after the current step); returns at once. */
    @Override
    public void cancel() {
        cancelled = true;
        ClusterSession.Job j = job;
        if (j != null) {
            j.cancel();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean await(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The results home so far, by task key. */
    public Map<String, TaskResult> results() {
        TaskTracker t = tracker;
        return t == null ? Map.of() : Map.copyOf(t.results());
    }

    @Override
    public RunSummary run() throws IOException {
        try {
            RunSummary s = runAll();
            fanout.finished(s);
            return s;
        } catch (IOException | RuntimeException | Error e) {
            fanout.failed(e);
            throw e;
        } finally {
            ended.countDown();
        }
    }

    private RunSummary runAll() throws IOException {
        Preset preset = request.loadPreset();
        out = request.outDir().toAbsolutePath().normalize();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new OutputFolderException("--out " + out + ": exists and is not a folder");
        }
        if (!request.resume() && Files.exists(out.resolve("summary.json"))) {
            throw new OutputFolderException("--out " + out + " already holds a run; choose another folder, or continue "
                    + "it with --resume " + out);
        }
        List<RunAssembler.Group> groups = groups(preset);
        Map<String, ShippedData> shipped = ship(groups);
        List<Slot> slots = plan(preset, groups, shipped);
        Files.createDirectories(out.resolve(RunAssembler.TASKS));
        AtomicFiles.writeString(out.resolve("preset.json"), PresetLoader.toJson(preset));
        fanout.started();
        List<TaskRequest> tasks = slots.stream().filter(s -> s.kept() == null).map(Slot::task).toList();
        say("%s: %d run%s (%s%d seed%s), one Spark task each%s, on %s; results %s", preset.name(), slots.size(),
                slots.size() == 1 ? "" : "s", preset.sweep() == null ? "" : groups.size() + " variants x ",
                request.seeds(), request.seeds() == 1 ? "" : "s",
                tasks.size() == slots.size() ? "" : " (" + (slots.size() - tasks.size()) + " done before)",
                session.master(), shared ? "on the shared store " + out : "returned to this machine, into " + out);
        tracker = new TaskTracker(tasks.size(), this::taskDir, fanout, listener, log);
        String endReason = null;
        if (!cancelled && !tasks.isEmpty()) {
            job = session.submit(preset.name(), tasks, tracker);
            if (cancelled) {
                job.cancel();
            }
            try {
                job.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                job.cancel();
                endReason = "interrupted";
            } catch (IllegalStateException e) {
                endReason = e.getMessage();
                say("the cluster job ended: %s", endReason);
            }
        }
        return assemble(preset, groups, slots, endReason);
    }

    /** The preset's folders of runs: itself, or each variant of its sweep. */
    private List<RunAssembler.Group> groups(Preset preset) {
        List<RunAssembler.Group> g = new ArrayList<>();
        if (preset.sweep() == null) {
            g.add(new RunAssembler.Group(null, preset, out, PresetValidator.isImageSet(preset.data().set())));
            return g;
        }
        for (int k = 0; k < preset.sweep().variants().size(); k++) {
            Preset v = PresetLoader.variant(preset, k);
            String id = preset.sweep().variants().get(k).id();
            g.add(new RunAssembler.Group(id, v, out.resolve(id), PresetValidator.isImageSet(v.data().set())));
        }
        return g;
    }

    /** With a data root: each image set the groups read, staged and shipped; before anything is written. */
    private Map<String, ShippedData> ship(List<RunAssembler.Group> groups) throws IOException {
        Map<String, ShippedData> sets = new LinkedHashMap<>();
        if (request.dataRoot() == null) {
            return sets;
        }
        Path staging = Path.of(System.getProperty("java.io.tmpdir"), "addernet-ship-" + System.getProperty("user.name"));
        for (String set : new LinkedHashSet<>(groups.stream().filter(RunAssembler.Group::image)
                .map(g -> g.preset().data().set()).toList())) {
            sets.put(set, session.ship(ShippedData.stage(set, request.dataRootDir(), staging)));
            say("  %s from the driver's %s is shipped to the executors (once each)", set, request.dataRoot());
        }
        return sets;
    }

    private List<Slot> plan(Preset preset, List<RunAssembler.Group> groups, Map<String, ShippedData> shipped)
            throws IOException {
        List<Slot> slots = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            RunAssembler.Group g = groups.get(gi);
            Map<String, RunRecord> before = request.resume() ? previous(g.dir()) : Map.of();
            for (int k = 0; k < request.seeds(); k++) {
                long seed = g.preset().seed() + k;
                String key = (g.variant() == null ? "" : g.variant() + "/") + "s" + seed;
                RunRequest one = RunRequest.of(g.preset(), request.preset(), request.overrides(), 1, taskDir(key))
                        .withSeed(seed);
                Preset sp = one.loadPreset();
                List<String> ids = RunAssembler.plannedIds(sp, g.image());
                if (ids.stream().allMatch(id -> before.containsKey(id) && before.get(id).status() == RunStatus.COMPLETED
                        && Files.isDirectory(g.dir().resolve(id)))) {
                    slots.add(new Slot(key, null, gi, sp, ids.stream().map(before::get).toList()));
                    continue;
                }
                byte[] start = request.resume() && g.image() ? continueFrom(g.dir(), key, ids) : null;
                String label = preset.name() + (g.variant() == null ? "" : " " + g.variant()) + " seed " + seed;
                slots.add(new Slot(key, new TaskRequest(key, label, one, g.image(), shared,
                        g.image() ? shipped.get(sp.data().set()) : null, start), gi, sp, null));
            }
        }
        return slots;
    }

    /** A resumed epoch task's checkpoints: moved into its shared folder, or zipped to travel with it. */
    private byte[] continueFrom(Path groupDir, String key, List<String> ids) throws IOException {
        List<Path> dirs = ids.stream().map(groupDir::resolve)
                .filter(d -> Files.isRegularFile(d.resolve(RunFiles.CHECKPOINT))).toList();
        if (dirs.isEmpty()) {
            return null;
        }
        if (!shared) {
            return FolderZip.zip(groupDir, dirs);
        }
        Path t = taskDir(key);
        Files.createDirectories(t);
        for (Path d : dirs) {
            if (!Files.exists(t.resolve(d.getFileName()))) {
                Files.move(d, t.resolve(d.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return null;
    }

    /** A folder's summary.json records by run id (none when there is none). */
    private Map<String, RunRecord> previous(Path dir) {
        List<RunRecord> runs = new RunAssembler(request.seeds(), log).readRuns(dir.resolve("summary.json"));
        Map<String, RunRecord> m = new HashMap<>();
        if (runs != null) {
            runs.forEach(r -> m.put(r.id(), r));
        }
        return m;
    }

    private Path taskDir(String key) {
        return out.resolve(RunAssembler.TASKS).resolve(key);
    }

    /** Every group's folder from its tasks, the sweep's table, cluster.json; the completed tasks' folders go. */
    private RunSummary assemble(Preset preset, List<RunAssembler.Group> groups, List<Slot> slots, String endReason)
            throws IOException {
        RunAssembler asm = new RunAssembler(request.seeds(), log);
        Map<String, TaskResult> results = tracker.results();
        List<List<RunRecord>> perGroup = new ArrayList<>();
        Summary only = null;
        for (int gi = 0; gi < groups.size(); gi++) {
            List<RunAssembler.Task> tasks = new ArrayList<>();
            for (Slot s : slots) {
                if (s.group() == gi) {
                    tasks.add(task(s, results, endReason));
                }
            }
            only = asm.assemble(groups.get(gi), tasks);
            perGroup.add(only.runs());
        }
        writeClusterJson(slots, results);
        for (Slot s : slots) {           // what completed is in place; what did not stays, to be continued
            if (s.task() == null) {
                continue;
            }
            String key = s.task().key();
            moveLog(key);
            TaskResult r = results.get(key);
            if (r != null && r.status() == RunStatus.COMPLETED && Files.isDirectory(taskDir(key))) {
                FolderZip.deleteTree(taskDir(key));
            }
        }
        deleteEmpty(out.resolve(RunAssembler.TASKS));
        if (preset.sweep() == null) {
            return only;
        }
        return asm.sweep(preset, out, groups.stream().map(RunAssembler.Group::variant).toList(), perGroup);
    }

    private RunAssembler.Task task(Slot s, Map<String, TaskResult> results, String endReason) {
        if (s.task() == null) {
            return new RunAssembler.Task(s.seedPreset(), null, RunStatus.COMPLETED, null, s.kept());
        }
        TaskResult r = results.get(s.task().key());
        RunStatus status = r != null ? r.status() : cancelled ? RunStatus.CANCELLED : RunStatus.FAILED;
        String reason = r != null ? r.error() : cancelled ? "cancelled before it finished on the cluster"
                : "the task did not come home" + (endReason == null ? "" : ": " + endReason);
        return new RunAssembler.Task(s.seedPreset(), taskDir(s.task().key()), status, reason, null);
    }

    private void writeClusterJson(List<Slot> slots, Map<String, TaskResult> results) throws IOException {
        Map<String, ClusterLedger.Entry> before = new HashMap<>();
        if (request.resume()) {
            try {
                ClusterLedger old = ClusterLedger.read(out);
                if (old != null) {
                    old.tasks().forEach(t -> before.put(t.key(), t));
                }
            } catch (IOException ignored) {
                // an unreadable old ledger: the kept tasks lose their history, nothing else
            }
        }
        List<ClusterLedger.Entry> entries = new ArrayList<>();
        for (Slot s : slots) {
            if (s.task() == null) {
                if (before.containsKey(s.key())) {
                    entries.add(before.get(s.key()));
                }
                continue;
            }
            TaskResult r = results.get(s.key());
            RunStatus status = r == null ? (cancelled ? RunStatus.CANCELLED : RunStatus.FAILED) : r.status();
            List<String> lost = tracker.lost(s.key());
            entries.add(r == null ? new ClusterLedger.Entry(s.key(), s.task().label(), status.id(), null, null, null, null,
                    null, null, null, null, lost)
                    : new ClusterLedger.Entry(s.key(), s.task().label(), status.id(), r.executor(), r.host(), r.pid(),
                    r.attempt() + 1, Math.round(r.seconds() * 1000) / 1000.0, r.resumedAfterEpoch(), r.data(), r.error(),
                    lost));
        }
        new ClusterLedger(session.master(), shared ? "shared" : "returned", entries).write(out);
    }

    /** A task's log (every attempt's lines) into {@code cluster-logs/<key>.log}. */
    private void moveLog(String key) throws IOException {
        Path taskLog = taskDir(key).resolve(TASK_LOG);
        if (Files.isRegularFile(taskLog)) {
            Path to = out.resolve(LOGS).resolve(key + ".log");
            Files.createDirectories(to.getParent());
            Files.move(taskLog, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    private void say(String fmt, Object... args) {
        String s = String.format(Locale.ROOT, fmt, args);
        log.println(s);
        fanout.line(s.strip());
    }

    /** Every observer, each call quiet. */
    private final class Fanout implements RunObserver {
        @Override
        public void started() {
            observers.forEach(o -> RunObserver.quietly(o::started));
        }

        @Override
        public void progress(long done, long total, String text) {
            observers.forEach(o -> RunObserver.quietly(() -> o.progress(done, total, text)));
        }

        @Override
        public void line(String line) {
            observers.forEach(o -> RunObserver.quietly(() -> o.line(line)));
        }

        @Override
        public void finished(RunSummary summary) {
            observers.forEach(o -> RunObserver.quietly(() -> o.finished(summary)));
        }

        @Override
        public void failed(Throwable error) {
            observers.forEach(o -> RunObserver.quietly(() -> o.failed(error)));
        }
    }
}
