package org.addernet.app.figures;

import java.util.List;
import org.addernet.engine.train.StepMetrics;

/**
 * Where the previous chart update stopped reading one model's history, so the next one appends
 * only the steps logged since.
 *
 * <p>A history must be read again from the start ({@link #mustRestart}) when it got shorter
 * (a new run under the same label) or when the step at the old end is no longer the one seen
 * (the history was replaced by another of at least the same length).
 */
final class HistoryCursor {
    private int consumed;
    private long lastIteration = Long.MIN_VALUE;

    /** Number of steps already read. */
    int consumed() {
        return consumed;
    }

    /** Whether {@code history} does not continue what this cursor has read. */
    boolean mustRestart(List<StepMetrics> history) {
        int n = history.size();
        return n < consumed || (consumed > 0 && history.get(consumed - 1).iteration() != lastIteration);
    }

    /** Forgets everything read (the series were cleared). */
    void restart() {
        consumed = 0;
        lastIteration = Long.MIN_VALUE;
    }

    /** Marks all of {@code history} as read. */
    void advance(List<StepMetrics> history) {
        consumed = history.size();
        lastIteration = consumed == 0 ? Long.MIN_VALUE : history.get(consumed - 1).iteration();
    }
}
