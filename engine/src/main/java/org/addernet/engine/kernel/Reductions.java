package org.addernet.engine.kernel;

/**
 * Sums over contiguous float runs with four independent accumulators, which breaks the add
 * latency chain (the JIT keeps float reductions in order otherwise) and pipelines well.
 */
public final class Reductions {
    private Reductions() {
    }

    /** {@code sum_k a[from + k]}, k in [0, n). */
    public static float sum(float[] a, int from, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[from + k];
            s1 += a[from + k + 1];
            s2 += a[from + k + 2];
            s3 += a[from + k + 3];
        }
        for (; k < n; k++) {
            s0 += a[from + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code sum_k a[ao + k] * b[bo + k]}, k in [0, n). */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[ao + k] * b[bo + k];
            s1 += a[ao + k + 1] * b[bo + k + 1];
            s2 += a[ao + k + 2] * b[bo + k + 2];
            s3 += a[ao + k + 3] * b[bo + k + 3];
        }
        for (; k < n; k++) {
            s0 += a[ao + k] * b[bo + k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
