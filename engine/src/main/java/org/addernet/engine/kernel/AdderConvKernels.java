package org.addernet.engine.kernel;

import static org.addernet.engine.kernel.AdderDenseKernels.F_EXACT;
import static org.addernet.engine.kernel.AdderDenseKernels.F_FULL;
import static org.addernet.engine.kernel.AdderDenseKernels.F_SIGN;
import static org.addernet.engine.kernel.AdderDenseKernels.X_EQ27;
import static org.addernet.engine.kernel.AdderDenseKernels.X_EXACT;
import static org.addernet.engine.kernel.AdderDenseKernels.X_HARDTANH;

/**
 * Adder convolution kernels (eq. 26): {@code Y[b,o,y,x] = -sum_{c,i,j} |X[b,c,y s+i-p, x s+j-p] - F[o,c,i,j]|^p}.
 * Padding pixels are zeros that take part like any other input ({@code |0 - F|^p}), as the
 * official unfold-based code does; layouts in {@link ConvShape}.
 *
 * <p>Backward applies the rules of {@link AdderDenseKernels} per element (codes {@code F_*},
 * {@code X_*}; AUTO is resolved by the caller): the filter gradient {@code dF[o,r] = sum g dF(X - F)}
 * and the input gradient {@code dX = sum g dX(F - X)}, the padding's share of dX dropped. The
 * fast paths are the register-blocked Vector API kernels over the panels of {@link ConvPacking},
 * grouped, chunked and threaded as in {@link ConvKernels}: the forward at p = 1, p = 2 and any
 * other p ({@link RowGemm#l1}, {@link RowGemm#l2}, {@link RowGemm#lp} with {@link FastPow}); the
 * full-precision filter gradient (eq. 23) as the product {@code dY X^T - F rowsum(dY)}
 * ({@link RowGemm#fmaAdd}), the sign and exact ones through {@link FilterGemm}; the HardTanh, sign,
 * difference and {@code sgn |e|^(p-1)} input gradients through {@link GradGemm}, over input pixels
 * at stride 1 and over patch rows folded back otherwise (a valid convolution's patch rows over the
 * input's own row pitch, {@link ConvPacking#widePositions}). The patches are read in place wherever
 * the shape allows (bordered, shifted or channels-last copies of the images), with the same values
 * and order as the unfolded panels. {@code |d|^(p-1)} is computed again in
 * backward rather than kept from forward: for a convolution it is O K values per output position
 * (600 MB for one 16-channel 32x32 layer at batch 64). Results do not depend on the number of
 * threads. {@link #forwardNaive} and {@link #backwardNaive} are the seven-loop twins built on
 * {@link AdderDenseKernels#filterGrad} and {@link AdderDenseKernels#inputGrad}.
 */
public final class AdderConvKernels {
    private static final int GEMM = 0, SIGN = 1, POW = 2, HARDTANH = 3, DIFF = 4;
    /** The input-gradient modes as {@link GradGemm} rules (GEMM, a filter-side mode, has none). */
    private static final GradGemm.Rule[] RULES = {null, GradGemm.Rule.SIGN, GradGemm.Rule.POW, GradGemm.Rule.HARDTANH,
        GradGemm.Rule.DIFF};

    private AdderConvKernels() {
    }

    /** Writes (overwrites) Y. */
    public static void forward(ConvShape s, float[] x, float[] f, float[] y, float p, ConvWorkspace ws, Parallel par) {
        int k = s.patch();
        int np = s.positions();
        int out = s.outC();
        int group = ConvWorkspace.groupSize(s.batch(), np);
        int tasks = (s.batch() + group - 1) / group;
        float[] fb = ConvPacking.filterBlocks(f, out, k, ws.filters(Panels.blockFloats(out, k)));
        ws.prepare(par.workers());
        par.run(tasks, s.macs() >= ConvKernels.PARALLEL_MIN_MACS, (t, worker) -> {
            ConvWorkspace.Slot slot = ws.slot(worker);
            int b0 = t * group;
            int n = Math.min(group, s.batch() - b0);
            boolean implicit = ConvPacking.implicitForward(s);
            int per = implicit ? ConvPacking.implicitPositions(s) : np;
            int len = n * per;
            float[] res = slot.out(out * len);
            RowGemm.Rows patches = implicit ? ConvPacking.colsImplicit(s, x, b0, n, slot)
                    : RowGemm.Rows.panel(ConvPacking.cols(s, x, b0, n, slot), Panels.paddedRows(k), k, len);
            RowGemm.adder(fb, patches, k, out, len, p, res, 0, len);
            ConvPacking.scatter(res, len, per, out, np, y, b0, n);
        });
    }

    /**
     * Adds {@code sum dY dF} into dF (overwrites nothing else) and writes (overwrites) dX when
     * non-null, with filter rule {@code filterRule} and input rule {@code inputRule}.
     */
    public static void backward(ConvShape s, float[] x, float[] f, float[] dy, float[] df, float[] dx, float p,
                                int filterRule, int inputRule, ConvWorkspace ws, Parallel par) {
        int batch = s.batch();
        if (batch == 0) {
            return;
        }
        int fmode = filterMode(filterRule, p);
        float fscale = filterRule == F_EXACT && p != 1f ? p : 1f;
        int xmode = inputMode(inputRule, p);
        float xscale = inputRule == X_EXACT && p != 1f ? p : 1f;
        int k = s.patch();
        int np = s.positions();
        int out = s.outC();
        int kk = s.kernel() * s.kernel();
        int group = ConvWorkspace.groupSize(batch, np);
        int chunks = ConvWorkspace.chunks(batch);
        boolean dot = fmode == GEMM && ConvPacking.dotFilterGradient(s);
        boolean inPlace = fmode == GEMM && !dot && ConvPacking.implicitTransposed(s);
        int kt = ConvPacking.transposedRows(s, inPlace);                 // columns of the partial sums
        float[] part = ws.partials(chunks * out * kt);
        float[] gsum = ws.partialSums(chunks * out);
        int fRows = Panels.paddedRows(out);
        int[] order = ConvPacking.transposedOrder(s, dot, inPlace);
        float[] fm = fmode == GEMM ? null
                : ConvPacking.filterStripsTransposed(f, out, k, order, ws.filters(Panels.stripFloats(fRows, k)));
        boolean pixel = ConvKernels.pixelPath(s);
        float[] fb = dx == null ? null : pixel
                ? ConvPacking.filterBlocksPerChannel(f, out, s.inC(), kk, ws.filtersBack(Panels.blockFloats(s.inC(), out * kk)))
                : ConvPacking.filterBlocksTransposed(f, out, k, ws.filtersBack(Panels.blockFloats(k, out)));
        ws.prepare(par.workers());
        par.run(chunks, 3 * s.macs() >= ConvKernels.PARALLEL_MIN_MACS, (c, worker) -> {
            ConvWorkspace.Slot slot = ws.slot(worker);
            java.util.Arrays.fill(part, c * out * kt, (c + 1) * out * kt, 0f);
            java.util.Arrays.fill(gsum, c * out, (c + 1) * out, 0f);
            int end = ConvWorkspace.chunkStart(c + 1, chunks, batch);
            for (int b0 = ConvWorkspace.chunkStart(c, chunks, batch); b0 < end; b0 += group) {
                int n = Math.min(group, end - b0);
                int len = n * np;
                int po = c * out * kt;
                float[] colT = dot || inPlace ? null : ConvPacking.colsT(s, x, b0, n, slot);
                float[] gb = dot ? null : ConvPacking.gradBlocks(s, dy, b0, n, slot);
                switch (fmode) {
                    case GEMM -> {
                        // sum_q g (x - f) = sum_q g x - f sum_q g: eq. 23 as a product; f sum g is taken per chunk
                        if (dot) {
                            DotGemm.fmaAdd(ConvPacking.gradRowsImplicit(s, dy, b0, n, slot), out,
                                    ConvPacking.colsImplicit(s, x, b0, n, slot), k,
                                    n * ConvPacking.implicitPositions(s) / Simd.L, part, po, k);
                        } else if (inPlace) {
                            RowGemm.fmaAdd(gb, ConvPacking.colsTImplicit(s, x, b0, n, slot), len, out, kt, part, po, kt);
                        } else {
                            RowGemm.fmaAdd(gb, colT, len, len, out, k, part, po, k);
                        }
                        for (int i = 0; i < n; i++) {
                            for (int o = 0; o < out; o++) {
                                gsum[c * out + o] += Reductions.sum(dy, ((b0 + i) * out + o) * np, np);
                            }
                        }
                    }
                    case SIGN -> FilterGemm.sign(gb, colT, len, fm, fRows, out, k, part, po, k);
                    default -> FilterGemm.pow(gb, colT, len, fm, fRows, out, k, p - 1f, part, po, k);
                }
                if (dx != null) {
                    inputGradient(s, x, fb, pixel, dy, dx, b0, n, xmode, xscale, p, slot);
                }
            }
        });
        for (int c = 0; c < chunks; c++) {
            for (int o = 0; o < out; o++) {
                int po = (c * out + o) * kt;
                float gs = fmode == GEMM ? gsum[c * out + o] : 0f;
                int fo = o * k;
                for (int r = 0; r < k; r++) {
                    df[fo + r] += fscale * (part[po + order[r]] - f[fo + r] * gs);
                }
            }
        }
    }

    /**
     * Overwrites images b0 .. b0+n-1 of dX with {@code xscale sum g rule(F - X)}: for the pixel
     * path each input channel against the adjoint-unfolded dY with the per-channel filters
     * {@code fb}; otherwise per patch row against dY with the transposed filters, folded back.
     */
    private static void inputGradient(ConvShape s, float[] x, float[] fb, boolean pixel, float[] dy, float[] dx,
                                      int b0, int n, int xmode, float xscale, float p, ConvWorkspace.Slot slot) {
        int out = s.outC();
        if (pixel) {
            int hw = s.height() * s.width();
            int rows = out * s.kernel() * s.kernel();
            float[] res = slot.out(s.inC() * n * hw);
            if (ConvPacking.implicitPixels(s)) {
                GradGemm.run(RULES[xmode], fb, ConvPacking.gradAdjointImplicit(s, dy, b0, n, slot), rows,
                        ConvPacking.imageInputs(s, x, b0, n), s.inC(), n * hw, p - 1f, xscale, res, 0, n * hw);
            } else {
                float[] gcol = ConvPacking.gradAdjoint(s, dy, b0, n, slot);
                float[] img = ConvPacking.imageStrips(s, x, b0, n, slot);
                inputRule(xmode, fb, gcol, rows, rows, img, Panels.paddedRows(s.inC()), s.inC(), n * hw, p, xscale, res);
            }
            ConvPacking.scatter(res, n * hw, s.inC(), hw, dx, b0, n);
        } else if (wideRows(s, xmode) || ConvPacking.implicitForward(s)) {
            // patches read in place: over the input's own row pitch for a valid convolution (one
            // fold run per patch row; bounded rules only, the positions between output rows must
            // give exactly 0), else from the forward's shifted copies with positions rounded up to
            // whole vectors (dY's extra columns zero, their results not folded back)
            boolean wide = wideRows(s, xmode);
            int k = s.patch();
            int per = wide ? ConvPacking.widePer(s) : ConvPacking.implicitPositions(s);
            int len = n * per;
            float[] g = wide ? ConvPacking.gradWide(s, dy, b0, n, slot) : ConvPacking.gradStrips(s, dy, b0, n, per, slot);
            RowGemm.Rows patches = wide ? ConvPacking.colsWide(s, x, b0, n, slot) : ConvPacking.colsImplicit(s, x, b0, n, slot);
            float[] dcol = slot.out(k * len);
            GradGemm.run(RULES[xmode], fb, RowGemm.Rows.panel(g, out, out, len), out, GradGemm.Inputs.of(patches), k, len,
                    p - 1f, xscale, dcol, 0, len);
            for (int i = 0; i < n; i++) {
                if (wide) {
                    Im2col.foldWide(s, dcol, len, i * per, dx, (b0 + i) * s.inImage());
                } else {
                    Im2col.fold(s, dcol, len, i * per, dx, (b0 + i) * s.inImage());
                }
            }
        } else {
            int k = s.patch();
            int len = n * s.positions();
            float[] g = ConvPacking.gradStrips(s, dy, b0, n, slot);
            float[] col = ConvPacking.cols(s, x, b0, n, slot);
            float[] dcol = slot.out(k * len);
            inputRule(xmode, fb, g, out, out, col, Panels.paddedRows(k), k, len, p, xscale, dcol);
            for (int i = 0; i < n; i++) {
                Im2col.fold(s, dcol, len, i * s.positions(), dx, (b0 + i) * s.inImage());
            }
        }
    }

    /** Whether the input gradient over patch rows runs over the input's own row pitch ({@link ConvPacking#widePositions}). */
    private static boolean wideRows(ConvShape s, int xmode) {
        return ConvPacking.widePositions(s) && (xmode == HARDTANH || xmode == SIGN);
    }

    private static void inputRule(int xmode, float[] a, float[] g, int gRows, int r, float[] x, int xRows, int m, int n,
                                  float p, float scale, float[] c) {
        switch (xmode) {
            case HARDTANH -> GradGemm.hardTanh(a, g, gRows, r, x, xRows, m, n, scale, c, 0, n);
            case SIGN -> GradGemm.sign(a, g, gRows, r, x, xRows, m, n, scale, c, 0, n);
            case DIFF -> GradGemm.diff(a, g, gRows, r, x, xRows, m, n, scale, c, 0, n);
            default -> GradGemm.powDiff(a, g, gRows, r, x, xRows, m, n, p - 1f, scale, c, 0, n);
        }
    }

    private static int filterMode(int rule, float p) {
        return switch (rule) {
            case F_FULL -> GEMM;
            case F_SIGN -> SIGN;
            case F_EXACT -> p == 1f ? SIGN : p == 2f ? GEMM : POW;
            default -> throw new IllegalArgumentException("unknown filter rule " + rule);
        };
    }

    private static int inputMode(int rule, float p) {
        return switch (rule) {
            case X_HARDTANH -> HARDTANH;
            case X_EQ27, X_EXACT -> p == 1f ? SIGN : p == 2f ? DIFF : POW;
            default -> throw new IllegalArgumentException("unknown input rule " + rule);
        };
    }

    /** Reference forward: one output element at a time with Math.pow, in double. */
    public static void forwardNaive(ConvShape s, float[] x, float[] f, float[] y, float p) {
        int c0 = s.inC();
        int k = s.kernel();
        int ho = s.outH();
        int wo = s.outW();
        for (int b = 0; b < s.batch(); b++) {
            for (int o = 0; o < s.outC(); o++) {
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        double acc = 0;
                        for (int c = 0; c < c0; c++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    float xv = pixel(s, x, b, c, oy * s.stride() + i - s.padding(),
                                            ox * s.stride() + j - s.padding());
                                    acc += Math.pow(Math.abs(xv - f[((o * c0 + c) * k + i) * k + j]), p);
                                }
                            }
                        }
                        y[((b * s.outC() + o) * ho + oy) * wo + ox] = (float) -acc;
                    }
                }
            }
        }
    }

    /** Reference backward with every rule written out per element (same contract as {@link #backward}). */
    public static void backwardNaive(ConvShape s, float[] x, float[] f, float[] dy, float[] df, float[] dx, float p,
                                     int filterRule, int inputRule) {
        int c0 = s.inC();
        int h = s.height();
        int wd = s.width();
        int k = s.kernel();
        int ho = s.outH();
        int wo = s.outW();
        double[] gf = new double[df.length];
        double[] gx = new double[s.batch() * s.inImage()];
        for (int b = 0; b < s.batch(); b++) {
            for (int o = 0; o < s.outC(); o++) {
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        float g = dy[((b * s.outC() + o) * ho + oy) * wo + ox];
                        for (int c = 0; c < c0; c++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int iy = oy * s.stride() + i - s.padding();
                                    int ix = ox * s.stride() + j - s.padding();
                                    int fi = ((o * c0 + c) * k + i) * k + j;
                                    float d = pixel(s, x, b, c, iy, ix) - f[fi];          // X - F
                                    gf[fi] += g * AdderDenseKernels.filterGrad(d, p, filterRule);
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                        gx[((b * c0 + c) * h + iy) * wd + ix] += g * AdderDenseKernels.inputGrad(-d, p, inputRule);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int t = 0; t < df.length; t++) {
            df[t] += (float) gf[t];
        }
        if (dx != null) {
            for (int t = 0; t < gx.length; t++) {
                dx[t] = (float) gx[t];
            }
        }
    }

    private static float pixel(ConvShape s, float[] x, int b, int c, int iy, int ix) {
        if (iy < 0 || iy >= s.height() || ix < 0 || ix >= s.width()) {
            return 0f;
        }
        return x[((b * s.inC() + c) * s.height() + iy) * s.width() + ix];
    }
}
