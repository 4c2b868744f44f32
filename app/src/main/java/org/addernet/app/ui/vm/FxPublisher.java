package org.addernet.app.ui.vm;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest value from a worker thread to the FX thread with at most one pending
 * {@code runLater} (as {@code Task.updateProgress} does): values that arrive while one is
 * pending replace each other, so the FX thread never falls behind and never waits.
 */
public final class FxPublisher<T> implements Consumer<T> {
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Consumer<Runnable> fx;
    private final Consumer<T> sink;

    public FxPublisher(Consumer<Runnable> fx, Consumer<T> sink) {
        this.fx = fx;
        this.sink = sink;
    }

    @Override
    public void accept(T value) {
        latest.set(value);
        if (pending.compareAndSet(false, true)) {
            fx.accept(() -> {
                pending.set(false);
                T v = latest.getAndSet(null);
                if (v != null) {
                    sink.accept(v);
                }
            });
        }
    }
}
