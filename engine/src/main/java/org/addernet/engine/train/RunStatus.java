package org.addernet.engine.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a run stands, everywhere from the trainer to the window: one enum, whose {@link #id()}s
 * ({@code "completed"}, {@code "diverged"}, ...) are the strings the JSON files hold. A trainer
 * ends a run {@link #COMPLETED}, {@link #DIVERGED}, {@link #CANCELLED} or {@link #FAILED} (the
 * {@code status} of each run in {@code summary.json}); a run folder's manifest and a queue item
 * add the states around training ({@link #QUEUED}, {@link #RUNNING}, {@link #INTERRUPTED}); the
 * run store reports a folder it cannot read as {@link #DAMAGED}.
 */
public enum RunStatus {
    /** Waiting in the queue. */
    QUEUED,
    /** Training now (a manifest names the process; a dead one means it was killed). */
    RUNNING,
    /** Trained to its end. */
    COMPLETED,
    /** Stopped because the loss blew up: a result (the same preset and seed diverge again). */
    DIVERGED,
    /** Stopped by the user; what was trained is kept. */
    CANCELLED,
    /** Ended by an error (the reason says which). */
    FAILED,
    /** Stopped by a close or a kill; continues on the next start. */
    INTERRUPTED,
    /** A run folder whose files cannot be read (the run store's verdict, never written). */
    DAMAGED;

    /** The file's string: the name in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@link #id()}, so that a status prints as the files spell it. */
    @Override
    public String toString() {
        return id();
    }

    /**
     * The status of {@code id} ({@code "completed"} ...).
     *
     * @throws IllegalArgumentException an unknown id; the message lists the known ones
     */
    public static RunStatus fromId(String id) {
        for (RunStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + id + "', expected one of " + ids());
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(RunStatus::id).toList();
    }

    /** Waiting to run: queued, or interrupted and waiting to continue. */
    public boolean isPending() {
        return this == QUEUED || this == INTERRUPTED;
    }

    /** Ended for good as a queue item or run folder sees it: completed, failed or cancelled. */
    public boolean isDone() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
