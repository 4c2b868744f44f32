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
     * {@code xOff}. The image is first copied with its zero border into {@code padded} (at least
     * {@link #paddedSize} floats), so that each row of a patch row is one run of the copy (at
     * stride 1 a contiguous one, moved a vector at a time).
     */
    public static void unfold(ConvShape s, float[] x, int xOff, float[] panel, int rows, int qOff, float[] padded) {
        int k = s.kernel();
        int st = s.stride();
        int hp = s.height() + 2 * s.padding();
        int wp = s.width() + 2 * s.padding();
        int ho = s.outH();
        int wo = s.outW();
        pad(s, x, xOff, padded);
        for (int c = 0; c < s.inC(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int r = (c * k + i) * k + j;
                    for (int oy = 0; oy < ho; oy++) {
                        int src = (c * hp + oy * st + i) * wp + j;
                        if (st == 1) {
                            Panels.put(panel, rows, r, qOff + oy * wo, padded, src, wo);
                        } else {
                            Panels.putStrided(panel, rows, r, qOff + oy * wo, padded, src, st, wo);
                        }
                    }
                }
            }
        }
    }

    /**
     * As {@link #unfold}, transposed, and with the patch rows in the order (i, j, c) rather than
     * (c, i, j) ({@link #transposedRow}): writes element (position q, row r) of the strip panel
     * {@code panel} whose rows are the {@code positions} positions of a group and whose columns are
     * the K patch rows ({@code strips(K)} strips), for the positions {@code qOff .. qOff + P - 1}
     * of the image of X at {@code xOff}. The image is first copied channels-last with its zero
     * border into {@code padded} ({@link #paddedSize} floats), so that the C values of one tap
     * are one contiguous run of the copy and of the panel's row: a few vector moves a position.
     * The filter gradient is then a product over positions.
     */
    public static void unfoldTransposed(ConvShape s, float[] x, int xOff, float[] panel, int positions, int qOff,
                                        float[] padded) {
        int k = s.kernel();
        int st = s.stride();
        int ch = s.inC();
        int wp = s.width() + 2 * s.padding();
        int ho = s.outH();
        int wo = s.outW();
        padChannelsLast(s, x, xOff, padded);
        if (ch < Simd.L) {
            // few channels: a patch row's k taps of all C channels are one run of k C floats
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    int q = qOff + oy * wo + ox;
                    for (int i = 0; i < k; i++) {
                        Panels.putColumnRun(panel, positions, q, i * k * ch, padded, ((oy * st + i) * wp + ox * st) * ch,
                                k * ch);
                    }
                }
            }
            return;
        }
        for (int oy = 0; oy < ho; oy++) {
            for (int ox = 0; ox < wo; ox++) {
                int q = qOff + oy * wo + ox;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        int src = ((oy * st + i) * wp + ox * st + j) * ch;
                        Panels.putColumnRun(panel, positions, q, (i * k + j) * ch, padded, src, ch);
                    }
                }
            }
        }
    }

    /**
     * The row of the filter gradient's transposed patches that holds patch row {@code r = (c k + i) k + j}:
     * {@code (i k + j) C + c}.
     */
    public static int transposedRow(ConvShape s, int r) {
        int kk = s.kernel() * s.kernel();
        return (r % kk) * s.inC() + r / kk;
    }

    /** Writes the image of X at {@code xOff} channels-last, [H + 2p, W + 2p, C], with a zero border, into {@code out}. */
    static void padChannelsLast(ConvShape s, float[] x, int xOff, float[] out) {
        padChannelsLast(s, x, xOff, out, 0);
    }

    /** As {@link #padChannelsLast(ConvShape, float[], int, float[])}, written at {@code at}. */
    static void padChannelsLast(ConvShape s, float[] x, int xOff, float[] out, int at) {
        int h = s.height();
        int w = s.width();
        int p = s.padding();
        int ch = s.inC();
        int wp = w + 2 * p;
        int hp = h + 2 * p;
        Panels.fill(out, at, p * wp * ch);
        Panels.fill(out, at + (hp - p) * wp * ch, p * wp * ch);
        int hw = h * w;
        if (Transpose.available() && ch % Simd.L == 0 && hw % Simd.L == 0) {
            // whole blocks of L planes x L pixels, transposed in registers
            for (int y = 0; y < h; y++) {
                int row = at + (y + p) * wp * ch;
                Panels.fill(out, row, p * ch);
                Panels.fill(out, row + (p + w) * ch, p * ch);
            }
            int[] dst = new int[Simd.L];
            for (int q0 = 0; q0 < hw; q0 += Simd.L) {
                for (int r = 0; r < Simd.L; r++) {
                    int q = q0 + r;
                    dst[r] = at + ((q / w + p) * wp + q % w + p) * ch;
                }
                for (int c0 = 0; c0 < ch; c0 += Simd.L) {
                    Transpose.planesToPixels(x, xOff, hw, c0, q0, out, dst);
                }
            }
            return;
        }
        for (int y = 0; y < h; y++) {
            int row = at + (y + p) * wp * ch;
            Panels.fill(out, row, p * ch);
            Panels.fill(out, row + (p + w) * ch, p * ch);
            int c = 0;
            for (; c + 4 <= ch; c += 4) {                 // four planes at a time: four floats in a row per pixel
                int src = xOff + (c * h + y) * w;
                int dst = row + p * ch + c;
                for (int t = 0; t < w; t++, dst += ch) {
                    out[dst] = x[src + t];
                    out[dst + 1] = x[src + h * w + t];
                    out[dst + 2] = x[src + 2 * h * w + t];
                    out[dst + 3] = x[src + 3 * h * w + t];
                }
            }
            for (; c < ch; c++) {
                int src = xOff + (c * h + y) * w;
                int dst = row + p * ch + c;
                for (int t = 0; t < w; t++) {
                    out[dst + t * ch] = x[src + t];
                }
            }
        }
    }

    /** Floats of the zero-bordered copy of one image ({@code C (H + 2p) (W + 2p)}). */
    public static int paddedSize(ConvShape s) {
        return s.inC() * (s.height() + 2 * s.padding()) * (s.width() + 2 * s.padding());
    }

    /** Writes the image of X at {@code xOff} with a border of {@code padding} zeros into {@code out}. */
    static void pad(ConvShape s, float[] x, int xOff, float[] out) {
        pad(s, x, xOff, out, 0);
    }

    /** As {@link #pad(ConvShape, float[], int, float[])}, written at {@code outOff}. */
    static void pad(ConvShape s, float[] x, int xOff, float[] out, int outOff) {
        padPlanes(x, xOff, s.inC(), s.height(), s.width(), s.padding(), out, outOff);
    }

    /**
     * Writes {@code planes} planes [h, w] from {@code src[from ..]} each with a border of {@code b}
     * zeros, [h + 2b, w + 2b], into {@code out} at {@code outOff}.
     */
    private static void padPlanes(float[] src, int from, int planes, int h, int w, int b, float[] out, int outOff) {
        int wp = w + 2 * b;
        int hp = h + 2 * b;
        for (int c = 0; c < planes; c++) {
            int base = outOff + c * hp * wp;
            Panels.fill(out, base, b * wp);
            for (int y = 0; y < h; y++) {
                int row = base + (y + b) * wp;
                for (int t = 0; t < b; t++) {
                    out[row + t] = 0f;
                    out[row + b + w + t] = 0f;
                }
                Panels.copy(src, from + (c * h + y) * w, out, row + b, w);
            }
            Panels.fill(out, base + (h + b) * wp, b * wp);
        }
    }

    /**
     * {@link #fold} for the wide positions of a valid convolution ({@link ConvPacking#widePositions}):
     * patch row (c, i, j) adds its {@link ConvPacking#wideSpan} columns from {@code colOff} as one
     * run at {@code dX[c][i W + j]}. The columns between output rows hold zeros (their dY is 0, the
     * rules bounded), which leave every sum's bits as they are; the sums of each element run in
     * the order of {@link #fold}.
     */
    static void foldWide(ConvShape s, float[] dcol, int ld, int colOff, float[] dx, int xOff) {
        int k = s.kernel();
        int hw = s.height() * s.width();
        int span = ConvPacking.wideSpan(s);
        Arrays.fill(dx, xOff, xOff + s.inImage(), 0f);
        for (int c = 0; c < s.inC(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    Panels.addRun(dcol, ((c * k + i) * k + j) * ld + colOff, dx, xOff + c * hw + i * s.width() + j, span);
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
                        if (st == 1) {
                            Panels.addRun(dcol, q0 + lo, dx, dst, hi - lo);     // the same sums, a run at a time
                            continue;
                        }
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
    public static void unfoldAdjoint(ConvShape s, float[] dy, int yOff, float[] panel, int rows, int pOff,
                                     float[] padded) {
        if (s.stride() != 1) {
            throw new IllegalArgumentException("unfoldAdjoint needs stride 1, got " + s);
        }
        int h = s.height();
        int w = s.width();
        int k = s.kernel();
        int pad = s.padding();
        int ho = s.outH();
        int wo = s.outW();
        int b = adjointBorder(s);
        int hp = ho + 2 * b;
        int wp = wo + 2 * b;
        padAdjoint(s, dy, yOff, padded, 0);
        for (int o = 0; o < s.outC(); o++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int r = (o * k + i) * k + j;
                    // row iy reads dY[o, iy + pad - i, ix + pad - j], that is the copy at (iy + pad - i + b, ix + pad - j + b)
                    for (int iy = 0; iy < h; iy++) {
                        int src = (o * hp + iy + pad - i + b) * wp + pad - j + b;
                        Panels.put(panel, rows, r, pOff + iy * w, padded, src, w);
                    }
                }
            }
        }
    }

    /**
     * Writes the [O, Ho, Wo] image of dY at {@code yOff} with a border of {@link #adjointBorder}
     * zeros into {@code out} at {@code outOff} ({@link #adjointPaddedSize} floats): then tap (o, i, j)
     * of input pixel (iy, ix) reads the copy at {@code (o, iy + p - i + b, ix + p - j + b)}.
     */
    static void padAdjoint(ConvShape s, float[] dy, int yOff, float[] out, int outOff) {
        padPlanes(dy, yOff, s.outC(), s.outH(), s.outW(), adjointBorder(s), out, outOff);
    }

    /** The zero border around dY that {@link #unfoldAdjoint} needs: {@code max(0, k - 1 - p)}. */
    static int adjointBorder(ConvShape s) {
        return Math.max(0, s.kernel() - 1 - s.padding());
    }

    /** Floats of dY's zero-bordered copy for {@link #unfoldAdjoint}. */
    public static int adjointPaddedSize(ConvShape s) {
        int b = adjointBorder(s);
        return s.outC() * (s.outH() + 2 * b) * (s.outW() + 2 * b);
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
