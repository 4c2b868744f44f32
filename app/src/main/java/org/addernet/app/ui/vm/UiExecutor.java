package org.addernet.app.ui.vm;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where a view model's work runs: slow work (reading folders, training, fitting) on
 * {@link #background}, results and progress on {@link #fx} (the FX thread). Every view model
 * takes one; the window passes {@link #javafx()}, tests pass {@link #sameThread()}, which runs
 * both inline so that a command has finished, results shown, when it returns.
 *
 * <p>Progress from a worker reaches the FX thread coalesced: {@link #latest} keeps only the
 * newest value ({@link FxPublisher}), {@link #batched} keeps every value in order
 * ({@link FxBatcher}); either way at most one {@code runLater} is pending.
 */
public final class UiExecutor {
    private static final class Shared {
        static final UiExecutor FX = new UiExecutor(pool(), javafx.application.Platform::runLater);
    }

    private final Executor background;
    private final Executor fx;

    public UiExecutor(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** Background work on a shared pool of daemon threads, results through {@code Platform.runLater}. */
    public static UiExecutor javafx() {
        return Shared.FX;
    }

    /** Everything inline on the calling thread (tests): a command's work and its result before it returns. */
    public static UiExecutor sameThread() {
        return new UiExecutor(Runnable::run, Runnable::run);
    }

    /** Background work on the shared pool, results through {@code fx} (a view model's {@code Consumer<Runnable>}). */
    public static UiExecutor withFx(Consumer<Runnable> fx) {
        return new UiExecutor(Shared.FX.background, fx::accept);
    }

    private static ExecutorService pool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ui-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code r} off the FX thread. */
    public void background(Runnable r) {
        background.execute(r);
    }

    /** Runs {@code r} on the FX thread (later, or inline in tests). */
    public void fx(Runnable r) {
        fx.execute(r);
    }

    /**
     * Runs {@code work} in the background, then {@code done} with its result or {@code failed} with
     * what it threw (an exception, or running out of memory) on the FX thread.
     */
    public <T> void submit(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        background(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception | OutOfMemoryError e) {
                fx(() -> failed.accept(e));
                return;
            }
            fx(() -> done.accept(value));
        });
    }

    /** A sink for a worker's newest value: only the latest reaches {@code sink}, on the FX thread. */
    public <T> FxPublisher<T> latest(Consumer<T> sink) {
        return new FxPublisher<>(this::fx, sink);
    }

    /** A sink for a worker's values: all of them reach {@code sink} in order, in batches, on the FX thread. */
    public <T> FxBatcher<T> batched(Consumer<List<T>> sink) {
        return new FxBatcher<>(this::fx, sink);
    }
}
