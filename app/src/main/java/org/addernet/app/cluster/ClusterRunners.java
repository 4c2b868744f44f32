package org.addernet.app.cluster;

import java.util.function.BiFunction;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runner;

/**
 * Makes the runners of one cluster target (the queue's "Run on", {@code queue run --cluster}):
 * each a {@link ClusterRun} on one session, opened with the first runner and kept until
 * {@link #close()}. Thread-safe.
 */
public final class ClusterRunners implements BiFunction<RunRequest, RunLog, Runner>, AutoCloseable {
    private final ClusterOptions options;
    private final boolean shared;
    private ClusterSession session;

    /**
     * @param shared the run folders are on a path every worker sees (see {@link ClusterRun#sharedStore})
     */
    public ClusterRunners(ClusterOptions options, boolean shared) {
        this.options = options;
        this.shared = shared;
    }

    public ClusterOptions options() {
        return options;
    }

    /**
     * The session, opened on first use.
     *
     * @throws IllegalStateException Spark cannot start, or nothing answers at the master's address
     */
    public synchronized ClusterSession session() {
        if (session == null) {
            session = Clusters.engine().open(options);
        }
        return session;
    }

    /** A runner of {@code request} on the cluster. */
    @Override
    public Runner apply(RunRequest request, RunLog log) {
        return new ClusterRun(request, session()).sharedStore(shared).log(log);
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
