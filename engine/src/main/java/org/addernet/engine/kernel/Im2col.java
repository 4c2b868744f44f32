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

    /**
     * Writes (overwrites) {@code col[r][colOff .. colOff + P)} for every r from the image of X
     * starting at {@code xOff}; several images side by side make longer rows.
     */
    public static void unfold(ConvShape s, float[] x, int xOff, float[][] col, int colOff) {
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
                        int q0 = colOff + oy * wo;
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
     * Overwrites the image of dX at {@code xOff} with {@code scale * sum} of {@code dcol[r][colOff + q]}
     * over every (r, q) that reads that pixel (the adjoint of {@link #unfold}; padding drops out).
     */
    public static void fold(ConvShape s, float[][] dcol, int colOff, float scale, float[] dx, int xOff) {
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
                        int q0 = colOff + oy * wo;
                        int dst = xOff + (c * h + iy) * w + lo * st + j - pad;
                        for (int ox = lo; ox < hi; ox++) {
                            dx[dst + (ox - lo) * st] += scale * row[q0 + ox];
                        }
                    }
                }
            }
        }
    }

    /**
     * Writes {@code t[q][r] = a[r][q]} for r &lt; rows, q &lt; cols: blocks of 32 columns (the
     * destination rows stay in L1) times four source rows (one destination row reference per
     * four stores).
     */
    public static void transpose(float[][] a, int rows, int cols, float[][] t) {
        for (int q0 = 0; q0 < cols; q0 += 32) {
            int qe = Math.min(cols, q0 + 32);
            int r = 0;
            for (; r + 3 < rows; r += 4) {
                float[] s0 = a[r];
                float[] s1 = a[r + 1];
                float[] s2 = a[r + 2];
                float[] s3 = a[r + 3];
                for (int q = q0; q < qe; q++) {
                    float[] tq = t[q];
                    tq[r] = s0[q];
                    tq[r + 1] = s1[q];
                    tq[r + 2] = s2[q];
                    tq[r + 3] = s3[q];
                }
            }
            for (; r < rows; r++) {
                float[] s0 = a[r];
                for (int q = q0; q < qe; q++) {
                    t[q][r] = s0[q];
                }
            }
        }
    }

    /**
     * The adjoint unfolding for stride 1: writes (overwrites) {@code gcol[(o k + i) k + j][colOff + iy W + ix]
     * = dY[o, iy + p - i, ix + p - j]} (0 where that lies outside the output) from the [O, Ho, Wo]
     * image of dY at {@code yOff}. Then {@code dX[c, pixel] = sum over (o, i, j) of gcol[(o, i, j)][pixel]
     * times the local derivative of tap (c, i, j) of filter o}: the input gradient becomes a forward
     * pass over pixels, with no scattering fold.
     */
    public static void unfoldAdjoint(ConvShape s, float[] dy, int yOff, float[][] gcol, int colOff) {
        if (s.stride() != 1) {
            throw new IllegalArgumentException("unfoldAdjoint needs stride 1, got " + s);
        }
        int h = s.height();
        int w = s.width();
        int k = s.kernel();
        int pad = s.padding();
        int ho = s.outH();
        int wo = s.outW();
        for (int o = 0; o < s.outC(); o++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    float[] row = gcol[(o * k + i) * k + j];
                    // ox = ix + pad - j must lie in [0, wo)
                    int lo = Math.max(0, Math.min(w, j - pad));
                    int hi = Math.max(lo, Math.min(w, wo + j - pad));
                    for (int iy = 0; iy < h; iy++) {
                        int oy = iy + pad - i;
                        int p0 = colOff + iy * w;
                        if (oy < 0 || oy >= ho) {
                            Arrays.fill(row, p0, p0 + w, 0f);
                            continue;
                        }
                        Arrays.fill(row, p0, p0 + lo, 0f);
                        Arrays.fill(row, p0 + hi, p0 + w, 0f);
                        System.arraycopy(dy, yOff + (o * ho + oy) * wo + lo + pad - j, row, p0 + lo, hi - lo);
                    }
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
