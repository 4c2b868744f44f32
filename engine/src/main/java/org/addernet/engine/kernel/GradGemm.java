package org.addernet.engine.kernel;

import static org.addernet.engine.kernel.Simd.ABS_BITS;
import static org.addernet.engine.kernel.Simd.F;
import static org.addernet.engine.kernel.Simd.L;
import static org.addernet.engine.kernel.Simd.MR;
import static org.addernet.engine.kernel.Simd.ONE_BITS;
import static org.addernet.engine.kernel.Simd.SIGN_BITS;
import static org.addernet.engine.kernel.Simd.W;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;

/**
 * The adder layers' input gradients as register-blocked kernels: writes (overwrites)
 * {@code C[i][q] = scale sum_r G[r][q] rule(A[i][r] - X[i][q])} for i &lt; m, q &lt; n, with A a
 * block panel [m, R] (filters, broadcast), G a strip panel of {@code gRows} rows (the output
 * gradient, R of them used) and X a strip panel of {@code xRows >= paddedRows(m)} rows (the
 * inputs); see {@link Panels}. The rules (e = F - X):
 *
 * <ul>
 *   <li>{@link #hardTanh}: {@code HT(e) = clamp(e, -1, 1)}, the paper's surrogate input gradient,
 *   as {@code copysign(min(|e|, 1), e)} on the bits (an integer min, since Java's float min also
 *   orders NaN and -0 and costs five instructions);</li>
 *   <li>{@link #sign}: {@code sgn(e)} (eq. 27 and the exact gradient at p = 1);</li>
 *   <li>{@link #diff}: {@code e} (eq. 27 at p = 2);</li>
 *   <li>{@link #powDiff}: {@code sgn(e) |e|^q} with {@link FastPow}, {@code q = p - 1} (eq. 27;
 *   times p for the exact gradient, through {@code scale}).</li>
 * </ul>
 *
 * <p>A tile of {@link Simd#MR} rows times one strip keeps its eight accumulators and the eight
 * input vectors it subtracts from in registers over all of r; the sums run over r in order.
 * {@link #naive} is the twin.
 */
public final class GradGemm {
    /** The rules, for {@link #naive}. */
    public enum Rule { HARDTANH, SIGN, DIFF, POW }

    private GradGemm() {
    }

    /** HardTanh rule. */
    public static void hardTanh(float[] a, float[] g, int gRows, int r, float[] x, int xRows, int m, int n,
                                float scale, float[] c, int cOff, int ldc) {
        run(Rule.HARDTANH, a, g, gRows, r, x, xRows, m, n, 0f, scale, c, cOff, ldc);
    }

    /** Sign rule. */
    public static void sign(float[] a, float[] g, int gRows, int r, float[] x, int xRows, int m, int n,
                            float scale, float[] c, int cOff, int ldc) {
        run(Rule.SIGN, a, g, gRows, r, x, xRows, m, n, 0f, scale, c, cOff, ldc);
    }

    /** Difference rule. */
    public static void diff(float[] a, float[] g, int gRows, int r, float[] x, int xRows, int m, int n,
                            float scale, float[] c, int cOff, int ldc) {
        run(Rule.DIFF, a, g, gRows, r, x, xRows, m, n, 0f, scale, c, cOff, ldc);
    }

    /** {@code sgn(e) |e|^q} rule. */
    public static void powDiff(float[] a, float[] g, int gRows, int r, float[] x, int xRows, int m, int n, float q,
                               float scale, float[] c, int cOff, int ldc) {
        run(Rule.POW, a, g, gRows, r, x, xRows, m, n, q, scale, c, cOff, ldc);
    }

    private static void run(Rule rule, float[] a, float[] g, int gRows, int r, float[] x, int xRows, int m, int n,
                            float q, float scale, float[] c, int cOff, int ldc) {
        float[] tile = new float[MR * W];
        float[] buf = rule == Rule.POW ? new float[MR * RowGemm.CHUNK * W] : null;
        for (int s = 0; s < Panels.strips(n); s++) {
            int q0 = s * W;
            int cols = Math.min(W, n - q0);
            int go = s * gRows * W;
            for (int blk = 0; blk < Panels.blocks(m); blk++) {
                int i0 = blk * MR;
                int rows = Math.min(MR, m - i0);
                int ao = blk * r * MR;
                int xo = (s * xRows + i0) * W;
                switch (rule) {
                    case HARDTANH -> hardTanhTile(a, ao, g, go, r, x, xo, scale, tile);
                    case SIGN -> signTile(a, ao, g, go, r, x, xo, scale, tile);
                    case DIFF -> diffTile(a, ao, g, go, r, x, xo, scale, tile);
                    case POW -> {
                        java.util.Arrays.fill(tile, 0f);
                        for (int r0 = 0; r0 < r; r0 += RowGemm.CHUNK) {
                            int kc = Math.min(RowGemm.CHUNK, r - r0);
                            differences(a, ao + r0 * MR, x, xo, kc, buf);
                            FastPow.pow(buf, 0, MR * kc * W, q, true);
                            weightedRows(buf, g, go + r0 * W, kc, tile);
                        }
                        for (int t = 0; t < MR * W; t++) {
                            tile[t] *= scale;
                        }
                    }
                }
                for (int t = 0; t < rows; t++) {
                    System.arraycopy(tile, t * W, c, cOff + (i0 + t) * ldc + q0, cols);
                }
            }
        }
    }

    private static void hardTanhTile(float[] a, int ao, float[] g, int go, int r, float[] x, int xo, float scale,
                                     float[] out) {
        FloatVector x00 = FloatVector.fromArray(F, x, xo);
        FloatVector x01 = FloatVector.fromArray(F, x, xo + L);
        FloatVector x10 = FloatVector.fromArray(F, x, xo + W);
        FloatVector x11 = FloatVector.fromArray(F, x, xo + W + L);
        FloatVector x20 = FloatVector.fromArray(F, x, xo + 2 * W);
        FloatVector x21 = FloatVector.fromArray(F, x, xo + 2 * W + L);
        FloatVector x30 = FloatVector.fromArray(F, x, xo + 3 * W);
        FloatVector x31 = FloatVector.fromArray(F, x, xo + 3 * W + L);
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int end = go + r * W;
        for (int gp = go, ap = ao; gp < end; gp += W, ap += MR) {
            FloatVector g0 = FloatVector.fromArray(F, g, gp);
            FloatVector g1 = FloatVector.fromArray(F, g, gp + L);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            FloatVector e = w.sub(x00);
            IntVector b = e.reinterpretAsInts();
            c00 = b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretAsFloats().fma(g0, c00);
            e = w.sub(x01);
            b = e.reinterpretAsInts();
            c01 = b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretAsFloats().fma(g1, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            e = w.sub(x10);
            b = e.reinterpretAsInts();
            c10 = b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretAsFloats().fma(g0, c10);
            e = w.sub(x11);
            b = e.reinterpretAsInts();
            c11 = b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretAsFloats().fma(g1, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            e = w.sub(x20);
            b = e.reinterpretAsInts();
            c20 = b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretAsFloats().fma(g0, c20);
            e = w.sub(x21);
            b = e.reinterpretAsInts();
            c21 = b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretAsFloats().fma(g1, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            e = w.sub(x30);
            b = e.reinterpretAsInts();
            c30 = b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretAsFloats().fma(g0, c30);
            e = w.sub(x31);
            b = e.reinterpretAsInts();
            c31 = b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretAsFloats().fma(g1, c31);
        }
        FloatVector.broadcast(F, scale).mul(c00).intoArray(out, 0);
        FloatVector.broadcast(F, scale).mul(c01).intoArray(out, L);
        FloatVector.broadcast(F, scale).mul(c10).intoArray(out, W);
        FloatVector.broadcast(F, scale).mul(c11).intoArray(out, W + L);
        FloatVector.broadcast(F, scale).mul(c20).intoArray(out, 2 * W);
        FloatVector.broadcast(F, scale).mul(c21).intoArray(out, 2 * W + L);
        FloatVector.broadcast(F, scale).mul(c30).intoArray(out, 3 * W);
        FloatVector.broadcast(F, scale).mul(c31).intoArray(out, 3 * W + L);
    }

    private static void signTile(float[] a, int ao, float[] g, int go, int r, float[] x, int xo, float scale,
                                 float[] out) {
        FloatVector x00 = FloatVector.fromArray(F, x, xo);
        FloatVector x01 = FloatVector.fromArray(F, x, xo + L);
        FloatVector x10 = FloatVector.fromArray(F, x, xo + W);
        FloatVector x11 = FloatVector.fromArray(F, x, xo + W + L);
        FloatVector x20 = FloatVector.fromArray(F, x, xo + 2 * W);
        FloatVector x21 = FloatVector.fromArray(F, x, xo + 2 * W + L);
        FloatVector x30 = FloatVector.fromArray(F, x, xo + 3 * W);
        FloatVector x31 = FloatVector.fromArray(F, x, xo + 3 * W + L);
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int end = go + r * W;
        for (int gp = go, ap = ao; gp < end; gp += W, ap += MR) {
            FloatVector g0 = FloatVector.fromArray(F, g, gp);
            FloatVector g1 = FloatVector.fromArray(F, g, gp + L);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            FloatVector e = w.sub(x00);
            IntVector b = e.reinterpretAsInts();
            c00 = b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretAsFloats().fma(g0, c00);
            e = w.sub(x01);
            b = e.reinterpretAsInts();
            c01 = b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretAsFloats().fma(g1, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            e = w.sub(x10);
            b = e.reinterpretAsInts();
            c10 = b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretAsFloats().fma(g0, c10);
            e = w.sub(x11);
            b = e.reinterpretAsInts();
            c11 = b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretAsFloats().fma(g1, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            e = w.sub(x20);
            b = e.reinterpretAsInts();
            c20 = b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretAsFloats().fma(g0, c20);
            e = w.sub(x21);
            b = e.reinterpretAsInts();
            c21 = b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretAsFloats().fma(g1, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            e = w.sub(x30);
            b = e.reinterpretAsInts();
            c30 = b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretAsFloats().fma(g0, c30);
            e = w.sub(x31);
            b = e.reinterpretAsInts();
            c31 = b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretAsFloats().fma(g1, c31);
        }
        FloatVector.broadcast(F, scale).mul(c00).intoArray(out, 0);
        FloatVector.broadcast(F, scale).mul(c01).intoArray(out, L);
        FloatVector.broadcast(F, scale).mul(c10).intoArray(out, W);
        FloatVector.broadcast(F, scale).mul(c11).intoArray(out, W + L);
        FloatVector.broadcast(F, scale).mul(c20).intoArray(out, 2 * W);
        FloatVector.broadcast(F, scale).mul(c21).intoArray(out, 2 * W + L);
        FloatVector.broadcast(F, scale).mul(c30).intoArray(out, 3 * W);
        FloatVector.broadcast(F, scale).mul(c31).intoArray(out, 3 * W + L);
    }

    private static void diffTile(float[] a, int ao, float[] g, int go, int r, float[] x, int xo, float scale,
                                 float[] out) {
        FloatVector x00 = FloatVector.fromArray(F, x, xo);
        FloatVector x01 = FloatVector.fromArray(F, x, xo + L);
        FloatVector x10 = FloatVector.fromArray(F, x, xo + W);
        FloatVector x11 = FloatVector.fromArray(F, x, xo + W + L);
        FloatVector x20 = FloatVector.fromArray(F, x, xo + 2 * W);
        FloatVector x21 = FloatVector.fromArray(F, x, xo + 2 * W + L);
        FloatVector x30 = FloatVector.fromArray(F, x, xo + 3 * W);
        FloatVector x31 = FloatVector.fromArray(F, x, xo + 3 * W + L);
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int end = go + r * W;
        for (int gp = go, ap = ao; gp < end; gp += W, ap += MR) {
            FloatVector g0 = FloatVector.fromArray(F, g, gp);
            FloatVector g1 = FloatVector.fromArray(F, g, gp + L);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            c00 = w.sub(x00).fma(g0, c00);
            c01 = w.sub(x01).fma(g1, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            c10 = w.sub(x10).fma(g0, c10);
            c11 = w.sub(x11).fma(g1, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            c20 = w.sub(x20).fma(g0, c20);
            c21 = w.sub(x21).fma(g1, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            c30 = w.sub(x30).fma(g0, c30);
            c31 = w.sub(x31).fma(g1, c31);
        }
        FloatVector.broadcast(F, scale).mul(c00).intoArray(out, 0);
        FloatVector.broadcast(F, scale).mul(c01).intoArray(out, L);
        FloatVector.broadcast(F, scale).mul(c10).intoArray(out, W);
        FloatVector.broadcast(F, scale).mul(c11).intoArray(out, W + L);
        FloatVector.broadcast(F, scale).mul(c20).intoArray(out, 2 * W);
        FloatVector.broadcast(F, scale).mul(c21).intoArray(out, 2 * W + L);
        FloatVector.broadcast(F, scale).mul(c30).intoArray(out, 3 * W);
        FloatVector.broadcast(F, scale).mul(c31).intoArray(out, 3 * W + L);
    }

    /** {@code buf[(t kc + r) W + j] = A[t][r] - X[t][j]} for the tile's rows t and kc steps r. */
    private static void differences(float[] a, int ao, float[] x, int xo, int kc, float[] buf) {
        for (int t = 0; t < MR; t++) {
            FloatVector x0 = FloatVector.fromArray(F, x, xo + t * W);
            FloatVector x1 = FloatVector.fromArray(F, x, xo + t * W + L);
            for (int r = 0; r < kc; r++) {
                FloatVector w = FloatVector.broadcast(F, a[ao + r * MR + t]);
                int at = (t * kc + r) * W;
                w.sub(x0).intoArray(buf, at);
                w.sub(x1).intoArray(buf, at + L);
            }
        }
    }

    /** {@code tile[t W + j] += sum_r G[r][j] buf[(t kc + r) W + j]}, r in order. */
    private static void weightedRows(float[] buf, float[] g, int go, int kc, float[] tile) {
        for (int t = 0; t < MR; t++) {
            FloatVector c0 = FloatVector.fromArray(F, tile, t * W);
            FloatVector c1 = FloatVector.fromArray(F, tile, t * W + L);
            for (int r = 0; r < kc; r++) {
                int at = (t * kc + r) * W;
                c0 = FloatVector.fromArray(F, buf, at).fma(FloatVector.fromArray(F, g, go + r * W), c0);
                c1 = FloatVector.fromArray(F, buf, at + L).fma(FloatVector.fromArray(F, g, go + r * W + L), c1);
            }
            FloatVector.broadcast(F, 1f).mul(c0).intoArray(tile, t * W);
            FloatVector.broadcast(F, 1f).mul(c1).intoArray(tile, t * W + L);
        }
    }

    /**
     * The twin, in double with Math.pow, from plain row-major A [m, R], G [R, n] and X [m, n]:
     * {@code C[i][q] = scale sum_r G[r][q] rule(A[i][r] - X[i][q])}.
     */
    public static void naive(Rule rule, float[] a, float[] g, int r, float[] x, int m, int n, float q, float scale,
                             float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int col = 0; col < n; col++) {
                double s = 0;
                for (int t = 0; t < r; t++) {
                    double e = (double) a[i * r + t] - x[i * n + col];
                    double h = switch (rule) {
                        case HARDTANH -> Math.max(-1, Math.min(1, e));
                        case SIGN -> Math.signum(e);
                        case DIFF -> e;
                        case POW -> Math.signum(e) * Math.pow(Math.abs(e), q);
                    };
                    s += g[t * n + col] * h;
                }
                c[cOff + i * ldc + col] = (float) (scale * s);
            }
        }
    }
}
