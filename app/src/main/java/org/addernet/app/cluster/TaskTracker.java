package org.addernet.app.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunObserver;
import org.addernet.engine.train.RunStatus;

/**
 * The driver's view of a job while it runs: each result staged in its task folder as it comes
 * home (unzipped beside it and renamed into place), the progress of all tasks summed for the
 * run's observers, lost attempts noted, and a line for people now and then.
 */
final class TaskTracker implements ClusterSession.Listener {
    private final int total;
    private final Function<String, Path> taskDir;
    private final RunObserver observer;
    private final ClusterSession.Listener listener;
    private final RunLog log;
    private final Map<String, TaskResult> results = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lost = new ConcurrentHashMap<>();
    private final Map<String, Double> fraction = new ConcurrentHashMap<>();
    private final Map<String, Long> lastLine = new ConcurrentHashMap<>();

    TaskTracker(int total, Function<String, Path> taskDir, RunObserver observer, ClusterSession.Listener listener,
                RunLog log) {
        this.total = total;
        this.taskDir = taskDir;
        this.observer = observer;
        this.listener = listener;
        this.log = log;
    }

    /** The results home so far, by key (their zip bytes dropped once written). */
    Map<String, TaskResult> results() {
        return results;
    }

    /** Each key's lost attempts: {@code attempt 1 on executor 0 (host): reason}. */
    List<String> lost(String key) {
        return lost.getOrDefault(key, List.of());
    }

    @Override
    public void progress(ProgressNote n) {
        if (results.containsKey(n.key())) {
            return;                            // a heartbeat that left before the result
        }
        fraction.put(n.key(), n.fraction());
        double sum = fraction.values().stream().mapToDouble(Double::doubleValue).sum();
        String text = String.format(Locale.ROOT, "[executor %s] %s; %d/%d tasks done", n.executor(), n.text(),
                results.size(), total);
        RunObserver.quietly(() -> observer.progress(Math.round(sum * 1000), total * 1000L, text));
        long now = System.nanoTime();
        Long last = lastLine.putIfAbsent(n.key(), now);      // a line every 10 s of a task, the first 10 s in
        if (last != null && now - last > 10_000_000_000L) {
            lastLine.put(n.key(), now);
            say("  %s  %s  (%s)", n.key(), n.text(), n.where());
        }
        quietly(() -> listener.progress(n));
    }

    @Override
    public void attemptLost(String key, int attempt, String executor, String host, String reason) {
        String what = "attempt " + (attempt + 1) + " on executor " + executor + " (" + host + "): " + reason;
        lost.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(what);
        say("  %s: %s; Spark runs it again", key, what);
        quietly(() -> listener.attemptLost(key, attempt, executor, host, reason));
    }

    @Override
    public void finished(TaskResult r) {
        String error = r.error();
        RunStatus status = r.status();
        if (r.folderZip() != null) {
            Path dir = taskDir.apply(r.key());
            try {
                if (Files.exists(dir)) {
                    FolderZip.deleteTree(dir);
                }
                FolderZip.unzipAtomically(r.folderZip(), dir);
            } catch (IOException | RuntimeException e) {
                status = RunStatus.FAILED;
                error = "its folder came home but could not be written to " + dir + ": " + e.getMessage();
            }
        }
        TaskResult kept = new TaskResult(r.key(), status, error, r.executor(), r.host(), r.pid(), r.attempt(), r.seconds(),
                r.resumedAfterEpoch(), r.data(), null);
        results.put(r.key(), kept);
        fraction.put(r.key(), 1.0);
        say("[%d/%d] %s %s on %s, %.1f s%s", results.size(), total, r.key(), status.id(), kept.where(), r.seconds(),
                error == null ? "" : "  (" + error + ")");
        double sum = fraction.values().stream().mapToDouble(Double::doubleValue).sum();
        RunObserver.quietly(() -> observer.progress(Math.round(sum * 1000), total * 1000L,
                String.format(Locale.ROOT, "%d/%d tasks done; %s %s on %s", results.size(), total, r.key(), kept.status().id(),
                        kept.where())));
        quietly(() -> listener.finished(kept));
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a listener's failure is its own
        }
    }

    private void say(String fmt, Object... args) {
        String s = String.format(Locale.ROOT, fmt, args);
        log.println(s);
        RunObserver.quietly(() -> observer.line(s.strip()));
    }
}
