package org.addernet.engine.kernel;

import java.util.Arrays;

/**
 * Unfolding one image into patch rows and folding gradients back (see {@link ConvShape} for the
 * layouts). {@code col} is [K][P] as separate row arrays: {@code col[r][q]} is input channel c,
 * row {@code oy s + i - p}, column {@code ox s + j - p} of the image, 0 in the padding, with
 * {@code r = (c k + i) k + j} and {@code q = oy Wo + ox}. Separate rows let the kernels' inner
 * loops run over positions with one index on every array, which HotSpot vectorises (see
 * {@link RowScratch}).
 */
public final class Im2col {
    private Im2col() {
    }

    /** Writes (overwrites) {@code col[r][0..P)} for every r from the image of X starting at {@code xOff}. */
    public static void unfold(ConvShape s, float[] x, int xOff, float[][] col) {
        int h = s.height();
        int w = s.width();
        int k = s.kernel();
        int st = s.stride();
        int pad = s.padding();
        int ho = s.outH();
        int wo = s.outW();
        for (int c = 0; c < s.inC(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    float[] row = col[(c * k + i) * k + j];
                    int lo = firstInside(pad - j, st, wo);
                    int hi = Math.max(lo, endInside(w - 1 + pad - j, st, wo));
                    for (int oy = 0; oy < ho; oy++) {
                        int iy = oy * st + i - pad;
                        int q0 = oy * wo;
                        if (iy < 0 || iy >= h) {
                            Arrays.fill(row, q0, q0 + wo, 0f);
                            continue;
                        }
                        Arrays.fill(row, q0, q0 + lo, 0f);
                        Arrays.fill(row, q0 + hi, q0 + wo, 0f);
                        int src = xOff + (c * h + iy) * w + lo * st + j - pad;
                        if (st == 1) {
                            System.arraycopy(x, src, row, q0 + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                row[q0 + ox] = x[src + (ox - lo) * st];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Overwrites the image of dX at {@code xOff} with {@code scale * sum} of {@code dcol[r][q]}
     * over every (r, q) that reads that pixel (the adjoint of {@link #unfold}; padding drops out).
     */
    public static void fold(ConvShape s, float[][] dcol, float scale, float[] dx, int xOff) {
        int h = s.height();
        int w = s.width();
        int k = s.kernel();
        int st = s.stride();
        int pad = s.padding();
        int ho = s.outH();
        int wo = s.outW();
        Arrays.fill(dx, xOff, xOff + s.inImage(), 0f);
        for (int c = 0; c < s.inC(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    float[] row = dcol[(c * k + i) * k + j];
                    int lo = firstInside(pad - j, st, wo);
                    int hi = Math.max(lo, endInside(w - 1 + pad - j, st, wo));
                    for (int oy = 0; oy < ho; oy++) {
                        int iy = oy * st + i - pad;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int q0 = oy * wo;
                        int dst = xOff + (c * h + iy) * w + lo * st + j - pad;
                        for (int ox = lo; ox < hi; ox++) {
                            dx[dst + (ox - lo) * st] += scale * row[q0 + ox];
                        }
                    }
                }
            }
        }
    }

    /** Writes {@code t[q][r] = a[r][q]} for r &lt; rows, q &lt; cols, in blocks of 16 columns. */
    public static void transpose(float[][] a, int rows, int cols, float[][] t) {
        for (int q0 = 0; q0 < cols; q0 += 16) {
            int qe = Math.min(cols, q0 + 16);
            for (int r = 0; r < rows; r++) {
                float[] src = a[r];
                for (int q = q0; q < qe; q++) {
                    t[q][r] = src[q];
                }
            }
        }
    }

    /** The first ox with {@code ox * st >= need} (need = p - j), clamped to [0, wo]. */
    private static int firstInside(int need, int st, int wo) {
        if (need <= 0) {
            return 0;
        }
        return Math.min(wo, (need + st - 1) / st);
    }

    /** One past the last ox with {@code ox * st <= limit} (limit = W - 1 + p - j), clamped to [0, wo]. */
    private static int endInside(int limit, int st, int wo) {
        if (limit < 0) {
            return 0;
        }
        return Math.min(wo, limit / st + 1);
    }
}
