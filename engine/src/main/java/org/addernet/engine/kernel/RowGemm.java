package org.addernet.engine.kernel;

import static org.addernet.engine.kernel.Simd.F;
import static org.addernet.engine.kernel.Simd.L;
import static org.addernet.engine.kernel.Simd.MR;
import static org.addernet.engine.kernel.Simd.W;

import jdk.incubator.vector.FloatVector;

/**
 * Register-blocked "GEMMs" of a block panel A [m, k] (broadcast) against B [k, n], each writing
 * (overwriting) a row-major C [m, n] at {@code c[cOff + i ldc + q]}. B is a strip panel of
 * {@code bRows >= k} rows per strip (see {@link Panels}), or, for the convolutions, any {@link Rows}:
 * the vector v of strip s of row r at {@code src[base[2 s + v] + offs[r]]}, which lets a kernel read
 * the patches of a stride-1 convolution straight from a zero-bordered image (an implicit im2col):
 *
 * <ul>
 *   <li>{@link #fma}: {@code C = bias + A B} (bias [m] may be null): convolution and linear layers;</li>
 *   <li>{@link #l1}: {@code C[i][q] = -sum_r |A[i][r] - B[r][q]|}: the adder forward at p = 1;</li>
 *   <li>{@link #l2}: the same with squares (p = 2); {@link #lp}: with {@link FastPow} (any p).</li>
 * </ul>
 *
 * <p>The micro-kernels keep a tile of {@link Simd#MR} rows times one strip (two vectors) of C in
 * eight vector registers over the whole of k, reading per step two vectors of B and four
 * broadcasts of A, both in memory order. The sums run over r in order, one lane per column, so a
 * column's result does not depend on where it sits. Edge tiles are computed whole (the panels'
 * padding is zero) and stored in part. {@link #naive} is the twin the tests compare against.
 *
 * <p>Every vector operation here is called on a value just made (a load, a broadcast, the result
 * of another operation), never on a loop's accumulator: on Java 17 the JIT knows the exact vector
 * class of the former only, and when its profile of the latter is thin (a busy machine compiles
 * late) the call is not intrinsified and every vector is boxed, five times slower. Hence
 * {@code x.fma(w, acc)}, {@code d.add(acc)} and stores as {@code broadcast(1).mul(acc)}.
 */
public final class RowGemm {
    /** The operations, for {@link #naive}. */
    public enum Op { FMA, L1, L2, LP }

    /**
     * Where B's k rows lie: vector v (0 or 1) of strip s of row r is {@code src[bases[2 s + v] + offs[r]]}
     * ({@link Simd#L} floats); every such vector must lie inside src, also for the columns past n.
     */
    public record Rows(float[] src, int[] offs, int[] bases) {
        /** A strip panel of {@code rows} rows per strip, k of them used, n columns. */
        public static Rows panel(float[] panel, int rows, int k, int n) {
            int[] offs = new int[k];
            for (int r = 0; r < k; r++) {
                offs[r] = r * W;
            }
            int[] bases = new int[2 * Panels.strips(n)];
            for (int s = 0; s < Panels.strips(n); s++) {
                bases[2 * s] = s * rows * W;
                bases[2 * s + 1] = s * rows * W + L;
            }
            return new Rows(panel, offs, bases);
        }
    }

    private RowGemm() {
    }

    /** {@code C = bias + A B} (bias may be null). */
    public static void fma(float[] a, float[] b, int bRows, int k, int m, int n, float[] bias, float[] c, int cOff,
                           int ldc) {
        runFma(a, k, m, n, Rows.panel(b, bRows, k, n), bias, false, c, cOff, null, ldc);
    }

    /** {@code C = bias + A B} with B given by its rows. */
    public static void fma(float[] a, Rows b, int k, int m, int n, float[] bias, float[] c, int cOff, int ldc) {
        runFma(a, k, m, n, b, bias, false, c, cOff, null, ldc);
    }

    /**
     * {@code C = bias + A B} written where each strip of C's columns goes: column {@code s W + j}
     * of row i at {@code c[cBases[s] + i ldc + j]} (the convolutions write each image's [rows, P]
     * block of the result in place; a strip must not straddle two images).
     */
    public static void fmaInto(float[] a, Rows b, int k, int m, int n, float[] bias, float[] c, int[] cBases, int ldc) {
        runFma(a, k, m, n, b, bias, false, c, 0, cBases, ldc);
    }

    /** {@code C += A B}. */
    public static void fmaAdd(float[] a, float[] b, int bRows, int k, int m, int n, float[] c, int cOff, int ldc) {
        runFma(a, k, m, n, Rows.panel(b, bRows, k, n), null, true, c, cOff, null, ldc);
    }

    /** {@code C += A B} with B given by its rows. */
    public static void fmaAdd(float[] a, Rows b, int k, int m, int n, float[] c, int cOff, int ldc) {
        runFma(a, k, m, n, b, null, true, c, cOff, null, ldc);
    }

    /** {@code C[i][q] = -sum_r |A[i][r] - B[r][q]|}. */
    public static void l1(float[] a, float[] b, int bRows, int k, int m, int n, float[] c, int cOff, int ldc) {
        run(Op.L1, a, k, m, n, Rows.panel(b, bRows, k, n), 1f, c, cOff, ldc);
    }

    /** {@code C[i][q] = -sum_r (A[i][r] - B[r][q])^2}. */
    public static void l2(float[] a, float[] b, int bRows, int k, int m, int n, float[] c, int cOff, int ldc) {
        run(Op.L2, a, k, m, n, Rows.panel(b, bRows, k, n), 2f, c, cOff, ldc);
    }

    /**
     * {@code C[i][q] = -sum_r |A[i][r] - B[r][q]|^p} with {@link FastPow}: per tile, the
     * differences of {@link #CHUNK} steps of r go to a buffer, {@link FastPow#pow(float[], int, int,
     * float, boolean)} raises them in place, and they are summed in order of r.
     */
    public static void lp(float[] a, float[] b, int bRows, int k, int m, int n, float p, float[] c, int cOff,
                          int ldc) {
        run(Op.LP, a, k, m, n, Rows.panel(b, bRows, k, n), p, c, cOff, ldc);
    }

    /** The adder forward {@code C[i][q] = -sum_r |A[i][r] - B[r][q]|^p} (p = 1, 2 or any) with B given by its rows. */
    public static void adder(float[] a, Rows b, int k, int m, int n, float p, float[] c, int cOff, int ldc) {
        run(p == 1f ? Op.L1 : p == 2f ? Op.L2 : Op.LP, a, k, m, n, b, p, c, cOff, ldc);
    }

    /** Steps of r per pass of the pow kernels: a buffer of {@code MR CHUNK W} floats stays in L1. */
    static final int CHUNK = 32;

    /** The adder forwards (L1, L2, LP); the FMA product runs in {@link #runFma}. */
    private static void run(Op op, float[] a, int k, int m, int n, Rows b, float p, float[] c, int cOff, int ldc) {
        float[] tile = new float[MR * W];
        float[] buf = op == Op.LP ? new float[MR * CHUNK * W] : null;
        float[] src = b.src();
        int[] offs = b.offs();
        for (int s = 0; s < Panels.strips(n); s++) {
            int q0 = s * W;
            int cols = Math.min(W, n - q0);
            int b0 = b.bases()[2 * s];
            int b1 = b.bases()[2 * s + 1];
            for (int blk = 0; blk < Panels.blocks(m); blk++) {
                int i0 = blk * MR;
                int rows = Math.min(MR, m - i0);
                int ao = blk * k * MR;
                boolean whole = rows == MR && cols == W;
                float[] out = whole ? c : tile;
                int oo = whole ? cOff + i0 * ldc + q0 : 0;
                int ld = whole ? ldc : W;
                switch (op) {
                    case FMA -> throw new IllegalArgumentException("the FMA product runs in runFma");
                    case L1 -> l1Tile(a, ao, src, b0, b1, offs, k, out, oo, ld);
                    case L2 -> l2Tile(a, ao, src, b0, b1, offs, k, out, oo, ld);
                    case LP -> lpTile(a, ao, src, b0, b1, offs, k, p, buf, tile);
                }
                if (!whole || op == Op.LP) {
                    copyOut(tile, rows, cols, c, cOff + i0 * ldc + q0, ldc);
                }
            }
        }
    }

    /** Whether the FMA kernels take two blocks of A at once (an 8 x 2-vector tile, 16 accumulators): with AVX-512's 32 registers. */
    static final boolean WIDE = F.vectorBitSize() >= 512;

    /**
     * {@code C = bias + A B} or {@code C += A B}: per strip of B, the whole tiles of A 8 rows at a
     * time where {@link #WIDE} (each B vector loaded serves 8 rows, not 4), then 4; tiles at the
     * edges of C through a buffer. Each element's sum runs over r in order in every case, so the
     * tile a row falls in does not change its bits. (Passes over r of 128 rows, to keep a strip in
     * L1, measured 5-10 % slower on the ResNet-20 layers than one pass.)
     */
    private static void runFma(float[] a, int k, int m, int n, Rows b, float[] bias, boolean add, float[] c, int cOff,
                               int[] cBases, int ldc) {
        float[] tile = new float[MR * W];
        float[] src = b.src();
        int[] offs = b.offs();
        int blocks = Panels.blocks(m);
        for (int s = 0; s < Panels.strips(n); s++) {
            int q0 = s * W;
            int cols = Math.min(W, n - q0);
            int b0 = b.bases()[2 * s];
            int b1 = b.bases()[2 * s + 1];
            int whole = cols == W ? m / MR : 0;
            int at = cBases == null ? cOff + q0 : cBases[s];             // where row 0 of this strip's columns goes
            int blk = 0;
            if (WIDE) {
                for (; blk + 1 < whole; blk += 2) {
                    int oo = at + blk * MR * ldc;
                    if (add) {
                        fma8AddTile(a, blk * k * MR, k * MR, src, b0, b1, offs, k, c, oo, ldc);
                    } else {
                        fma8Tile(a, blk * k * MR, k * MR, src, b0, b1, offs, k, bias, blk * MR, c, oo, ldc);
                    }
                }
            }
            for (; blk < blocks; blk++) {
                int i0 = blk * MR;
                boolean inPlace = blk < whole;
                float[] out = inPlace ? c : tile;
                int oo = inPlace ? at + i0 * ldc : 0;
                int ld = inPlace ? ldc : W;
                int rows = Math.min(MR, m - i0);
                if (!inPlace && add) {
                    java.util.Arrays.fill(tile, 0f);
                    for (int t = 0; t < rows; t++) {
                        System.arraycopy(c, at + (i0 + t) * ldc, tile, t * W, cols);
                    }
                }
                if (add) {
                    fmaAddTile(a, blk * k * MR, src, b0, b1, offs, k, out, oo, ld);
                } else {
                    fmaTile(a, blk * k * MR, src, b0, b1, offs, k, bias, i0, m, out, oo, ld);
                }
                if (!inPlace) {
                    copyOut(tile, rows, cols, c, at + i0 * ldc, ldc);
                }
            }
        }
    }

    /**
     * A tile at any p into {@code tile} ([MR][W]): the differences of {@link #CHUNK} steps of r go
     * to {@code buf}, {@link FastPow#pow(float[], int, int, float, boolean)} raises them in place,
     * and they are summed in order of r. One method, so that the JIT compiles it on its own: a
     * vector loop inlined deep into a caller can pass HotSpot's inlining depth, and is then boxed.
     */
    private static void lpTile(float[] a, int ao, float[] src, int b0, int b1, int[] offs, int k, float p, float[] buf,
                               float[] tile) {
        java.util.Arrays.fill(tile, 0f);
        for (int r0 = 0; r0 < k; r0 += CHUNK) {
            int kc = Math.min(CHUNK, k - r0);
            // buf[(t kc + r) W + j] = B[r0 + r][j] - A[t][r0 + r]
            for (int r = 0; r < kc; r++) {
                FloatVector x0 = FloatVector.fromArray(F, src, b0 + offs[r0 + r]);
                FloatVector x1 = FloatVector.fromArray(F, src, b1 + offs[r0 + r]);
                for (int t = 0; t < MR; t++) {
                    float w = a[ao + (r0 + r) * MR + t];
                    int at = (t * kc + r) * W;
                    x0.sub(w).intoArray(buf, at);
                    x1.sub(w).intoArray(buf, at + L);
                }
            }
            FastPow.pow(buf, 0, MR * kc * W, p, false);
            // tile[t W + j] += sum_r buf[(t kc + r) W + j], r in order
            for (int t = 0; t < MR; t++) {
                FloatVector c0 = FloatVector.fromArray(F, tile, t * W);
                FloatVector c1 = FloatVector.fromArray(F, tile, t * W + L);
                int end = (t + 1) * kc * W;
                for (int at = t * kc * W; at < end; at += W) {
                    c0 = FloatVector.fromArray(F, buf, at).add(c0);
                    c1 = FloatVector.fromArray(F, buf, at + L).add(c1);
                }
                FloatVector.broadcast(F, 1f).mul(c0).intoArray(tile, t * W);
                FloatVector.broadcast(F, 1f).mul(c1).intoArray(tile, t * W + L);
            }
        }
        for (int t = 0; t < MR * W; t++) {
            tile[t] = -tile[t];                          // summed positive, negated once: the same bits
        }
    }

    private static void copyOut(float[] tile, int rows, int cols, float[] c, int at, int ldc) {
        for (int t = 0; t < rows; t++) {
            System.arraycopy(tile, t * W, c, at + t * ldc, cols);
        }
    }

    private static float rowBias(float[] bias, int i, int m) {
        return bias == null || i >= m ? 0f : bias[i];
    }

    private static void fmaTile(float[] a, int ao, float[] b, int b0, int b1, int[] offs, int k, float[] bias, int i0, int m,
                                float[] out, int oo, int ld) {
        FloatVector c00 = FloatVector.broadcast(F, rowBias(bias, i0, m));
        FloatVector c01 = c00;
        FloatVector c10 = FloatVector.broadcast(F, rowBias(bias, i0 + 1, m));
        FloatVector c11 = c10;
        FloatVector c20 = FloatVector.broadcast(F, rowBias(bias, i0 + 2, m));
        FloatVector c21 = c20;
        FloatVector c30 = FloatVector.broadcast(F, rowBias(bias, i0 + 3, m));
        FloatVector c31 = c30;
        for (int r = 0, ap = ao; r < k; r++, ap += MR) {
            int off = offs[r];
            FloatVector x0 = FloatVector.fromArray(F, b, b0 + off);
            FloatVector x1 = FloatVector.fromArray(F, b, b1 + off);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            c30 = x0.fma(w, c30);
            c31 = x1.fma(w, c31);
        }
        FloatVector.broadcast(F, 1f).mul(c00).intoArray(out, oo);
        FloatVector.broadcast(F, 1f).mul(c01).intoArray(out, oo + L);
        FloatVector.broadcast(F, 1f).mul(c10).intoArray(out, oo + ld);
        FloatVector.broadcast(F, 1f).mul(c11).intoArray(out, oo + ld + L);
        FloatVector.broadcast(F, 1f).mul(c20).intoArray(out, oo + 2 * ld);
        FloatVector.broadcast(F, 1f).mul(c21).intoArray(out, oo + 2 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c30).intoArray(out, oo + 3 * ld);
        FloatVector.broadcast(F, 1f).mul(c31).intoArray(out, oo + 3 * ld + L);
    }

    private static void fmaAddTile(float[] a, int ao, float[] b, int b0, int b1, int[] offs, int k, float[] out, int oo, int ld) {
        FloatVector c00 = FloatVector.fromArray(F, out, oo);
        FloatVector c01 = FloatVector.fromArray(F, out, oo + L);
        FloatVector c10 = FloatVector.fromArray(F, out, oo + ld);
        FloatVector c11 = FloatVector.fromArray(F, out, oo + ld + L);
        FloatVector c20 = FloatVector.fromArray(F, out, oo + 2 * ld);
        FloatVector c21 = FloatVector.fromArray(F, out, oo + 2 * ld + L);
        FloatVector c30 = FloatVector.fromArray(F, out, oo + 3 * ld);
        FloatVector c31 = FloatVector.fromArray(F, out, oo + 3 * ld + L);
        for (int r = 0, ap = ao; r < k; r++, ap += MR) {
            int off = offs[r];
            FloatVector x0 = FloatVector.fromArray(F, b, b0 + off);
            FloatVector x1 = FloatVector.fromArray(F, b, b1 + off);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            c30 = x0.fma(w, c30);
            c31 = x1.fma(w, c31);
        }
        FloatVector.broadcast(F, 1f).mul(c00).intoArray(out, oo);
        FloatVector.broadcast(F, 1f).mul(c01).intoArray(out, oo + L);
        FloatVector.broadcast(F, 1f).mul(c10).intoArray(out, oo + ld);
        FloatVector.broadcast(F, 1f).mul(c11).intoArray(out, oo + ld + L);
        FloatVector.broadcast(F, 1f).mul(c20).intoArray(out, oo + 2 * ld);
        FloatVector.broadcast(F, 1f).mul(c21).intoArray(out, oo + 2 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c30).intoArray(out, oo + 3 * ld);
        FloatVector.broadcast(F, 1f).mul(c31).intoArray(out, oo + 3 * ld + L);
    }

    /** {@link #fmaTile} for two blocks of A at once (rows i0 .. i0 + 7; the second block {@code ao2} floats after the first). */
    private static void fma8Tile(float[] a, int ao, int ao2, float[] b, int b0, int b1, int[] offs, int k, float[] bias,
                                 int i0, float[] out, int oo, int ld) {
        FloatVector c00 = FloatVector.broadcast(F, bias == null ? 0f : bias[i0 + 0]);
        FloatVector c01 = c00;
        FloatVector c10 = FloatVector.broadcast(F, bias == null ? 0f : bias[i0 + 1]);
        FloatVector c11 = c10;
        FloatVector c20 = FloatVector.broadcast(F, bias == null ? 0f : bias[i0 + 2]);
        FloatVector c21 = c20;
        FloatVector c30 = FloatVector.broadcast(F, bias == null ? 0f : bias[i0 + 3]);
        FloatVector c31 = c30;
        FloatVector c40 = FloatVector.broadcast(F, bias == null ? 0f : bias[i0 + 4]);
        FloatVector c41 = c40;
        FloatVector c50 = FloatVector.broadcast(F, bias == null ? 0f : bias[i0 + 5]);
        FloatVector c51 = c50;
        FloatVector c60 = FloatVector.broadcast(F, bias == null ? 0f : bias[i0 + 6]);
        FloatVector c61 = c60;
        FloatVector c70 = FloatVector.broadcast(F, bias == null ? 0f : bias[i0 + 7]);
        FloatVector c71 = c70;
        for (int r = 0, ap = ao; r < k; r++, ap += MR) {
            int off = offs[r];
            FloatVector x0 = FloatVector.fromArray(F, b, b0 + off);
            FloatVector x1 = FloatVector.fromArray(F, b, b1 + off);
            FloatVector w = FloatVector.broadcast(F, a[ap ]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            c30 = x0.fma(w, c30);
            c31 = x1.fma(w, c31);
            w = FloatVector.broadcast(F, a[ap + ao2 ]);
            c40 = x0.fma(w, c40);
            c41 = x1.fma(w, c41);
            w = FloatVector.broadcast(F, a[ap + ao2 + 1]);
            c50 = x0.fma(w, c50);
            c51 = x1.fma(w, c51);
            w = FloatVector.broadcast(F, a[ap + ao2 + 2]);
            c60 = x0.fma(w, c60);
            c61 = x1.fma(w, c61);
            w = FloatVector.broadcast(F, a[ap + ao2 + 3]);
            c70 = x0.fma(w, c70);
            c71 = x1.fma(w, c71);
        }
        FloatVector.broadcast(F, 1f).mul(c00).intoArray(out, oo + 0 * ld);
        FloatVector.broadcast(F, 1f).mul(c01).intoArray(out, oo + 0 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c10).intoArray(out, oo + 1 * ld);
        FloatVector.broadcast(F, 1f).mul(c11).intoArray(out, oo + 1 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c20).intoArray(out, oo + 2 * ld);
        FloatVector.broadcast(F, 1f).mul(c21).intoArray(out, oo + 2 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c30).intoArray(out, oo + 3 * ld);
        FloatVector.broadcast(F, 1f).mul(c31).intoArray(out, oo + 3 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c40).intoArray(out, oo + 4 * ld);
        FloatVector.broadcast(F, 1f).mul(c41).intoArray(out, oo + 4 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c50).intoArray(out, oo + 5 * ld);
        FloatVector.broadcast(F, 1f).mul(c51).intoArray(out, oo + 5 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c60).intoArray(out, oo + 6 * ld);
        FloatVector.broadcast(F, 1f).mul(c61).intoArray(out, oo + 6 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c70).intoArray(out, oo + 7 * ld);
        FloatVector.broadcast(F, 1f).mul(c71).intoArray(out, oo + 7 * ld + L);
    }

    /** {@link #fmaAddTile} for two blocks of A at once (rows 0 .. 7 of the tile at {@code oo}). */
    private static void fma8AddTile(float[] a, int ao, int ao2, float[] b, int b0, int b1, int[] offs, int k, float[] out,
                                    int oo, int ld) {
        FloatVector c00 = FloatVector.fromArray(F, out, oo + 0 * ld);
        FloatVector c01 = FloatVector.fromArray(F, out, oo + 0 * ld + L);
        FloatVector c10 = FloatVector.fromArray(F, out, oo + 1 * ld);
        FloatVector c11 = FloatVector.fromArray(F, out, oo + 1 * ld + L);
        FloatVector c20 = FloatVector.fromArray(F, out, oo + 2 * ld);
        FloatVector c21 = FloatVector.fromArray(F, out, oo + 2 * ld + L);
        FloatVector c30 = FloatVector.fromArray(F, out, oo + 3 * ld);
        FloatVector c31 = FloatVector.fromArray(F, out, oo + 3 * ld + L);
        FloatVector c40 = FloatVector.fromArray(F, out, oo + 4 * ld);
        FloatVector c41 = FloatVector.fromArray(F, out, oo + 4 * ld + L);
        FloatVector c50 = FloatVector.fromArray(F, out, oo + 5 * ld);
        FloatVector c51 = FloatVector.fromArray(F, out, oo + 5 * ld + L);
        FloatVector c60 = FloatVector.fromArray(F, out, oo + 6 * ld);
        FloatVector c61 = FloatVector.fromArray(F, out, oo + 6 * ld + L);
        FloatVector c70 = FloatVector.fromArray(F, out, oo + 7 * ld);
        FloatVector c71 = FloatVector.fromArray(F, out, oo + 7 * ld + L);
        for (int r = 0, ap = ao; r < k; r++, ap += MR) {
            int off = offs[r];
            FloatVector x0 = FloatVector.fromArray(F, b, b0 + off);
            FloatVector x1 = FloatVector.fromArray(F, b, b1 + off);
            FloatVector w = FloatVector.broadcast(F, a[ap ]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            c30 = x0.fma(w, c30);
            c31 = x1.fma(w, c31);
            w = FloatVector.broadcast(F, a[ap + ao2 ]);
            c40 = x0.fma(w, c40);
            c41 = x1.fma(w, c41);
            w = FloatVector.broadcast(F, a[ap + ao2 + 1]);
            c50 = x0.fma(w, c50);
            c51 = x1.fma(w, c51);
            w = FloatVector.broadcast(F, a[ap + ao2 + 2]);
            c60 = x0.fma(w, c60);
            c61 = x1.fma(w, c61);
            w = FloatVector.broadcast(F, a[ap + ao2 + 3]);
            c70 = x0.fma(w, c70);
            c71 = x1.fma(w, c71);
        }
        FloatVector.broadcast(F, 1f).mul(c00).intoArray(out, oo + 0 * ld);
        FloatVector.broadcast(F, 1f).mul(c01).intoArray(out, oo + 0 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c10).intoArray(out, oo + 1 * ld);
        FloatVector.broadcast(F, 1f).mul(c11).intoArray(out, oo + 1 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c20).intoArray(out, oo + 2 * ld);
        FloatVector.broadcast(F, 1f).mul(c21).intoArray(out, oo + 2 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c30).intoArray(out, oo + 3 * ld);
        FloatVector.broadcast(F, 1f).mul(c31).intoArray(out, oo + 3 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c40).intoArray(out, oo + 4 * ld);
        FloatVector.broadcast(F, 1f).mul(c41).intoArray(out, oo + 4 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c50).intoArray(out, oo + 5 * ld);
        FloatVector.broadcast(F, 1f).mul(c51).intoArray(out, oo + 5 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c60).intoArray(out, oo + 6 * ld);
        FloatVector.broadcast(F, 1f).mul(c61).intoArray(out, oo + 6 * ld + L);
        FloatVector.broadcast(F, 1f).mul(c70).intoArray(out, oo + 7 * ld);
        FloatVector.broadcast(F, 1f).mul(c71).intoArray(out, oo + 7 * ld + L);
    }

    private static void l1Tile(float[] a, int ao, float[] b, int b0, int b1, int[] offs, int k, float[] out, int oo, int ld) {
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        // summed positive (the receiver of every vector operation is a fresh value, never the loop's
        // accumulator: see the class comment) and negated once: the same bits as subtracting each term
        for (int r = 0, ap = ao; r < k; r++, ap += MR) {
            int off = offs[r];
            FloatVector x0 = FloatVector.fromArray(F, b, b0 + off);
            FloatVector x1 = FloatVector.fromArray(F, b, b1 + off);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            c00 = x0.sub(w).abs().add(c00);
            c01 = x1.sub(w).abs().add(c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            c10 = x0.sub(w).abs().add(c10);
            c11 = x1.sub(w).abs().add(c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            c20 = x0.sub(w).abs().add(c20);
            c21 = x1.sub(w).abs().add(c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            c30 = x0.sub(w).abs().add(c30);
            c31 = x1.sub(w).abs().add(c31);
        }
        FloatVector.broadcast(F, -1f).mul(c00).intoArray(out, oo);
        FloatVector.broadcast(F, -1f).mul(c01).intoArray(out, oo + L);
        FloatVector.broadcast(F, -1f).mul(c10).intoArray(out, oo + ld);
        FloatVector.broadcast(F, -1f).mul(c11).intoArray(out, oo + ld + L);
        FloatVector.broadcast(F, -1f).mul(c20).intoArray(out, oo + 2 * ld);
        FloatVector.broadcast(F, -1f).mul(c21).intoArray(out, oo + 2 * ld + L);
        FloatVector.broadcast(F, -1f).mul(c30).intoArray(out, oo + 3 * ld);
        FloatVector.broadcast(F, -1f).mul(c31).intoArray(out, oo + 3 * ld + L);
    }

    private static void l2Tile(float[] a, int ao, float[] b, int b0, int b1, int[] offs, int k, float[] out, int oo, int ld) {
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        for (int r = 0, ap = ao; r < k; r++, ap += MR) {
            int off = offs[r];
            FloatVector x0 = FloatVector.fromArray(F, b, b0 + off);
            FloatVector x1 = FloatVector.fromArray(F, b, b1 + off);
            FloatVector w = FloatVector.broadcast(F, a[ap]);
            FloatVector d0 = x0.sub(w);
            FloatVector d1 = x1.sub(w);
            c00 = d0.fma(d0, c00);
            c01 = d1.fma(d1, c01);
            w = FloatVector.broadcast(F, a[ap + 1]);
            d0 = x0.sub(w);
            d1 = x1.sub(w);
            c10 = d0.fma(d0, c10);
            c11 = d1.fma(d1, c11);
            w = FloatVector.broadcast(F, a[ap + 2]);
            d0 = x0.sub(w);
            d1 = x1.sub(w);
            c20 = d0.fma(d0, c20);
            c21 = d1.fma(d1, c21);
            w = FloatVector.broadcast(F, a[ap + 3]);
            d0 = x0.sub(w);
            d1 = x1.sub(w);
            c30 = d0.fma(d0, c30);
            c31 = d1.fma(d1, c31);
        }
        // summed positive and negated once: the same bits as subtracting each square
        FloatVector.broadcast(F, -1f).mul(c00).intoArray(out, oo);
        FloatVector.broadcast(F, -1f).mul(c01).intoArray(out, oo + L);
        FloatVector.broadcast(F, -1f).mul(c10).intoArray(out, oo + ld);
        FloatVector.broadcast(F, -1f).mul(c11).intoArray(out, oo + ld + L);
        FloatVector.broadcast(F, -1f).mul(c20).intoArray(out, oo + 2 * ld);
        FloatVector.broadcast(F, -1f).mul(c21).intoArray(out, oo + 2 * ld + L);
        FloatVector.broadcast(F, -1f).mul(c30).intoArray(out, oo + 3 * ld);
        FloatVector.broadcast(F, -1f).mul(c31).intoArray(out, oo + 3 * ld + L);
    }

    /**
     * The twin: {@code C[i][q] = bias[i] + sum_r A[i][r] B[r][q]} (FMA), or
     * {@code -sum_r |A[i][r] - B[r][q]|^p} (the others, p = 1, 2 or any), in double with
     * Math.pow, from plain row-major A [m, k] and B [k, n].
     */
    public static void naive(Op op, float[] a, float[] b, int k, int m, int n, float p, float[] bias, float[] c,
                             int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int q = 0; q < n; q++) {
                double s = op == Op.FMA && bias != null ? bias[i] : 0;
                for (int r = 0; r < k; r++) {
                    double x = b[r * n + q];
                    double w = a[i * k + r];
                    s += switch (op) {
                        case FMA -> w * x;
                        case L1 -> -Math.abs(x - w);
                        case L2 -> -(x - w) * (x - w);
                        case LP -> -Math.pow(Math.abs(x - w), p);
                    };
                }
                c[cOff + i * ldc + q] = (float) s;
            }
        }
    }
}
