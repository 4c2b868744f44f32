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
     * same-indexed row loops, see {@link RowScratch}); other p go through {@link RowGemm#lp}.
     */
    public static void forward(float[] x, float[] w, float[] y, int batch, int in, int out, float p,
                               RowScratch scratch) {
        forward(x, w, y, batch, in, out, p, scratch, Parallel.shared());
    }

    /**
     * As {@link #forward(float[], float[], float[], int, int, int, float, RowScratch)}, a large
     * layer's batch split into column chunks of whole strips over {@code par}'s threads (each
     * column is summed by one thread in the same order: the same bits with any thread count).
     */
    public static void forward(float[] x, float[] w, float[] y, int batch, int in, int out, float p,
                               RowScratch scratch, Parallel par) {
        boolean large = (long) in * out * batch >= LARGE;
        if ((p != 1f && p != 2f) || large) {
            float[] wp = new float[Panels.blockFloats(out, in)];
            Panels.packBlocks(w, 0, in, 1, out, in, wp);
            int chunks = large ? columnChunks(batch) : 1;       // a small layer (fractional p): one call
            par.run(chunks, large, (task, worker) -> {
                int b0 = chunkStart(task, chunks, batch);
                int nb = chunkStart(task + 1, chunks, batch) - b0;
                float[] xp = new float[Panels.stripFloats(in, nb)];
                Panels.packStrips(x, b0, batch, in, nb, xp);
                if (p == 1f) {
                    RowGemm.l1(wp, xp, in, in, out, nb, y, b0, batch);
                } else if (p == 2f) {
                    RowGemm.l2(wp, xp, in, in, out, nb, y, b0, batch);
                } else {
                    RowGemm.lp(wp, xp, in, in, out, nb, p, y, b0, batch);
                }
            });
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
     * that backward needs no further pow: one vectorised pow ({@link FastPow}) per element per step.
     */
    public static void forwardCached(float[] x, float[] w, float[] y, float[] pm1,
                                     int batch, int in, int out, float p) {
        DenseFractional.forward(x, w, y, pm1, batch, in, out, p);
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
        backward(x, w, pm1, dy, dw, dx, batch, in, out, p, filterRule, inputRule, scratch, Parallel.shared());
    }

    /** As {@link #backward(float[], float[], float[], float[], float[], float[], int, int, int, float, int, int, RowScratch)}, a large layer's input gradient over {@code par}'s threads. */
    public static void backward(float[] x, float[] w, float[] pm1, float[] dy, float[] dw, float[] dx,
                                int batch, int in, int out, float p, int filterRule, int inputRule,
                                RowScratch scratch, Parallel par) {
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
            backwardLarge(x, w, dy, dw, dx, batch, in, out, xr, par);
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
     * take the packed kernels ({@link #backwardLarge}, {@link RowGemm}); the toy nets keep the
     * loops above, bit for bit.
     */
    static final long LARGE = 1L << 20;

    /** Column chunks of a large layer's batch: whole strips, at most 4 (the batch of 256 in 4 x 64). */
    static int columnChunks(int batch) {
        return Math.max(1, Math.min(4, Panels.strips(batch)));
    }

    /** The first column of chunk {@code c} of {@code chunks} (c = chunks gives the batch): whole strips but the last. */
    static int chunkStart(int c, int chunks, int batch) {
        int strips = Panels.strips(batch);
        return Math.min(batch, (int) ((long) c * strips / chunks) * Simd.W);
    }

    /**
     * The full-precision backward of a large layer with the packed Vector API kernels: the filter
     * gradient {@code dW = dY X^T - W rowsum(dY)} (eq. 23) as {@link RowGemm#fmaAdd} over the batch,
     * the input gradient {@code dX[i,b] = sum_o dY[o,b] rule(W[o,i] - X[i,b])} as {@link GradGemm}
     * (rule 0 HardTanh, 1 sign, 2 difference).
     */
    private static void backwardLarge(float[] x, float[] w, float[] dy, float[] dw, float[] dx, int batch, int in,
                                      int out, int xr, Parallel par) {
        float[] g = new float[Panels.blockFloats(out, batch)];
        Panels.packBlocks(dy, 0, batch, 1, out, batch, g);
        float[] xt = new float[Panels.stripFloats(batch, in)];
        Panels.packStripsTransposed(x, 0, batch, batch, in, xt);
        float[] part = new float[out * in];
        RowGemm.fmaAdd(g, xt, batch, batch, out, in, part, 0, in);
        for (int o = 0; o < out; o++) {
            float gsum = Reductions.sum(dy, o * batch, batch);
            for (int i = 0; i < in; i++) {
                dw[o * in + i] += part[o * in + i] - w[o * in + i] * gsum;
            }
        }
        if (dx == null) {
            return;
        }
        float[] wt = new float[Panels.blockFloats(in, out)];
        Panels.packBlocks(w, 0, 1, in, in, out, wt);
        int xRows = Panels.paddedRows(in);
        // the input gradient's columns (images) in chunks of whole strips over the threads: each
        // column is summed by one thread in the same order, the same bits with any thread count
        int chunks = columnChunks(batch);
        par.run(chunks, true, (task, worker) -> {
            int b0 = chunkStart(task, chunks, batch);
            int nb = chunkStart(task + 1, chunks, batch) - b0;
            float[] gs = new float[Panels.stripFloats(out, nb)];
            Panels.packStrips(dy, b0, batch, out, nb, gs);
            float[] xs = new float[Panels.stripFloats(xRows, nb)];
            Panels.packStrips(x, b0, batch, in, xRows, nb, xs);
            switch (xr) {
                case 0 -> GradGemm.hardTanh(wt, gs, out, out, xs, xRows, in, nb, 1f, dx, b0, batch);
                case 1 -> GradGemm.sign(wt, gs, out, out, xs, xRows, in, nb, 1f, dx, b0, batch);
                default -> GradGemm.diff(wt, gs, out, out, xs, xRows, in, nb, 1f, dx, b0, batch);
            }
        });
    }

    /** Backward for fractional p from the cache of {@link #forwardCached}; same contract as {@link #backward}. */
    public static void backwardCached(float[] x, float[] w, float[] pm1, float[] dy, float[] dw, float[] dx,
                                      int batch, int in, int out, float p, int filterRule, int inputRule) {
        DenseFractional.backward(x, w, pm1, dy, dw, dx, batch, in, out, p, filterRule, inputRule);
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
