package org.addernet.app.cluster;

/** A cluster engine (Apache Spark: {@code org.addernet.app.cluster.spark.SparkEngine}), found by {@link Clusters}. */
public interface ClusterEngine {
    /**
     * Connects to the cluster (a Spark context: one per process). Throws IllegalArgumentException
     * for a master URL the engine does not take, IllegalStateException when it cannot connect
     * (the message says to what and why).
     */
    ClusterSession open(ClusterOptions options);
}
