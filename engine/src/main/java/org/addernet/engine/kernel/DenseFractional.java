package org.addernet.engine.kernel;

import static org.addernet.engine.kernel.AdderDenseKernels.F_FULL;
import static org.addernet.engine.kernel.AdderDenseKernels.F_SIGN;
import static org.addernet.engine.kernel.AdderDenseKernels.X_EQ27;
import static org.addernet.engine.kernel.AdderDenseKernels.X_HARDTANH;
import static org.addernet.engine.kernel.Simd.ABS_BITS;
import static org.addernet.engine.kernel.Simd.F;
import static org.addernet.engine.kernel.Simd.L;
import static org.addernet.engine.kernel.Simd.ONE_BITS;
import static org.addernet.engine.kernel.Simd.SIGN_BITS;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;

/**
 * The dense adder layer at a fractional p (1 &lt; p &lt; 2), vectorised over the batch: forward
 * writes {@code Q[o,i,b] = |X[i,b] - W[o,i]|^(p-1)} ({@link FastPow}, once per element and step)
 * and {@code Y[o,b] = -sum_i |X - W| Q}; backward reads Q for every rule that needs
 * {@code |d|^(p-1)}, so no power is taken twice. Layouts as in {@link AdderDenseKernels}; Q is
 * [O, I, B] (for the toy nets at batch 128 a few thousand floats; the convolutions compute it
 * again instead, see {@link AdderConvKernels}). Each loop has its scalar tail.
 */
final class DenseFractional {
    private DenseFractional() {
    }

    /** Writes Y and Q (both overwritten). */
    static void forward(float[] x, float[] w, float[] y, float[] q, int batch, int in, int out, float p) {
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                absDiff(x, i * batch, w[o * in + i], q, (o * in + i) * batch, batch);
            }
        }
        FastPow.pow(q, 0, out * in * batch, p - 1f, false);
        for (int o = 0; o < out; o++) {
            java.util.Arrays.fill(y, o * batch, (o + 1) * batch, 0f);
            for (int i = 0; i < in; i++) {
                subtractPower(x, i * batch, w[o * in + i], q, (o * in + i) * batch, y, o * batch, batch);
            }
        }
    }

    /** {@code q[qo + b] = |x[xo + b] - wv|}. */
    private static void absDiff(float[] x, int xo, float wv, float[] q, int qo, int n) {
        int b = 0;
        for (; b + L <= n; b += L) {
            FloatVector.fromArray(F, x, xo + b).sub(wv).abs().intoArray(q, qo + b);
        }
        for (; b < n; b++) {
            q[qo + b] = Math.abs(x[xo + b] - wv);
        }
    }

    /** {@code y[yo + b] -= |x[xo + b] - wv| q[qo + b]}: {@code |d|^p = |d| |d|^(p-1)}. */
    private static void subtractPower(float[] x, int xo, float wv, float[] q, int qo, float[] y, int yo, int n) {
        int b = 0;
        for (; b + L <= n; b += L) {
            FloatVector a = FloatVector.fromArray(F, x, xo + b).sub(wv).abs();
            a.neg().fma(FloatVector.fromArray(F, q, qo + b), FloatVector.fromArray(F, y, yo + b)).intoArray(y, yo + b);
        }
        for (; b < n; b++) {
            y[yo + b] = Math.fma(-Math.abs(x[xo + b] - wv), q[qo + b], y[yo + b]);
        }
    }

    /** Backward from Q; the contract of {@link AdderDenseKernels#backward}. */
    static void backward(float[] x, float[] w, float[] q, float[] dy, float[] dw, float[] dx, int batch, int in, int out,
                         float p, int filterRule, int inputRule) {
        if (dx != null) {
            java.util.Arrays.fill(dx, 0, in * batch, 0f);
        }
        float[] lanes = new float[L];
        float fs = filterRule == F_FULL || filterRule == F_SIGN ? 1f : p;
        float xs = inputRule == X_HARDTANH || inputRule == X_EQ27 ? 1f : p;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                float wv = w[o * in + i];
                int qo = (o * in + i) * batch;
                dw[o * in + i] += fs * filterSum(filterRule, x, i * batch, wv, q, qo, dy, o * batch, batch, lanes);
                if (dx != null) {
                    if (inputRule == X_HARDTANH) {
                        addHardTanh(x, i * batch, wv, dy, o * batch, dx, batch);
                    } else {
                        addSignedPower(x, i * batch, wv, q, qo, dy, o * batch, -xs, dx, batch);
                    }
                }
            }
        }
    }

    /**
     * {@code sum_b g[b] h(d_b)}, d = X - W: h = d (full precision), sgn d (sign), or
     * {@code sgn(d) |d|^(p-1)} (exact, before the factor p); lanes summed in a fixed order.
     */
    private static float filterSum(int rule, float[] x, int xo, float wv, float[] q, int qo, float[] dy, int go, int n,
                                   float[] lanes) {
        FloatVector acc = FloatVector.zero(F);
        int b = 0;
        for (; b + L <= n; b += L) {
            FloatVector d = FloatVector.fromArray(F, x, xo + b).sub(wv);
            FloatVector g = FloatVector.fromArray(F, dy, go + b);
            FloatVector h;
            if (rule == F_FULL) {
                h = d;
            } else {
                IntVector bits = (IntVector) d.reinterpretShape(Simd.I, 0);
                IntVector nonzero = bits.and(ABS_BITS).min(1).neg();
                IntVector mag = rule == F_SIGN ? IntVector.broadcast(Simd.I, ONE_BITS)
                        : (IntVector) FloatVector.fromArray(F, q, qo + b).reinterpretShape(Simd.I, 0);
                h = (FloatVector) mag.or(bits.and(SIGN_BITS)).and(nonzero).reinterpretShape(F, 0);
            }
            acc = g.fma(h, acc);
        }
        FloatVector.broadcast(F, 1f).mul(acc).intoArray(lanes, 0);
        float s = Simd.sumLanes(lanes);
        for (; b < n; b++) {
            float d = x[xo + b] - wv;
            float h = rule == F_FULL ? d : rule == F_SIGN ? Math.signum(d) : Math.signum(d) * q[qo + b];
            s += dy[go + b] * h;
        }
        return s;
    }

    /** {@code dx[b] += g[b] HT(wv - x[b])}. */
    private static void addHardTanh(float[] x, int xo, float wv, float[] dy, int go, float[] dx, int n) {
        int b = 0;
        for (; b + L <= n; b += L) {
            IntVector e = (IntVector) FloatVector.broadcast(F, wv).sub(FloatVector.fromArray(F, x, xo + b)).reinterpretShape(Simd.I, 0);
            FloatVector h = (FloatVector) e.and(ABS_BITS).min(ONE_BITS).or(e.and(SIGN_BITS)).reinterpretShape(F, 0);
            h.fma(FloatVector.fromArray(F, dy, go + b), FloatVector.fromArray(F, dx, xo + b)).intoArray(dx, xo + b);
        }
        for (; b < n; b++) {
            dx[xo + b] += dy[go + b] * Math.max(-1f, Math.min(1f, wv - x[xo + b]));
        }
    }

    /** {@code dx[b] += scale g[b] sgn(d) q[b]} with d = X - W (so {@code -scale} gives the gradient wrt X). */
    private static void addSignedPower(float[] x, int xo, float wv, float[] q, int qo, float[] dy, int go, float scale,
                                       float[] dx, int n) {
        int b = 0;
        for (; b + L <= n; b += L) {
            IntVector bits = (IntVector) FloatVector.fromArray(F, x, xo + b).sub(wv).reinterpretShape(Simd.I, 0);
            IntVector nonzero = bits.and(ABS_BITS).min(1).neg();
            IntVector qb = (IntVector) FloatVector.fromArray(F, q, qo + b).reinterpretShape(Simd.I, 0);
            FloatVector h = ((FloatVector) qb.or(bits.and(SIGN_BITS)).and(nonzero).reinterpretShape(F, 0)).mul(scale);
            h.fma(FloatVector.fromArray(F, dy, go + b), FloatVector.fromArray(F, dx, xo + b)).intoArray(dx, xo + b);
        }
        for (; b < n; b++) {
            float d = x[xo + b] - wv;
            dx[xo + b] += dy[go + b] * (Math.signum(d) * q[qo + b] * scale);
        }
    }
}
