package org.addernet.app.figures;

import java.util.List;
import java.util.Objects;
import org.addernet.engine.train.StepMetrics;

/**
 * One model's logged training history, as the curve charts consume it.
 *
 * <p>{@code history} is in iteration order and only grows while a run goes on; it is kept as
 * given, not copied, so that charts can read a long history on every update without copying it.
 * Pass an immutable snapshot, or a list that only the FX thread appends to.
 *
 * @param label   the model's name on the chart, e.g. {@code "AdderNet n=3"}
 * @param history the logged steps, oldest first
 */
public record ModelCurves(String label, List<StepMetrics> history) {
    public ModelCurves {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(history, "history");
    }
}
