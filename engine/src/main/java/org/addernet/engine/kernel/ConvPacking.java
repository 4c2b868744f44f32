package org.addernet.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;

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
     * Whether the forward reads the patches from shifted copies of the images ({@link #colsImplicit})
     * instead of unfolding them: at stride 1, when an image's positions are whole vectors or round
     * up to them with at most a quarter more (LeNet's 100 positions as 112: the 12 more are
     * computed and dropped).
     */
    static boolean implicitForward(ConvShape s) {
        return s.stride() == 1 && (long) implicitPositions(s) * 4 <= (long) s.positions() * 5;
    }

    /** Positions per image in the implicit forward's result: P rounded up to whole vectors. */
    static int implicitPositions(ConvShape s) {
        return (s.positions() + Simd.L - 1) / Simd.L * Simd.L;
    }

    /**
     * The patches of images b0 .. b0+n-1, {@link #implicitPositions} columns each, as
     * {@link RowGemm.Rows} over k shifted copies of each image (an implicit im2col): copy j of image t is [C, H + 2p, Wo] with
     * {@code S_j[c, y, ox] = X[c, y - p, ox + j - p]} (0 outside), so that patch row (c, i, j) at
     * output position {@code q = oy Wo + ox} is {@code S_j[c, oy + i, ox]} = {@code S_j[c][i Wo + q]}:
     * any L consecutive positions of an image are L consecutive floats.
     */
    static RowGemm.Rows colsImplicit(ConvShape s, float[] x, int b0, int n, ConvWorkspace.Slot slot) {
        if (s.outW() % Simd.L == 0) {
            return colsFromBorderedImages(s, x, b0, n, slot);         // one copy will do: faster
        }
        int k = s.kernel();
        int hp = s.height() + 2 * s.padding();
        int wo = s.outW();
        int plane = hp * wo;
        int size = k * s.inC() * plane;
        float[] copies = slot.padded(n * size + Simd.L);      // the vectors of the rounding read past the last copy
        for (int t = 0; t < n; t++) {
            int base = t * size;
            for (int j = 0; j < k; j++) {
                int[] keep = columnMask(s.height(), s.width(), wo, j - s.padding());
                for (int c = 0; c < s.inC(); c++) {
                    shiftedPlane(x, (b0 + t) * s.inImage() + c * s.height() * s.width(), s.height(), s.width(),
                            s.padding(), j - s.padding(), wo, copies, base + (j * s.inC() + c) * plane, keep);
                }
            }
        }
        int[] offs = new int[s.patch()];
        for (int c = 0; c < s.inC(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    offs[(c * k + i) * k + j] = (j * s.inC() + c) * plane + i * wo;
                }
            }
        }
        int np = implicitPositions(s);
        return new RowGemm.Rows(copies, offs, vectorBases(n * np, q -> (q / np) * size + q % np));
    }

    /**
     * Writes the plane {@code src[from ..]} ([h, w]) into {@code dst[at ..]} as [h + 2 padRows, cols]
     * with {@code dst[y][x] = src[y - padRows][x + shift]}, 0 outside the source. When the rows
     * keep their width ({@code cols == w}), are a whole fraction of a vector (ResNet's 8x8 planes)
     * and the plane is whole vectors, the plane is copied as vectors read {@code shift} floats
     * off and the columns that fall outside zeroed by {@code keep} ({@link #columnMask}; null where
     * it does not apply); otherwise row by row.
     */
    private static void shiftedPlane(float[] src, int from, int h, int w, int padRows, int shift, int cols,
                                     float[] dst, int at, int[] keep) {
        Panels.fill(dst, at, padRows * cols);
        int body = at + padRows * cols;
        if (keep != null && from + shift >= 0 && from + shift + h * w <= src.length) {
            IntVector mask = IntVector.fromArray(Simd.I, keep, 0);
            for (int t = 0; t < h * w; t += Simd.L) {
                IntVector bits = (IntVector) FloatVector.fromArray(Simd.F, src, from + shift + t).reinterpretShape(Simd.I, 0);
                ((FloatVector) bits.and(mask).reinterpretShape(Simd.F, 0)).intoArray(dst, body + t);
            }
        } else {
            int lo = Math.max(0, Math.min(cols, -shift));              // first column read inside
            int hi = Math.max(lo, Math.min(cols, w - shift));          // one past the last
            for (int y = 0; y < h; y++) {
                int row = body + y * cols;
                Panels.fill(dst, row, lo);
                Panels.copy(src, from + y * w + lo + shift, dst, row + lo, hi - lo);
                Panels.fill(dst, row + hi, cols - hi);
            }
        }
        Panels.fill(dst, at + (h + padRows) * cols, padRows * cols);
    }

    /**
     * For {@link #shiftedPlane}'s vector copy of [h, w] planes shifted by {@code shift} columns: a
     * vector of all-ones lanes where column {@code lane % w + shift} lies inside the row, zeros
     * elsewhere; null unless w divides a vector and the plane is whole vectors.
     */
    private static int[] columnMask(int h, int w, int cols, int shift) {
        if (cols != w || Simd.L % w != 0 || (h * w) % Simd.L != 0) {
            return null;
        }
        int[] keep = new int[Simd.L];
        for (int lane = 0; lane < Simd.L; lane++) {
            int x = lane % w + shift;
            keep[lane] = x >= 0 && x < w ? -1 : 0;
        }
        return keep;
    }

    /** Whether the input gradient over pixels reads dY and X from (shifted) images: stride 1, planes of whole vectors. */
    static boolean implicitPixels(ConvShape s) {
        return s.stride() == 1 && (s.height() * s.width()) % Simd.L == 0;
    }

    /**
     * dY of images b0 .. b0+n-1 adjointly unfolded, as {@link RowGemm.Rows} over k shifted copies
     * of each image of dY: copy j is [O, Ho + 2b, W] with {@code S_j[o, y, ix] = dY[o, y - b, ix + p - j]}
     * (b = {@link Im2col#adjointBorder}), so that row (o, i, j) at input pixel {@code iy W + ix}
     * is {@code S_j[o][(p - i + b) W + pixel]}.
     */
    static RowGemm.Rows gradAdjointImplicit(ConvShape s, float[] dy, int b0, int n, ConvWorkspace.Slot slot) {
        if (s.width() % Simd.L == 0) {
            return gradFromBorderedImages(s, dy, b0, n, slot);        // one copy will do: faster
        }
        int k = s.kernel();
        int b = Im2col.adjointBorder(s);
        int w = s.width();
        int plane = (s.outH() + 2 * b) * w;
        int size = k * s.outC() * plane;
        int pad = s.padding();
        float[] copies = slot.paddedGrad(n * size);
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                int[] keep = columnMask(s.outH(), s.outW(), w, pad - j);
                for (int o = 0; o < s.outC(); o++) {
                    shiftedPlane(dy, (b0 + t) * s.outImage() + o * s.positions(), s.outH(), s.outW(), b, pad - j, w,
                            copies, t * size + (j * s.outC() + o) * plane, keep);
                }
            }
        }
        int[] offs = new int[s.outC() * k * k];
        for (int o = 0; o < s.outC(); o++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    offs[(o * k + i) * k + j] = (j * s.outC() + o) * plane + (pad - i + b) * w;
                }
            }
        }
        int hw = s.height() * w;
        return new RowGemm.Rows(copies, offs, vectorBases(n * hw, q -> (q / hw) * size + q % hw));
    }

    /**
     * As {@link #colsImplicit} when output rows are whole vectors, over one zero-bordered copy of
     * each image: row r = (c, i, j) of the vector at output position (oy, ox) of
     * image t is the copy of image t at (c, oy + i, ox + j), L consecutive floats.
     */
    private static RowGemm.Rows colsFromBorderedImages(ConvShape s, float[] x, int b0, int n, ConvWorkspace.Slot slot) {
        int size = Im2col.paddedSize(s);
        float[] padded = slot.padded(n * size);
        for (int t = 0; t < n; t++) {
            Im2col.pad(s, x, (b0 + t) * s.inImage(), padded, t * size);
        }
        int k = s.kernel();
        int hp = s.height() + 2 * s.padding();
        int wp = s.width() + 2 * s.padding();
        int[] offs = new int[s.patch()];
        for (int c = 0; c < s.inC(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    offs[(c * k + i) * k + j] = (c * hp + i) * wp + j;
                }
            }
        }
        int np = s.positions();
        int wo = s.outW();
        return new RowGemm.Rows(padded, offs,
                vectorBases(n * np, q -> (q / np) * size + (q % np / wo) * wp + q % np % wo));
    }

    /**
     * As {@link #gradAdjointImplicit} when image rows are whole vectors, over one zero-bordered copy
     * of each image of dY ({@link Im2col#padAdjoint}): row (o, i, j) of the vector at input pixel (iy, ix).
     */
    private static RowGemm.Rows gradFromBorderedImages(ConvShape s, float[] dy, int b0, int n, ConvWorkspace.Slot slot) {
        int size = Im2col.adjointPaddedSize(s);
        float[] padded = slot.paddedGrad(n * size);
        for (int t = 0; t < n; t++) {
            Im2col.padAdjoint(s, dy, (b0 + t) * s.outImage(), padded, t * size);
        }
        int k = s.kernel();
        int b = Im2col.adjointBorder(s);
        int hp = s.outH() + 2 * b;
        int wp = s.outW() + 2 * b;
        int pad = s.padding();
        int[] offs = new int[s.outC() * k * k];
        for (int o = 0; o < s.outC(); o++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    offs[(o * k + i) * k + j] = (o * hp + pad - i + b) * wp + pad - j + b;
                }
            }
        }
        int hw = s.height() * s.width();
        int w = s.width();
        return new RowGemm.Rows(padded, offs,
                vectorBases(n * hw, q -> (q / hw) * size + (q % hw / w) * wp + q % hw % w));
    }

    /**
     * Whether the filter gradient is taken as dot products along the positions ({@link DotGemm}, over
     * the implicit patches) rather than as a product over the transposed patches: for one to three
     * input channels (LeNet's and ResNet's first convolutions), whose transposed patches are runs of
     * a few floats and slow to build. (With more channels the transposed product is faster: each
     * dot product's lanes are summed once per group of images, too often for short groups.)
     */
    static boolean dotFilterGradient(ConvShape s) {
        return s.inC() <= 3 && implicitForward(s);
    }

    /**
     * dY of images b0 .. b0+n-1 as {@link RowGemm.Rows} of O rows over {@link #implicitPositions}
     * columns per image, the rounding's columns zero (they meet garbage patches in {@link DotGemm}).
     */
    static RowGemm.Rows gradRowsImplicit(ConvShape s, float[] dy, int b0, int n, ConvWorkspace.Slot slot) {
        int out = s.outC();
        int np = s.positions();
        int per = implicitPositions(s);
        float[] g = slot.gradBlocks(n * out * per);
        for (int t = 0; t < n; t++) {
            for (int o = 0; o < out; o++) {
                int at = (t * out + o) * per;
                Panels.copy(dy, ((b0 + t) * out + o) * np, g, at, np);
                Panels.fill(g, at + np, per - np);
            }
        }
        int[] offs = new int[out];
        for (int o = 0; o < out; o++) {
            offs[o] = o * per;
        }
        return new RowGemm.Rows(g, offs, vectorBases(n * per, q -> (q / per) * out * per + q % per));
    }

    /** The input channels of images b0 .. b0+n-1 as {@link GradGemm.Inputs} read in place from X. */
    static GradGemm.Inputs imageInputs(ConvShape s, float[] x, int b0, int n) {
        int hw = s.height() * s.width();
        return new GradGemm.Inputs(x, vectorBases(n * hw, q -> (b0 + q / hw) * s.inImage() + q % hw), hw);
    }

    /**
     * The start of each strip's two vectors for {@code len} columns (a multiple of L), {@code at(q)}
     * being where column q lies; vectors past len (the padding of the last strip) repeat the last one.
     */
    private static int[] vectorBases(int len, java.util.function.IntUnaryOperator at) {
        int strips = Panels.strips(len);
        int[] bases = new int[2 * strips];
        for (int v = 0; v < 2 * strips; v++) {
            bases[v] = at.applyAsInt(Math.min(v * Simd.L, len - Simd.L));
        }
        return bases;
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

    /**
     * The run of floats one row of a patch's taps makes in a channels-last image (k C: taps j,
     * channels c), rounded up to whole vectors: the in-place transposed patches give each row of
     * taps this many patch rows, those past k C reading the floats after the run (their sums are
     * dropped).
     */
    static int transposedRun(ConvShape s) {
        return (s.kernel() * s.inC() + Simd.L - 1) / Simd.L * Simd.L;
    }

    /**
     * Whether the filter gradient reads its transposed patches in place ({@link #colsTImplicit})
     * rather than from {@link #colsT}: when a row of taps (k C floats, consecutive in a
     * channels-last image) is whole vectors or rounds up to them with at most a quarter more
     * (input channels a whole number of vectors: none; LeNet's second conv, 5 taps of 6 channels:
     * 30 -> 32).
     */
    static boolean implicitTransposed(ConvShape s) {
        return (long) transposedRun(s) * 4 <= (long) s.kernel() * s.inC() * 5;
    }

    /** Rows of the filter gradient's partial sums: {@link #transposedRun} per row of taps in place, else K. */
    static int transposedRows(ConvShape s, boolean inPlace) {
        return inPlace ? s.kernel() * transposedRun(s) : s.patch();
    }

    /**
     * The transposed patches of {@link #colsT} (the same values) as {@link RowGemm.Rows} over one
     * channels-last, zero-bordered copy of each image ({@link Im2col#padChannelsLast}), for
     * {@link #implicitTransposed} shapes, with {@link #transposedRows} columns: row q (an output
     * position (t, oy, ox) of the group) starts at pixel (oy s, ox s) of copy t, and the vector of
     * columns {@code i R + u .. + L - 1} (R = {@link #transposedRun}, u &lt; R; patch row
     * (c, i, j) at {@code u = j C + c}) lies {@code i W' C + u} floats further on. Nothing is
     * unfolded: a copy is C (H + 2p)(W + 2p) floats against k^2 C Ho Wo.
     */
    static RowGemm.Rows colsTImplicit(ConvShape s, float[] x, int b0, int n, ConvWorkspace.Slot slot) {
        int size = Im2col.paddedSize(s);
        float[] padded = slot.padded(n * size + Simd.L);      // the last run's rounding reads past the last copy
        for (int t = 0; t < n; t++) {
            Im2col.padChannelsLast(s, x, (b0 + t) * s.inImage(), padded, t * size);
        }
        int ch = s.inC();
        int st = s.stride();
        int wp = s.width() + 2 * s.padding();
        int wo = s.outW();
        int[] offs = new int[n * s.positions()];
        for (int t = 0, q = 0; t < n; t++) {
            for (int oy = 0; oy < s.outH(); oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    offs[q++] = t * size + (oy * st * wp + ox * st) * ch;
                }
            }
        }
        int run = transposedRun(s);
        int rows = transposedRows(s, true);
        int[] bases = new int[2 * Panels.strips(rows)];
        for (int v = 0; v < bases.length; v++) {
            int r0 = Math.min(v * Simd.L, rows - Simd.L);     // vectors past the rows (the last strip's padding) repeat the last
            bases[v] = (r0 / run) * wp * ch + r0 % run;
        }
        return new RowGemm.Rows(padded, offs, bases);
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

    /**
     * Whether the input gradient over patch rows runs over "wide" positions: a valid convolution
     * (stride 1, no padding; LeNet's second) whose output position (oy, ox) is taken at
     * {@code q = oy W + ox}, the input's own row pitch, so that patch row (c, i, j) at q is
     * {@code X[c][q + i W + j]} (patches read in place) and its gradient folds back as one run of
     * {@link #wideSpan} floats. The positions with ox &gt;= Wo in between carry dY = 0.
     */
    static boolean widePositions(ConvShape s) {
        return s.stride() == 1 && s.padding() == 0;
    }

    /** Wide positions per image: the last valid one's {@code (Ho - 1) W + Wo}. */
    static int wideSpan(ConvShape s) {
        return (s.outH() - 1) * s.width() + s.outW();
    }

    /** Wide positions per image in a group's columns: {@link #wideSpan} rounded up to whole vectors. */
    static int widePer(ConvShape s) {
        return (wideSpan(s) + Simd.L - 1) / Simd.L * Simd.L;
    }

    /**
     * The patches of images b0 .. b0+n-1 over {@link #widePer} wide positions each, as
     * {@link RowGemm.Rows} over a copy of the images (with room for the rounding's reads past the last).
     */
    static RowGemm.Rows colsWide(ConvShape s, float[] x, int b0, int n, ConvWorkspace.Slot slot) {
        int img = s.inImage();
        int per = widePer(s);
        float[] copy = slot.padded(n * img + per);
        System.arraycopy(x, b0 * img, copy, 0, n * img);
        Panels.fill(copy, n * img, per);
        int k = s.kernel();
        int hw = s.height() * s.width();
        int[] offs = new int[s.patch()];
        for (int c = 0; c < s.inC(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    offs[(c * k + i) * k + j] = c * hw + i * s.width() + j;
                }
            }
        }
        return new RowGemm.Rows(copy, offs, vectorBases(n * per, q -> (q / per) * img + q % per));
    }

    /** dY as a strip panel of O rows over {@link #widePer} wide positions an image, zero where no output is. */
    static float[] gradWide(ConvShape s, float[] dy, int b0, int n, ConvWorkspace.Slot slot) {
        int out = s.outC();
        int np = s.positions();
        int per = widePer(s);
        int w = s.width();
        int wo = s.outW();
        float[] g = slot.grad(Panels.stripFloats(out, n * per));
        for (int t = 0; t < n; t++) {
            for (int o = 0; o < out; o++) {
                Panels.zero(g, out, o, t * per, per);
                for (int oy = 0; oy < s.outH(); oy++) {
                    Panels.put(g, out, o, t * per + oy * w, dy, ((b0 + t) * out + o) * np + oy * wo, wo);
                }
            }
        }
        return g;
    }

    /** dY as a strip panel of O rows over the n P positions. */
    static float[] gradStrips(ConvShape s, float[] dy, int b0, int n, ConvWorkspace.Slot slot) {
        return gradStrips(s, dy, b0, n, s.positions(), slot);
    }

    /** As {@link #gradStrips(ConvShape, float[], int, int, ConvWorkspace.Slot)} with {@code per >= P} columns an image, those past P zero. */
    static float[] gradStrips(ConvShape s, float[] dy, int b0, int n, int per, ConvWorkspace.Slot slot) {
        int out = s.outC();
        int np = s.positions();
        float[] g = slot.grad(Panels.stripFloats(out, n * per));
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < out; o++) {
                Panels.put(g, out, o, i * per, dy, ((b0 + i) * out + o) * np, np);
                if (per > np) {
                    Panels.zero(g, out, o, i * per + np, per - np);
                }
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

    /**
     * {@code order[r]}: where patch row r sits in the filter gradient's partial sums: in the
     * transposed patches ({@link Im2col#transposedRow}), or at r itself when they are taken as dot
     * products ({@code dot}: {@link #dotFilterGradient}).
     */
    static int[] transposedOrder(ConvShape s, boolean dot) {
        return transposedOrder(s, dot, false);
    }

    /**
     * As {@link #transposedOrder(ConvShape, boolean)}, or with {@code inPlace} for the rows of
     * {@link #colsTImplicit}: patch row (c, i, j) at {@code i R + j C + c}.
     */
    static int[] transposedOrder(ConvShape s, boolean dot, boolean inPlace) {
        int[] order = new int[s.patch()];
        int k = s.kernel();
        int kk = k * k;
        int run = transposedRun(s);
        for (int r = 0; r < order.length; r++) {
            int tap = r % kk;
            order[r] = dot ? r : inPlace ? (tap / k) * run + (tap % k) * s.inC() + r / kk : Im2col.transposedRow(s, r);
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
     * For {@link RowGemm#fmaInto}: where each strip of a group's result columns (n images of
     * {@code per} positions side by side) goes in a [B, rows, per] array, images b0 ..; null when
     * a strip would straddle two images ({@code per} not whole strips), where the caller scatters.
     */
    static int[] stripsInImages(int per, int rows, int b0, int n) {
        if (per % Simd.W != 0) {
            return null;
        }
        int[] bases = new int[n * per / Simd.W];
        for (int st = 0; st < bases.length; st++) {
            int q = st * Simd.W;
            bases[st] = (b0 + q / per) * rows * per + q % per;
        }
        return bases;
    }

    /**
     * Copies a row-major [rows, ld] result whose columns are n images of {@code per} values side
     * by side into images {@code b0 ..} of a [B, rows, per] array.
     */
    static void scatter(float[] res, int ld, int rows, int per, float[] dst, int b0, int n) {
        scatter(res, ld, per, rows, per, dst, b0, n);
    }

    /** As {@link #scatter(float[], int, int, int, float[], int, int)} with the images {@code stride >= per} apart in res. */
    static void scatter(float[] res, int ld, int stride, int rows, int per, float[] dst, int b0, int n) {
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(res, r * ld + i * stride, dst, ((b0 + i) * rows + r) * per, per);
            }
        }
    }
}
