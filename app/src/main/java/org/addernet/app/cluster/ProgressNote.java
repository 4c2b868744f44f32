package org.addernet.app.cluster;

import java.io.Serializable;

/**
 * A task's latest progress, as it reaches the driver while the task runs.
 *
 * @param key      the request's key
 * @param attempt  Spark's attempt number (0 for the first)
 * @param executor the executor's id
 * @param host     the executor's host
 * @param pid      the executor JVM's process id (which worker ran it, on one machine)
 * @param done     work units done in this run (iterations or training steps)
 * @param total    work units of the whole run
 * @param text     {@code lenet5-bn-adder-s1 epoch 2/3, step 10/32 · 1,020 img/s · ETA 0:12}
 * @param epoch    the epoch in progress (1-based) of an epoch run, 0 for a toy run
 * @param millis   wall-clock time of the note on the executor (the newest note wins)
 */
public record ProgressNote(String key, int attempt, String executor, String host, long pid, long done, long total,
                           String text, int epoch, long millis) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Share of the run done, 0..1. */
    public double fraction() {
        return total <= 0 ? 0 : Math.min(1, (double) done / total);
    }

    /** {@code executor 1 on 127.0.0.1}. */
    public String where() {
        return "executor " + executor + " on " + host;
    }
}
