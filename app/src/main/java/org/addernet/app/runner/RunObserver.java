package org.addernet.app.runner;

/**
 * What a runner tells whoever watches it: the run store's manifest writer, the run queue's
 * progress. Every method is called on the runner's own threads (never the FX thread) and must
 * return quickly; a method that throws is logged by nobody and ignored by the runner, so
 * implementations catch their own failures.
 */
public interface RunObserver {
    /** Watches nothing. */
    RunObserver NONE = new RunObserver() {
    };

    /** The output folder passed the runner's checks and {@code preset.json} is written: training begins. */
    default void started() {
    }

    /**
     * Work done so far: {@code done} of {@code total} units (toy runs: iterations summed over every
     * (seed, model, n) run; epoch runs: training steps summed over every run) and a short line
     * saying where the work is ({@code "adder-n2-s1 iteration 400/10000"}). Called at logged steps
     * (toy) or after every step (epoch runs): throttle in the observer.
     */
    default void progress(long done, long total, String text) {
    }

    /** {@code summary.json} is written (whatever the runs' statuses); called before {@code run()} returns. */
    default void finished(Summary summary) {
    }

    /** {@code run()} is about to throw {@code error} (before or after {@link #started()}). */
    default void failed(Throwable error) {
    }

    /** Calls {@code action}, swallowing what it throws: an observer never sinks a run. */
    static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // the observer's own business
        }
    }
}
