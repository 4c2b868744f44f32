package org.addernet.app.cluster.spark;

import org.addernet.app.cluster.ClusterEngine;
import org.addernet.app.cluster.ClusterOptions;
import org.addernet.app.cluster.ClusterSession;

/** Apache Spark as the workbench's cluster engine (loaded by {@link org.addernet.app.cluster.Clusters}). */
public final class SparkEngine implements ClusterEngine {
    @Override
    public ClusterSession open(ClusterOptions options) {
        return SparkClusterSession.open(options);
    }
}
