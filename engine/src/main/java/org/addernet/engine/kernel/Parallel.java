package org.addernet.engine.kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool that runs the tasks {@code 0 .. n-1} of one kernel call, the calling thread
 * taking part as worker 0 and up to {@code workers() - 1} pool threads as workers 1, 2, ...
 * Each task sees its task index and the index of the worker running it, so per-worker scratch
 * needs no locking. Which worker runs which task varies from call to call; kernels keep their
 * results independent of it (fixed task boundaries, per-task partial sums added in task order),
 * so a parallel run gives the same bits as {@link #sequential()}.
 *
 * <p>Parallelism is a switch: {@link #run} with {@code parallel = false}, a single worker, a
 * single task, or a call from inside one of the pool's own threads runs every task on the caller,
 * in order. The caller waits only for tasks that were claimed, never for pool threads that have
 * not started, so a busy pool cannot stall a call.
 */
public final class Parallel {
    /** One task of a call. */
    @FunctionalInterface
    public interface Body {
        void run(int task, int worker);
    }

    private static final Parallel SEQUENTIAL = new Parallel(1);
    private static volatile Parallel shared;

    private final int workers;
    private final ExecutorService pool;

    private Parallel(int workers) {
        this.workers = workers;
        this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new KernelThread(r);
            t.setDaemon(true);
            return t;
        });
    }

    /** Every task on the calling thread. */
    public static Parallel sequential() {
        return SEQUENTIAL;
    }

    /** The engine's shared pool: one worker per available processor. */
    public static Parallel shared() {
        Parallel p = shared;
        if (p == null) {
            synchronized (Parallel.class) {
                p = shared;
                if (p == null) {
                    p = create(Runtime.getRuntime().availableProcessors());
                    shared = p;
                }
            }
        }
        return p;
    }

    /** A pool of {@code workers} workers (the caller included); 1 gives {@link #sequential()}. */
    public static Parallel create(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 worker, got " + workers);
        }
        return workers == 1 ? SEQUENTIAL : new Parallel(workers);
    }

    /** The largest worker index a task can see, plus one. */
    public int workers() {
        return workers;
    }

    /**
     * Runs {@code body} for tasks {@code 0 .. tasks-1} and returns when all have finished; an
     * exception or error of a task is rethrown here (the first one).
     */
    public void run(int tasks, boolean parallel, Body body) {
        if (!parallel || workers == 1 || tasks <= 1 || Thread.currentThread() instanceof KernelThread) {
            for (int t = 0; t < tasks; t++) {
                body.run(t, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        int helpers = Math.min(workers - 1, tasks - 1);
        for (int h = 1; h <= helpers; h++) {
            int worker = h;
            pool.execute(() -> drain(tasks, worker, body, next, done, failure, caller));
        }
        drain(tasks, 0, body, next, done, failure, null);
        boolean interrupted = false;
        while (done.get() < tasks) {            // claimed tasks finish within one task's time
            LockSupport.park(this);
            interrupted |= Thread.interrupted();  // park returns at once while the flag is set
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException e) {
            throw e;
        } else if (f instanceof Error e) {
            throw e;
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    private static void drain(int tasks, int worker, Body body, AtomicInteger next, AtomicInteger done,
                              AtomicReference<Throwable> failure, Thread caller) {
        int t;
        while ((t = next.getAndIncrement()) < tasks) {
            try {
                body.run(t, worker);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
            if (done.incrementAndGet() == tasks && caller != null) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public String toString() {
        return "Parallel{workers=" + workers + "}";
    }

    /** The pool's threads, recognised so that a nested call runs sequentially. */
    private static final class KernelThread extends Thread {
        KernelThread(Runnable r) {
            super(r, "addernet-kernel");
        }
    }
}
