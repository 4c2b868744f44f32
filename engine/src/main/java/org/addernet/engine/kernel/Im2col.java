package org.addernet.engine.kernel;

import java.util.Arrays;

/**
 * Unfolding images into the strip panels of {@link Panels} and folding gradients back (layouts
 * in {@link ConvShape}). Row r of the unfolded patches is input channel c, filter tap (i, j),
 * {@code r = (c k + i) k + j}; column q is output position {@code oy Wo + ox} (plus the offset of
 * the image when several are unfolded side by side): the value of the image at row
 * {@code oy s + i - p}, column {@code ox s + j - p}, 0 in the padding.
 */
public final class Im2col {
    private Im2col() {
    }

    /**
     * Writes (overwrites) columns {@code qOff .. qOff + P - 1} of rows 0 .. K-1 of the strip panel
     * {@code panel} ({@code rows >= K} rows per strip) with the patches of the image of X at
     * {@code xOff}.
     */
    public static void unfold(ConvShape s, float[] x, int xOff, float[] panel, int rows, int qOff) {
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
                    int r = (c * k + i) * k + j;
                    int lo = firstInside(pad - j, st, wo);
                    int hi = Math.max(lo, endInside(w - 1 + pad - j, st, wo));
                    for (int oy = 0; oy < ho; oy++) {
                        int iy = oy * st + i - pad;
                        int q0 = qOff + oy * wo;
                        if (iy < 0 || iy >= h) {
                            Panels.zero(panel, rows, r, q0, wo);
                            continue;
                        }
                        Panels.zero(panel, rows, r, q0, lo);
                        Panels.zero(panel, rows, r, q0 + hi, wo - hi);
                        int src = xOff + (c * h + iy) * w + lo * st + j - pad;
                        if (st == 1) {
                            Panels.put(panel, rows, r, q0 + lo, x, src, hi - lo);
                        } else {
                            Panels.putStrided(panel, rows, r, q0 + lo, x, src, st, hi - lo);
                        }
                    }
                }
            }
        }
    }

    /**
     * As {@link #unfold}, transposed: writes element (position q, patch row r) of the strip panel
     * {@code panel} whose rows are the {@code positions} positions of a group and whose columns are
     * the K patch rows ({@code strips(K)} strips), for the positions {@code qOff .. qOff + P - 1}
     * of the image of X at {@code xOff}. The filter gradient is then a product over positions.
     */
    public static void unfoldTransposed(ConvShape s, float[] x, int xOff, float[] panel, int positions, int qOff) {
        int h = s.height();
        int w = s.width();
        int k = s.kernel();
        int st = s.stride();
        int pad = s.padding();
        int ho = s.outH();
        int wo = s.outW();
        int width = Simd.W;
        for (int c = 0; c < s.inC(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int r = (c * k + i) * k + j;
                    int base = ((r / width) * positions) * width + r % width;   // + q W
                    int lo = firstInside(pad - j, st, wo);
                    int hi = Math.max(lo, endInside(w - 1 + pad - j, st, wo));
                    for (int oy = 0; oy < ho; oy++) {
                        int iy = oy * st + i - pad;
                        int at = base + (qOff + oy * wo) * width;
                        if (iy < 0 || iy >= h) {
                            for (int ox = 0; ox < wo; ox++) {
                                panel[at + ox * width] = 0f;
                            }
                            continue;
                        }
                        for (int ox = 0; ox < lo; ox++) {
                            panel[at + ox * width] = 0f;
                        }
                        for (int ox = hi; ox < wo; ox++) {
                            panel[at + ox * width] = 0f;
                        }
                        int src = xOff + (c * h + iy) * w + j - pad;
                        for (int ox = lo; ox < hi; ox++) {
                            panel[at + ox * width] = x[src + ox * st];
                        }
                    }
                }
            }
        }
    }

    /**
     * Overwrites the image of dX at {@code xOff} with {@code sum} of {@code dcol[r ld + colOff + q]}
     * over every (r, q) that reads that pixel (the adjoint of {@link #unfold}; padding drops out),
     * dcol being a row-major [K, ld] array.
     */
    public static void fold(ConvShape s, float[] dcol, int ld, int colOff, float[] dx, int xOff) {
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
                    int row = ((c * k + i) * k + j) * ld + colOff;
                    int lo = firstInside(pad - j, st, wo);
                    int hi = Math.max(lo, endInside(w - 1 + pad - j, st, wo));
                    for (int oy = 0; oy < ho; oy++) {
                        int iy = oy * st + i - pad;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int q0 = row + oy * wo;
                        int dst = xOff + (c * h + iy) * w + lo * st + j - pad;
                        for (int ox = lo; ox < hi; ox++) {
                            dx[dst + (ox - lo) * st] += dcol[q0 + ox];
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint unfolding for stride 1: writes (overwrites) columns {@code pOff .. pOff + H W - 1}
     * of rows 0 .. O k k - 1 of the strip panel {@code panel} ({@code rows} per strip):
     * {@code row (o k + i) k + j, column iy W + ix} holds {@code dY[o, iy + p - i, ix + p - j]} (0
     * where that lies outside the output), from the [O, Ho, Wo] image of dY at {@code yOff}. Then
     * {@code dX[c, pixel] = sum over (o, i, j)} of that row times the local derivative of tap
     * (c, i, j) of filter o: the input gradient becomes a product over pixels, with no fold.
     */
    public static void unfoldAdjoint(ConvShape s, float[] dy, int yOff, float[] panel, int rows, int pOff) {
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
                    int r = (o * k + i) * k + j;
                    // ox = ix + pad - j must lie in [0, wo)
                    int lo = Math.max(0, Math.min(w, j - pad));
                    int hi = Math.max(lo, Math.min(w, wo + j - pad));
                    for (int iy = 0; iy < h; iy++) {
                        int oy = iy + pad - i;
                        int p0 = pOff + iy * w;
                        if (oy < 0 || oy >= ho) {
                            Panels.zero(panel, rows, r, p0, w);
                            continue;
                        }
                        Panels.zero(panel, rows, r, p0, lo);
                        Panels.zero(panel, rows, r, p0 + hi, w - hi);
                        Panels.put(panel, rows, r, p0 + lo, dy, yOff + (o * ho + oy) * wo + lo + pad - j, hi - lo);
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
