package org.addernet.app.cluster;

import java.util.List;

/** A connection to a cluster that runs jobs of run requests, one task per request; closing it stops them. */
public interface ClusterSession extends AutoCloseable {
    /** What the session reports, on the engine's threads (return quickly, never throw). */
    interface Listener {
        /** A running task's latest progress (at most about once a second per task). */
        default void progress(ProgressNote note) {
        }

        /** An attempt of {@code key}'s task was lost (its executor died, ...); the engine retries it. */
        default void attemptLost(String key, int attempt, String executor, String host, String reason) {
        }

        /** {@code key}'s task has returned its result (any status). */
        default void finished(TaskResult result) {
        }
    }

    /** A job: its requests' tasks, running. */
    interface Job {
        /** Cancels the job's tasks that have not returned (runners stop after their current step); returns at once. */
        void cancel();

        /**
         * Waits until every task has returned or the job was cancelled or aborted; returns the
         * results that came back, in no particular order. Throws IllegalStateException with the
         * engine's reason when the job aborted (e.g. the cluster went away).
         */
        List<TaskResult> await() throws InterruptedException;
    }

    /** The master URL the session runs on ({@code spark://127.0.0.1:7077}, {@code local[2]}). */
    String master();

    /** Starts a job of {@code tasks} ({@code name} labels it in the engine's UI); returns at once. */
    Job submit(String name, List<TaskRequest> tasks, Listener listener);

    /** Ships {@code data} with the session's jobs (once per executor); returns what a request names. */
    ShippedData ship(ShippedData.Staged data);

    @Override
    void close();
}
