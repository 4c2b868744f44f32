package org.addernet.engine.kernel;

/**
 * The panels both conv kernels build for a group of n images {@code b0 .. b0+n-1} (laid side by
 * side, so a panel has {@code n P} positions) and for their filters, in the layouts of
 * {@link Panels}; and the copy of a row-major result back into [B, rows, P] images.
 */
final class ConvPacking {
    private ConvPacking() {
    }

    /** The patches as a strip panel of {@code paddedRows(K)} rows (the rows past K zero). */
    static float[] cols(ConvShape s, float[] x, int b0, int n, ConvWorkspace.Slot slot) {
        int k = s.patch();
        int kp = Panels.paddedRows(k);
        int np = s.positions();
        float[] col = slot.col(Panels.stripFloats(kp, n * np));
        float[] padded = slot.padded(Im2col.paddedSize(s));
        for (int i = 0; i < n; i++) {
            Im2col.unfold(s, x, (b0 + i) * s.inImage(), col, kp, i * np, padded);
        }
        Panels.zeroRows(col, kp, k, n * np);
        return col;
    }

    /**
     * The patches transposed: a strip panel of {@code n P} rows (positions) over the K patch rows,
     * in the order (i, j, c) of {@link Im2col#unfoldTransposed} ({@link #transposedOrder}).
     */
    static float[] colsT(ConvShape s, float[] x, int b0, int n, ConvWorkspace.Slot slot) {
        int np = s.positions();
        float[] colT = slot.colT(Panels.stripFloats(n * np, s.patch()));
        float[] padded = slot.padded(Im2col.paddedSize(s));
        for (int i = 0; i < n; i++) {
            Im2col.unfoldTransposed(s, x, (b0 + i) * s.inImage(), colT, n * np, i * np, padded);
        }
        return colT;
    }

    /** dY as a block panel [O, n P] (rows past O zero). */
    static float[] gradBlocks(ConvShape s, float[] dy, int b0, int n, ConvWorkspace.Slot slot) {
        int out = s.outC();
        int np = s.positions();
        int len = n * np;
        float[] g = slot.gradBlocks(Panels.blockFloats(out, len));
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < out; o++) {
                Panels.putBlockRow(g, len, o, i * np, dy, ((b0 + i) * out + o) * np, np);
            }
        }
        Panels.zeroBlockRows(g, out, len);
        return g;
    }

    /** dY as a strip panel of O rows over the n P positions. */
    static float[] gradStrips(ConvShape s, float[] dy, int b0, int n, ConvWorkspace.Slot slot) {
        int out = s.outC();
        int np = s.positions();
        float[] g = slot.grad(Panels.stripFloats(out, n * np));
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < out; o++) {
                Panels.put(g, out, o, i * np, dy, ((b0 + i) * out + o) * np, np);
            }
        }
        return g;
    }

    /** dY unfolded adjointly ({@link Im2col#unfoldAdjoint}): a strip panel of O k k rows over the n H W pixels. */
    static float[] gradAdjoint(ConvShape s, float[] dy, int b0, int n, ConvWorkspace.Slot slot) {
        int rows = s.outC() * s.kernel() * s.kernel();
        int hw = s.height() * s.width();
        float[] g = slot.grad(Panels.stripFloats(rows, n * hw));
        float[] padded = slot.padded(Im2col.adjointPaddedSize(s));
        for (int i = 0; i < n; i++) {
            Im2col.unfoldAdjoint(s, dy, (b0 + i) * s.outImage(), g, rows, i * hw, padded);
        }
        return g;
    }

    /** The input channels as a strip panel of {@code paddedRows(C)} rows over the n H W pixels. */
    static float[] imageStrips(ConvShape s, float[] x, int b0, int n, ConvWorkspace.Slot slot) {
        int in = s.inC();
        int rows = Panels.paddedRows(in);
        int hw = s.height() * s.width();
        float[] img = slot.image(Panels.stripFloats(rows, n * hw));
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < in; c++) {
                Panels.put(img, rows, c, i * hw, x, (b0 + i) * s.inImage() + c * hw, hw);
            }
        }
        return img;
    }

    /** {@code order[r]}: where patch row r sits in the transposed patches ({@link Im2col#transposedRow}). */
    static int[] transposedOrder(ConvShape s) {
        int[] order = new int[s.patch()];
        for (int r = 0; r < order.length; r++) {
            order[r] = Im2col.transposedRow(s, r);
        }
        return order;
    }

    /** The filters [O, K] with their patch rows in the transposed order, as a strip panel of {@code paddedRows(O)} rows. */
    static float[] filterStripsTransposed(float[] f, int out, int k, int[] order, float[] buf) {
        float[] reordered = new float[out * k];
        for (int o = 0; o < out; o++) {
            for (int r = 0; r < k; r++) {
                reordered[o * k + order[r]] = f[o * k + r];
            }
        }
        Panels.packStrips(reordered, 0, k, out, Panels.paddedRows(out), k, buf);
        return buf;
    }

    /** The filters [O, K] as a block panel (forward). */
    static float[] filterBlocks(float[] f, int out, int k, float[] buf) {
        Panels.packBlocks(f, 0, k, 1, out, k, buf);
        return buf;
    }

    /** The filters transposed, [K, O], as a block panel (the patch-wise input gradient). */
    static float[] filterBlocksTransposed(float[] f, int out, int k, float[] buf) {
        Panels.packBlocks(f, 0, 1, k, k, out, buf);
        return buf;
    }

    /**
     * The filters regrouped per input channel, [C, O k k] with element (c, (o k + i) k + j) =
     * {@code F[o, c, i, j]}, as a block panel: the rows of {@link Im2col#unfoldAdjoint} (the input
     * gradient over pixels).
     */
    static float[] filterBlocksPerChannel(float[] f, int out, int in, int kk, float[] buf) {
        int r = out * kk;
        for (int c = 0; c < Panels.paddedRows(in); c++) {
            int at = ((c / Simd.MR) * r) * Simd.MR + c % Simd.MR;
            for (int o = 0; o < out; o++) {
                for (int t = 0; t < kk; t++) {
                    buf[at + (o * kk + t) * Simd.MR] = c < in ? f[(o * in + c) * kk + t] : 0f;
                }
            }
        }
        return buf;
    }

    /**
     * Copies a row-major [rows, ld] result whose columns are n images of {@code per} values side
     * by side into images {@code b0 ..} of a [B, rows, per] array.
     */
    static void scatter(float[] res, int ld, int rows, int per, float[] dst, int b0, int n) {
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(res, r * ld + i * per, dst, ((b0 + i) * rows + r) * per, per);
            }
        }
    }
}
