package org.addernet.engine.kernel;

import java.util.Arrays;

/**
 * Dense adder layer kernels: {@code Y[o,b] = -sum_i |X[i,b] - W[o,i]|^p} (eq. 2, eq. 26).
 *
 * <p>Buffers (feature-major): X is [I, B], W is [O, I], Y and dY are [O, B], dW is [O, I], dX is
 * [I, B], the cache of {@link #forwardCached} is [O, I, B]; all row-major. The fast versions
 * run every inner loop over the batch and specialise p = 1 and p = 2 and the common gradient
 * rules; {@link #forwardNaive} and {@link #backwardNaive} are the plain twins tests compare
 * against, written per output element with {@code Math.pow}.
 */
public final class AdderDenseKernels {
    private AdderDenseKernels() {
    }

    /** Filter-gradient rule codes (see {@code AdderRules.FilterGradient}). */
    public static final int F_FULL = 0, F_SIGN = 1, F_EXACT = 2;
    /** Input-gradient rule codes (see {@code AdderRules.InputGradient}); AUTO is resolved by the caller. */
    public static final int X_HARDTANH = 0, X_EQ27 = 1, X_EXACT = 2;

    /**
     * Writes Y (overwritten). p = 1 and p = 2 are specialised (with {@code scratch} for the
     * same-indexed row loops, see {@link RowScratch}); other p go through Math.pow.
     */
    public static void forward(float[] x, float[] w, float[] y, int batch, int in, int out, float p,
                               RowScratch scratch) {
        if (p != 1f && p != 2f) {
            forwardNaive(x, w, y, batch, in, out, p);
            return;
        }
        float[][] rows = scratch.rows(in + 1, batch);
        RowScratch.split(x, in, batch, rows);
        float[] acc = rows[in];
        for (int o = 0; o < out; o++) {
            java.util.Arrays.fill(acc, 0f);
            for (int i = 0; i < in; i++) {
                float wv = w[o * in + i];
                float[] xr = rows[i];
                if (p == 1f) {
                    for (int b = 0; b < batch; b++) {
                        acc[b] -= Math.abs(xr[b] - wv);
                    }
                } else {
                    for (int b = 0; b < batch; b++) {
                        float d = xr[b] - wv;
                        acc[b] -= d * d;
                    }
                }
            }
            System.arraycopy(acc, 0, y, o * batch, batch);
        }
    }

    /** Reference forward: Y[o,b] = -sum_i |X[i,b] - W[o,i]|^p with Math.pow, in double. */
    public static void forwardNaive(float[] x, float[] w, float[] y, int batch, int in, int out, float p) {
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int i = 0; i < in; i++) {
                    s += Math.pow(Math.abs(x[i * batch + b] - w[o * in + i]), p);
                }
                y[o * batch + b] = (float) -s;
            }
        }
    }

    /**
     * Forward for fractional p that also writes {@code pm1[o,i,b] = |X[i,b] - W[o,i]|^(p-1)} so
     * that backward needs no further pow: one pow per element per step.
     */
    public static void forwardCached(float[] x, float[] w, float[] y, float[] pm1,
                                     int batch, int in, int out, float p) {
        double pm = p - 1.0;
        for (int o = 0; o < out; o++) {
            int yo = o * batch;
            Arrays.fill(y, yo, yo + batch, 0f);
            for (int i = 0; i < in; i++) {
                float wv = w[o * in + i];
                int xo = i * batch;
                int c = (o * in + i) * batch;
                for (int b = 0; b < batch; b++) {
                    float a = Math.abs(x[xo + b] - wv);
                    float q = a == 0f ? 0f : (float) Math.exp(pm * Math.log(a));
                    pm1[c + b] = q;
                    y[yo + b] -= a * q;
                }
            }
        }
    }

    /**
     * Backward: adds {@code sum_b dY[o,b] dF(X[i,b], W[o,i])} into dW and writes (overwrites)
     * {@code dX[i,b] = sum_o dY[o,b] dXrule(W[o,i], X[i,b])}; dX may be null to skip it.
     * {@code pm1} is the cache {@link #forwardCached} wrote for this p, or null; rules that need
     * {@code |X - F|^(p-1)} at a p other than 1 or 2 without it fall back to the naive twin.
     */
    public static void backward(float[] x, float[] w, float[] pm1, float[] dy, float[] dw, float[] dx,
                                int batch, int in, int out, float p, int filterRule, int inputRule,
                                RowScratch scratch) {
        boolean cheapFilter = filterRule != F_EXACT || p == 1f;
        boolean cheapInput = inputRule == X_HARDTANH || p == 1f || (p == 2f && inputRule == X_EQ27);
        if (!cheapFilter || !cheapInput) {
            if (pm1 != null) {
                backwardCached(x, w, pm1, dy, dw, dx, batch, in, out, p, filterRule, inputRule);
            } else {
                backwardNaive(x, w, dy, dw, dx, batch, in, out, p, filterRule, inputRule);
            }
            return;
        }
        boolean sign = filterRule != F_FULL;              // SIGN, or EXACT at p = 1
        // at p = 1 both EQ27 and EXACT are sgn(F - X); HardTanh clamps; EQ27 at p = 2 is F - X
        int xr = inputRule == X_HARDTANH ? 0 : p == 1f ? 1 : 2;
        if (!sign && (long) in * out * batch >= LARGE) {
            backwardLarge(x, w, dy, dw, dx, batch, in, out, xr, scratch);
            return;
        }
        float[][] rows = scratch.rows(2 * in + 1, batch);   // x rows, dx rows, one dy row
        RowScratch.split(x, in, batch, rows);
        float[] g = rows[2 * in];
        if (dx != null) {
            for (int i = 0; i < in; i++) {
                Arrays.fill(rows[in + i], 0f);
            }
        }
        for (int o = 0; o < out; o++) {
            System.arraycopy(dy, o * batch, g, 0, batch);
            float gsum = sign ? 0f : Reductions.sum(g, 0, batch);
            for (int i = 0; i < in; i++) {
                float wv = w[o * in + i];
                float[] xi = rows[i];
                if (sign) {
                    float acc = 0f;
                    for (int b = 0; b < batch; b++) {
                        acc += g[b] * Math.signum(xi[b] - wv);
                    }
                    dw[o * in + i] += acc;
                } else {
                    // sum_b g (x - w) = sum_b g x - w sum_b g: the full-precision gradient, eq. 23
                    dw[o * in + i] += Reductions.dot(g, 0, xi, 0, batch) - wv * gsum;
                }
                if (dx != null) {
                    inputGradRow(rows[in + i], xi, g, wv, xr, batch);
                }
            }
        }
        if (dx != null) {
            for (int i = 0; i < in; i++) {
                System.arraycopy(rows[in + i], 0, dx, i * batch, batch);
            }
        }
    }

    /**
     * {@code dxi[b] += g[b] rule(wv - xi[b])} for one input feature and one output unit: rule 0 is
     * HardTanh, computed as {@code (|e + 1| - |e - 1|) / 2} (abs vectorises, a clamp does not),
     * 1 the sign, 2 the difference.
     */
    private static void inputGradRow(float[] dxi, float[] xi, float[] g, float wv, int xr, int batch) {
        if (xr == 0) {
            for (int b = 0; b < batch; b++) {
                float e = wv - xi[b];
                dxi[b] += g[b] * 0.5f * (Math.abs(e + 1f) - Math.abs(e - 1f));
            }
        } else if (xr == 1) {
            for (int b = 0; b < batch; b++) {
                dxi[b] += g[b] * Math.signum(wv - xi[b]);
            }
        } else {
            for (int b = 0; b < batch; b++) {
                dxi[b] += g[b] * (wv - xi[b]);
            }
        }
    }

    /**
     * Layers at least this big ({@code in * out * batch}, e.g. LeNet's 400-120 layer at batch 256)
     * take {@link #backwardLarge}; the toy nets keep the single-threaded loops above, bit for bit.
     */
    static final long LARGE = 1L << 20;

    /**
     * The full-precision backward of a large layer, multi-threaded: the filter gradient
     * {@code dW[o,:] = sum_b dY[o,b] X[:,b] - W[o,:] sum_b dY[o,b]} (eq. 23) as rows of axpys over
     * the transposed input (same-indexed, so they vectorise, where a dot product over the batch
     * would not), split over output units; the input gradient split over input features, each
     * summing over the output units in order (the same order, so the same bits, as the loop above).
     */
    private static void backwardLarge(float[] x, float[] w, float[] dy, float[] dw, float[] dx, int batch, int in,
                                      int out, int xr, RowScratch scratch) {
        Parallel par = Parallel.shared();
        float[][] rows = scratch.rows(2 * in + out, batch);     // x rows, dx rows, dy rows
        RowScratch.split(x, in, batch, rows);
        for (int o = 0; o < out; o++) {
            System.arraycopy(dy, o * batch, rows[2 * in + o], 0, batch);
        }
        float[][] xt = scratch.transposed(batch + par.workers(), in);   // X^T rows, then one accumulator per worker
        for (int b = 0; b < batch; b++) {
            float[] r = xt[b];
            for (int i = 0; i < in; i++) {
                r[i] = x[i * batch + b];
            }
        }
        int tasks = Math.min(out, 4 * par.workers());
        par.run(tasks, true, (task, worker) -> {
            float[] acc = xt[batch + worker];
            for (int o = task * out / tasks; o < (task + 1) * out / tasks; o++) {
                float[] g = rows[2 * in + o];
                java.util.Arrays.fill(acc, 0f);
                int b = 0;
                for (; b + 3 < batch; b += 4) {
                    RowLoops.axpy4(acc, xt[b], xt[b + 1], xt[b + 2], xt[b + 3], g[b], g[b + 1], g[b + 2], g[b + 3], 0, in);
                }
                for (; b < batch; b++) {
                    RowLoops.axpy1(acc, xt[b], g[b], 0, in);
                }
                float gsum = Reductions.sum(g, 0, batch);
                int wo = o * in;
                for (int i = 0; i < in; i++) {
                    dw[wo + i] += acc[i] - w[wo + i] * gsum;
                }
            }
        });
        if (dx == null) {
            return;
        }
        int itasks = Math.min(in, 4 * par.workers());
        par.run(itasks, true, (task, worker) -> {
            for (int i = task * in / itasks; i < (task + 1) * in / itasks; i++) {
                float[] xi = rows[i];
                float[] dxi = rows[in + i];
                Arrays.fill(dxi, 0f);
                for (int o = 0; o < out; o++) {
                    inputGradRow(dxi, xi, rows[2 * in + o], w[o * in + i], xr, batch);
                }
                System.arraycopy(dxi, 0, dx, i * batch, batch);
            }
        });
    }

    /** Backward for fractional p from the cache of {@link #forwardCached}; same contract as {@link #backward}. */
    public static void backwardCached(float[] x, float[] w, float[] pm1, float[] dy, float[] dw, float[] dx,
                                      int batch, int in, int out, float p, int filterRule, int inputRule) {
        if (dx != null) {
            Arrays.fill(dx, 0, in * batch, 0f);
        }
        for (int o = 0; o < out; o++) {
            int yo = o * batch;
            for (int i = 0; i < in; i++) {
                float wv = w[o * in + i];
                int xo = i * batch;
                int c = (o * in + i) * batch;
                float acc = 0f;
                for (int b = 0; b < batch; b++) {
                    float g = dy[yo + b];
                    float d = x[xo + b] - wv;
                    float sq = Math.signum(d) * pm1[c + b];             // sgn(X-F)|X-F|^(p-1)
                    acc += g * (filterRule == F_FULL ? d : filterRule == F_SIGN ? Math.signum(d) : p * sq);
                    if (dx != null) {
                        float gx = inputRule == X_HARDTANH ? Math.max(-1f, Math.min(1f, -d))
                                : inputRule == X_EQ27 ? -sq : -p * sq;
                        dx[xo + b] += g * gx;
                    }
                }
                dw[o * in + i] += acc;
            }
        }
    }

    /** Reference backward with every rule written out per element (see {@link #backward}). */
    public static void backwardNaive(float[] x, float[] w, float[] dy, float[] dw, float[] dx,
                                     int batch, int in, int out, float p, int filterRule, int inputRule) {
        if (dx != null) {
            Arrays.fill(dx, 0, in * batch, 0f);
        }
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double acc = 0;
                for (int b = 0; b < batch; b++) {
                    float g = dy[o * batch + b];
                    float d = x[i * batch + b] - w[o * in + i];     // X - F
                    acc += g * filterGrad(d, p, filterRule);
                    if (dx != null) {
                        dx[i * batch + b] += g * inputGrad(-d, p, inputRule);
                    }
                }
                dw[o * in + i] += (float) acc;
            }
        }
    }

    /** dY/dF for one element given d = X - F. */
    public static float filterGrad(float d, float p, int rule) {
        switch (rule) {
            case F_FULL:
                return d;
            case F_SIGN:
                return Math.signum(d);
            case F_EXACT:
                return p == 1f ? Math.signum(d) : (float) (p * Math.signum(d) * Math.pow(Math.abs(d), p - 1));
            default:
                throw new IllegalArgumentException("unknown filter rule " + rule);
        }
    }

    /** dY/dX for one element given e = F - X. */
    public static float inputGrad(float e, float p, int rule) {
        switch (rule) {
            case X_HARDTANH:
                return Math.max(-1f, Math.min(1f, e));
            case X_EQ27:
                return p == 1f ? Math.signum(e) : (float) (Math.signum(e) * Math.pow(Math.abs(e), p - 1));
            case X_EXACT:
                return p == 1f ? Math.signum(e) : (float) (p * Math.signum(e) * Math.pow(Math.abs(e), p - 1));
            default:
                throw new IllegalArgumentException("unknown input rule " + rule);
        }
    }
}
