package org.addernet.app.store;

import java.nio.file.Path;
import java.util.List;
import org.addernet.engine.train.RunStatus;

/**
 * One entry of the {@link RunQueue}, as a snapshot (the queue hands out a new one on every change).
 *
 * @param id           the queue's name for it ({@code q1}, {@code q2}, ...), never reused
 * @param preset       what was asked for: a bundled preset's name or a preset file
 * @param presetName   the preset's own name (what the run folder is named after)
 * @param kind         {@code toy} or {@code image}
 * @param presetJson   the merged preset (file, defaults and {@code overrides}) as it was when added:
 *                     later edits of the file do not change a queued run
 * @param seeds        seeds per run ({@code seed}, {@code seed + 1}, ...)
 * @param overrides    the {@code --set} settings, in order
 * @param dataRoot     data root searched first for image sets, or null
 * @param state        {@code queued}, {@code running}, {@code completed}, {@code failed}, {@code cancelled},
 *                     {@code interrupted} (stopped by a close or a kill; continues on the next start)
 * @param runFolder    its run folder once it has started (kept across resumptions), else null
 * @param progress     share of the work done, 0 to 1
 * @param progressText where the work is, e.g. {@code "lenet5-bn-adder-s1 epoch 2/3, step 4/10"}
 * @param error        why it failed, was cancelled or interrupted (null when none)
 * @param attempts     times it was started afresh or retried (a resumption after a close is not an attempt)
 * @param added        ISO-8601 instant it was added
 * @param started      ISO-8601 instant its current attempt started, or null
 * @param finished     ISO-8601 instant it ended, or null
 */
public record QueueItem(String id, String preset, String presetName, String title, String kind, String presetJson,
                        int seeds, List<String> overrides, Path dataRoot, RunStatus state, Path runFolder,
                        double progress, String progressText, String error, int attempts, String added,
                        String started, String finished) {
    public QueueItem {
        overrides = List.copyOf(overrides);
    }

    /** Waiting for a worker: queued, or interrupted and waiting to continue. */
    public boolean isPending() {
        return state.isPending();
    }

    /** Ended: completed, failed or cancelled. */
    public boolean isDone() {
        return state.isDone();
    }
}
