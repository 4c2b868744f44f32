package org.addernet.app.runner;

import java.util.List;
import org.addernet.engine.train.RunStatus;

/**
 * What a {@link Runner} wrote into its folder's {@code summary.json}: every run of the request
 * in plan order ({@link Summary} for a toy or epoch run, {@link SweepSummary} for a sweep).
 */
public interface RunSummary {
    /** The preset's name. */
    String preset();

    /** Every run, in plan order (DESIGN.md's {@code runs} list). */
    List<RunRecord> runs();

    /** Runs that did not complete (diverged, failed, cancelled or never started). */
    default long incomplete() {
        return runs().stream().filter(r -> r.status() != RunStatus.COMPLETED).count();
    }
}
