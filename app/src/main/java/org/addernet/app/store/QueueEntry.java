package org.addernet.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/**
 * One item's mutable state inside the {@link RunQueue}, guarded by the queue's lock; it goes out
 * as a {@link QueueItem} snapshot and to {@code queue.json} as a {@link QueueFile.Entry}.
 */
final class QueueEntry {
    String id;
    String preset;
    String presetName;
    String title;
    String kind;
    String presetJson;
    int seeds;
    List<String> overrides;
    Path dataRoot;
    RunStatus state;
    Path runFolder;
    double progress;
    String progressText = "";
    String error;
    int attempts;
    String added;
    String started;
    String finished;

    /** A new item of {@code preset} (resolved from {@code source} with {@code overrides}), queued now. */
    static QueueEntry queued(String source, Preset preset, List<String> overrides, int seeds, Path dataRoot) {
        QueueEntry it = new QueueEntry();
        it.preset = source;
        it.presetName = preset.name();
        it.title = preset.title();
        it.kind = RunManifest.kindOf(preset);
        it.presetJson = PresetLoader.toJson(preset);
        it.seeds = seeds;
        it.overrides = List.copyOf(overrides);
        it.dataRoot = dataRoot == null ? null : dataRoot.toAbsolutePath();
        it.state = RunStatus.QUEUED;
        it.attempts = 1;
        it.added = Instant.now().toString();
        return it;
    }

    /** Starts: running, in its folder when it has one. */
    void markRunning() {
        boolean resuming = runFolder != null;
        state = RunStatus.RUNNING;
        started = Instant.now().toString();
        finished = null;
        error = null;
        progressText = resuming ? "continuing in " + runFolder.getFileName() : "starting";
    }

    /** Its run has ended as {@code end}. */
    void markEnded(RunStatus end, String why) {
        state = end;
        error = why;
        finished = end == RunStatus.INTERRUPTED ? null : Instant.now().toString();
        if (end == RunStatus.COMPLETED) {
            progress = 1;
            progressText = "done";
        } else {
            progressText = end.id();
        }
    }

    /** A pending item cancelled: it never starts (or continues). */
    void cancelPending() {
        boolean wasInterrupted = state == RunStatus.INTERRUPTED;
        state = RunStatus.CANCELLED;
        error = "cancelled before it " + (wasInterrupted ? "continued" : "started");
        finished = Instant.now().toString();
    }

    /** A failed or cancelled item queued again: in its folder ({@code continueInFolder}) or a new one. */
    void requeue(boolean continueInFolder) {
        if (!continueInFolder) {
            runFolder = null;
            attempts++;
            progress = 0;
        }
        state = RunStatus.QUEUED;
        error = null;
        progressText = continueInFolder ? "continues from its checkpoints" : "";
        started = null;
        finished = null;
    }

    /** Saved as running by a process that is gone: interrupted, to continue on the next start. */
    void markOrphaned() {
        state = RunStatus.INTERRUPTED;
        error = QueueJob.interruptedText(kind).replace("interrupted:", "interrupted (the workbench stopped while it ran):");
        progressText = RunStatus.INTERRUPTED.id();
    }

    QueueItem snapshot() {
        return new QueueItem(id, preset, presetName, title, kind, presetJson, seeds, overrides, dataRoot, state,
                runFolder, progress, progressText, error, attempts, added, started, finished);
    }

    /** As saved: a run folder inside {@code home} relative to it (the home can move). */
    QueueFile.Entry toFile(Path home) throws JsonProcessingException {
        String folder = null;
        if (runFolder != null) {
            Path abs = runFolder.toAbsolutePath().normalize();
            folder = abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
        }
        return new QueueFile.Entry(id, preset, presetName, title, kind, seeds, overrides,
                dataRoot == null ? null : dataRoot.toString(), state, folder, progress, progressText, error, attempts,
                added, started, finished, QueueFile.tree(presetJson));
    }

    /** A saved item (checked by {@link QueueFile#read()}), its run folder resolved against {@code home}. */
    static QueueEntry fromFile(QueueFile.Entry e, Path home) throws JsonProcessingException {
        QueueEntry it = new QueueEntry();
        it.id = e.id();
        it.preset = e.preset();
        it.presetName = e.presetName();
        it.title = e.title() == null ? "" : e.title();
        it.kind = e.kind();
        it.seeds = e.seeds();
        it.overrides = e.overrides() == null ? List.of() : List.copyOf(e.overrides());
        it.dataRoot = e.dataRoot() == null ? null : Path.of(e.dataRoot());
        it.state = e.state();
        it.runFolder = e.runFolder() == null ? null : home.resolve(e.runFolder());
        it.progress = e.progress() == null ? 0 : e.progress();
        it.progressText = e.progressText() == null ? "" : e.progressText();
        it.error = e.error();
        it.attempts = e.attempts() == null ? 1 : Math.max(1, e.attempts());
        it.added = e.added();
        it.started = e.started();
        it.finished = e.finished();
        it.presetJson = QueueFile.text(e.presetJson());
        return it;
    }
}
