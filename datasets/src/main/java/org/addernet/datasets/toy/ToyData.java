package org.addernet.datasets.toy;

import java.util.Objects;
import org.addernet.engine.data.DataSet;

/**
 * A generated toy set: the spec it came from (provenance), the train and test parts (features
 * [size, 2], labels 0/1) and the half-width {@code extent = L} of a square [-L, L]^2 that frames
 * every point of both parts with a margin, for decision-boundary plots.
 *
 * @param spec   the spec that produced the data
 * @param train  the training part, non-empty
 * @param test   the held-out part, non-empty
 * @param extent the half-width L of the plotting square; positive
 */
public record ToyData(ToySpec spec, DataSet train, DataSet test, double extent) {

    /** Checks that nothing is missing and the extent is positive. */
    public ToyData {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (!(extent > 0) || Double.isInfinite(extent)) {
            throw new IllegalArgumentException("extent must be positive and finite, got " + extent);
        }
    }
}
