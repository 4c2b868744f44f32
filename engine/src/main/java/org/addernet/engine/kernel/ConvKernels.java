package org.addernet.engine.kernel;

import java.util.Arrays;

/**
 * 2-D convolution kernels: {@code Y[b,o,y,x] = bias[o] + sum_{c,i,j} W[o,c,i,j] X[b,c,y s+i-p, x s+j-p]}
 * with zero padding (layouts in {@link ConvShape}; bias [O] may be null).
 *
 * <p>The fast versions unfold a group of images side by side into patch rows [K][G P]
 * ({@link Im2col}; G images so that a row holds at least {@link ConvWorkspace#ROW_TARGET}
 * positions) and run every inner loop over those positions (forward), over the patch on the
 * transposed rows (dW), or over input pixels against the adjoint-unfolded dY (dX, stride 1;
 * other strides fold patch rows back), four rows per pass ({@link RowLoops}). Groups are spread
 * over the workers of a {@link Parallel} when the work passes {@link #PARALLEL_MIN_MACS}; the
 * weight gradient of a backward pass is summed per fixed chunk of the batch and the chunks are
 * added in order, so the result does not depend on the number of threads.
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
        ws.prepare(par.workers());
        par.run(tasks, s.macs() >= PARALLEL_MIN_MACS, (t, worker) -> {
            ConvWorkspace.Slot slot = ws.slot(worker);
            int b0 = t * group;
            int n = Math.min(group, s.batch() - b0);
            int len = n * np;
            float[][] col = slot.col(k, group * np);
            float[] acc = slot.acc(group * np);
            for (int i = 0; i < n; i++) {
                Im2col.unfold(s, x, (b0 + i) * s.inImage(), col, i * np);
            }
            for (int o = 0; o < out; o++) {
                Arrays.fill(acc, 0, len, bias == null ? 0f : bias[o]);
                rowTimesRows(acc, w, o * k, col, k, 0, len);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(acc, i * np, y, ((b0 + i) * out + o) * np, np);
                }
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
        float[][][] part = ws.partials(chunks, out, k);
        float[][] gsum = ws.partialSums(chunks, out);
        float[][] wc = dx != null && ConvKernels.pixelPath(s) ? ws.filtersPerChannel(w, out, s.inC(), s.kernel() * s.kernel()) : null;
        ws.prepare(par.workers());
        par.run(chunks, 3 * s.macs() >= PARALLEL_MIN_MACS, (c, worker) -> {
            ConvWorkspace.Slot slot = ws.slot(worker);
            float[][] pc = part[c];
            for (int o = 0; o < out; o++) {
                Arrays.fill(pc[o], 0f);
            }
            Arrays.fill(gsum[c], 0f);
            int end = ConvWorkspace.chunkStart(c + 1, chunks, batch);
            for (int b0 = ConvWorkspace.chunkStart(c, chunks, batch); b0 < end; b0 += group) {
                int n = Math.min(group, end - b0);
                int len = n * np;
                float[][] col = slot.col(k, group * np);
                float[][] colT = slot.colT(group * np, k);
                float[][] g = slot.grad(out, group * np);
                for (int i = 0; i < n; i++) {
                    Im2col.unfold(s, x, (b0 + i) * s.inImage(), col, i * np);
                    for (int o = 0; o < out; o++) {
                        System.arraycopy(dy, ((b0 + i) * out + o) * np, g[o], i * np, np);
                    }
                }
                Im2col.transpose(col, k, len, colT);
                for (int o = 0; o < out; o++) {
                    gsum[c][o] += Reductions.sum(g[o], 0, len);
                    rowTimesRows(pc[o], g[o], 0, colT, len, 0, k);            // dW[o] += sum_q g[o][q] colT[q]
                }
                if (dx != null) {
                    inputGradient(s, w, wc, dy, dx, b0, n, group, slot);
                }
            }
        });
        addChunks(part, gsum, chunks, out, k, dw, dbias);
    }

    /**
     * Overwrites images b0 .. b0+n-1 of dX with {@code W^T dY}: for stride 1 as a pass over pixels
     * of the adjoint-unfolded dY ({@link Im2col#unfoldAdjoint}) with the per-channel filters
     * {@code wc}; otherwise per patch row against the rows of dY already in the slot, folded back.
     */
    private static void inputGradient(ConvShape s, float[] w, float[][] wc, float[] dy, float[] dx, int b0, int n,
                                      int group, ConvWorkspace.Slot slot) {
        int k = s.patch();
        int np = s.positions();
        int out = s.outC();
        if (wc != null) {
            int hw = s.height() * s.width();
            int rows = out * s.kernel() * s.kernel();
            float[][] gcol = slot.gcol(rows, group * hw);
            float[] acc = slot.pixelAcc(group * hw);
            for (int i = 0; i < n; i++) {
                Im2col.unfoldAdjoint(s, dy, (b0 + i) * s.outImage(), gcol, i * hw);
            }
            for (int c = 0; c < s.inC(); c++) {
                Arrays.fill(acc, 0f);
                rowTimesRows(acc, wc[c], 0, gcol, rows, 0, n * hw);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(acc, i * hw, dx, (b0 + i) * s.inImage() + c * hw, hw);
                }
            }
        } else {
            float[][] g = slot.grad(out, group * np);
            float[][] dcol = slot.dcol(k, group * np);
            for (int r = 0; r < k; r++) {
                float[] acc = dcol[r];
                Arrays.fill(acc, 0f);
                columnTimesRows(acc, w, r, k, g, out, 0, n * np);     // dcol[r] = sum_o W[o][r] g[o]
            }
            for (int i = 0; i < n; i++) {
                Im2col.fold(s, dcol, i * np, 1f, dx, (b0 + i) * s.inImage());
            }
        }
    }

    /** Adds the chunk partials to dW (and their sums to dbias) in chunk order. */
    static void addChunks(float[][][] part, float[][] gsum, int chunks, int out, int k, float[] dw, float[] dbias) {
        for (int c = 0; c < chunks; c++) {
            for (int o = 0; o < out; o++) {
                float[] pr = part[c][o];
                int wo = o * k;
                for (int r = 0; r < k; r++) {
                    dw[wo + r] += pr[r];
                }
                if (dbias != null) {
                    dbias[o] += gsum[c][o];
                }
            }
        }
    }

    /** {@code acc[q] += sum_{r<n} v[vo + r] rows[r][q]} for q in [from, to), four rows a pass. */
    static void rowTimesRows(float[] acc, float[] v, int vo, float[][] rows, int n, int from, int to) {
        int r = 0;
        for (; r + 3 < n; r += 4) {
            RowLoops.axpy4(acc, rows[r], rows[r + 1], rows[r + 2], rows[r + 3],
                    v[vo + r], v[vo + r + 1], v[vo + r + 2], v[vo + r + 3], from, to);
        }
        for (; r < n; r++) {
            RowLoops.axpy1(acc, rows[r], v[vo + r], from, to);
        }
    }

    /** {@code acc[q] += sum_{o<n} m[o * stride + col] rows[o][q]}: a column of a row-major matrix times rows. */
    static void columnTimesRows(float[] acc, float[] m, int col, int stride, float[][] rows, int n, int from, int to) {
        int o = 0;
        for (; o + 3 < n; o += 4) {
            RowLoops.axpy4(acc, rows[o], rows[o + 1], rows[o + 2], rows[o + 3], m[o * stride + col],
                    m[(o + 1) * stride + col], m[(o + 2) * stride + col], m[(o + 3) * stride + col], from, to);
        }
        for (; o < n; o++) {
            RowLoops.axpy1(acc, rows[o], m[o * stride + col], from, to);
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
