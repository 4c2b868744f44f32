package org.addernet.app.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.Json;

/**
 * {@code cluster.json}: where a run folder's runs ran, when they ran on a cluster (written by
 * {@code org.addernet.app.cluster.ClusterRun}, read by the store for its history). One entry per task (one seed of one
 * variant): its status, the executor and host that returned it, the executor JVM's pid, how many
 * attempts it took and why the lost ones were lost, and for an epoch run the epoch it continued
 * after. The run store's history shows it ({@link #summary()}, {@link #lines()}).
 *
 * @param master the Spark master URL the session ran on
 * @param store  {@code shared} (tasks wrote to the run folder's path) or {@code returned} (folders came home as bytes)
 */
public record ClusterLedger(String master, String store, List<Entry> tasks) {
    /** The file's name in a run folder. */
    public static final String FILE = "cluster.json";

    private static final ObjectMapper JSON = Json.indented().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ClusterLedger {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** One task. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String key, String label, String status, String executor, String host, Long pid, Integer attempts,
                        Double seconds, Integer resumedAfterEpoch, String data, String error, List<String> lostAttempts) {
        public Entry {
            lostAttempts = lostAttempts == null ? List.of() : List.copyOf(lostAttempts);
        }

        /** {@code eta-0.2/s1: completed on executor 1 (127.0.0.1), 2 attempts: attempt 1 on executor 0 ...}. */
        public String line() {
            StringBuilder sb = new StringBuilder(key).append(": ").append(status);
            if (executor != null) {
                sb.append(" on executor ").append(executor).append(" (").append(host).append(')');
            }
            if (attempts != null) {
                sb.append(", ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
            }
            if (resumedAfterEpoch != null) {
                sb.append(", continued after epoch ").append(resumedAfterEpoch);
            }
            lostAttempts.forEach(l -> sb.append("; lost ").append(l));
            if (error != null) {
                sb.append("; ").append(error);
            }
            return sb.toString();
        }
    }

    /** The ledger of {@code folder}, or null when it ran on this machine (no cluster.json). */
    public static ClusterLedger read(Path folder) throws IOException {
        Path f = folder.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return JSON.readValue(f.toFile(), ClusterLedger.class);
        } catch (IOException e) {
            throw new IOException(f + ": not a cluster ledger: " + e.getMessage(), e);
        }
    }

    /** Writes {@code cluster.json} into {@code folder} (atomically). */
    public void write(Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(FILE), JSON.writeValueAsString(this));
    }

    /** {@code 4 tasks on executor 0, 6 on executor 1; 1 retried (spark://127.0.0.1:7077)}: who ran how many, which master. */
    public String summary() {
        Map<String, Integer> byExecutor = new LinkedHashMap<>();
        int retried = 0;
        for (Entry e : tasks) {
            if (e.executor() != null) {
                byExecutor.merge(e.executor(), 1, Integer::sum);
            }
            retried += e.attempts() != null && e.attempts() > 1 ? 1 : 0;
        }
        int ran = byExecutor.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder sb = new StringBuilder();
        if (byExecutor.isEmpty()) {
            sb.append("no task came back");
        }
        List<String> ids = byExecutor.keySet().stream().sorted().toList();
        for (int k = 0; k < ids.size(); k++) {
            int n = byExecutor.get(ids.get(k));
            sb.append(k == 0 ? "" : ", ").append(n).append(k > 0 ? "" : n == 1 ? " task" : " tasks").append(" on executor ")
                    .append(ids.get(k));
        }
        if (ran < tasks.size()) {
            sb.append(String.format(Locale.ROOT, ", %d not back", tasks.size() - ran));
        }
        if (retried > 0) {
            sb.append(String.format(Locale.ROOT, "; %d retried", retried));
        }
        return sb.append(" (").append(master).append(')').toString();
    }

    /** One line per task. */
    public List<String> lines() {
        return tasks.stream().map(Entry::line).toList();
    }
}
