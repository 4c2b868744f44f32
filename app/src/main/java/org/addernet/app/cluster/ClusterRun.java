package org.addernet.app.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.runner.OutputFolderException;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.runner.Summary;
import org.addernet.app.store.RunManifest;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.PresetValidator;

/**
 * The driver's side of a preset run on a cluster: every (variant, seed) of the preset becomes one
 * {@link RunRequest}, one task; each result is staged in {@code <out>/.tasks/<key>/} as it comes
 * home (unzipped beside its place and renamed into it, or written there by the task itself when
 * the store is shared); when the job has ended {@link RunAssembler} writes the folder a local run
 * would have written, and {@code cluster.json} records which executor on which host ran each
 * task, in which attempt.
 */
public final class ClusterRun {
    /** Which executor ran what, how many attempts it took. */
    public static final String CLUSTER_JSON = "cluster.json";
    /** Each task's lines, as its executor wrote them ({@code cluster-logs/<key>.log}). */
    public static final String LOGS = "cluster-logs";
    /** The log a task keeps in its folder. */
    public static final String TASK_LOG = "task.log";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Preset preset;
    private final int seeds;
    private final Path out;
    private final ClusterSession session;
    private Path dataRoot;
    private boolean shared;
    private PrintStream log;
    private RunObserver observer = RunObserver.NONE;
    private ClusterSession.Listener listener = new ClusterSession.Listener() { };
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Map<String, TaskResult> results = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lost = new ConcurrentHashMap<>();
    private volatile ClusterSession.Job job;
    private volatile boolean cancelled;

    /** A request and where its result goes. */
    private record Slot(RunRequest request, int group, Preset seedPreset) {
    }

    public ClusterRun(Preset preset, int seeds, Path out, ClusterSession session) {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        }
        this.preset = preset;
        this.seeds = seeds;
        this.out = out.toAbsolutePath().normalize();
        this.session = session;
    }

    /** {@code --data DIR}: the driver's data root; the set found there is shipped to the executors. */
    public ClusterRun dataRoot(Path root) {
        this.dataRoot = root;
        return this;
    }

    /**
     * The run folder is on a path every worker sees under the same name (NFS, a mounted HDFS):
     * tasks write their folders there themselves, and an epoch run's retry continues from the
     * checkpoint its lost attempt left.
     */
    public ClusterRun sharedStore(boolean on) {
        this.shared = on;
        return this;
    }

    /** Where progress lines go (null: nowhere). */
    public ClusterRun progress(PrintStream stream) {
        this.log = stream;
        return this;
    }

    /** Told of the start, progress and end, like a local runner's observer. */
    public ClusterRun observer(RunObserver o) {
        this.observer = o == null ? RunObserver.NONE : o;
        return this;
    }

    /** Told of every task's progress, lost attempts and result (which executor ran what). */
    public ClusterRun listener(ClusterSession.Listener l) {
        this.listener = l == null ? new ClusterSession.Listener() { } : l;
        return this;
    }

    /** Cancels the job's tasks (their runners stop after the current step); returns at once. */
    public void cancel() {
        cancelled = true;
        ClusterSession.Job j = job;
        if (j != null) {
            j.cancel();
        }
    }

    public boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The results that came home so far, by request key. */
    public Map<String, TaskResult> results() {
        return Map.copyOf(results);
    }

    /** Runs every request, writes the run folder and returns its runs' records (a sweep's prefixed by variant). */
    public List<RunRecord> run() throws IOException {
        try {
            return runAll();
        } catch (IOException | RuntimeException | Error e) {
            RunObserver.quietly(() -> observer.failed(e));
            throw e;
        } finally {
            ended.countDown();
        }
    }

    private List<RunRecord> runAll() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new OutputFolderException("--out " + out + ": exists and is not a folder");
        }
        if (Files.exists(out.resolve("summary.json"))) {
            throw new OutputFolderException("--out " + out + " already holds a run (summary.json); choose another folder");
        }
        List<RunAssembler.Group> groups = groups();
        Map<String, ShippedData> shipped = ship(groups);
        List<Slot> slots = plan(groups, shipped);
        Files.createDirectories(out.resolve(RunAssembler.TASKS));
        AtomicFiles.writeString(out.resolve("preset.json"), PresetLoader.toJson(preset));
        RunObserver.quietly(observer::started);
        say("%s: %d run%s (%s%d seed%s), one Spark task each, on %s; results %s", preset.name(), slots.size(),
                slots.size() == 1 ? "" : "s", preset.sweep() == null ? "" : groups.size() + " variants x ", seeds,
                seeds == 1 ? "" : "s", session.master(), shared ? "on the shared store " + out
                        : "returned to this machine, into " + out);
        String endReason = null;
        if (!cancelled) {
            Tracker tracker = new Tracker(slots.size());
            job = session.submit(preset.name(), slots.stream().map(Slot::request).toList(), tracker);
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
        return assemble(groups, slots, endReason);
    }

    /** The preset's folders of runs: itself, or each variant of its sweep. */
    private List<RunAssembler.Group> groups() {
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

    /** With {@code --data}: each image set the groups read, staged and shipped; before anything is written. */
    private Map<String, ShippedData> ship(List<RunAssembler.Group> groups) throws IOException {
        Map<String, ShippedData> out = new LinkedHashMap<>();
        if (dataRoot == null) {
            return out;
        }
        Path staging = Path.of(System.getProperty("java.io.tmpdir"), "addernet-ship-" + System.getProperty("user.name"));
        for (String set : new LinkedHashSet<>(groups.stream().filter(RunAssembler.Group::image)
                .map(g -> g.preset().data().set()).toList())) {
            ShippedData d = session.ship(ShippedData.stage(set, dataRoot, staging));
            say("  %s from the driver's %s is shipped to the executors (once each)", set, dataRoot);
            out.put(set, d);
        }
        return out;
    }

    private List<Slot> plan(List<RunAssembler.Group> groups, Map<String, ShippedData> shipped) {
        List<Slot> slots = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            RunAssembler.Group g = groups.get(gi);
            for (int k = 0; k < seeds; k++) {
                long seed = g.preset().seed() + k;
                Preset sp = PresetLoader.parse(g.preset().name() + " seed " + seed, PresetLoader.toJson(g.preset()),
                        List.of("seed=" + seed));
                String key = (g.variant() == null ? "" : g.variant() + "/") + "s" + seed;
                String label = preset.name() + (g.variant() == null ? "" : " " + g.variant()) + " seed " + seed;
                RunRequest r = new RunRequest(key, label, PresetLoader.toJson(sp), g.image(),
                        shared ? taskDir(key).toString() : null, null,
                        g.image() ? shipped.get(sp.data().set()) : null);
                slots.add(new Slot(r, gi, sp));
            }
        }
        return slots;
    }

    private Path taskDir(String key) {
        return out.resolve(RunAssembler.TASKS).resolve(key);
    }

    /** Every group's folder from its tasks, the sweep's table, cluster.json; the tasks' folders go. */
    private List<RunRecord> assemble(List<RunAssembler.Group> groups, List<Slot> slots, String endReason)
            throws IOException {
        RunAssembler asm = new RunAssembler(seeds, log);
        List<List<RunRecord>> perGroup = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            List<RunAssembler.Task> tasks = new ArrayList<>();
            for (Slot s : slots) {
                if (s.group() == gi) {
                    tasks.add(task(s, endReason));
                }
            }
            Summary s = asm.assemble(groups.get(gi), tasks);
            perGroup.add(s.runs());
            if (preset.sweep() == null) {
                RunObserver.quietly(() -> observer.finished(s));
            }
        }
        writeClusterJson(slots);
        keepLogs(slots);
        for (Slot s : slots) {           // what completed is in place; what did not stays, to be continued
            TaskResult r = results.get(s.request().key());
            Path dir = taskDir(s.request().key());
            if (r != null && RunManifest.COMPLETED.equals(r.status()) && Files.isDirectory(dir)) {
                FolderZip.deleteTree(dir);
            }
        }
        deleteEmpty(out.resolve(RunAssembler.TASKS));
        if (preset.sweep() == null) {
            return perGroup.get(0);
        }
        List<String> ids = groups.stream().map(RunAssembler.Group::variant).toList();
        return asm.sweep(preset, out, ids, perGroup).runs();
    }

    private RunAssembler.Task task(Slot s, String endReason) {
        TaskResult r = results.get(s.request().key());
        String status = r != null ? r.status() : cancelled ? RunManifest.CANCELLED : RunManifest.FAILED;
        String reason = r != null ? r.error() : cancelled ? "cancelled before it finished on the cluster"
                : "the task did not come home" + (endReason == null ? "" : ": " + endReason);
        return new RunAssembler.Task(s.seedPreset(), taskDir(s.request().key()), status, reason);
    }

    private void writeClusterJson(List<Slot> slots) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("master", session.master());
        root.put("store", shared ? "shared" : "returned");
        ArrayNode tasks = root.putArray("tasks");
        for (Slot s : slots) {
            RunRequest q = s.request();
            TaskResult r = results.get(q.key());
            ObjectNode t = tasks.addObject();
            t.put("key", q.key());
            t.put("label", q.label());
            t.put("status", r == null ? (cancelled ? RunManifest.CANCELLED : RunManifest.FAILED) : r.status());
            if (r != null) {
                t.put("executor", r.executor());
                t.put("host", r.host());
                t.put("pid", r.pid());
                t.put("attempts", r.attempt() + 1);
                t.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
                if (r.resumedAfterEpoch() != null) {
                    t.put("resumedAfterEpoch", r.resumedAfterEpoch());
                }
                if (r.data() != null) {
                    t.put("data", r.data());
                }
                if (r.error() != null) {
                    t.put("error", r.error());
                }
            }
            ArrayNode l = t.putArray("lostAttempts");
            lost.getOrDefault(q.key(), List.of()).forEach(l::add);
        }
        AtomicFiles.writeString(out.resolve(CLUSTER_JSON), JSON.writeValueAsString(root));
    }

    /** Each task's log (every attempt's lines) into {@code cluster-logs/<key>.log}. */
    private void keepLogs(List<Slot> slots) throws IOException {
        for (Slot s : slots) {
            Path log = taskDir(s.request().key()).resolve(TASK_LOG);
            if (Files.isRegularFile(log)) {
                Path to = out.resolve(LOGS).resolve(s.request().key() + ".log");
                Files.createDirectories(to.getParent());
                Files.move(log, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
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

    /** Results staged as they come, progress summed over tasks, lines for people. */
    private final class Tracker implements ClusterSession.Listener {
        private final int total;
        private final Map<String, Double> fraction = new ConcurrentHashMap<>();
        private final Map<String, Long> lastLine = new ConcurrentHashMap<>();

        Tracker(int total) {
            this.total = total;
        }

        @Override
        public void progress(ProgressNote n) {
            fraction.put(n.key(), n.fraction());
            double sum = fraction.values().stream().mapToDouble(Double::doubleValue).sum();
            String text = String.format(Locale.ROOT, "%d/%d runs done; %s (%s)", results.size(), total, n.text(), n.where());
            RunObserver.quietly(() -> observer.progress(Math.round(sum * 1000), total * 1000L, text));
            long now = System.nanoTime();
            Long last = lastLine.get(n.key());
            if (last == null || now - last > 10_000_000_000L) {
                lastLine.put(n.key(), now);
                say("  %s  %s  (%s)", n.key(), n.text(), n.where());
            }
            quietly(() -> listener.progress(n));
        }

        @Override
        public void attemptLost(String key, int attempt, String executor, String host, String reason) {
            String what = "attempt " + (attempt + 1) + " on executor " + executor + " (" + host + "): " + reason;
            lost.computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(what);
            say("  %s: %s; Spark runs it again", key, what);
            quietly(() -> listener.attemptLost(key, attempt, executor, host, reason));
        }

        @Override
        public void finished(TaskResult r) {
            String error = r.error();
            if (r.folderZip() != null) {
                try {
                    Path dir = taskDir(r.key());
                    if (Files.exists(dir)) {
                        FolderZip.deleteTree(dir);
                    }
                    FolderZip.unzipAtomically(r.folderZip(), dir);
                } catch (IOException | RuntimeException e) {
                    error = "its folder came home but could not be written to " + taskDir(r.key()) + ": " + e.getMessage();
                }
            }
            TaskResult kept = new TaskResult(r.key(), error == null || r.error() != null ? r.status() : RunManifest.FAILED,
                    error, r.executor(), r.host(), r.pid(), r.attempt(), r.seconds(), r.resumedAfterEpoch(), r.data(), null);
            results.put(r.key(), kept);
            fraction.put(r.key(), 1.0);
            say("[%d/%d] %s %s on %s, %.1f s%s", results.size(), total, r.key(), kept.status(), kept.where(), r.seconds(),
                    kept.error() == null ? "" : "  (" + kept.error() + ")");
            quietly(() -> listener.finished(kept));
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a listener's failure is its own
        }
    }

    private void say(String fmt, Object... args) {
        if (log != null) {
            synchronized (log) {
                log.println(String.format(Locale.ROOT, fmt, args));
            }
        }
    }
}
