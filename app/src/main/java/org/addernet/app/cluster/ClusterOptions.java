package org.addernet.app.cluster;

import java.util.Map;

/**
 * How to reach the cluster.
 *
 * @param master  {@code local[N]} (Spark embedded in this process), {@code spark://host:port}
 *                (a standalone cluster) or anything {@code spark-submit --master} takes; null: the
 *                master {@code spark-submit} set ({@code spark.master}), else {@code local[*]}
 * @param conf    further Spark settings ({@code spark.executor.memory=2g}, ...); they win over ours
 */
public record ClusterOptions(String master, Map<String, String> conf) {
    public ClusterOptions {
        conf = conf == null ? Map.of() : Map.copyOf(conf);
        if (master != null && master.isBlank()) {
            throw new IllegalArgumentException("--cluster: expected a master URL (local[2], spark://host:7077, yarn, ...)");
        }
    }

    public static ClusterOptions of(String master) {
        return new ClusterOptions(master, Map.of());
    }

    /** Whether the executors live in this process ({@code local}, {@code local[N]}, {@code local[N,F]}). */
    public boolean isLocal() {
        return master != null && (master.equals("local") || master.startsWith("local["));
    }
}
