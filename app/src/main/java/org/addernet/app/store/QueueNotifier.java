package org.addernet.app.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tells the queue's listeners of its changes on one notifier thread, in the order they happened
 * and never while the queue is locked, and throttles progress to about ten reports a second per
 * item ({@link #progressDue}). A listener's failure is its own.
 */
final class QueueNotifier {
    /** The least time between two progress reports of one item. */
    static final long PROGRESS_NANOS = 100_000_000L;

    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "queue-events");
        t.setDaemon(true);
        return t;
    });
    private final LongSupplier clock;
    /** When each item's progress was last reported (caller holds the queue's lock). */
    private final Map<String, Long> lastProgress = new HashMap<>();

    /** @param clock nanoseconds, {@code System::nanoTime} outside tests */
    QueueNotifier(LongSupplier clock) {
        this.clock = clock;
    }

    void add(QueueListener l) {
        listeners.add(l);
    }

    void remove(QueueListener l) {
        listeners.remove(l);
    }

    /** Whether anyone listens (the queue skips making snapshots for nobody). */
    boolean listening() {
        return !listeners.isEmpty() && !thread.isShutdown();
    }

    /**
     * Whether item {@code id}'s progress is to be reported now: the first report, the last
     * ({@code last}), or a tenth of a second after the previous one. Records the report.
     */
    boolean progressDue(String id, boolean last) {
        long now = clock.getAsLong();
        Long before = lastProgress.get(id);
        if (before != null && now - before < PROGRESS_NANOS && !last) {
            return false;
        }
        lastProgress.put(id, now);
        return true;
    }

    /** Hands the change to the listeners on the notifier thread. */
    void tell(List<QueueItem> all, QueueItem changed) {
        try {
            thread.execute(() -> {
                for (QueueListener l : listeners) {
                    try {
                        l.queueChanged(all, changed);
                    } catch (RuntimeException ignored) {
                        // a listener's failure is its own
                    }
                }
            });
        } catch (RejectedExecutionException closing) {
            // closed: nobody listens any more
        }
    }

    /** Delivers what is pending (up to ten seconds) and stops. */
    void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
