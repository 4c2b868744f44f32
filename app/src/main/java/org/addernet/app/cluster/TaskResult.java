package org.addernet.app.cluster;

import java.io.Serializable;
import org.addernet.engine.train.RunStatus;

/**
 * What a finished task sends home. A failing run is a result with status {@code failed} and its
 * reason, never an exception: one run's failure fails its item, not the sweep; Spark retries only
 * tasks whose executor was lost.
 *
 * @param key               the request's key
 * @param status            completed | cancelled | failed: the folder's status (a diverged run is a result)
 * @param error             why it did not complete (null when it did)
 * @param executor          the executor's id ({@code driver} in local mode)
 * @param host              the executor's host
 * @param pid               the executor JVM's process id
 * @param attempt           Spark's attempt number of the task that returned this (0 = first try)
 * @param seconds           wall time of this attempt on the executor
 * @param resumedAfterEpoch an epoch run that continued from a checkpoint a lost attempt left on the
 *                          shared store: the epochs it had done (null: started from the beginning)
 * @param data              where the worker read the data set from (null for toy runs)
 * @param folderZip         the task's folder as zip bytes; null when it wrote to the shared store
 */
public record TaskResult(String key, RunStatus status, String error, String executor, String host, long pid, int attempt,
                         double seconds, Integer resumedAfterEpoch, String data, byte[] folderZip)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code executor 1 on 127.0.0.1, attempt 2}. */
    public String where() {
        return "executor " + executor + " on " + host + ", attempt " + (attempt + 1);
    }
}
