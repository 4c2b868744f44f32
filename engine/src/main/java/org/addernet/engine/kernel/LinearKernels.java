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

    /** Writes Y (overwritten): one same-indexed axpy over the batch per (o, i), see {@link RowScratch}. */
    public static void forward(float[] x, float[] w, float[] bias, float[] y, int batch, int in, int out,
                               RowScratch scratch) {
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
