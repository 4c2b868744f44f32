package org.addernet.app.runner;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.addernet.presets.Preset;

/**
 * What every {@link Runner} shares: the request, the cancel flag, the end latch that
 * {@link #await} waits on, the observers, and {@link #run()}'s frame (observers told of the end
 * whichever way it comes). A runner fills in {@link #runAll()}.
 */
abstract class RunnerBase<S extends RunSummary> implements Runner {
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

    @Override
    public S run() throws IOException {
        try {
            S s = runAll();
            observers.finished(s);
            return s;
        } catch (IOException | RuntimeException | Error e) {
            observers.failed(e);
            throw e;
        } finally {
            ended.countDown();
        }
    }

    /** Trains and writes everything; returns the summary written. */
    abstract S runAll() throws IOException;

    /** A line for the log and the observers. */
    void log(String fmt, Object... args) {
        String s = String.format(Locale.ROOT, fmt, args);
        log.println(s);
        observers.line(s.strip());
    }
}
