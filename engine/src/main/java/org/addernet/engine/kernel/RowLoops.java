package org.addernet.engine.kernel;

/**
 * The inner loops of the conv kernels, each over {@code k in [from, to)} with one index on every
 * array so that HotSpot's C2 (Java 17) vectorises it (see {@link RowScratch}). Measured on this
 * JIT: a body that reads more than four rows, or sums its terms as a tree such as
 * {@code (a + b) + (c + d)} around {@code Math.abs}, stays scalar when the method is compiled on
 * its own (about 4x slower), so every loop reads at most four rows and adds its terms into one
 * running value, left to right. Float sums are evaluated exactly in the order written.
 */
final class RowLoops {
    private RowLoops() {
    }

    /** {@code acc[k] += w0 a0[k] + w1 a1[k] + w2 a2[k] + w3 a3[k]}, added left to right. */
    static void axpy4(float[] acc, float[] a0, float[] a1, float[] a2, float[] a3,
                      float w0, float w1, float w2, float w3, int from, int to) {
        for (int k = from; k < to; k++) {
            float s = acc[k];
            s += w0 * a0[k];
            s += w1 * a1[k];
            s += w2 * a2[k];
            s += w3 * a3[k];
            acc[k] = s;
        }
    }

    /** {@code acc[k] += w0 a0[k]}. */
    static void axpy1(float[] acc, float[] a0, float w0, int from, int to) {
        for (int k = from; k < to; k++) {
            acc[k] += w0 * a0[k];
        }
    }

    /** L1 adder taps: {@code acc[k] -= |a0[k] - w0| + ... + |a3[k] - w3|}, subtracted left to right. */
    static void l1x4(float[] acc, float[] a0, float[] a1, float[] a2, float[] a3,
                     float w0, float w1, float w2, float w3, int from, int to) {
        for (int k = from; k < to; k++) {
            float s = acc[k];
            s -= Math.abs(a0[k] - w0);
            s -= Math.abs(a1[k] - w1);
            s -= Math.abs(a2[k] - w2);
            s -= Math.abs(a3[k] - w3);
            acc[k] = s;
        }
    }

    /** {@code acc[k] -= |a0[k] - w0|}. */
    static void l1x1(float[] acc, float[] a0, float w0, int from, int to) {
        for (int k = from; k < to; k++) {
            acc[k] -= Math.abs(a0[k] - w0);
        }
    }

    /** L2 adder taps: {@code acc[k] -= (a0[k] - w0)^2 + (a1[k] - w1)^2}. */
    static void l2x2(float[] acc, float[] a0, float[] a1, float w0, float w1, int from, int to) {
        for (int k = from; k < to; k++) {
            float d0 = a0[k] - w0;
            float d1 = a1[k] - w1;
            acc[k] -= d0 * d0 + d1 * d1;
        }
    }

    /** {@code acc[k] -= (a0[k] - w0)^2}. */
    static void l2x1(float[] acc, float[] a0, float w0, int from, int to) {
        for (int k = from; k < to; k++) {
            float d0 = a0[k] - w0;
            acc[k] -= d0 * d0;
        }
    }

    /** Any p (scalar): {@code acc[k] -= |a0[k] - w0|^p}. */
    static void lpx1(float[] acc, float[] a0, float w0, double p, int from, int to) {
        for (int k = from; k < to; k++) {
            acc[k] -= pow(Math.abs(a0[k] - w0), p);
        }
    }

    /**
     * Twice the HardTanh input gradient of two filters (the caller halves):
     * {@code acc[k] += g0[k] (|f0 + 1 - c[k]| - |f0 - 1 - c[k]|) + g1[k] (...f1...)}, since
     * {@code HT(e) = (|e + 1| - |e - 1|) / 2}; abs vectorises, a clamp does not.
     */
    static void hardTanh2(float[] acc, float[] c, float[] g0, float[] g1, float f0, float f1, int from, int to) {
        float p0 = f0 + 1f;
        float m0 = f0 - 1f;
        float p1 = f1 + 1f;
        float m1 = f1 - 1f;
        for (int k = from; k < to; k++) {
            float v = c[k];
            float s = acc[k];
            s += g0[k] * (Math.abs(p0 - v) - Math.abs(m0 - v));
            s += g1[k] * (Math.abs(p1 - v) - Math.abs(m1 - v));
            acc[k] = s;
        }
    }

    /** Three filters of {@link #hardTanh2} per pass (four input rows: about 20% faster than two). */
    static void hardTanh3(float[] acc, float[] c, float[] g0, float[] g1, float[] g2, float f0, float f1, float f2,
                          int from, int to) {
        float p0 = f0 + 1f;
        float m0 = f0 - 1f;
        float p1 = f1 + 1f;
        float m1 = f1 - 1f;
        float p2 = f2 + 1f;
        float m2 = f2 - 1f;
        for (int k = from; k < to; k++) {
            float v = c[k];
            float s = acc[k];
            s += g0[k] * (Math.abs(p0 - v) - Math.abs(m0 - v));
            s += g1[k] * (Math.abs(p1 - v) - Math.abs(m1 - v));
            s += g2[k] * (Math.abs(p2 - v) - Math.abs(m2 - v));
            acc[k] = s;
        }
    }

    /** One filter of {@link #hardTanh2}. */
    static void hardTanh1(float[] acc, float[] c, float[] g0, float f0, int from, int to) {
        float p0 = f0 + 1f;
        float m0 = f0 - 1f;
        for (int k = from; k < to; k++) {
            float v = c[k];
            acc[k] += g0[k] * (Math.abs(p0 - v) - Math.abs(m0 - v));
        }
    }

    /** {@code acc[k] += g0[k] (f0 - c[k]) + g1[k] (f1 - c[k])}: eq. 27 at p = 2. */
    static void diff2(float[] acc, float[] c, float[] g0, float[] g1, float f0, float f1, int from, int to) {
        for (int k = from; k < to; k++) {
            float v = c[k];
            float s = acc[k];
            s += g0[k] * (f0 - v);
            s += g1[k] * (f1 - v);
            acc[k] = s;
        }
    }

    /** {@code acc[k] += g0[k] (f0 - c[k])}. */
    static void diff1(float[] acc, float[] c, float[] g0, float f0, int from, int to) {
        for (int k = from; k < to; k++) {
            acc[k] += g0[k] * (f0 - c[k]);
        }
    }

    /** {@code acc[k] += g0[k] sgn(f0 - c[k])}: eq. 27 at p = 1. */
    static void sign1(float[] acc, float[] c, float[] g0, float f0, int from, int to) {
        for (int k = from; k < to; k++) {
            acc[k] += g0[k] * sign(f0 - c[k]);
        }
    }

    /** {@code acc[k] += g0[k] sgn(e) |e|^pm1} with {@code e = f0 - c[k]} (scalar pow). */
    static void powDiff1(float[] acc, float[] c, float[] g0, float f0, double pm1, int from, int to) {
        for (int k = from; k < to; k++) {
            float e = f0 - c[k];
            acc[k] += g0[k] * Math.signum(e) * pow(Math.abs(e), pm1);
        }
    }

    /** Filter side, sign rule (eq. 22): {@code acc[k] += g sgn(c[k] - f[k])}. */
    static void signRow(float[] acc, float[] c, float[] f, float g, int from, int to) {
        for (int k = from; k < to; k++) {
            acc[k] += g * sign(c[k] - f[k]);
        }
    }

    /** Filter side, any p: {@code acc[k] += g sgn(d) |d|^pm1} with {@code d = c[k] - f[k]} (scalar pow). */
    static void powRow(float[] acc, float[] c, float[] f, float g, double pm1, int from, int to) {
        for (int k = from; k < to; k++) {
            float d = c[k] - f[k];
            acc[k] += g * Math.signum(d) * pow(Math.abs(d), pm1);
        }
    }

    /**
     * Branch-free sgn(e) that vectorises: {@code e / (|e| + MIN_VALUE)} is exactly -1, 0 or 1
     * for |e| &gt;= 2^-124 and 0 (Math.signum branches, which random signs mispredict).
     */
    static float sign(float e) {
        return e / (Math.abs(e) + Float.MIN_VALUE);
    }

    /** {@code a^e} for a &gt;= 0, e &gt; 0, with {@code 0^e = 0}. */
    static float pow(float a, double e) {
        return (float) Math.pow(a, e);
    }
}
