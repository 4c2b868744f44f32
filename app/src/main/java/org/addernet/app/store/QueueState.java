package org.addernet.app.store;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The queue's items and what changes with them, under one lock ({@link #mutex}): the items in
 * order and their saved copy ({@link QueueBook}), the running jobs ({@link QueueScheduler}) and
 * the listeners ({@link QueueNotifier}). Every change of an item is saved, then told
 * ({@link #changed}). Both the commands ({@link RunQueue}) and the running jobs' reports
 * ({@link QueueJobEvents}) change the items through here; the caller holds {@link #mutex} for
 * every method but the constructor.
 */
final class QueueState {
    /** The one lock: it guards every field here, the items and the jobs' fields. */
    final Object mutex = new Object();
    final QueueBook book;
    final QueueScheduler scheduler;
    final QueueNotifier notifier = new QueueNotifier(System::nanoTime);
    /** Marks a pending item running and makes its job. */
    private final Function<QueueEntry, QueueJob> launch;
    /** Whether pending items are being started. */
    boolean dispatching;
    boolean closed;

    /**
     * @param workers where the items run (null: threads of the scheduler's own)
     * @param launch  marks an item running and makes its job
     */
    QueueState(QueueFile file, Executor workers, int parallel, Function<QueueEntry, QueueJob> launch) {
        this.book = new QueueBook(file);
        this.scheduler = new QueueScheduler(workers, parallel);
        this.launch = launch;
    }

    /** The item {@code id}, or null. */
    QueueEntry find(String id) {
        return book.find(id);
    }

    /** {@code it} has changed (null: the queue as a whole, its order or its settings): saves the queue and tells the listeners. */
    void changed(QueueEntry it) {
        save();
        emit(it);
    }

    /** Tells the listeners of every item and of {@code it} (null: the queue as a whole changed). */
    void emit(QueueEntry it) {
        if (notifier.listening()) {
            List<QueueItem> all = book.snapshots();
            notifier.tell(all, it == null ? null : it.snapshot());
        }
    }

    /** Saves queue.json atomically now (see {@link QueueBook}). */
    void save() {
        book.save(scheduler.parallel());
    }

    /** Starts pending items while fewer than the scheduler's limit run (when started and open). */
    void dispatch() {
        if (dispatching && !closed) {
            scheduler.dispatch(book.entries(), launch);
        }
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the queue is closed");
        }
    }

    /** Waits on the mutex (held) until {@code done} or {@code millis} have passed; whether {@code done}. */
    boolean waitUntil(BooleanSupplier done, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(mutex, left);
        }
        return true;
    }
}
