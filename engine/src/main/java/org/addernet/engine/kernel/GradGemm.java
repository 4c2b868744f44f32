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

    /**
     * Where X's rows lie: vector v of strip s of row i is {@code src[bases[2 s + v] + i rowStride]},
     * or {@code src[bases[2 s + v] + rowOffs[i]]} when rowOffs is not null ({@link Simd#L} floats;
     * the rows of a tile past m are read at row m - 1).
     */
    public record Inputs(float[] src, int[] bases, int rowStride, int[] rowOffs) {
        public Inputs(float[] src, int[] bases, int rowStride) {
            this(src, bases, rowStride, null);
        }

        /** A strip panel of {@code rows} rows per strip, n columns. */
        public static Inputs panel(float[] panel, int rows, int n) {
            int[] bases = new int[2 * Panels.strips(n)];
            for (int s = 0; s < Panels.strips(n); s++) {
                bases[2 * s] = s * rows * W;
                bases[2 * s + 1] = s * rows * W + L;
            }
            return new Inputs(panel, bases, W);
        }

        /** The rows of {@code rows} (the patches of a convolution read from its images) as inputs. */
        public static Inputs of(RowGemm.Rows rows) {
            return new Inputs(rows.src(), rows.bases(), 0, rows.offs());
        }
    }

    private static void run(Rule rule, float[] a, float[] g, int gRows, int r, float[] x, int xRows, int m, int n,
                            float q, float scale, float[] c, int cOff, int ldc) {
        run(rule, a, RowGemm.Rows.panel(g, gRows, r, n), r, Inputs.panel(x, xRows, n), m, n, q, scale, c, cOff, ldc);
    }

    /**
     * {@code C[i][q] = scale sum_r G[r][q] rule(A[i][r] - X[i][q])} with G and X given by where their
     * rows lie (the convolutions read them from the images); {@code q} is the exponent of the pow rule.
     */
    public static void run(Rule rule, float[] a, RowGemm.Rows g, int r, Inputs x, int m, int n, float q, float scale,
                           float[] c, int cOff, int ldc) {
        float[] tile = new float[MR * W];
        float[] buf = rule == Rule.POW ? new float[MR * RowGemm.CHUNK * W] : null;
        float[] gs = g.src();
        int[] goffs = g.offs();
        float[] xs = x.src();
        int stride = x.rowStride();
        int[] rowOffs = x.rowOffs();
        int[] rowAt = new int[MR];
        for (int s = 0; s < Panels.strips(n); s++) {
            int q0 = s * W;
            int cols = Math.min(W, n - q0);
            int g0 = g.bases()[2 * s];
            int g1 = g.bases()[2 * s + 1];
            int xb0 = x.bases()[2 * s];
            int xb1 = x.bases()[2 * s + 1];
            for (int blk = 0; blk < Panels.blocks(m); blk++) {
                int i0 = blk * MR;
                int rows = Math.min(MR, m - i0);
                int ao = blk * r * MR;
                for (int t = 0; t < MR; t++) {                // the rows of a tile past m read row m - 1
                    int row = i0 + Math.min(t, rows - 1);
                    rowAt[t] = rowOffs == null ? row * stride : rowOffs[row];
                }
                boolean whole = rows == MR && cols == W && rule != Rule.POW;
                float[] out = whole ? c : tile;
                int oo = whole ? cOff + i0 * ldc + q0 : 0;
                int ld = whole ? ldc : W;
                switch (rule) {
                    case HARDTANH -> hardTanhTile(a, ao, gs, g0, g1, goffs, r, xs, xb0, xb1, rowAt[0], rowAt[1], rowAt[2],
                            rowAt[3], scale, out, oo, ld);
                    case SIGN -> signTile(a, ao, gs, g0, g1, goffs, r, xs, xb0, xb1, rowAt[0], rowAt[1], rowAt[2], rowAt[3],
                            scale, out, oo, ld);
                    case DIFF -> diffTile(a, ao, gs, g0, g1, goffs, r, xs, xb0, xb1, rowAt[0], rowAt[1], rowAt[2], rowAt[3],
                            scale, out, oo, ld);
                    case POW -> powTile(a, ao, gs, g0, g1, goffs, r, xs, xb0, xb1, rowAt, q, scale, buf, tile);
                }
                if (!whole) {
                    for (int t = 0; t < rows; t++) {
                        System.arraycopy(tile, t * W, c, cOff + (i0 + t) * ldc + q0, cols);
                    }
                }
            }
        }
    }

    private static void hardTanhTile(float[] a, int ao, float[] g, int g0, int g1, int[] goffs, int r, float[] x, int xb0,
                                     int xb1, int o0, int o1, int o2, int o3, float scale, float[] out, int oo, int ld) {
        FloatVector x00 = FloatVector.fromArray(F, x, xb0 + o0);
        FloatVector x01 = FloatVector.fromArray(F, x, xb1 + o0);
        FloatVector x10 = FloatVector.fromArray(F, x, xb0 + o1);
        FloatVector x11 = FloatVector.fromArray(F, x, xb1 + o1);
        FloatVector x20 = FloatVector.fromArray(F, x, xb0 + o2);
        FloatVector x21 = FloatVector.fromArray(F, x, xb1 + o2);
        FloatVector x30 = FloatVector.fromArray(F, x, xb0 + o3);
        FloatVector x31 = FloatVector.fromArray(F, x, xb1 + o3);
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        for (int t = 0, ap = ao; t < r; t++, ap += MR) {
            int off = goffs[t];
            FloatVector gv0 = FloatVector.fromArray(F, g, g0 + off);
            FloatVector gv1 = FloatVector.fromArray(F, g, g1 + off);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            FloatVector e = w.sub(x00);
            IntVector b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c00 = ((FloatVector) b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretShape(F, 0)).fma(gv0, c00);
            e = w.sub(x01);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c01 = ((FloatVector) b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretShape(F, 0)).fma(gv1, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            e = w.sub(x10);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c10 = ((FloatVector) b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretShape(F, 0)).fma(gv0, c10);
            e = w.sub(x11);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c11 = ((FloatVector) b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretShape(F, 0)).fma(gv1, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            e = w.sub(x20);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c20 = ((FloatVector) b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretShape(F, 0)).fma(gv0, c20);
            e = w.sub(x21);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c21 = ((FloatVector) b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretShape(F, 0)).fma(gv1, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            e = w.sub(x30);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c30 = ((FloatVector) b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretShape(F, 0)).fma(gv0, c30);
            e = w.sub(x31);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c31 = ((FloatVector) b.and(ABS_BITS).min(ONE_BITS).or(b.and(SIGN_BITS)).reinterpretShape(F, 0)).fma(gv1, c31);
        }
        FloatVector.broadcast(F, scale).mul(c00).intoArray(out, oo);
        FloatVector.broadcast(F, scale).mul(c01).intoArray(out, oo + L);
        FloatVector.broadcast(F, scale).mul(c10).intoArray(out, oo + ld);
        FloatVector.broadcast(F, scale).mul(c11).intoArray(out, oo + ld + L);
        FloatVector.broadcast(F, scale).mul(c20).intoArray(out, oo + 2 * ld);
        FloatVector.broadcast(F, scale).mul(c21).intoArray(out, oo + 2 * ld + L);
        FloatVector.broadcast(F, scale).mul(c30).intoArray(out, oo + 3 * ld);
        FloatVector.broadcast(F, scale).mul(c31).intoArray(out, oo + 3 * ld + L);
    }

    private static void signTile(float[] a, int ao, float[] g, int g0, int g1, int[] goffs, int r, float[] x, int xb0,
                                     int xb1, int o0, int o1, int o2, int o3, float scale, float[] out, int oo, int ld) {
        FloatVector x00 = FloatVector.fromArray(F, x, xb0 + o0);
        FloatVector x01 = FloatVector.fromArray(F, x, xb1 + o0);
        FloatVector x10 = FloatVector.fromArray(F, x, xb0 + o1);
        FloatVector x11 = FloatVector.fromArray(F, x, xb1 + o1);
        FloatVector x20 = FloatVector.fromArray(F, x, xb0 + o2);
        FloatVector x21 = FloatVector.fromArray(F, x, xb1 + o2);
        FloatVector x30 = FloatVector.fromArray(F, x, xb0 + o3);
        FloatVector x31 = FloatVector.fromArray(F, x, xb1 + o3);
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        for (int t = 0, ap = ao; t < r; t++, ap += MR) {
            int off = goffs[t];
            FloatVector gv0 = FloatVector.fromArray(F, g, g0 + off);
            FloatVector gv1 = FloatVector.fromArray(F, g, g1 + off);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            FloatVector e = w.sub(x00);
            IntVector b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c00 = ((FloatVector) b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(gv0, c00);
            e = w.sub(x01);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c01 = ((FloatVector) b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(gv1, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            e = w.sub(x10);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c10 = ((FloatVector) b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(gv0, c10);
            e = w.sub(x11);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c11 = ((FloatVector) b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(gv1, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            e = w.sub(x20);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c20 = ((FloatVector) b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(gv0, c20);
            e = w.sub(x21);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c21 = ((FloatVector) b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(gv1, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            e = w.sub(x30);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c30 = ((FloatVector) b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(gv0, c30);
            e = w.sub(x31);
            b = (IntVector) e.reinterpretShape(Simd.I, 0);
            c31 = ((FloatVector) b.and(SIGN_BITS).or(b.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(gv1, c31);
        }
        FloatVector.broadcast(F, scale).mul(c00).intoArray(out, oo);
        FloatVector.broadcast(F, scale).mul(c01).intoArray(out, oo + L);
        FloatVector.broadcast(F, scale).mul(c10).intoArray(out, oo + ld);
        FloatVector.broadcast(F, scale).mul(c11).intoArray(out, oo + ld + L);
        FloatVector.broadcast(F, scale).mul(c20).intoArray(out, oo + 2 * ld);
        FloatVector.broadcast(F, scale).mul(c21).intoArray(out, oo + 2 * ld + L);
        FloatVector.broadcast(F, scale).mul(c30).intoArray(out, oo + 3 * ld);
        FloatVector.broadcast(F, scale).mul(c31).intoArray(out, oo + 3 * ld + L);
    }

    private static void diffTile(float[] a, int ao, float[] g, int g0, int g1, int[] goffs, int r, float[] x, int xb0,
                                     int xb1, int o0, int o1, int o2, int o3, float scale, float[] out, int oo, int ld) {
        FloatVector x00 = FloatVector.fromArray(F, x, xb0 + o0);
        FloatVector x01 = FloatVector.fromArray(F, x, xb1 + o0);
        FloatVector x10 = FloatVector.fromArray(F, x, xb0 + o1);
        FloatVector x11 = FloatVector.fromArray(F, x, xb1 + o1);
        FloatVector x20 = FloatVector.fromArray(F, x, xb0 + o2);
        FloatVector x21 = FloatVector.fromArray(F, x, xb1 + o2);
        FloatVector x30 = FloatVector.fromArray(F, x, xb0 + o3);
        FloatVector x31 = FloatVector.fromArray(F, x, xb1 + o3);
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        for (int t = 0, ap = ao; t < r; t++, ap += MR) {
            int off = goffs[t];
            FloatVector gv0 = FloatVector.fromArray(F, g, g0 + off);
            FloatVector gv1 = FloatVector.fromArray(F, g, g1 + off);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            c00 = w.sub(x00).fma(gv0, c00);
            c01 = w.sub(x01).fma(gv1, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            c10 = w.sub(x10).fma(gv0, c10);
            c11 = w.sub(x11).fma(gv1, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            c20 = w.sub(x20).fma(gv0, c20);
            c21 = w.sub(x21).fma(gv1, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            c30 = w.sub(x30).fma(gv0, c30);
            c31 = w.sub(x31).fma(gv1, c31);
        }
        FloatVector.broadcast(F, scale).mul(c00).intoArray(out, oo);
        FloatVector.broadcast(F, scale).mul(c01).intoArray(out, oo + L);
        FloatVector.broadcast(F, scale).mul(c10).intoArray(out, oo + ld);
        FloatVector.broadcast(F, scale).mul(c11).intoArray(out, oo + ld + L);
        FloatVector.broadcast(F, scale).mul(c20).intoArray(out, oo + 2 * ld);
        FloatVector.broadcast(F, scale).mul(c21).intoArray(out, oo + 2 * ld + L);
        FloatVector.broadcast(F, scale).mul(c30).intoArray(out, oo + 3 * ld);
        FloatVector.broadcast(F, scale).mul(c31).intoArray(out, oo + 3 * ld + L);
    }

    /**
     * The pow rule's tile into {@code tile} ([MR][W]): the differences of {@link RowGemm#CHUNK}
     * steps of r go to {@code buf}, {@link FastPow} raises them in place (signed), and they are
     * summed against G in order of r. One method, compiled on its own (see {@code RowGemm.lpTile}).
     */
    private static void powTile(float[] a, int ao, float[] g, int g0, int g1, int[] goffs, int r, float[] x, int xb0,
                                int xb1, int[] rowAt, float q, float scale, float[] buf, float[] tile) {
        java.util.Arrays.fill(tile, 0f);
        for (int r0 = 0; r0 < r; r0 += RowGemm.CHUNK) {
            int kc = Math.min(RowGemm.CHUNK, r - r0);
            // buf[(t kc + u) W + j] = A[t][r0 + u] - X[t][j]
            for (int t = 0; t < MR; t++) {
                FloatVector xv0 = FloatVector.fromArray(F, x, xb0 + rowAt[t]);
                FloatVector xv1 = FloatVector.fromArray(F, x, xb1 + rowAt[t]);
                for (int u = 0; u < kc; u++) {
                    FloatVector w = FloatVector.broadcast(F, a[ao + (r0 + u) * MR + t]);
                    int at = (t * kc + u) * W;
                    w.sub(xv0).intoArray(buf, at);
                    w.sub(xv1).intoArray(buf, at + L);
                }
            }
            FastPow.pow(buf, 0, MR * kc * W, q, true);
            // tile[t W + j] += sum_u G[r0 + u][j] buf[(t kc + u) W + j], u in order
            for (int t = 0; t < MR; t++) {
                FloatVector c0 = FloatVector.fromArray(F, tile, t * W);
                FloatVector c1 = FloatVector.fromArray(F, tile, t * W + L);
                for (int u = 0; u < kc; u++) {
                    int at = (t * kc + u) * W;
                    int off = goffs[r0 + u];
                    c0 = FloatVector.fromArray(F, buf, at).fma(FloatVector.fromArray(F, g, g0 + off), c0);
                    c1 = FloatVector.fromArray(F, buf, at + L).fma(FloatVector.fromArray(F, g, g1 + off), c1);
                }
                FloatVector.broadcast(F, 1f).mul(c0).intoArray(tile, t * W);
                FloatVector.broadcast(F, 1f).mul(c1).intoArray(tile, t * W + L);
            }
        }
        for (int t = 0; t < MR * W; t++) {
            tile[t] *= scale;
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
