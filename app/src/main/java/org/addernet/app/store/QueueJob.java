package org.addernet.app.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.addernet.app.io.AppendLog;
import org.addernet.app.io.FolderClaim;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.RunSummary;
import org.addernet.app.runner.Runner;
import org.addernet.app.runner.Runners;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/**
 * One queue item's run, on a worker thread, through the one runner shape: its run folder (a new
 * one of the store, or the folder it continues in), the folder's manifest, {@code run.log}, and
 * the runner {@link Runners#create} chooses; the end state goes back to the queue. No lock is held
 * while it trains; what the queue may change while it runs ({@link #stop}, {@link #cancel},
 * {@link #manifest}) is guarded by the queue's lock.
 */
final class QueueJob implements Runnable {
    /** Why a running item is being stopped. */
    enum Stop { NONE, CANCEL, SHUTDOWN }

    /** What the job tells the queue; every method takes the queue's lock itself. */
    interface Host {
        /** The lock guarding the queue and this job's fields. */
        Object lock();

        /**
         * The item's new folder has a name and is about to be made: the queue saves it with the item
         * first, so that a kill at any point leaves no folder the queue does not know.
         */
        void folderChosen(QueueJob job, Path folder);

        /** The folder and its manifest exist (the queue saves the folder with the item). */
        void folderReady(QueueJob job, Path folder, ManifestWriter manifest);

        /** What makes the runners of items that start now (a cluster's), or null for {@link Runners#create}. */
        default java.util.function.BiFunction<RunRequest, RunLog, Runner> runOn() {
            return null;
        }

        /** The runner's progress (throttled by the queue). */
        void progress(QueueJob job, long done, long total, String text);

        /** The run has ended as {@code state} (with {@code error}, or null). */
        void ended(QueueJob job, RunStatus state, String error, ManifestWriter manifest);
    }

    /** What the item asks for, copied when the job starts. */
    record Spec(String id, String preset, String presetJson, List<String> overrides, int seeds, Path dataRoot,
                Path folder, String kind) {
    }

    final Spec spec;
    /** Guarded by the queue's lock. */
    Stop stop = Stop.NONE;
    /** The runner's cancel once it exists; guarded by the queue's lock. */
    Runnable cancel;
    /** The folder's manifest once it exists; guarded by the queue's lock. */
    ManifestWriter manifest;

    private final Host host;
    private final RunStore store;
    private final String source;
    private final int jobs;

    /**
     * @param source what the run folder records as its source ({@code window} or {@code cli})
     * @param jobs   toy runs trained at once within the item
     */
    QueueJob(Spec spec, Host host, RunStore store, String source, int jobs) {
        this.spec = spec;
        this.host = host;
        this.store = store;
        this.source = source;
        this.jobs = jobs;
    }

    /**
     * Asks the job to stop after the runner's current step, for {@code why} (caller holds the
     * queue's lock): a cancel when it is not stopping yet; a shutdown always (its manifest turns
     * {@code interrupted}, even over a cancel asked before). Whether the stop reason was set.
     */
    boolean requestStop(Stop why) {
        boolean first = stop == Stop.NONE;
        if (first) {
            stop = why;
        }
        if (why == Stop.SHUTDOWN && manifest != null) {
            manifest.markInterrupted();
        }
        if ((first || why == Stop.SHUTDOWN) && cancel != null) {
            cancel.run();
        }
        return first;
    }

    /** How an interrupted item of {@code kind} goes on. */
    static String interruptedText(String kind) {
        return RunManifest.IMAGE.equals(kind)
                ? "interrupted: continues from its last checkpoint on the next start"
                : "interrupted: starts again in its folder on the next start (toy runs keep no checkpoints)";
    }

    /**
     * Runs the item: claims its folder ({@link FolderClaim}: another process or run writing it
     * fails the item with that reason, nothing written), writes its manifest and run.log, and
     * runs the runner, which joins the claim. A continuing item resumes from its checkpoints;
     * a run of it that has none trains again from epoch 1 ({@code restart}), which run.log says.
     */
    @Override
    public void run() {
        RunStatus endState;
        String error = null;
        PrintStream log = null;
        ManifestWriter mw = null;
        FolderClaim claim = null;
        Path folder = spec.folder() != null && Files.isDirectory(spec.folder()) ? spec.folder() : null;
        try {
            Preset preset = PresetLoader.parse("queue item " + spec.id() + " (" + spec.preset() + ")", spec.presetJson(),
                    List.of());
            Runners.Kind kind = Runners.kind(preset);
            boolean continuing = folder != null;
            if (!continuing) {
                folder = newFolder(preset.name());
            }
            claim = FolderClaim.claim(folder, continuing, "run folder", null);   // its own folder: its files are its own
            if (continuing) {
                mw = ManifestWriter.resuming(folder, preset, spec.preset(), spec.overrides(), spec.seeds(), source);
                if (kind == Runners.Kind.TOY) {
                    // toy runs keep no checkpoints: they start again in their folder
                    Files.deleteIfExists(folder.resolve(RunFiles.SUMMARY));
                }
            } else {
                mw = ManifestWriter.fresh(folder, RunManifest.begin(preset, spec.preset(), spec.overrides(),
                        spec.seeds(), source), false);
            }
            mw.setQueueItem(spec.id());
            mw.begin();
            host.folderReady(this, folder, mw);
            // the log is not a result: one it cannot write is said once on stderr, and the run goes on
            log = AppendLog.open(folder.resolve(RunFiles.LOG), System.err::println);
            log.println("# " + Instant.now() + " queue item " + spec.id() + (continuing ? " continues" : " starts")
                    + " in " + folder);
            for (String note : claim.takeNotes()) {
                log.println("# " + note);
            }
            // epoch runs continue from their checkpoints (or, without one, from epoch 1), sweeps from their completed variants
            boolean resume = continuing && kind != Runners.Kind.TOY && Files.isRegularFile(folder.resolve(RunFiles.PRESET));
            RunRequest request = new RunRequest(spec.preset(), spec.presetJson(), spec.overrides(), null, spec.seeds(),
                    folder.toString(), spec.dataRoot() == null ? null : spec.dataRoot().toString(), resume, jobs, resume);
            var on = host.runOn();
            Runner runner = on == null ? Runners.create(preset, request, RunLog.to(log)) : on.apply(request, RunLog.to(log));
            runner.observe(mw).observe(new RunObserver() {
                @Override
                public void progress(long done, long total, String text) {
                    host.progress(QueueJob.this, done, total, text);
                }
            });
            if (!arm(runner::cancel)) {
                runner.cancel();
            }
            RunSummary summary = runner.run();
            synchronized (host.lock()) {
                if (stop == Stop.SHUTDOWN) {
                    endState = RunStatus.INTERRUPTED;
                    error = interruptedText(spec.kind());
                } else {
                    endState = RunManifest.statusOf(summary);
                    error = RunManifest.reasonOf(summary);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            error = ManifestWriter.describe(e);
            synchronized (host.lock()) {
                endState = stop == Stop.SHUTDOWN ? RunStatus.INTERRUPTED : RunStatus.FAILED;
            }
            if (mw != null && endState == RunStatus.INTERRUPTED) {
                mw.markInterrupted();
            }
            if (log != null) {
                log.println("# failed: " + error);
            }
        } finally {
            if (log != null) {
                log.close();
            }
            if (claim != null) {
                claim.close();
            }
        }
        host.ended(this, endState, error, mw);
    }

    /** A new run folder of the store, named in queue.json before it is made (see {@link Host#folderChosen}). */
    private Path newFolder(String presetName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = store.nextRunFolder(presetName);
            host.folderChosen(this, candidate);
            try {           // through the writer's file operations: a folder that cannot be made fails the item naming it
                return org.addernet.app.io.AtomicFiles.createNewFolder(candidate);
            } catch (java.nio.file.FileAlreadyExistsException taken) {      // another process, the same second
                if (attempt >= 100) {
                    throw new IOException(candidate + ": no free run folder name after 100 tries");
                }
            }
        }
    }

    /** Hands the runner's cancel to the job; false when the job was already asked to stop. */
    private boolean arm(Runnable runnerCancel) {
        synchronized (host.lock()) {
            cancel = runnerCancel;
            return stop == Stop.NONE;
        }
    }
}
