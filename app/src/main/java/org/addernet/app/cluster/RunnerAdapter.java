package org.addernet.app.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.Progress;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.RunSummary;
import org.addernet.app.runner.Runner;
import org.addernet.app.runner.Runners;
import org.addernet.engine.train.Checkpoint;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.Preset;

/**
 * Runs one {@link TaskRequest} on a worker through the one runner shape ({@link Runners#create}),
 * exactly as a local run of that seed would run, into {@code folder}. The only class of this
 * package that starts a runner.
 *
 * <p>An epoch run whose folder already holds checkpoints (a lost attempt left them on the shared
 * store, or the driver sent them to continue from) continues from them; a toy run (no
 * checkpoints, seconds long) starts again in an emptied folder.
 */
public final class RunnerAdapter {
    /** Told of the run's progress, on the runner's threads. */
    @FunctionalInterface
    public interface Listener {
        /** {@code done} of {@code total} work units, a line for people, the epoch in progress (0: a toy run). */
        void progress(long done, long total, String text, int epoch);
    }

    /** How the run ended: its folder's status, the first reason, the epochs it continued after (null: from the start). */
    public record Outcome(RunStatus status, String error, Integer resumedAfterEpoch) {
    }

    private final TaskRequest task;
    private final Path folder;
    private final Path dataRoot;
    private final int jobs;
    private final PrintStream log;
    private volatile Runnable cancel;
    private volatile boolean cancelled;
    private int attempt;

    /**
     * @param dataRoot the data root searched first (the shipped copy, or the request's own); nullable
     * @param jobs     toy runs trained at once (the task's cores)
     * @param log      the runner's lines
     */
    public RunnerAdapter(TaskRequest task, Path folder, Path dataRoot, int jobs, PrintStream log) {
        this.task = task;
        this.folder = folder;
        this.dataRoot = dataRoot;
        this.jobs = Math.max(1, jobs);
        this.log = log;
    }

    /**
     * This is Spark's attempt {@code attempt} of the task (0 = the first): a retry takes over the
     * folder's claim that the lost attempt left (its executor is gone, or going).
     */
    public RunnerAdapter attempt(int attempt) {
        this.attempt = attempt;
        return this;
    }

    /** Stops the run after its current step; returns at once. */
    public void cancel() {
        cancelled = true;
        Runnable c = cancel;
        if (c != null) {
            c.run();
        }
    }

    /** Runs the task; a failure is an outcome, never an exception. */
    public Outcome run(Listener listener) {
        Integer resumed = null;
        try {
            RunRequest request = task.run().withOut(folder).withDataRoot(dataRoot).withJobs(jobs);
            Preset preset = request.loadPreset();
            if (task.image()) {
                resumed = lastCheckpoint();
                request = request.withResume(resumed != null || Files.isRegularFile(folder.resolve("preset.json")));
            } else {
                emptyBut(ClusterRun.TASK_LOG);       // a toy run starts again: what an earlier attempt left goes
            }
            if (attempt > 0) {
                for (String note : org.addernet.app.io.FolderClaim.supersede(folder,
                        "Spark retries the task (attempt " + (attempt + 1) + ") after the earlier attempt was lost")) {
                    if (log != null) {
                        log.println("# " + note);
                    }
                }
            }
            Runner runner = Runners.create(preset, request, RunLog.to(log));
            runner.observe(new Rate(preset, listener, task.image()));
            cancel = runner::cancel;
            if (cancelled) {
                runner.cancel();
            }
            RunSummary s = runner.run();
            return new Outcome(statusOf(s), reasonOf(s), resumed);
        } catch (IOException | RuntimeException | Error e) {   // one run's failure is its item's, not the sweep's
            String why = e instanceof IOException || e instanceof IllegalArgumentException
                    || e instanceof org.addernet.presets.PresetException ? e.getMessage() : e.toString();
            if (log != null) {
                log.println("# failed: " + why);
            }
            return new Outcome(RunStatus.FAILED, why, resumed);
        }
    }

    /** The folder's status as the run store sees it: cancelled, else failed, else completed (a diverged run is a result). */
    static RunStatus statusOf(RunSummary s) {
        if (s.runs().stream().anyMatch(r -> r.status() == RunStatus.CANCELLED)) {
            return RunStatus.CANCELLED;
        }
        return s.runs().stream().anyMatch(r -> r.status() == RunStatus.FAILED) ? RunStatus.FAILED : RunStatus.COMPLETED;
    }

    private static String reasonOf(RunSummary s) {
        return s.runs().stream().filter(r -> r.status() != RunStatus.COMPLETED && r.reason() != null)
                .map(r -> r.id() + ": " + r.reason()).findFirst().orElse(null);
    }

    /** Deletes what the folder holds, but the file {@code keep} (the task's log, open). */
    private void emptyBut(String keep) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> all = Files.list(folder)) {
            for (Path p : all.filter(p -> !p.getFileName().toString().equals(keep)).toList()) {
                if (Files.isDirectory(p)) {
                    FolderZip.deleteTree(p);
                } else {
                    Files.delete(p);
                }
            }
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
                Path c = d.resolve(RunFiles.CHECKPOINT);
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

    /** The runner's progress with images per second and the time left. */
    private static final class Rate implements RunObserver {
        private final Listener listener;
        private final int batch;
        private final boolean image;
        private long t0;
        private long firstDone = -1;
        private long lastNotify;
        private volatile int epoch;

        Rate(Preset preset, Listener listener, boolean image) {
            this.listener = listener;
            this.batch = preset.training().batchSize();
            this.image = image;
        }

        @Override
        public void stepDone(String runId, long iteration, long stepsPerEpoch) {
            epoch = stepsPerEpoch <= 0 ? 0 : (int) ((iteration - 1) / stepsPerEpoch) + 1;
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
            String line = text + String.format(Locale.ROOT, " · %,.0f img/s · ETA %s", secs > 0 ? ran * batch / secs : 0.0,
                    ran > 0 ? Progress.clock((total - done) * secs / ran) : "?");
            listener.progress(done, total, line, image ? epoch : 0);
        }
    }
}
