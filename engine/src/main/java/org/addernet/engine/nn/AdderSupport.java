package org.addernet.engine.nn;

import java.util.Arrays;
import org.addernet.engine.kernel.AdderDenseKernels;

/**
 * What every adder layer shares: the kernel codes of its {@link AdderRules} (AUTO resolved for the
 * current p) and the adaptive learning-rate scaling of eq. 33, applied to the filter gradient of
 * each backward before it is added to the parameter's gradient (so before momentum and weight
 * decay act, as in the official code), with the raw norm recorded for reports.
 */
final class AdderSupport {
    private final AdderRules rules;
    private final Parameter weight;
    private final int filterRule;
    private float[] scratch = new float[0];

    AdderSupport(AdderRules rules, Parameter weight) {
        this.rules = rules;
        this.weight = weight;
        this.filterRule = switch (rules.filterGradient()) {
            case FULL_PRECISION -> AdderDenseKernels.F_FULL;
            case SIGN -> AdderDenseKernels.F_SIGN;
            case EXACT -> AdderDenseKernels.F_EXACT;
        };
    }

    static float checkedP(double p) {
        if (!(p >= 1 && p <= 2)) {
            throw new IllegalArgumentException("p must lie in [1, 2], got " + p);
        }
        return (float) p;
    }

    int filterRule() {
        return filterRule;
    }

    /** The input-gradient code at {@code p}: AUTO is HardTanh at p = 1 and eq. 27 above. */
    int inputRule(float p) {
        return switch (rules.inputGradient()) {
            case HARDTANH -> AdderDenseKernels.X_HARDTANH;
            case EQ27 -> AdderDenseKernels.X_EQ27;
            case EXACT -> AdderDenseKernels.X_EXACT;
            case AUTO -> p == 1f ? AdderDenseKernels.X_HARDTANH : AdderDenseKernels.X_EQ27;
        };
    }

    /**
     * Where backward accumulates this step's filter gradient: the parameter's own gradient, or a
     * zeroed scratch buffer when adaptive scaling is on (then call {@link #finish}).
     */
    float[] gradientTarget() {
        if (rules.eta() <= 0) {
            return weight.grad;
        }
        if (scratch.length != weight.grad.length) {
            scratch = new float[weight.grad.length];
        }
        Arrays.fill(scratch, 0f);
        return scratch;
    }

    /** Adds {@code eta sqrt(k) g / ||g||_2} (eq. 33) of the scratch gradient; nothing to do without scaling. */
    void finish(float[] local) {
        float[] g = weight.grad;
        if (local == g) {
            return;
        }
        double norm = Parameter.l2(local);
        weight.recordRawGradNorm(norm);
        float scale = norm > 1e-12 ? (float) (rules.eta() * Math.sqrt(local.length) / norm) : 0f;
        for (int k = 0; k < g.length; k++) {
            g[k] += scale * local[k];
        }
    }
}
