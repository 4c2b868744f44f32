package org.addernet.app.runner;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.addernet.app.io.FolderClaim;
import org.addernet.app.io.FolderRefusedException;
import org.addernet.app.io.IoText;
import org.addernet.app.io.WriteFailedException;
import org.addernet.presets.PlanBudget;
import org.addernet.presets.Preset;

/**
 * What every {@link Runner} shares: the request, the cancel flag, the end latch that
 * {@link #await} waits on, the observers, and {@link #run()}'s frame (observers told of the end
 * whichever way it comes). A runner fills in {@link #runAll()}.
 */
abstract class RunnerBase<S extends RunSummary> implements Runner {
    static {
        org.addernet.app.io.AtomicFiles.imagesInMemory();     // before any figure is warmed up or drawn
    }

    final Preset preset;
    final RunRequest request;
    final RunLog log;
    final Observers observers = new Observers();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);

    RunnerBase(Preset preset, RunRequest request, RunLog log) {
        this.preset = preset;
        this.request = request;
        this.log = log == null ? RunLog.NONE : log;
    }

    @Override
    public RunRequest request() {
        return request;
    }

    @Override
    public Runner observe(RunObserver observer) {
        observers.add(observer);
        return this;
    }

    @Override
    public void cancel() {
        cancelled.set(true);
        cancelled();
    }

    /** What a runner does besides setting the flag when cancelled (the sweep stops its variant in flight). */
    void cancelled() {
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public boolean await(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Checks the plan against the heap ({@link PlanBudget#requireFits}: a
     * {@link org.addernet.presets.PresetException} naming the count and its limit), claims the
     * output folder ({@link FolderClaim}: an {@link OutputFolderException} when another run holds
     * it or, unless resuming, it holds a run's files), then {@link #runAll()}; the folder is let
     * go at the end. A file or folder that could not be written fails the run with a
     * {@link WriteFailedException} (after what could be written is), the first one that failed:
     * on a full disk the cause, not the last file tried.
     */
    @Override
    public S run() throws IOException {
        try {
            S s;
            try {
                s = runClaimed();
            } catch (IOException | RuntimeException | Error e) {
                observers.failed(e);
                throw e;
            }
            observers.finished(s);
            return s;
        } finally {
            ended.countDown();
        }
    }

    private S runClaimed() throws IOException {
        PlanBudget.requireFits(preset, request.seeds(), "seeds " + request.seeds(), request.jobsOrCores());
        FolderClaim claim;
        try {
            claim = FolderClaim.claim(request.outDir(), request.resume(), "run folder", resumeHint());
        } catch (OutputFolderException e) {
            throw e;
        } catch (FolderRefusedException e) {
            throw new OutputFolderException(e.getMessage());
        }
        try (claim) {
            for (String n : claim.takeNotes()) {
                log("%s", n);
            }
            S s;
            try {
                s = runAll();
            } catch (WriteFailedException later) {     // the folder's own files: the first failure is the cause
                WriteFailedException first = firstWriteFailure.get();
                if (first == null || first == later) {
                    throw later;
                }
                first.addSuppressed(later);
                throw first;
            }
            if (!writeFailures.isEmpty()) {        // named: the first file of the run that could not be written
                WriteFailedException first = firstWriteFailure.get();
                throw first != null ? first : writeFailures.get(0);
            }
            return s;
        }
    }

    /** What to offer besides another folder when the folder holds a run ({@code "or continue it with --resume DIR"}). */
    String resumeHint() {
        return null;
    }

    /** Trains and writes everything; returns the summary written. */
    abstract S runAll() throws IOException;

    /**
     * Files of the folder (figures, tables) that could not be written: the run goes on and writes
     * what it can, then fails with the first ({@link #run()}).
     */
    final java.util.List<WriteFailedException> writeFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Writes a figure or table of the folder: a file that cannot be written is kept for the end
     * ({@link #writeFailures}) and logged; a figure that cannot be drawn (no fonts) is only logged.
     */
    void writeArtefact(String what, ArtefactWrite write) {
        try {
            write.run();
        } catch (WriteFailedException e) {
            writeFailures.add(e);
            noteWriteFailure(e);
            log("  %s", e.getMessage());
        } catch (IOException | RuntimeException e) {
            log("  %s not written: %s", what, IoText.describe(e));
        }
    }

    /** The first file or folder of this run that could not be written, or null. */
    private final java.util.concurrent.atomic.AtomicReference<WriteFailedException> firstWriteFailure =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * A file or folder of one of the runs could not be written (its record says so): when the
     * folder's own files then cannot be written either (a full disk), the run fails naming this
     * first one, the cause, rather than the last ({@code summary.json}).
     */
    final void noteWriteFailure(WriteFailedException e) {
        firstWriteFailure.compareAndSet(null, e);
    }

    /** A write of {@link #writeArtefact}. */
    @FunctionalInterface
    interface ArtefactWrite {
        void run() throws IOException;
    }

    /** A line for the log and the observers. */
    void log(String fmt, Object... args) {
        String s = String.format(Locale.ROOT, fmt, args);
        log.println(s);
        observers.line(s.strip());
    }
}
