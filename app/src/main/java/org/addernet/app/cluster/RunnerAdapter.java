package org.addernet.app.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.addernet.app.runner.EpochRunner;
import org.addernet.app.runner.PresetRunner;
import org.addernet.app.runner.Progress;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.Summary;
import org.addernet.app.store.RunManifest;
import org.addernet.engine.train.Checkpoint;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/**
 * Runs one {@link RunRequest} on a worker with the local runners, exactly as a local run of that
 * seed would ({@link PresetRunner} for a toy set, {@link EpochRunner} for an image set, with one
 * seed), into {@code folder}. The only class of this package that calls the runners.
 *
 * <p>An epoch run whose folder already holds a checkpoint (an attempt whose executor was lost
 * left it on the shared store) continues from it; a toy run (no checkpoints, seconds long) starts
 * again in an emptied folder.
 */
public final class RunnerAdapter {
    /** Told of the run's progress, on the runner's threads. */
    @FunctionalInterface
    public interface Listener {
        /** {@code done} of {@code total} work units, a line for people, the epoch in progress (0: a toy run). */
        void progress(long done, long total, String text, int epoch);
    }

    /** How the run ended: the status of its folder (completed | cancelled | failed), the first reason. */
    public record Outcome(String status, String error, Integer resumedAfterEpoch) {
    }

    private final RunRequest request;
    private final Path folder;
    private final Path dataRoot;
    private final int jobs;
    private final PrintStream log;
    private volatile Runnable cancel;
    private volatile boolean cancelled;

    /**
     * @param dataRoot the data root searched first (the shipped copy, or the request's); nullable
     * @param jobs     toy runs trained at once (the task's cores)
     * @param log      the runner's lines
     */
    public RunnerAdapter(RunRequest request, Path folder, Path dataRoot, int jobs, PrintStream log) {
        this.request = request;
        this.folder = folder;
        this.dataRoot = dataRoot;
        this.jobs = Math.max(1, jobs);
        this.log = log;
    }

    /** Stops the run after its current step; returns at once. */
    public void cancel() {
        cancelled = true;
        Runnable c = cancel;
        if (c != null) {
            c.run();
        }
    }

    /** Runs the request; a failure is an outcome, never an exception. */
    public Outcome run(Listener listener) {
        Integer resumed = null;
        try {
            Preset preset = PresetLoader.parse("run request " + request.key(), request.presetJson(), List.of());
            Rate rate = new Rate(preset, listener);
            Summary summary;
            if (request.image()) {
                resumed = lastCheckpoint();
                EpochRunner r = new EpochRunner(preset, folder, 1, dataRoot, resumed != null
                        || Files.isRegularFile(folder.resolve("preset.json")), log, false);
                r.setObserver(rate);
                arm(r::cancel);
                summary = r.run();
            } else {
                empty();
                PresetRunner r = new PresetRunner(preset, folder, 1, jobs, log);
                r.setObserver(rate);
                arm(r::cancel);
                summary = r.run();
            }
            return new Outcome(RunManifest.statusOf(summary), RunManifest.reasonOf(summary), resumed);
        } catch (IOException | RuntimeException | Error e) {   // one run's failure is its item's, not the sweep's
            String why = e instanceof IOException || e instanceof IllegalArgumentException
                    || e instanceof org.addernet.presets.PresetException ? e.getMessage() : e.toString();
            if (log != null) {
                log.println("# failed: " + why);
            }
            return new Outcome(RunManifest.FAILED, why, resumed);
        }
    }

    private void arm(Runnable c) {
        cancel = c;
        if (cancelled) {
            c.run();
        }
    }

    /** The fewest epochs any run's checkpoint in the folder holds, or null when there is none. */
    private Integer lastCheckpoint() throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        Integer least = null;
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path c = d.resolve(EpochRunner.CHECKPOINT);
                if (Files.isRegularFile(c)) {
                    try (InputStream in = Files.newInputStream(c)) {
                        int e = Checkpoint.read(in, c.toString()).epochsDone();
                        least = least == null ? e : Math.min(least, e);
                    }
                }
            }
        }
        return least;
    }

    /** A toy run starts again: what an earlier attempt left goes. */
    private void empty() throws IOException {
        if (Files.isDirectory(folder)) {
            FolderZip.deleteTree(folder);
        }
    }

    /** The runner's progress with images per second and the time left. */
    private static final class Rate implements RunObserver {
        private final Listener listener;
        private final int batch;
        private final boolean image;
        private long t0;
        private long firstDone = -1;
        private long lastNotify;

        Rate(Preset preset, Listener listener) {
            this.listener = listener;
            this.batch = preset.training().batchSize();
            this.image = preset.training().epochs() != null;
        }

        @Override
        public synchronized void progress(long done, long total, String text) {
            long now = System.nanoTime();
            if (firstDone < 0) {             // speed from this attempt's first note (a resumed run starts part-way)
                firstDone = done;
                t0 = now;
            }
            if (now - lastNotify < 200_000_000L && done < total) {
                return;
            }
            lastNotify = now;
            double secs = (now - t0) / 1e9;
            long ran = done - firstDone;
            double perUnit = ran > 0 ? secs / ran : 0;
            String line = text + String.format(Locale.ROOT, " · %,.0f img/s · ETA %s", ran > 0 ? ran * batch / secs : 0.0,
                    ran > 0 ? Progress.clock((total - done) * perUnit) : "?");
            listener.progress(done, total, line, image ? epochOf(text) : 0);
        }

        /** The epoch in {@code "... epoch 2/3, step 4/32"}. */
        private static int epochOf(String text) {
            int at = text.indexOf(" epoch ");
            if (at < 0) {
                return 0;
            }
            int slash = text.indexOf('/', at);
            try {
                return slash < 0 ? 0 : Integer.parseInt(text.substring(at + 7, slash));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
