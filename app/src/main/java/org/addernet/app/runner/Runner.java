package org.addernet.app.runner;

import java.io.IOException;

/**
 * One run of a preset into one folder: the toy runner ({@link PresetRunner}), the epoch runner
 * ({@link EpochRunner}) and the sweep runner ({@link SweepRunner}) all have this shape, and
 * {@link Runners#create} chooses among them from the preset. Made from a {@link RunRequest}
 * (plain data) and a {@link RunLog} (where a person reads along).
 *
 * <pre>{@code
 * Runner r = Runners.create(RunRequest.of("fig2-unit-ball", List.of(), 1, out), RunLog.NONE);
 * r.observe(observer);        // before run(): manifest, progress, a window's events
 * RunSummary s = r.run();     // blocks; another thread may r.cancel() and r.await(ms)
 * }</pre>
 *
 * <p>A runner runs once. Every method but {@link #run()} returns at once and may be called
 * from any thread.
 */
public interface Runner {
    /** What was asked for. */
    RunRequest request();

    /**
     * Trains every run of the request and writes the folder; returns the summary written (also
     * when some runs diverged, failed or were cancelled: see {@link RunSummary#incomplete()}).
     *
     * @throws OutputFolderException the folder cannot take the run (a file, or it holds another run)
     * @throws java.io.FileNotFoundException an image set is missing (the message lists the places searched)
     * @throws org.addernet.datasets.image.DataFormatException a data file is damaged (file and byte offset)
     * @throws IOException the folder cannot be written
     */
    RunSummary run() throws IOException;

    /**
     * Asks the run to stop after the step in flight: what was trained is kept and recorded as
     * {@code cancelled}; runs not begun are recorded as cancelled before they started. Called
     * before {@link #run()}, no run starts.
     */
    void cancel();

    /** Whether {@link #cancel()} was called. */
    boolean isCancelled();

    /** Waits up to {@code millis} for {@link #run()} to return; whether it has (a Ctrl-C hook waits so that summary.json is written). */
    boolean await(long millis) throws InterruptedException;

    /** Adds {@code observer}, told of what the run does from now on; call before {@link #run()}. Returns this runner. */
    Runner observe(RunObserver observer);
}
