package org.addernet.app.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands every value from a worker thread to the FX thread, in order, with at most one pending
 * {@code runLater}: values that arrive while one is pending join its batch. For events that must
 * all be shown (an epoch's metrics, a log line); {@link FxPublisher} is for those where only the
 * newest counts.
 */
public final class FxBatcher<T> implements Consumer<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Consumer<Runnable> fx;
    private final Consumer<List<T>> sink;

    public FxBatcher(Consumer<Runnable> fx, Consumer<List<T>> sink) {
        this.fx = fx;
        this.sink = sink;
    }

    @Override
    public void accept(T value) {
        queue.add(value);
        if (pending.compareAndSet(false, true)) {
            fx.accept(() -> {
                pending.set(false);
                List<T> batch = new ArrayList<>();
                for (T v; (v = queue.poll()) != null; ) {
                    batch.add(v);
                }
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                }
            });
        }
    }
}
