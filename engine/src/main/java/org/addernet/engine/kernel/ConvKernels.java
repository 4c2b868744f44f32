package org.addernet.engine.kernel;

/**
 * 2-D convolution kernels: {@code Y[b,o,y,x] = bias[o] + sum_{c,i,j} W[o,c,i,j] X[b,c,y s+i-p, x s+j-p]}
 * with zero padding (layouts in {@link ConvShape}; bias [O] may be null).
 *
 * <p>The fast versions are products of packed panels ({@link RowGemm#fma}, register-blocked
 * with the Vector API) over groups of images laid side by side ({@link ConvPacking}; G images so
 * that a group holds at least {@link ConvWorkspace#ROW_TARGET} positions): the forward
 * {@code Y = W col(X)}; the weight gradient {@code dW += dY col(X)^T} over the positions of the
 * group; the input gradient {@code W^T dY} as a product over input pixels against the
 * adjoint-unfolded dY (stride 1), or over patch rows folded back (other strides and "valid"
 * convolutions). Groups are spread over the workers of a {@link Parallel} when the work passes
 * {@link #PARALLEL_MIN_MACS}; the weight gradient is summed per fixed chunk of the batch and the
 * chunks are added in order, so the result does not depend on the number of threads.
 * {@link #forwardNaive} and {@link #backwardNaive} are the plain seven-loop twins.
 */
public final class ConvKernels {
    /** Below this many multiply-accumulates a call stays on the calling thread. */
    public static final long PARALLEL_MIN_MACS = 1L << 20;

    /**
     * Whether the input gradient runs over input pixels (against the adjoint-unfolded dY) rather
     * than over patch rows folded back: at stride 1, unless the output is much smaller than the
     * input (a "valid" convolution such as LeNet's second layer, 14x14 in and 10x10 out), where
     * the pixel form would also multiply the zeros around dY (here almost twice the work).
     */
    static boolean pixelPath(ConvShape s) {
        return s.stride() == 1 && (long) s.height() * s.width() * 4 <= (long) s.outH() * s.outW() * 5;
    }

    private ConvKernels() {
    }

    /** Writes (overwrites) Y. */
    public static void forward(ConvShape s, float[] x, float[] w, float[] bias, float[] y,
                               ConvWorkspace ws, Parallel par) {
        int k = s.patch();
        int np = s.positions();
        int out = s.outC();
        int group = ConvWorkspace.groupSize(s.batch(), np);
        int tasks = (s.batch() + group - 1) / group;
        float[] fb = ConvPacking.filterBlocks(w, out, k, ws.filters(Panels.blockFloats(out, k)));
        ws.prepare(par.workers());
        par.run(tasks, s.macs() >= PARALLEL_MIN_MACS, (t, worker) -> {
            ConvWorkspace.Slot slot = ws.slot(worker);
            int b0 = t * group;
            int n = Math.min(group, s.batch() - b0);
            boolean implicit = ConvPacking.implicitForward(s);
            int per = implicit ? ConvPacking.implicitPositions(s) : np;
            int len = n * per;
            RowGemm.Rows patches = implicit ? ConvPacking.colsImplicit(s, x, b0, n, slot)
                    : RowGemm.Rows.panel(ConvPacking.cols(s, x, b0, n, slot), Panels.paddedRows(k), k, len);
            int[] into = per == np ? ConvPacking.stripsInImages(np, out, b0, n) : null;
            if (into != null) {
                RowGemm.fmaInto(fb, patches, k, out, len, bias, y, into, np);           // straight into Y's images
            } else {
                float[] res = slot.out(out * len);
                RowGemm.fma(fb, patches, k, out, len, bias, res, 0, len);
                ConvPacking.scatter(res, len, per, out, np, y, b0, n);
            }
        });
    }

    /**
     * Adds {@code sum_b dY X^T} (patch-wise) into dW and the sums of dY per channel into dbias
     * (when non-null); writes (overwrites) dX when non-null.
     */
    public static void backward(ConvShape s, float[] x, float[] w, float[] dy, float[] dw, float[] dbias, float[] dx,
                                ConvWorkspace ws, Parallel par) {
        int batch = s.batch();
        if (batch == 0) {
            return;
        }
        int k = s.patch();
        int np = s.positions();
        int out = s.outC();
        int group = ConvWorkspace.groupSize(batch, np);
        int chunks = ConvWorkspace.chunks(batch);
        boolean dot = ConvPacking.dotFilterGradient(s);
        boolean inPlace = !dot && ConvPacking.implicitTransposed(s);
        int kt = ConvPacking.transposedRows(s, inPlace);                 // columns of the partial sums
        float[] part = ws.partials(chunks * out * kt);
        float[] gsum = ws.partialSums(chunks * out);
        boolean pixel = pixelPath(s);
        int kk = s.kernel() * s.kernel();
        float[] wb = dx == null ? null : pixel
                ? ConvPacking.filterBlocksPerChannel(w, out, s.inC(), kk, ws.filtersBack(Panels.blockFloats(s.inC(), out * kk)))
                : ConvPacking.filterBlocksTransposed(w, out, k, ws.filtersBack(Panels.blockFloats(k, out)));
        ws.prepare(par.workers());
        par.run(chunks, 3 * s.macs() >= PARALLEL_MIN_MACS, (c, worker) -> {
            ConvWorkspace.Slot slot = ws.slot(worker);
            java.util.Arrays.fill(part, c * out * kt, (c + 1) * out * kt, 0f);
            java.util.Arrays.fill(gsum, c * out, (c + 1) * out, 0f);
            int end = ConvWorkspace.chunkStart(c + 1, chunks, batch);
            for (int b0 = ConvWorkspace.chunkStart(c, chunks, batch); b0 < end; b0 += group) {
                int n = Math.min(group, end - b0);
                int len = n * np;
                if (dot) {                                                                // dW += dY col^T
                    DotGemm.fmaAdd(ConvPacking.gradRowsImplicit(s, dy, b0, n, slot), out,
                            ConvPacking.colsImplicit(s, x, b0, n, slot), k, n * ConvPacking.implicitPositions(s) / Simd.L,
                            part, c * out * k, k);
                } else if (inPlace) {
                    RowGemm.fmaAdd(ConvPacking.gradBlocks(s, dy, b0, n, slot), ConvPacking.colsTImplicit(s, x, b0, n, slot),
                            len, out, kt, part, c * out * kt, kt);
                } else {
                    RowGemm.fmaAdd(ConvPacking.gradBlocks(s, dy, b0, n, slot), ConvPacking.colsT(s, x, b0, n, slot), len,
                            len, out, k, part, c * out * k, k);
                }
                for (int i = 0; dbias != null && i < n; i++) {                          // dbias: only with a bias
                    for (int o = 0; o < out; o++) {
                        gsum[c * out + o] += Reductions.sum(dy, ((b0 + i) * out + o) * np, np);
                    }
                }
                if (dx != null) {
                    inputGradient(s, wb, pixel, dy, dx, b0, n, slot);
                }
            }
        });
        addChunks(part, gsum, chunks, out, k, kt, ConvPacking.transposedOrder(s, dot, inPlace), dw, dbias);
    }

    /**
     * Overwrites images b0 .. b0+n-1 of dX with {@code W^T dY}: for the pixel path a product of the
     * per-channel filters {@code wb} with the adjoint-unfolded dY; otherwise the transposed filters
     * times dY over patch rows, folded back.
     */
    private static void inputGradient(ConvShape s, float[] wb, boolean pixel, float[] dy, float[] dx, int b0, int n,
                                      ConvWorkspace.Slot slot) {
        int out = s.outC();
        if (pixel) {
            int hw = s.height() * s.width();
            int rows = out * s.kernel() * s.kernel();
            RowGemm.Rows g = ConvPacking.implicitPixels(s) ? ConvPacking.gradAdjointImplicit(s, dy, b0, n, slot)
                    : RowGemm.Rows.panel(ConvPacking.gradAdjoint(s, dy, b0, n, slot), rows, rows, n * hw);
            int[] into = ConvPacking.stripsInImages(hw, s.inC(), b0, n);
            if (into != null) {
                RowGemm.fmaInto(wb, g, rows, s.inC(), n * hw, null, dx, into, hw);     // straight into dX's images
            } else {
                float[] res = slot.out(s.inC() * n * hw);
                RowGemm.fma(wb, g, rows, s.inC(), n * hw, null, res, 0, n * hw);
                ConvPacking.scatter(res, n * hw, s.inC(), hw, dx, b0, n);
            }
        } else {
            int k = s.patch();
            int len = n * s.positions();
            float[] g = ConvPacking.gradStrips(s, dy, b0, n, slot);
            float[] dcol = slot.out(k * len);
            RowGemm.fma(wb, g, out, out, k, len, null, dcol, 0, len);             // dcol = W^T dY
            for (int i = 0; i < n; i++) {
                Im2col.fold(s, dcol, len, i * s.positions(), dx, (b0 + i) * s.inImage());
            }
        }
    }

    /**
     * Adds the chunk partials ([chunks][out][kt] flat, patch row r at column {@code order[r]}) to
     * dW (and their sums to dbias) in chunk order.
     */
    static void addChunks(float[] part, float[] gsum, int chunks, int out, int k, int kt, int[] order, float[] dw,
                          float[] dbias) {
        for (int c = 0; c < chunks; c++) {
            for (int o = 0; o < out; o++) {
                int po = (c * out + o) * kt;
                int wo = o * k;
                for (int r = 0; r < k; r++) {
                    dw[wo + r] += part[po + order[r]];
                }
                if (dbias != null) {
                    dbias[o] += gsum[c * out + o];
                }
            }
        }
    }

    /** Reference forward, one output element at a time in double. */
    public static void forwardNaive(ConvShape s, float[] x, float[] w, float[] bias, float[] y) {
        int c0 = s.inC();
        int h = s.height();
        int wd = s.width();
        int k = s.kernel();
        int ho = s.outH();
        int wo = s.outW();
        for (int b = 0; b < s.batch(); b++) {
            for (int o = 0; o < s.outC(); o++) {
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        double acc = bias == null ? 0 : bias[o];
                        for (int c = 0; c < c0; c++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int iy = oy * s.stride() + i - s.padding();
                                    int ix = ox * s.stride() + j - s.padding();
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                        acc += (double) w[((o * c0 + c) * k + i) * k + j]
                                                * x[((b * c0 + c) * h + iy) * wd + ix];
                                    }
                                }
                            }
                        }
                        y[((b * s.outC() + o) * ho + oy) * wo + ox] = (float) acc;
                    }
                }
            }
        }
    }

    /** Reference backward in double (same contract as {@link #backward}). */
    public static void backwardNaive(ConvShape s, float[] x, float[] w, float[] dy, float[] dw, float[] dbias,
                                     float[] dx) {
        int c0 = s.inC();
        int h = s.height();
        int wd = s.width();
        int k = s.kernel();
        int ho = s.outH();
        int wo = s.outW();
        double[] gw = new double[dw.length];
        double[] gx = new double[s.batch() * s.inImage()];
        double[] gb = new double[s.outC()];
        for (int b = 0; b < s.batch(); b++) {
            for (int o = 0; o < s.outC(); o++) {
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        double g = dy[((b * s.outC() + o) * ho + oy) * wo + ox];
                        gb[o] += g;
                        for (int c = 0; c < c0; c++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int iy = oy * s.stride() + i - s.padding();
                                    int ix = ox * s.stride() + j - s.padding();
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                        int wi = ((o * c0 + c) * k + i) * k + j;
                                        int xi = ((b * c0 + c) * h + iy) * wd + ix;
                                        gw[wi] += g * x[xi];
                                        gx[xi] += g * w[wi];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int t = 0; t < dw.length; t++) {
            dw[t] += (float) gw[t];
        }
        if (dbias != null) {
            for (int o = 0; o < s.outC(); o++) {
                dbias[o] += (float) gb[o];
            }
        }
        if (dx != null) {
            for (int t = 0; t < gx.length; t++) {
                dx[t] = (float) gx[t];
            }
        }
    }
}
