package org.addernet.app.ui.vm;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.addernet.app.ui.session.SessionSnapshot;

/**
 * The way from a training session's snapshots to the window's frames: each snapshot is rendered
 * into a {@link Frame} on the view model's own render thread and handed to the FX thread, each
 * stage coalesced by an {@link FxPublisher} (a slow stage skips to the newest value), and
 * everything of a replaced session dropped: sinks and frames carry their session's generation,
 * and only the {@linkplain #current(long) current} one passes.
 */
final class FramePipeline {
    /** Draws a snapshot of session {@code generation} with the view's options as they are now. */
    interface Renderer {
        Frame render(SessionSnapshot snapshot, long generation);
    }

    /** A snapshot and the generation of the session that took it. */
    private record Tagged(long generation, SessionSnapshot snapshot) {
    }

    private final ExecutorService thread;
    private final FxPublisher<Frame> toFx;
    private final FxPublisher<Tagged> renderStage;
    private volatile Tagged latest;
    private volatile long current;

    /**
     * @param fx how to run on the FX thread
     * @param renderer draws a frame (on the render thread)
     * @param show takes a frame of the current session (on the FX thread)
     */
    FramePipeline(Consumer<Runnable> fx, Renderer renderer, Consumer<Frame> show) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "render");
            t.setDaemon(true);
            return t;
        });
        this.toFx = new FxPublisher<>(fx, f -> {
            if (f.generation() == current) {
                show.accept(f);
            }
        });
        this.renderStage = new FxPublisher<>(this::submit, t -> {
            if (t.generation() == current) {
                toFx.accept(renderer.render(t.snapshot(), t.generation()));
            }
        });
    }

    /** The sink for the snapshots of session {@code generation}: they pass while it is the current one. */
    Consumer<SessionSnapshot> sink(long generation) {
        return s -> {
            if (current == generation) {
                Tagged t = new Tagged(generation, s);
                latest = t;
                renderStage.accept(t);
            }
        };
    }

    /** From now on only session {@code generation}'s snapshots and frames pass. */
    void current(long generation) {
        current = generation;
        latest = null;
    }

    /** Renders the current session's newest snapshot again (the view's options changed). */
    void rerender() {
        Tagged t = latest;
        if (t != null) {
            renderStage.accept(t);
        }
    }

    /** Stops the render thread (window closing). */
    void shutdown() {
        thread.shutdownNow();
    }

    private void submit(Runnable r) {
        if (!thread.isShutdown()) {
            thread.execute(r);
        }
    }
}
