package org.addernet.app.runner;

import org.addernet.datasets.image.ImagePipeline;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.Trainer;
import org.addernet.presets.ExperimentPlan.ImageRun;
import org.addernet.presets.Preset;

/**
 * What a {@link Runner} tells whoever watches it ({@link Runner#observe}): the run store's
 * manifest writer, the queue's progress, a window. Every method has a default that does
 * nothing, so an observer implements only what it needs. Every method is called on the runner's
 * own threads (never the FX thread) and must return quickly; what a method throws is swallowed
 * (an observer never sinks a run), so implementations catch their own failures.
 *
 * <p>Order: {@link #started()} once the folder passed the runner's checks; then lines,
 * progress and the per-kind events; last {@link #finished} (summary.json written) or
 * {@link #failed} (run() throws).
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
     * (seed, model, n) run; epoch runs: training steps summed over every run; sweeps: the variants'
     * shares) and a short line saying where the work is ({@code "adder-n2-s1 iteration 400/10000"}).
     * Called at logged steps (toy) or after every step (epoch runs): throttle in the observer.
     */
    default void progress(long done, long total, String text) {
    }

    /** A line of the runner's log (what {@link RunLog} prints, without line break; not the redrawn progress bar). */
    default void line(String line) {
    }

    /** Epoch runs: training step {@code iteration} (1-based, counted over epochs) of run {@code runId} is done. */
    default void stepDone(String runId, long iteration, long stepsPerEpoch) {
    }

    /**
     * Epoch runs: an epoch has ended and its checkpoint is written: its metrics, the test-set
     * evaluation behind its test accuracy (loss and every predicted class, for a confusion matrix)
     * and the data. It must not change the trainer's state.
     */
    default void epochDone(ImageRun run, EpochMetrics metrics, Trainer.Evaluation test, ImagePipeline.Prepared data) {
    }

    /** Sweeps: before the first variant, with the empty table (columns and header rows known). */
    default void sweepStarted(SweepTable table) {
    }

    /** Sweeps: variant {@code index} (0-based) of {@code total} starts; {@code preset} is the variant's merged preset. */
    default void variantStarted(int index, int total, Preset.Variant variant, Preset preset) {
    }

    /** Sweeps: variant {@code index} has ended (completed, or stopped); {@code table} holds every variant so far. */
    default void variantFinished(int index, int total, SweepTable table) {
    }

    /** {@code summary.json} is written (whatever the runs' statuses); called before {@code run()} returns. */
    default void finished(RunSummary summary) {
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
