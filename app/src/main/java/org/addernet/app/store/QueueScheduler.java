package org.addernet.app.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Which pending items start, and where: in queue order, at most {@link #parallel()} at once, each
 * as a {@link QueueJob} on the executor it was given (the queue's own worker threads, or one a
 * caller injects). The caller holds the queue's lock for every call.
 */
final class QueueScheduler {
    private final Executor workers;
    /** The worker threads the scheduler made itself (null when it was given an executor). */
    private final ExecutorService own;
    private final Map<String, QueueJob> running = new LinkedHashMap<>();
    private int parallel;

    /** @param workers where the jobs run; null for daemon threads of the scheduler's own, one per job */
    QueueScheduler(Executor workers, int parallel) {
        this.own = workers != null ? null : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "queue-run");
            t.setDaemon(true);
            return t;
        });
        this.workers = workers != null ? workers : own;
        this.parallel = parallel;
    }

    /** Stops the scheduler's own threads once their jobs have ended (a given executor is its owner's). */
    void close() {
        if (own != null) {
            own.shutdown();
        }
    }

    int parallel() {
        return parallel;
    }

    void setParallel(int n) {
        parallel = n;
    }

    /** Toy runs one item trains at once: the cores shared among the items that run together. */
    int jobsPerItem() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, parallel));
    }

    /** The job of item {@code id} while it runs, else null. */
    QueueJob job(String id) {
        return running.get(id);
    }

    /** The running jobs, in the order they started. */
    List<QueueJob> jobs() {
        return new ArrayList<>(running.values());
    }

    boolean idle() {
        return running.isEmpty();
    }

    /**
     * Starts pending items of {@code items} (queued or interrupted, not running) while fewer than
     * {@code parallel} run; {@code start} marks an item running and makes its job.
     */
    void dispatch(List<QueueEntry> items, Function<QueueEntry, QueueJob> start) {
        while (running.size() < parallel) {
            QueueEntry next = items.stream().filter(i -> i.state.isPending() && !running.containsKey(i.id)).findFirst()
                    .orElse(null);
            if (next == null) {
                return;
            }
            QueueJob job = start.apply(next);
            running.put(next.id, job);
            workers.execute(job);
        }
    }

    /** Item {@code id}'s job has ended. */
    void ended(String id) {
        running.remove(id);
    }
}
