package org.addernet.engine.kernel;

/**
 * Fully-connected kernels: {@code Y[b,o] = sum_i X[b,i] W[o,i] + bias[o]}.
 *
 * <p>Buffers: X is [B, I], W is [O, I], bias is [O] (may be null), Y and dY are [B, O], dW is
 * [O, I], dbias is [O], dX is [B, I], all row-major.
 */
public final class LinearKernels {
    private LinearKernels() {
    }

    /** Writes Y (overwritten). The inner loop is a contiguous dot product. */
    public static void forward(float[] x, float[] w, float[] bias, float[] y, int batch, int in, int out) {
        for (int b = 0; b < batch; b++) {
            int xo = b * in;
            for (int o = 0; o < out; o++) {
                int wo = o * in;
                float s = bias == null ? 0f : bias[o];
                for (int i = 0; i < in; i++) {
                    s += x[xo + i] * w[wo + i];
                }
                y[b * out + o] = s;
            }
        }
    }

    /** Reference forward in double precision, loop order b, o, i. */
    public static void forwardNaive(float[] x, float[] w, float[] bias, float[] y, int batch, int in, int out) {
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                double s = bias == null ? 0 : bias[o];
                for (int i = 0; i < in; i++) {
                    s += (double) x[b * in + i] * w[o * in + i];
                }
                y[b * out + o] = (float) s;
            }
        }
    }

    /**
     * Adds {@code dY^T X} into dW and the column sums of dY into dbias (when non-null); writes
     * (overwrites) {@code dX = dY W} when dX is non-null.
     */
    public static void backward(float[] x, float[] w, float[] dy, float[] dw, float[] dbias, float[] dx,
                                int batch, int in, int out) {
        if (dx != null) {
            java.util.Arrays.fill(dx, 0, batch * in, 0f);
        }
        for (int b = 0; b < batch; b++) {
            int xo = b * in;
            for (int o = 0; o < out; o++) {
                float g = dy[b * out + o];
                if (dbias != null) {
                    dbias[o] += g;
                }
                int wo = o * in;
                for (int i = 0; i < in; i++) {
                    dw[wo + i] += g * x[xo + i];
                }
                if (dx != null) {
                    for (int i = 0; i < in; i++) {
                        dx[xo + i] += g * w[wo + i];
                    }
                }
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
                    s += (double) dy[b * out + o] * x[b * in + i];
                }
                dw[o * in + i] += (float) s;
            }
            if (dbias != null) {
                double s = 0;
                for (int b = 0; b < batch; b++) {
                    s += dy[b * out + o];
                }
                dbias[o] += (float) s;
            }
        }
        if (dx != null) {
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < in; i++) {
                    double s = 0;
                    for (int o = 0; o < out; o++) {
                        s += (double) dy[b * out + o] * w[o * in + i];
                    }
                    dx[b * in + i] = (float) s;
                }
            }
        }
    }
}
