package org.addernet.engine.kernel;

/**
 * Fully-connected kernels: {@code Y[o,b] = sum_i W[o,i] X[i,b] + bias[o]}.
 *
 * <p>Buffers (feature-major): X is [I, B], W is [O, I], bias is [O] (may be null), Y and dY are
 * [O, B], dW is [O, I], dbias is [O], dX is [I, B], all row-major.
 */
public final class LinearKernels {
    private LinearKernels() {
    }

    /** Layers at least this big ({@code in * out * batch}) take the packed Vector API products of {@link RowGemm}. */
    static final long LARGE = 1L << 18;

    /**
     * Writes Y (overwritten): for large layers {@link RowGemm#fma}, otherwise one same-indexed
     * axpy over the batch per (o, i), see {@link RowScratch}.
     */
    public static void forward(float[] x, float[] w, float[] bias, float[] y, int batch, int in, int out,
                               RowScratch scratch) {
        if ((long) in * out * batch >= LARGE) {
            float[] wp = new float[Panels.blockFloats(out, in)];
            float[] xp = new float[Panels.stripFloats(in, batch)];
            Panels.packBlocks(w, 0, in, 1, out, in, wp);
            Panels.packStrips(x, 0, batch, in, batch, xp);
            RowGemm.fma(wp, xp, in, in, out, batch, bias, y, 0, batch);
            return;
        }
        float[][] rows = scratch.rows(in + 1, batch);
        RowScratch.split(x, in, batch, rows);
        float[] acc = rows[in];
        for (int o = 0; o < out; o++) {
            java.util.Arrays.fill(acc, bias == null ? 0f : bias[o]);
            for (int i = 0; i < in; i++) {
                float wv = w[o * in + i];
                float[] xr = rows[i];
                for (int b = 0; b < batch; b++) {
                    acc[b] += wv * xr[b];
                }
            }
            System.arraycopy(acc, 0, y, o * batch, batch);
        }
    }

    /** Reference forward in double precision, one output element at a time. */
    public static void forwardNaive(float[] x, float[] w, float[] bias, float[] y, int batch, int in, int out) {
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                double s = bias == null ? 0 : bias[o];
                for (int i = 0; i < in; i++) {
                    s += (double) w[o * in + i] * x[i * batch + b];
                }
                y[o * batch + b] = (float) s;
            }
        }
    }

    /**
     * Adds {@code dY X^T} into dW and the row sums of dY into dbias (when non-null); writes
     * (overwrites) {@code dX = W^T dY} when dX is non-null.
     */
    public static void backward(float[] x, float[] w, float[] dy, float[] dw, float[] dbias, float[] dx,
                                int batch, int in, int out, RowScratch scratch) {
        if ((long) in * out * batch >= LARGE) {
            backwardLarge(x, w, dy, dw, dbias, dx, batch, in, out);
            return;
        }
        for (int o = 0; o < out; o++) {
            int yo = o * batch;
            if (dbias != null) {
                dbias[o] += Reductions.sum(dy, yo, batch);
            }
            for (int i = 0; i < in; i++) {
                dw[o * in + i] += Reductions.dot(dy, yo, x, i * batch, batch);
            }
        }
        if (dx != null) {
            float[][] rows = scratch.rows(out + 1, batch);
            RowScratch.split(dy, out, batch, rows);
            float[] acc = rows[out];
            for (int i = 0; i < in; i++) {
                java.util.Arrays.fill(acc, 0f);
                for (int o = 0; o < out; o++) {
                    float wv = w[o * in + i];
                    float[] g = rows[o];
                    for (int b = 0; b < batch; b++) {
                        acc[b] += wv * g[b];
                    }
                }
                System.arraycopy(acc, 0, dx, i * batch, batch);
            }
        }
    }

    /** {@code dW += dY X^T} ({@link RowGemm#fmaAdd} over the batch), dbias, and {@code dX = W^T dY} ({@link RowGemm#fma}). */
    private static void backwardLarge(float[] x, float[] w, float[] dy, float[] dw, float[] dbias, float[] dx,
                                      int batch, int in, int out) {
        float[] g = new float[Panels.blockFloats(out, batch)];
        Panels.packBlocks(dy, 0, batch, 1, out, batch, g);
        float[] xt = new float[Panels.stripFloats(batch, in)];
        Panels.packStripsTransposed(x, 0, batch, batch, in, xt);
        RowGemm.fmaAdd(g, xt, batch, batch, out, in, dw, 0, in);
        if (dbias != null) {
            for (int o = 0; o < out; o++) {
                dbias[o] += Reductions.sum(dy, o * batch, batch);
            }
        }
        if (dx != null) {
            float[] wt = new float[Panels.blockFloats(in, out)];
            Panels.packBlocks(w, 0, 1, in, in, out, wt);
            float[] gs = new float[Panels.stripFloats(out, batch)];
            Panels.packStrips(dy, 0, batch, out, batch, gs);
            RowGemm.fma(wt, gs, out, out, in, batch, null, dx, 0, batch);
        }
    }

    /** Reference backward in double precision (same contract as {@link #backward}). */
    public static void backwardNaive(float[] x, float[] w, float[] dy, float[] dw, float[] dbias, float[] dx,
                                     int batch, int in, int out) {
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double s = 0;
                for (int b = 0; b < batch; b++) {
                    s += (double) dy[o * batch + b] * x[i * batch + b];
                }
                dw[o * in + i] += (float) s;
            }
            if (dbias != null) {
                double s = 0;
                for (int b = 0; b < batch; b++) {
                    s += dy[o * batch + b];
                }
                dbias[o] += (float) s;
            }
        }
        if (dx != null) {
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < in; i++) {
                    double s = 0;
                    for (int o = 0; o < out; o++) {
                        s += (double) dy[o * batch + b] * w[o * in + i];
                    }
                    dx[i * batch + b] = (float) s;
                }
            }
        }
    }
}
