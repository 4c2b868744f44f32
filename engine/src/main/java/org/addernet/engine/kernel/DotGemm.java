package org.addernet.engine.kernel;

import static org.addernet.engine.kernel.Simd.F;
import static org.addernet.engine.kernel.Simd.L;

import jdk.incubator.vector.FloatVector;

/**
 * {@code C[i][j] += sum_q A[i][q] B[j][q]} with both operands' rows read as vectors along q (the
 * product of {@link RowGemm} needs B transposed for that): the filter gradient {@code dY X^T} of a
 * layer with few input channels, whose transposed patches would cost more to build than the
 * product. A tile of 4 rows of A times 4 rows of B keeps 16 vector sums over all of q, then adds
 * each one's lanes in a fixed order ({@link Simd#sumLanes}) into C. The rows are given by
 * {@link RowGemm.Rows}: vector v (v &lt; vectors) of a row at {@code src[bases[v] + offs[row]]};
 * columns past the real ones must be zero in A. {@link #naive} is the twin.
 */
public final class DotGemm {
    private DotGemm() {
    }

    /** Adds {@code sum_q A[i][q] B[j][q]} over the {@code vectors} vectors of q into {@code C[i][j]}, i &lt; m, j &lt; n. */
    public static void fmaAdd(RowGemm.Rows a, int m, RowGemm.Rows b, int n, int vectors, float[] c, int cOff, int ldc) {
        float[] sums = new float[16 * L];
        for (int i0 = 0; i0 < m; i0 += 4) {
            for (int j0 = 0; j0 < n; j0 += 4) {
                tile(a, i0, Math.min(4, m - i0), b, j0, Math.min(4, n - j0), vectors, sums);
                for (int t = 0; t < Math.min(4, m - i0); t++) {
                    for (int u = 0; u < Math.min(4, n - j0); u++) {
                        c[cOff + (i0 + t) * ldc + j0 + u] += laneSum(sums, (t * 4 + u) * L);
                    }
                }
            }
        }
    }

    /** The lanes at {@code s[at ..]} summed pairwise in a fixed order (as {@link Simd#sumLanes}). */
    private static float laneSum(float[] s, int at) {
        int n = L;
        while (n > 1) {
            n >>= 1;
            for (int k = 0; k < n; k++) {
                s[at + k] += s[at + k + n];
            }
        }
        return s[at];
    }

    /** Sixteen vector sums of the tile into {@code out} ([4][4][L]); rows past the tile's repeat its last. */
    private static void tile(RowGemm.Rows a, int i0, int rows, RowGemm.Rows b, int j0, int cols, int vectors,
                             float[] out) {
        float[] as = a.src();
        float[] bs = b.src();
        int a0 = a.offs()[i0];
        int a1 = a.offs()[i0 + Math.min(1, rows - 1)];
        int a2 = a.offs()[i0 + Math.min(2, rows - 1)];
        int a3 = a.offs()[i0 + Math.min(3, rows - 1)];
        int b0 = b.offs()[j0];
        int b1 = b.offs()[j0 + Math.min(1, cols - 1)];
        int b2 = b.offs()[j0 + Math.min(2, cols - 1)];
        int b3 = b.offs()[j0 + Math.min(3, cols - 1)];
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c02 = c00;
        FloatVector c03 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c12 = c00;
        FloatVector c13 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c22 = c00;
        FloatVector c23 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c32 = c00;
        FloatVector c33 = c00;
        int[] ab = a.bases();
        int[] bb = b.bases();
        for (int v = 0; v < vectors; v++) {
            int ao = ab[v];
            int bo = bb[v];
            FloatVector y0 = FloatVector.fromArray(F, bs, bo + b0);
            FloatVector y1 = FloatVector.fromArray(F, bs, bo + b1);
            FloatVector y2 = FloatVector.fromArray(F, bs, bo + b2);
            FloatVector y3 = FloatVector.fromArray(F, bs, bo + b3);
            FloatVector x = FloatVector.fromArray(F, as, ao + a0);
            c00 = x.fma(y0, c00);
            c01 = x.fma(y1, c01);
            c02 = x.fma(y2, c02);
            c03 = x.fma(y3, c03);
            x = FloatVector.fromArray(F, as, ao + a1);
            c10 = x.fma(y0, c10);
            c11 = x.fma(y1, c11);
            c12 = x.fma(y2, c12);
            c13 = x.fma(y3, c13);
            x = FloatVector.fromArray(F, as, ao + a2);
            c20 = x.fma(y0, c20);
            c21 = x.fma(y1, c21);
            c22 = x.fma(y2, c22);
            c23 = x.fma(y3, c23);
            x = FloatVector.fromArray(F, as, ao + a3);
            c30 = x.fma(y0, c30);
            c31 = x.fma(y1, c31);
            c32 = x.fma(y2, c32);
            c33 = x.fma(y3, c33);
        }
        FloatVector one = FloatVector.broadcast(F, 1f);
        one.mul(c00).intoArray(out, 0);
        one.mul(c01).intoArray(out, L);
        one.mul(c02).intoArray(out, 2 * L);
        one.mul(c03).intoArray(out, 3 * L);
        one.mul(c10).intoArray(out, 4 * L);
        one.mul(c11).intoArray(out, 5 * L);
        one.mul(c12).intoArray(out, 6 * L);
        one.mul(c13).intoArray(out, 7 * L);
        one.mul(c20).intoArray(out, 8 * L);
        one.mul(c21).intoArray(out, 9 * L);
        one.mul(c22).intoArray(out, 10 * L);
        one.mul(c23).intoArray(out, 11 * L);
        one.mul(c30).intoArray(out, 12 * L);
        one.mul(c31).intoArray(out, 13 * L);
        one.mul(c32).intoArray(out, 14 * L);
        one.mul(c33).intoArray(out, 15 * L);
    }

    /** The twin, in double, from plain row-major A [m, len] and B [n, len]: {@code C[i][j] += sum_q A[i][q] B[j][q]}. */
    public static void naive(float[] a, int m, float[] b, int n, int len, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < len; q++) {
                    s += (double) a[i * len + q] * b[j * len + q];
                }
                c[cOff + i * ldc + j] += (float) s;
            }
        }
    }
}
