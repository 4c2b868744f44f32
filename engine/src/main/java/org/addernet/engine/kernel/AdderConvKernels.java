package org.addernet.engine.kernel;

import static org.addernet.engine.kernel.AdderDenseKernels.F_EXACT;
import static org.addernet.engine.kernel.AdderDenseKernels.F_FULL;
import static org.addernet.engine.kernel.AdderDenseKernels.F_SIGN;
import static org.addernet.engine.kernel.AdderDenseKernels.X_EQ27;
import static org.addernet.engine.kernel.AdderDenseKernels.X_EXACT;
import static org.addernet.engine.kernel.AdderDenseKernels.X_HARDTANH;

import java.util.Arrays;

/**
 * Adder convolution kernels (eq. 26): {@code Y[b,o,y,x] = -sum_{c,i,j} |X[b,c,y s+i-p, x s+j-p] - F[o,c,i,j]|^p}.
 * Padding pixels are zeros that take part like any other input ({@code |0 - F|^p}), as the
 * official unfold-based code does; layouts in {@link ConvShape}.
 *
 * <p>Backward applies the rules of {@link AdderDenseKernels} per element (codes {@code F_*},
 * {@code X_*}; AUTO is resolved by the caller): the filter gradient {@code dF[o,r] = sum g dF(X - F)}
 * and the input gradient {@code dX = sum g dX(F - X)}, the padding's share of dX dropped. The
 * fast paths mirror {@link ConvKernels} (image groups, transposed patches for the filter
 * gradient, the input gradient over pixels against the adjoint-unfolded dY at stride 1): p = 1
 * and p = 2 forward, the full-precision filter gradient (eq. 23) as the product
 * {@code dY X^T - F rowsum(dY)}, the HardTanh, sign (p = 1) and difference (p = 2) input
 * gradients all vectorise; the sign filter gradient (eq. 22) vectorises through a division
 * ({@link RowLoops#sign}); any other p needs a scalar {@code Math.pow} per element and is about
 * 100 times slower (HotSpot 17 cannot vectorise pow, log, exp or float bit casts). Results do
 * not depend on the number of threads. {@link #forwardNaive} and {@link #backwardNaive} are the
 * seven-loop twins built on {@link AdderDenseKernels#filterGrad} and {@link AdderDenseKernels#inputGrad}.
 */
public final class AdderConvKernels {
    private static final int GEMM = 0, SIGN = 1, POW = 2, HARDTANH = 3, DIFF = 4;

    private AdderConvKernels() {
    }

    /** Writes (overwrites) Y. */
    public static void forward(ConvShape s, float[] x, float[] f, float[] y, float p, ConvWorkspace ws, Parallel par) {
        int k = s.patch();
        int np = s.positions();
        int out = s.outC();
        int group = ConvWorkspace.groupSize(s.batch(), np);
        int tasks = (s.batch() + group - 1) / group;
        ws.prepare(par.workers());
        par.run(tasks, s.macs() >= ConvKernels.PARALLEL_MIN_MACS, (t, worker) -> {
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
                Arrays.fill(acc, 0, len, 0f);
                distanceToRows(acc, f, o * k, col, k, p, 0, len);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(acc, i * np, y, ((b0 + i) * out + o) * np, np);
                }
            }
        });
    }

    /**
     * {@code acc[q] -= sum_{r<n} |rows[r][q] - f[fo + r]|^p} for q in [from, to). One small method
     * per p: C2 stops vectorising when many loops are inlined into one compilation unit.
     */
    static void distanceToRows(float[] acc, float[] f, int fo, float[][] rows, int n, float p, int from, int to) {
        if (p == 1f) {
            l1ToRows(acc, f, fo, rows, n, from, to);
        } else if (p == 2f) {
            l2ToRows(acc, f, fo, rows, n, from, to);
        } else {
            for (int r = 0; r < n; r++) {
                RowLoops.lpx1(acc, rows[r], f[fo + r], p, from, to);
            }
        }
    }

    private static void l1ToRows(float[] acc, float[] f, int fo, float[][] rows, int n, int from, int to) {
        int r = 0;
        for (; r + 3 < n; r += 4) {
            RowLoops.l1x4(acc, rows[r], rows[r + 1], rows[r + 2], rows[r + 3],
                    f[fo + r], f[fo + r + 1], f[fo + r + 2], f[fo + r + 3], from, to);
        }
        for (; r < n; r++) {
            RowLoops.l1x1(acc, rows[r], f[fo + r], from, to);
        }
    }

    private static void l2ToRows(float[] acc, float[] f, int fo, float[][] rows, int n, int from, int to) {
        int r = 0;
        for (; r + 1 < n; r += 2) {
            RowLoops.l2x2(acc, rows[r], rows[r + 1], f[fo + r], f[fo + r + 1], from, to);
        }
        for (; r < n; r++) {
            RowLoops.l2x1(acc, rows[r], f[fo + r], from, to);
        }
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
        float xscale = xmode == HARDTANH ? 0.5f : inputRule == X_EXACT && p != 1f ? p : 1f;
        double pm1 = p - 1.0;
        int k = s.patch();
        int np = s.positions();
        int out = s.outC();
        int chunks = ConvWorkspace.chunks(batch);
        float[][][] part = ws.partials(chunks, out, k);
        float[][] gsum = ws.partialSums(chunks, out);
        float[][] frows = fmode == GEMM ? null : ws.filterRows(f, out, k);
        float[][] fc = dx != null && ConvKernels.pixelPath(s) ? ws.filtersPerChannel(f, out, s.inC(), s.kernel() * s.kernel()) : null;
        int group = ConvWorkspace.groupSize(batch, np);
        ws.prepare(par.workers());
        par.run(chunks, 3 * s.macs() >= ConvKernels.PARALLEL_MIN_MACS, (c, worker) -> {
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
                    if (fmode == GEMM) {
                        // sum_q g (x - f) = sum_q g x - f sum_q g: eq. 23 as a product; f sum g is taken per chunk
                        gsum[c][o] += Reductions.sum(g[o], 0, len);
                        ConvKernels.rowTimesRows(pc[o], g[o], 0, colT, len, 0, k);
                    } else {
                        float[] fr = frows[o];
                        float[] go = g[o];
                        for (int q = 0; q < len; q++) {
                            if (fmode == SIGN) {
                                RowLoops.signRow(pc[o], colT[q], fr, go[q], 0, k);
                            } else {
                                RowLoops.powRow(pc[o], colT[q], fr, go[q], pm1, 0, k);
                            }
                        }
                    }
                }
                if (dx != null) {
                    inputGradient(s, x, f, fc, g, dy, dx, b0, n, group, xmode, xscale, pm1, slot);
                }
            }
        });
        for (int c = 0; c < chunks; c++) {
            for (int o = 0; o < out; o++) {
                float[] pr = part[c][o];
                float gs = gsum[c][o];
                int fo = o * k;
                for (int r = 0; r < k; r++) {
                    df[fo + r] += fscale * (pr[r] - f[fo + r] * gs);
                }
            }
        }
    }

    /**
     * Overwrites image b of dX with {@code xscale sum g rule(F - X)}. For stride 1 it runs over
     * pixels: each input channel row against the adjoint-unfolded dY ({@link Im2col#unfoldAdjoint})
     * with the filters regrouped per channel ({@code fc}); otherwise per patch row against the rows
     * of dY ({@code g}), folded back.
     */
    private static void inputGradient(ConvShape s, float[] x, float[] f, float[][] fc, float[][] g, float[] dy,
                                      float[] dx, int b0, int n, int group, int xmode, float xscale, double pm1,
                                      ConvWorkspace.Slot slot) {
        if (fc != null) {
            int hw = s.height() * s.width();
            int rows = s.outC() * s.kernel() * s.kernel();
            float[][] gcol = slot.gcol(rows, group * hw);
            float[][] xr = slot.image(s.inC(), group * hw);
            float[] acc = slot.pixelAcc(group * hw);
            for (int i = 0; i < n; i++) {
                Im2col.unfoldAdjoint(s, dy, (b0 + i) * s.outImage(), gcol, i * hw);
                for (int c = 0; c < s.inC(); c++) {
                    System.arraycopy(x, (b0 + i) * s.inImage() + c * hw, xr[c], i * hw, hw);
                }
            }
            for (int c = 0; c < s.inC(); c++) {
                Arrays.fill(acc, 0f);
                inputGradRows(acc, xr[c], fc[c], 0, 1, gcol, rows, xmode, pm1, 0, n * hw);
                for (int i = 0; i < n; i++) {
                    int d = (b0 + i) * s.inImage() + c * hw;
                    int a = i * hw;
                    for (int t = 0; t < hw; t++) {
                        dx[d + t] = xscale * acc[a + t];
                    }
                }
            }
        } else {
            int k = s.patch();
            int np = s.positions();
            float[][] col = slot.col(k, group * np);
            float[][] dcol = slot.dcol(k, group * np);
            for (int r = 0; r < k; r++) {
                float[] acc = dcol[r];
                Arrays.fill(acc, 0f);
                inputGradRows(acc, col[r], f, r, k, g, s.outC(), xmode, pm1, 0, n * np);
            }
            for (int i = 0; i < n; i++) {
                Im2col.fold(s, dcol, i * np, xscale, dx, (b0 + i) * s.inImage());
            }
        }
    }

    /**
     * {@code acc[q] += sum_{m<n} rows[m][q] rule(fv[fo + m fs] - c[q])} for q in [from, to), before
     * the caller's scale (HardTanh is computed doubled).
     */
    private static void inputGradRows(float[] acc, float[] c, float[] fv, int fo, int fs, float[][] rows, int n,
                                      int xmode, double pm1, int from, int to) {
        int m = 0;
        switch (xmode) {
            case HARDTANH -> {
                for (; m + 2 < n; m += 3) {
                    RowLoops.hardTanh3(acc, c, rows[m], rows[m + 1], rows[m + 2], fv[fo + m * fs],
                            fv[fo + (m + 1) * fs], fv[fo + (m + 2) * fs], from, to);
                }
                for (; m + 1 < n; m += 2) {
                    RowLoops.hardTanh2(acc, c, rows[m], rows[m + 1], fv[fo + m * fs], fv[fo + (m + 1) * fs], from, to);
                }
                if (m < n) {
                    RowLoops.hardTanh1(acc, c, rows[m], fv[fo + m * fs], from, to);
                }
            }
            case DIFF -> {
                for (; m + 1 < n; m += 2) {
                    RowLoops.diff2(acc, c, rows[m], rows[m + 1], fv[fo + m * fs], fv[fo + (m + 1) * fs], from, to);
                }
                if (m < n) {
                    RowLoops.diff1(acc, c, rows[m], fv[fo + m * fs], from, to);
                }
            }
            case SIGN -> {
                for (; m < n; m++) {
                    RowLoops.sign1(acc, c, rows[m], fv[fo + m * fs], from, to);
                }
            }
            default -> {
                for (; m < n; m++) {
                    RowLoops.powDiff1(acc, c, rows[m], fv[fo + m * fs], pm1, from, to);
                }
            }
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
