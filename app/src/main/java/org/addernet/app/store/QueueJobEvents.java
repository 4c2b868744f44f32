package org.addernet.app.store;

import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runner;
import org.addernet.engine.train.RunStatus;

/**
 * What the running jobs tell the queue, on their worker threads, turned into changes of their
 * items: the folder chosen and made, progress (throttled to about ten notifications a second,
 * saved at most once a second), the end (the item's final state, the next pending item started).
 */
final class QueueJobEvents implements QueueJob.Host {
    private final QueueState state;
    private final Supplier<BiFunction<RunRequest, RunLog, Runner>> runOn;

    /** @param runOn what makes the runners of items that start now (null inside: this machine) */
    QueueJobEvents(QueueState state, Supplier<BiFunction<RunRequest, RunLog, Runner>> runOn) {
        this.state = state;
        this.runOn = runOn;
    }

    @Override
    public Object lock() {
        return state.mutex;
    }

    @Override
    public BiFunction<RunRequest, RunLog, Runner> runOn() {
        return runOn.get();
    }

    @Override
    public void folderChosen(QueueJob job, Path folder) {
        synchronized (state.mutex) {
            QueueEntry it = state.find(job.spec.id());
            if (it != null) {
                it.runFolder = folder;
            }
            state.save();
        }
    }

    @Override
    public void folderReady(QueueJob job, Path folder, ManifestWriter manifest) {
        synchronized (state.mutex) {
            QueueEntry it = state.find(job.spec.id());
            if (it != null) {
                it.runFolder = folder;
            }
            job.manifest = manifest;
            if (job.stop == QueueJob.Stop.SHUTDOWN) {
                manifest.markInterrupted();
            }
            state.save();
        }
    }

    /** The item's progress from its runner, throttled to about ten notifications a second. */
    @Override
    public void progress(QueueJob job, long done, long total, String text) {
        synchronized (state.mutex) {
            QueueEntry it = state.find(job.spec.id());
            if (it == null || it.state != RunStatus.RUNNING || !state.notifier.progressDue(it.id, done >= total)) {
                return;
            }
            it.progress = total <= 0 ? 0 : Math.min(1, (double) done / total);
            if (job.stop == QueueJob.Stop.NONE) {
                it.progressText = text;
            }
            state.book.saveSoon(state.scheduler.parallel());
            state.emit(it);
        }
    }

    @Override
    public void ended(QueueJob job, RunStatus endState, String error, ManifestWriter manifest) {
        synchronized (state.mutex) {
            state.scheduler.ended(job.spec.id());
            QueueEntry it = state.find(job.spec.id());
            if (it != null) {
                it.markEnded(endState, error);
                if (manifest != null && manifest.writeError() != null) {
                    it.error = (it.error == null ? "" : it.error + "; ") + manifest.writeError();
                }
                state.changed(it);
            }
            state.mutex.notifyAll();
            state.dispatch();
        }
    }
}
