package org.addernet.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import org.addernet.engine.OpCheck;
import org.junit.jupiter.api.Test;

/**
 * The packed Vector API kernels ({@link RowGemm}, {@link DotGemm}, {@link GradGemm}) against their
 * naive twins on every shape with 0-4 per dimension and on odd sizes around the vector and strip
 * widths (the tails), writing into a larger C at an offset whose border must stay untouched.
 * Surefire runs this class once with the machine's vectors and once with 256-bit ones.
 */
class GemmTwinTest {
    private static final float GUARD = 12345f;

    /** 0-4, odd sizes, and sizes around one and two vectors and strips of the species in use. */
    static int[] sizes() {
        int l = Simd.lanes();
        int w = 2 * l;
        return new int[] {0, 1, 2, 3, 4, 5, 7, 13, l - 1, l + 1, w - 1, w, w + 1, 2 * w + 3};
    }

    /** (m, k, n) triples: all of 0-4 cubed, then odd sizes in every position. */
    static List<int[]> shapes() {
        List<int[]> out = new ArrayList<>();
        for (int m = 0; m <= 4; m++) {
            for (int k = 0; k <= 4; k++) {
                for (int n = 0; n <= 4; n++) {
                    out.add(new int[] {m, k, n});
                }
            }
        }
        int[] s = sizes();
        for (int i = 0; i < s.length; i++) {
            out.add(new int[] {s[i], s[(i + 3) % s.length], s[(i + 7) % s.length]});
            out.add(new int[] {s[(i + 5) % s.length], s[i], s[(i + 2) % s.length]});
            out.add(new int[] {s[(i + 1) % s.length], s[(i + 9) % s.length], s[i]});
        }
        out.add(new int[] {16, 144, 70});
        return out;
    }

    private static String describe(int[] mkn) {
        return "m=" + mkn[0] + " k=" + mkn[1] + " n=" + mkn[2] + " (" + Simd.describe() + ")";
    }

    @Test
    void rowGemmsMatchNaive() {
        long seed = 1;
        for (int[] mkn : shapes()) {
            int m = mkn[0];
            int k = mkn[1];
            int n = mkn[2];
            seed++;
            float[] a = OpCheck.random(m * k, 2, seed);
            float[] b = OpCheck.random(k * n, 2, seed + 100);
            float[] bias = OpCheck.random(m, 1, seed + 200);
            float[] ap = new float[Panels.blockFloats(m, k)];
            int bRows = k + 2;                                      // rows past k are there and must not be read
            float[] bWide = java.util.Arrays.copyOf(b, bRows * n);
            java.util.Arrays.fill(bWide, k * n, bWide.length, Float.NaN);
            float[] bp = new float[Panels.stripFloats(bRows, n)];
            java.util.Arrays.fill(bp, Float.NaN);                   // packing must overwrite every float
            Panels.packBlocks(a, 0, k, 1, m, k, ap);
            Panels.packStrips(bWide, 0, n, bRows, n, bp);
            int ldc = n + 3;
            int off = 2;
            for (RowGemm.Op op : RowGemm.Op.values()) {
                for (float p : op == RowGemm.Op.LP ? new float[] {1.5f, 1.13f} : new float[] {1f}) {
                    float[] fast = guarded(off + m * ldc + 1);
                    float[] slow = guarded(fast.length);
                    switch (op) {
                        case FMA -> RowGemm.fma(ap, bp, bRows, k, m, n, bias, fast, off, ldc);
                        case L1 -> RowGemm.l1(ap, bp, bRows, k, m, n, fast, off, ldc);
                        case L2 -> RowGemm.l2(ap, bp, bRows, k, m, n, fast, off, ldc);
                        case LP -> RowGemm.lp(ap, bp, bRows, k, m, n, p, fast, off, ldc);
                    }
                    RowGemm.naive(op, a, b, k, m, n, p, bias, slow, off, ldc);
                    clearGaps(slow, fast, off, m, n, ldc);
                    OpCheck.assertClose("RowGemm " + op + " p=" + p, mkn, slow, fast, 1e-5 * (k + 1), 2e-6 * (k + 1));
                }
                // the null-bias form of the product
                if (op == RowGemm.Op.FMA) {
                    float[] fast = guarded(off + m * ldc + 1);
                    float[] slow = guarded(fast.length);
                    RowGemm.fma(ap, bp, bRows, k, m, n, null, fast, off, ldc);
                    RowGemm.naive(op, a, b, k, m, n, 1f, null, slow, off, ldc);
                    clearGaps(slow, fast, off, m, n, ldc);
                    OpCheck.assertClose("RowGemm FMA without bias " + describe(mkn), mkn, slow, fast,
                            1e-5 * (k + 1), 2e-6 * (k + 1));
                }
            }
        }
    }

    @Test
    void rowGemmByHand() {
        // A = [[1, 2]], B = [[3], [5]]: 1*3 + 2*5 = 13; |1-3| + |2-5| = 5; 4 + 9 = 13
        float[] ap = new float[Panels.blockFloats(1, 2)];
        float[] bp = new float[Panels.stripFloats(2, 1)];
        Panels.packBlocks(new float[] {1, 2}, 0, 2, 1, 1, 2, ap);
        Panels.packStrips(new float[] {3, 5}, 0, 1, 2, 1, bp);
        float[] c = new float[1];
        RowGemm.fma(ap, bp, 2, 2, 1, 1, new float[] {0.5f}, c, 0, 1);
        assertEquals(13.5f, c[0]);
        RowGemm.l1(ap, bp, 2, 2, 1, 1, c, 0, 1);
        assertEquals(-5f, c[0]);
        RowGemm.l2(ap, bp, 2, 2, 1, 1, c, 0, 1);
        assertEquals(-13f, c[0]);
        RowGemm.lp(ap, bp, 2, 2, 1, 1, 2f, c, 0, 1);
        assertEquals(-13f, c[0], 1e-5f);
    }

    @Test
    void inputGradientKernelsMatchNaive() {
        long seed = 7;
        for (int[] mrn : shapes()) {
            int m = mrn[0];
            int r = mrn[1];
            int n = mrn[2];
            seed++;
            float[] a = OpCheck.random(m * r, 2, seed);
            float[] g = OpCheck.random(r * n, 1, seed + 100);
            float[] x = OpCheck.random(m * n, 2, seed + 200);
            for (int t = 0; t < Math.min(m, n) && r > 0; t++) {
                x[t * n + t] = a[t * r];                            // some e = 0 exactly
            }
            float[] ap = new float[Panels.blockFloats(m, r)];
            Panels.packBlocks(a, 0, r, 1, m, r, ap);
            int gRows = r + 1;                                      // a row more than used
            float[] gWide = java.util.Arrays.copyOf(g, gRows * n);
            float[] gp = new float[Panels.stripFloats(gRows, n)];
            Panels.packStrips(gWide, 0, n, gRows, n, gp);
            int xRows = Panels.paddedRows(m);
            float[] xp = new float[Panels.stripFloats(xRows, n)];
            Panels.packStrips(java.util.Arrays.copyOf(x, xRows * n), 0, n, xRows, n, xp);
            int ldc = n + 1;
            int off = 3;
            for (GradGemm.Rule rule : GradGemm.Rule.values()) {
                for (float q : rule == GradGemm.Rule.POW ? new float[] {0.5f, 0.07f, 0.93f} : new float[] {0f}) {
                    float scale = rule == GradGemm.Rule.POW ? 1.5f : 1f;
                    float[] fast = guarded(off + m * ldc + 2);
                    float[] slow = guarded(fast.length);
                    switch (rule) {
                        case HARDTANH -> GradGemm.hardTanh(ap, gp, gRows, r, xp, xRows, m, n, scale, fast, off, ldc);
                        case SIGN -> GradGemm.sign(ap, gp, gRows, r, xp, xRows, m, n, scale, fast, off, ldc);
                        case DIFF -> GradGemm.diff(ap, gp, gRows, r, xp, xRows, m, n, scale, fast, off, ldc);
                        case POW -> GradGemm.powDiff(ap, gp, gRows, r, xp, xRows, m, n, q, scale, fast, off, ldc);
                    }
                    GradGemm.naive(rule, a, g, r, x, m, n, q, scale, slow, off, ldc);
                    clearGaps(slow, fast, off, m, n, ldc);
                    OpCheck.assertClose("GradGemm " + rule + " q=" + q + " " + describe(mrn), mrn, slow, fast,
                            1e-5 * (r + 1), 1e-5);
                }
            }
        }
    }

    @Test
    void filterGradientKernelsMatchNaive() {
        long seed = 11;
        for (int[] mtn : shapes()) {
            int m = mtn[0];
            int t = mtn[1];
            int n = mtn[2];
            seed++;
            float[] a = OpCheck.random(m * t, 1, seed);
            float[] b = OpCheck.random(t * n, 2, seed + 100);
            float[] f = OpCheck.random(m * n, 2, seed + 200);
            for (int k = 0; k < Math.min(m, n) && t > 0; k++) {
                b[k] = f[k * n + k];                                 // some d = 0 exactly
            }
            float[] ap = new float[Panels.blockFloats(m, t)];
            Panels.packBlocks(a, 0, t, 1, m, t, ap);
            float[] bp = new float[Panels.stripFloats(t, n)];
            Panels.packStrips(b, 0, n, t, n, bp);
            int fRows = Panels.paddedRows(m);
            float[] fp = new float[Panels.stripFloats(fRows, n)];
            Panels.packStrips(java.util.Arrays.copyOf(f, fRows * n), 0, n, fRows, n, fp);
            int ldc = n + 2;
            int off = 1;
            for (float q : new float[] {-1f, 0.5f, 0.21f}) {
                boolean pow = q >= 0;
                float[] start = OpCheck.random(off + m * ldc + 1, 1, seed + 300);
                float[] fast = start.clone();
                float[] slow = start.clone();
                if (pow) {
                    FilterGemm.pow(ap, bp, t, fp, fRows, m, n, q, fast, off, ldc);
                } else {
                    FilterGemm.sign(ap, bp, t, fp, fRows, m, n, fast, off, ldc);
                }
                FilterGemm.naive(pow, a, b, t, f, m, n, q, slow, off, ldc);
                for (int k = 0; k < fast.length; k++) {
                    int rel = k - off;
                    if (!(rel >= 0 && rel < m * ldc && rel % ldc < n)) {
                        assertEquals(start[k], fast[k], "float " + k + " outside C was written");
                    }
                }
                OpCheck.assertClose("FilterGemm " + (pow ? "pow q=" + q : "sign") + " " + describe(mtn), mtn, slow, fast,
                        1e-5 * (t + 1), 1e-5);
            }
        }
    }

    /**
     * The FMA product is each element's fused multiply-add chain over r in order, from the bias (or
     * from C for the accumulating form), whatever the tile it falls in (8 or 4 rows, an edge): the
     * same bits as {@code Math.fma} in a loop.
     */
    @Test
    void fmaIsTheInOrderChainBitForBit() {
        int w = 2 * Simd.lanes();
        for (int[] mkn : new int[][] {{13, 261, 2 * w + 3}, {8, 128, w}, {17, 129, w - 1}, {4, 3, 1}}) {
            int m = mkn[0];
            int k = mkn[1];
            int n = mkn[2];
            float[] a = OpCheck.random(m * k, 1, 3 + m);
            float[] b = OpCheck.random(k * n, 1, 4 + k);
            float[] bias = OpCheck.random(m, 1, 5);
            float[] ap = new float[Panels.blockFloats(m, k)];
            float[] bp = new float[Panels.stripFloats(k, n)];
            Panels.packBlocks(a, 0, k, 1, m, k, ap);
            Panels.packStrips(b, 0, n, k, n, bp);
            float[] start = OpCheck.random(m * n, 1, 6);
            float[] fast = new float[m * n];
            float[] added = start.clone();
            RowGemm.fma(ap, bp, k, k, m, n, bias, fast, 0, n);
            RowGemm.fmaAdd(ap, bp, k, k, m, n, added, 0, n);
            for (int i = 0; i < m; i++) {
                for (int q = 0; q < n; q++) {
                    float chain = bias[i];
                    float onto = start[i * n + q];
                    for (int r = 0; r < k; r++) {
                        chain = Math.fma(b[r * n + q], a[i * k + r], chain);
                        onto = Math.fma(b[r * n + q], a[i * k + r], onto);
                    }
                    assertEquals(chain, fast[i * n + q], describe(mkn) + " C[" + i + "][" + q + "]");
                    assertEquals(onto, added[i * n + q], describe(mkn) + " C += at [" + i + "][" + q + "]");
                }
            }
        }
    }

    @Test
    void fmaAddAccumulates() {
        for (int[] mkn : shapes()) {
            int m = mkn[0];
            int k = mkn[1];
            int n = mkn[2];
            float[] a = OpCheck.random(m * k, 1, m + 31L * k + 7L * n);
            float[] b = OpCheck.random(k * n, 1, 5 + m);
            float[] ap = new float[Panels.blockFloats(m, k)];
            float[] bp = new float[Panels.stripFloats(k, n)];
            Panels.packBlocks(a, 0, k, 1, m, k, ap);
            Panels.packStrips(b, 0, n, k, n, bp);
            int ldc = n + 1;
            float[] start = OpCheck.random(m * ldc + 1, 1, 99);
            float[] fast = start.clone();
            float[] slow = new float[start.length];
            RowGemm.fmaAdd(ap, bp, k, k, m, n, fast, 0, ldc);
            RowGemm.naive(RowGemm.Op.FMA, a, b, k, m, n, 1f, null, slow, 0, ldc);
            for (int t = 0; t < slow.length; t++) {
                boolean inside = t < m * ldc && t % ldc < n;
                slow[t] = inside ? slow[t] + start[t] : start[t];
            }
            OpCheck.assertClose("RowGemm fmaAdd " + describe(mkn), mkn, slow, fast, 1e-5 * (k + 2), 2e-6 * (k + 2));
        }
    }

    @Test
    void dotProductsMatchNaive() {
        long seed = 21;
        for (int[] mnl : shapes()) {
            int m = mnl[0];
            int n = mnl[1];
            int len = mnl[2];
            seed++;
            float[] a = OpCheck.random(m * len, 1, seed);
            float[] b = OpCheck.random(n * len, 2, seed + 100);
            float[] ap = new float[Panels.stripFloats(Math.max(m, 1), len)];
            float[] bp = new float[Panels.stripFloats(Math.max(n, 1), len)];
            Panels.packStrips(a, 0, len, m, len, ap);
            Panels.packStrips(b, 0, len, n, len, bp);
            int vectors = 2 * Panels.strips(len);
            float[] start = OpCheck.random(m * (n + 1) + 2, 1, seed + 200);
            float[] fast = start.clone();
            float[] slow = start.clone();
            DotGemm.fmaAdd(RowGemm.Rows.panel(ap, Math.max(m, 1), m, len), m, RowGemm.Rows.panel(bp, Math.max(n, 1), n, len),
                    n, vectors, fast, 1, n + 1);
            DotGemm.naive(a, m, b, n, len, slow, 1, n + 1);
            OpCheck.assertClose("DotGemm " + describe(mnl), mnl, slow, fast, 1e-5 * (len + 1), 1e-5);
        }
    }

    @Test
    void speciesFollowsTheProperty() {
        String bits = System.getProperty(Simd.BITS_PROPERTY);
        int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        int expected = bits == null ? preferred : Math.min(Integer.parseInt(bits), preferred);
        assertEquals(expected, Simd.bits());
        assertEquals(2 * Simd.lanes(), Simd.W);
    }

    static float[] guarded(int n) {
        float[] c = new float[n];
        java.util.Arrays.fill(c, GUARD);
        return c;
    }

    /**
     * Checks that nothing outside C's rows (the offset, the gaps past n, the end) was written,
     * by comparing those floats as they are (both arrays start at GUARD).
     */
    static void clearGaps(float[] slow, float[] fast, int off, int m, int n, int ldc) {
        for (int t = 0; t < fast.length; t++) {
            int rel = t - off;
            boolean inside = rel >= 0 && rel < m * ldc && rel % ldc < n;
            if (!inside) {
                assertEquals(GUARD, fast[t], "float " + t + " outside C was written");
            }
        }
    }
}
