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
 * The adder layers' filter gradients other than the full-precision one (which is the product
 * {@code dY X^T - F rowsum(dY)}, {@link RowGemm#fmaAdd}): adds
 * {@code C[i][j] += sum_t A[i][t] rule(B[t][j] - Fm[i][j])} for i &lt; m, j &lt; n, with A a block
 * panel [m, T] (the output gradient, broadcast), B a strip panel [T, n] (the transposed inputs)
 * and Fm a strip panel of {@code fRows >= paddedRows(m)} rows (the filters, [m, n]); rules with
 * d = X - F:
 *
 * <ul>
 *   <li>{@link #sign}: {@code sgn(d)}, eq. 22 (the exact gradient at p = 1);</li>
 *   <li>{@link #pow}: {@code sgn(d) |d|^q} with {@link FastPow}, the exact gradient over p when
 *   {@code q = p - 1}.</li>
 * </ul>
 *
 * {@link #naive} is the twin.
 */
public final class FilterGemm {
    private FilterGemm() {
    }

    /** Sign rule (eq. 22). */
    public static void sign(float[] a, float[] b, int t, float[] f, int fRows, int m, int n, float[] c, int cOff,
                            int ldc) {
        run(false, a, b, t, f, fRows, m, n, 0f, c, cOff, ldc);
    }

    /** {@code sgn(d) |d|^q} rule. */
    public static void pow(float[] a, float[] b, int t, float[] f, int fRows, int m, int n, float q, float[] c,
                           int cOff, int ldc) {
        run(true, a, b, t, f, fRows, m, n, q, c, cOff, ldc);
    }

    private static void run(boolean pow, float[] a, float[] b, int t, float[] f, int fRows, int m, int n, float q,
                            float[] c, int cOff, int ldc) {
        float[] tile = new float[MR * W];
        float[] buf = pow ? new float[MR * RowGemm.CHUNK * W] : null;
        for (int s = 0; s < Panels.strips(n); s++) {
            int j0 = s * W;
            int cols = Math.min(W, n - j0);
            for (int blk = 0; blk < Panels.blocks(m); blk++) {
                int i0 = blk * MR;
                int rows = Math.min(MR, m - i0);
                int ao = blk * t * MR;
                int bo = s * t * W;
                int fo = (s * fRows + i0) * W;
                if (pow) {
                    powTile(a, ao, b, bo, t, f, fo, q, buf, tile);
                } else {
                    signTile(a, ao, b, bo, t, f, fo, tile);
                }
                for (int r = 0; r < rows; r++) {
                    int at = cOff + (i0 + r) * ldc + j0;
                    for (int j = 0; j < cols; j++) {
                        c[at + j] += tile[r * W + j];
                    }
                }
            }
        }
    }

    private static void signTile(float[] a, int ao, float[] b, int bo, int t, float[] f, int fo, float[] out) {
        FloatVector f00 = FloatVector.fromArray(F, f, fo);
        FloatVector f01 = FloatVector.fromArray(F, f, fo + L);
        FloatVector f10 = FloatVector.fromArray(F, f, fo + W);
        FloatVector f11 = FloatVector.fromArray(F, f, fo + W + L);
        FloatVector f20 = FloatVector.fromArray(F, f, fo + 2 * W);
        FloatVector f21 = FloatVector.fromArray(F, f, fo + 2 * W + L);
        FloatVector f30 = FloatVector.fromArray(F, f, fo + 3 * W);
        FloatVector f31 = FloatVector.fromArray(F, f, fo + 3 * W + L);
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int end = bo + t * W;
        for (int bp = bo, ap = ao; bp < end; bp += W, ap += MR) {
            FloatVector x0 = FloatVector.fromArray(F, b, bp);
            FloatVector x1 = FloatVector.fromArray(F, b, bp + L);
            FloatVector g = FloatVector.broadcast(F, a[ap]);
            FloatVector d = x0.sub(f00);
            IntVector bits = (IntVector) d.reinterpretShape(Simd.I, 0);
            c00 = ((FloatVector) bits.and(SIGN_BITS).or(bits.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(g, c00);
            d = x1.sub(f01);
            bits = (IntVector) d.reinterpretShape(Simd.I, 0);
            c01 = ((FloatVector) bits.and(SIGN_BITS).or(bits.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(g, c01);
            g = FloatVector.broadcast(F, a[ap + 1]);
            d = x0.sub(f10);
            bits = (IntVector) d.reinterpretShape(Simd.I, 0);
            c10 = ((FloatVector) bits.and(SIGN_BITS).or(bits.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(g, c10);
            d = x1.sub(f11);
            bits = (IntVector) d.reinterpretShape(Simd.I, 0);
            c11 = ((FloatVector) bits.and(SIGN_BITS).or(bits.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(g, c11);
            g = FloatVector.broadcast(F, a[ap + 2]);
            d = x0.sub(f20);
            bits = (IntVector) d.reinterpretShape(Simd.I, 0);
            c20 = ((FloatVector) bits.and(SIGN_BITS).or(bits.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(g, c20);
            d = x1.sub(f21);
            bits = (IntVector) d.reinterpretShape(Simd.I, 0);
            c21 = ((FloatVector) bits.and(SIGN_BITS).or(bits.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(g, c21);
            g = FloatVector.broadcast(F, a[ap + 3]);
            d = x0.sub(f30);
            bits = (IntVector) d.reinterpretShape(Simd.I, 0);
            c30 = ((FloatVector) bits.and(SIGN_BITS).or(bits.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(g, c30);
            d = x1.sub(f31);
            bits = (IntVector) d.reinterpretShape(Simd.I, 0);
            c31 = ((FloatVector) bits.and(SIGN_BITS).or(bits.and(ABS_BITS).min(1).neg().and(ONE_BITS)).reinterpretShape(F, 0)).fma(g, c31);
        }
        FloatVector.broadcast(F, 1f).mul(c00).intoArray(out, 0);
        FloatVector.broadcast(F, 1f).mul(c01).intoArray(out, L);
        FloatVector.broadcast(F, 1f).mul(c10).intoArray(out, W);
        FloatVector.broadcast(F, 1f).mul(c11).intoArray(out, W + L);
        FloatVector.broadcast(F, 1f).mul(c20).intoArray(out, 2 * W);
        FloatVector.broadcast(F, 1f).mul(c21).intoArray(out, 2 * W + L);
        FloatVector.broadcast(F, 1f).mul(c30).intoArray(out, 3 * W);
        FloatVector.broadcast(F, 1f).mul(c31).intoArray(out, 3 * W + L);
    }

    /**
     * The pow rule's tile into {@code tile} ([MR][W]): differences of {@link RowGemm#CHUNK} steps
     * of t in {@code buf}, raised in place (signed) by {@link FastPow}, summed against A in order of
     * t. One method, compiled on its own (see {@code RowGemm.lpTile}).
     */
    private static void powTile(float[] a, int ao, float[] b, int bo, int t, float[] f, int fo, float q, float[] buf,
                                float[] tile) {
        java.util.Arrays.fill(tile, 0f);
        for (int t0 = 0; t0 < t; t0 += RowGemm.CHUNK) {
            int kc = Math.min(RowGemm.CHUNK, t - t0);
            // buf[(r kc + u) W + j] = B[t0 + u][j] - Fm[r][j]
            for (int r = 0; r < MR; r++) {
                FloatVector f0 = FloatVector.fromArray(F, f, fo + r * W);
                FloatVector f1 = FloatVector.fromArray(F, f, fo + r * W + L);
                for (int u = 0; u < kc; u++) {
                    int at = (r * kc + u) * W;
                    int src = bo + (t0 + u) * W;
                    FloatVector.fromArray(F, b, src).sub(f0).intoArray(buf, at);
                    FloatVector.fromArray(F, b, src + L).sub(f1).intoArray(buf, at + L);
                }
            }
            FastPow.pow(buf, 0, MR * kc * W, q, true);
            // tile[r W + j] += sum_u A[r][t0 + u] buf[(r kc + u) W + j], u in order
            for (int r = 0; r < MR; r++) {
                FloatVector c0 = FloatVector.fromArray(F, tile, r * W);
                FloatVector c1 = FloatVector.fromArray(F, tile, r * W + L);
                for (int u = 0; u < kc; u++) {
                    int at = (r * kc + u) * W;
                    FloatVector g = FloatVector.broadcast(F, a[ao + (t0 + u) * MR + r]);
                    c0 = FloatVector.fromArray(F, buf, at).fma(g, c0);
                    c1 = FloatVector.fromArray(F, buf, at + L).fma(g, c1);
                }
                FloatVector.broadcast(F, 1f).mul(c0).intoArray(tile, r * W);
                FloatVector.broadcast(F, 1f).mul(c1).intoArray(tile, r * W + L);
            }
        }
    }

    /**
     * The twin, in double with Math.pow, from plain row-major A [m, T], B [T, n] and Fm [m, n]:
     * {@code C[i][j] += sum_t A[i][t] h(B[t][j] - Fm[i][j])}, h = sgn (pow false) or {@code sgn |.|^q}.
     */
    public static void naive(boolean pow, float[] a, float[] b, int t, float[] f, int m, int n, float q, float[] c,
                             int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < t; k++) {
                    double d = (double) b[k * n + j] - f[i * n + j];
                    s += a[i * t + k] * (pow ? Math.signum(d) * Math.pow(Math.abs(d), q) : Math.signum(d));
                }
                c[cOff + i * ldc + j] += (float) s;
            }
        }
    }
}
