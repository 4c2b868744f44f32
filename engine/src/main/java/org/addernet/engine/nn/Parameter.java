package org.addernet.engine.nn;

import java.util.Arrays;

/**
 * A trainable array with its gradient. {@code value} and {@code grad} have the same flat,
 * row-major layout given by {@code shape}. Layers add into {@code grad}; the optimiser reads it.
 */
public final class Parameter {
    /** What a parameter is, for reporting (gradient norms, histograms) and per-kind rules. */
    public enum Kind { WEIGHT, ADDER_FILTER, BIAS, BN_SCALE, BN_SHIFT }

    private final String name;
    private final Kind kind;
    private final int[] shape;
    public final float[] value;
    public final float[] grad;
    private double rawGradNorm = Double.NaN;

    public Parameter(String name, Kind kind, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        this.name = name;
        this.kind = kind;
        this.shape = shape.clone();
        this.value = new float[n];
        this.grad = new float[n];
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return value.length;
    }

    /** True for the weights of a layer (linear weights, adder filters): the ones whose gradient norm is reported. */
    public boolean isWeight() {
        return kind == Kind.WEIGHT || kind == Kind.ADDER_FILTER;
    }

    public void zeroGrad() {
        Arrays.fill(grad, 0f);
        rawGradNorm = Double.NaN;
    }

    /**
     * Records the L2 norm of this step's gradient before a layer rescaled it (adaptive learning-rate
     * scaling, eq. 33), so reports show the gradient the paper's Table 1 measures.
     */
    void recordRawGradNorm(double norm) {
        rawGradNorm = norm;
    }

    /** L2 norm of the gradient as back-propagated, before any adaptive rescaling. */
    public double gradNorm() {
        if (!Double.isNaN(rawGradNorm)) {
            return rawGradNorm;
        }
        return l2(grad);
    }

    static double l2(float[] a) {
        double s0 = 0;
        double s1 = 0;
        int n = a.length;
        int k = 0;
        for (; k + 1 < n; k += 2) {      // two accumulators break the add latency chain
            s0 += (double) a[k] * a[k];
            s1 += (double) a[k + 1] * a[k + 1];
        }
        if (k < n) {
            s0 += (double) a[k] * a[k];
        }
        return Math.sqrt(s0 + s1);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
