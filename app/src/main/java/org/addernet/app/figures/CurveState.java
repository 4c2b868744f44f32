package org.addernet.app.figures;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How a reader looks at curve charts, kept apart from the charts so that it survives their
 * rebuilds: the legend entries hidden (by label) and the smoothing weight. Applied to a chart by
 * {@link Curves#apply}. Not thread-safe: one thread (the FX thread once charts show) owns it.
 */
public final class CurveState {
    /** Largest smoothing weight (0.99 keeps a hundredth of each new point). */
    public static final double MAX_SMOOTHING = 0.99;

    private final Set<String> hidden = new LinkedHashSet<>();
    private double smoothing;

    /** The labels of the legend entries hidden, in the order they were hidden. */
    public Set<String> hidden() {
        return Set.copyOf(hidden);
    }

    public boolean isHidden(String label) {
        return hidden.contains(label);
    }

    /** Hides the entry {@code label} when shown, shows it when hidden; returns whether it is hidden now. */
    public boolean toggle(String label) {
        if (!hidden.remove(label)) {
            hidden.add(label);
            return true;
        }
        return false;
    }

    public void setHidden(String label, boolean hide) {
        if (hide) {
            hidden.add(label);
        } else {
            hidden.remove(label);
        }
    }

    /** The exponential-moving-average weight, 0 (raw curves) to {@link #MAX_SMOOTHING}. */
    public double smoothing() {
        return smoothing;
    }

    public void setSmoothing(double weight) {
        if (!(weight >= 0 && weight <= MAX_SMOOTHING)) {
            throw new IllegalArgumentException("smoothing must lie in [0, " + MAX_SMOOTHING + "], got " + weight);
        }
        smoothing = weight;
    }
}
