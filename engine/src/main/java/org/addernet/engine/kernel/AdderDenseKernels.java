package org.addernet.engine.kernel;

/**
 * Dense adder layer kernels: {@code Y[b,o] = -sum_i |X[b,i] - W[o,i]|^p}.
 *
 * <p>Buffers: X is [B, I], W is [O, I], Y and dY are [B, O], dW is [O, I], dX is [B, I], all
 * row-major. Fast versions specialise p = 1 and p = 2 and hoist the rule dispatch out of the
 * loops; {@link #forwardNaive} and {@link #backwardNaive} are the plain twins tests compare against.
 */
public final class AdderDenseKernels {
    private AdderDenseKernels() {
    }

    /** Filter-gradient rule codes (see {@code AdderRules.FilterGradient}). */
    public static final int F_FULL = 0, F_SIGN = 1, F_EXACT = 2;
    /** Input-gradient rule codes (see {@code AdderRules.InputGradient}); AUTO is resolved by the caller. */
    public static final int X_HARDTANH = 0, X_EQ27 = 1, X_EXACT = 2;

    /** Writes Y (overwritten). */
    public static void forward(float[] x, float[] w, float[] y, int batch, int in, int out, float p) {
        if (p == 1f) {
            for (int b = 0; b < batch; b++) {
                int xo = b * in;
                int yo = b * out;
                for (int o = 0; o < out; o++) {
                    int wo = o * in;
                    float s = 0f;
                    for (int i = 0; i < in; i++) {
                        s += Math.abs(x[xo + i] - w[wo + i]);
                    }
                    y[yo + o] = -s;
                }
            }
        } else if (p == 2f) {
            for (int b = 0; b < batch; b++) {
                int xo = b * in;
                int yo = b * out;
                for (int o = 0; o < out; o++) {
                    int wo = o * in;
                    float s = 0f;
                    for (int i = 0; i < in; i++) {
                        float d = x[xo + i] - w[wo + i];
                        s += d * d;
                    }
                    y[yo + o] = -s;
                }
            }
        } else {
            forwardNaive(x, w, y, batch, in, out, p);
        }
    }

    /** Reference forward: Y[b,o] = -sum_i |X[b,i] - W[o,i]|^p with Math.pow. */
    public static void forwardNaive(float[] x, float[] w, float[] y, int batch, int in, int out, float p) {
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int i = 0; i < in; i++) {
                    s += Math.pow(Math.abs(x[b * in + i] - w[o * in + i]), p);
                }
                y[b * out + o] = (float) -s;
            }
        }
    }

    /**
     * Backward: adds {@code sum_b dY[b,o] * dF(X[b,i], W[o,i])} into dW and writes (overwrites)
     * {@code dX[b,i] = sum_o dY[b,o] * dXrule(W[o,i], X[b,i])}; dX may be null to skip it.
     */
    public static void backward(float[] x, float[] w, float[] dy, float[] dw, float[] dx,
                                int batch, int in, int out, float p, int filterRule, int inputRule) {
        boolean unitP = p == 1f;
        if (dx != null) {
            java.util.Arrays.fill(dx, 0, batch * in, 0f);
        }
        if (unitP && filterRule != F_EXACT && inputRule == X_HARDTANH) {
            // the common case of a trained L1-AdderNet: one pass, no pow
            boolean sign = filterRule == F_SIGN;
            for (int b = 0; b < batch; b++) {
                int xo = b * in;
                int yo = b * out;
                for (int o = 0; o < out; o++) {
                    float g = dy[yo + o];
                    int wo = o * in;
                    for (int i = 0; i < in; i++) {
                        float d = x[xo + i] - w[wo + i];
                        dw[wo + i] += g * (sign ? Math.signum(d) : d);
                        if (dx != null) {
                            dx[xo + i] += g * Math.max(-1f, Math.min(1f, -d));
                        }
                    }
                }
            }
            return;
        }
        backwardNaive(x, w, dy, dw, dx, batch, in, out, p, filterRule, inputRule);
    }

    /** Reference backward with every rule written out per element (see {@link #backward}). */
    public static void backwardNaive(float[] x, float[] w, float[] dy, float[] dw, float[] dx,
                                     int batch, int in, int out, float p, int filterRule, int inputRule) {
        if (dx != null) {
            java.util.Arrays.fill(dx, 0, batch * in, 0f);
        }
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                float g = dy[b * out + o];
                for (int i = 0; i < in; i++) {
                    float d = x[b * in + i] - w[o * in + i];     // X - F
                    dw[o * in + i] += g * filterGrad(d, p, filterRule);
                    if (dx != null) {
                        dx[b * in + i] += g * inputGrad(-d, p, inputRule);
                    }
                }
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

    /**
     * Forward for fractional p that also writes {@code pm1[b,o,i] = |X[b,i] - W[o,i]|^(p-1)}
     * ([B, O, I]) so that backward needs no further pow: one pow per element per step.
     */
    public static void forwardCached(float[] x, float[] w, float[] y, float[] pm1,
                                     int batch, int in, int out, float p) {
        double pm = p - 1.0;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                float s = 0f;
                int c = (b * out + o) * in;
                for (int i = 0; i < in; i++) {
                    float a = Math.abs(x[b * in + i] - w[o * in + i]);
                    float q = a == 0f ? 0f : (float) Math.exp(pm * Math.log(a));
                    pm1[c + i] = q;
                    s += a * q;
                }
                y[b * out + o] = -s;
            }
        }
    }

    /** Backward for fractional p from the cache {@link #forwardCached} wrote; same contract as {@link #backward}. */
    public static void backwardCached(float[] x, float[] w, float[] pm1, float[] dy, float[] dw, float[] dx,
                                      int batch, int in, int out, float p, int filterRule, int inputRule) {
        if (dx != null) {
            java.util.Arrays.fill(dx, 0, batch * in, 0f);
        }
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                float g = dy[b * out + o];
                int c = (b * out + o) * in;
                for (int i = 0; i < in; i++) {
                    float d = x[b * in + i] - w[o * in + i];
                    float sq = Math.signum(d) * pm1[c + i];             // sgn(X-F)|X-F|^(p-1)
                    float gf = filterRule == F_FULL ? d : filterRule == F_SIGN ? Math.signum(d) : p * sq;
                    dw[o * in + i] += g * gf;
                    if (dx != null) {
                        float gx = inputRule == X_HARDTANH ? Math.max(-1f, Math.min(1f, -d))
                                : inputRule == X_EQ27 ? -sq : -p * sq;
                        dx[b * in + i] += g * gx;
                    }
                }
            }
        }
    }

    /**
     * Forward with the filters transposed: {@code wt} is [I, O] ({@code wt[i*O + o] = W[o,i]}). The
     * inner loop runs over the O outputs, contiguous and independent, so the JIT vectorises it; the
     * layer uses this orientation when O is large enough. p = 1 and p = 2 only.
     */
    public static void forwardT(float[] x, float[] wt, float[] y, int batch, int in, int out, float p) {
        boolean l1 = p == 1f;
        if (!l1 && p != 2f) {
            throw new IllegalArgumentException("forwardT supports p = 1 or 2, got " + p);
        }
        for (int b = 0; b < batch; b++) {
            int yo = b * out;
            java.util.Arrays.fill(y, yo, yo + out, 0f);
            for (int i = 0; i < in; i++) {
                float xv = x[b * in + i];
                int wo = i * out;
                if (l1) {
                    for (int o = 0; o < out; o++) {
                        y[yo + o] -= Math.abs(xv - wt[wo + o]);
                    }
                } else {
                    for (int o = 0; o < out; o++) {
                        float d = xv - wt[wo + o];
                        y[yo + o] -= d * d;
                    }
                }
            }
        }
    }

    /**
     * Backward at p = 1 with the filters transposed ({@code wt}, {@code dwt} are [I, O]): adds the
     * filter gradient (full precision {@code X - F} or sign) into dWt and writes dX with the
     * HardTanh rule. Inner loops run over O.
     */
    public static void backwardT(float[] x, float[] wt, float[] dy, float[] dwt, float[] dx,
                                 int batch, int in, int out, boolean sign) {
        for (int b = 0; b < batch; b++) {
            int yo = b * out;
            for (int i = 0; i < in; i++) {
                float xv = x[b * in + i];
                int wo = i * out;
                float acc = 0f;
                for (int o = 0; o < out; o++) {
                    float g = dy[yo + o];
                    float d = xv - wt[wo + o];
                    dwt[wo + o] += g * (sign ? Math.signum(d) : d);
                    acc += g * Math.max(-1f, Math.min(1f, -d));
                }
                if (dx != null) {
                    dx[b * in + i] = acc;
                }
            }
        }
    }
}
