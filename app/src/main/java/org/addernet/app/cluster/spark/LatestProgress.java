package org.addernet.app.cluster.spark;

import org.addernet.app.cluster.ProgressNote;
import org.apache.spark.util.AccumulatorV2;

/**
 * A task's latest progress note. Running tasks' accumulator values ride on the executors'
 * heartbeats to the driver, where {@link ProgressRelay} reads them; merging keeps the newer note.
 */
final class LatestProgress extends AccumulatorV2<ProgressNote, ProgressNote> {
    private static final long serialVersionUID = 1L;

    private ProgressNote latest;

    @Override
    public boolean isZero() {
        return latest == null;
    }

    @Override
    public AccumulatorV2<ProgressNote, ProgressNote> copy() {
        LatestProgress c = new LatestProgress();
        c.latest = latest;
        return c;
    }

    @Override
    public void reset() {
        latest = null;
    }

    @Override
    public void add(ProgressNote note) {
        if (latest == null || note.millis() >= latest.millis()) {
            latest = note;
        }
    }

    @Override
    public void merge(AccumulatorV2<ProgressNote, ProgressNote> other) {
        ProgressNote o = other.value();
        if (o != null) {
            add(o);
        }
    }

    @Override
    public ProgressNote value() {
        return latest;
    }
}
