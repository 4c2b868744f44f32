package org.addernet.engine.kernel;

import static org.addernet.engine.kernel.Simd.MR;
import static org.addernet.engine.kernel.Simd.W;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * The packed operand layouts of the Vector API kernels, as in a BLAS micro-kernel: each inner
 * loop then reads one flat array front to back.
 *
 * <ul>
 *   <li><b>Strips</b> hold a [rows, n] matrix B (rows r, columns q, such as im2col patch rows over
 *   output positions) as {@code strips(n)} strips of {@link Simd#W} columns: element (r, q) sits at
 *   {@code (s rows + r) W + j} with {@code q = s W + j}. Columns past n are padding, zero after
 *   {@link #zeroTail}, so kernels always run whole strips and store only the columns that exist.</li>
 *   <li><b>Blocks</b> hold an [m, k] matrix A whose elements kernels broadcast (filters) as
 *   {@code blocks(m)} blocks of {@link Simd#MR} rows: element (i, r) sits at
 *   {@code (b k + r) MR + t} with {@code i = b MR + t}; rows past m are zero.</li>
 * </ul>
 */
public final class Panels {
    private Panels() {
    }

    /** Strips covering n columns. */
    public static int strips(int n) {
        return (n + W - 1) / W;
    }

    /** Floats of a strip panel of {@code rows} rows and n columns. */
    public static int stripFloats(int rows, int n) {
        return strips(n) * rows * W;
    }

    /** Blocks covering m rows. */
    public static int blocks(int m) {
        return (m + MR - 1) / MR;
    }

    /** Rows rounded up to whole blocks. */
    public static int paddedRows(int m) {
        return blocks(m) * MR;
    }

    /** Floats of a block panel of m rows of k elements. */
    public static int blockFloats(int m, int k) {
        return blocks(m) * k * MR;
    }

    /**
     * Writes (overwrites) the block panel {@code out} of the [m, k] matrix
     * {@code A[i][r] = a[off + i rowStride + r colStride]}, rows past m zero.
     */
    public static void packBlocks(float[] a, int off, int rowStride, int colStride, int m, int k, float[] out) {
        int blocks = blocks(m);
        for (int b = 0; b < blocks; b++) {
            int base = b * k * MR;
            for (int t = 0; t < MR; t++) {
                int i = b * MR + t;
                if (i >= m) {
                    for (int r = 0; r < k; r++) {
                        out[base + r * MR + t] = 0f;
                    }
                    continue;
                }
                int src = off + i * rowStride;
                for (int r = 0; r < k; r++) {
                    out[base + r * MR + t] = a[src + r * colStride];
                }
            }
        }
    }

    /**
     * Writes (overwrites) the strip panel {@code out} ({@code rows} rows, n columns) from the
     * row-major matrix {@code B[r][q] = a[off + r ld + q]}, padding zero.
     */
    public static void packStrips(float[] a, int off, int ld, int rows, int n, float[] out) {
        for (int r = 0; r < rows; r++) {
            put(out, rows, r, 0, a, off + r * ld, n);
        }
        zeroTail(out, rows, n);
    }

    /**
     * As {@link #packStrips(float[], int, int, int, int, float[])} into a panel of {@code panelRows >= rows}
     * rows per strip, rows past {@code rows} zero.
     */
    public static void packStrips(float[] a, int off, int ld, int rows, int panelRows, int n, float[] out) {
        for (int r = 0; r < rows; r++) {
            put(out, panelRows, r, 0, a, off + r * ld, n);
        }
        zeroRows(out, panelRows, rows, n);
        zeroTail(out, panelRows, n);
    }

    /**
     * Copies {@code len} contiguous values {@code src[from ..]} into row i, elements
     * {@code r0 .. r0+len-1}, of a block panel of k elements per row.
     */
    public static void putBlockRow(float[] panel, int k, int i, int r0, float[] src, int from, int len) {
        int at = ((i / MR) * k + r0) * MR + i % MR;
        for (int t = 0; t < len; t++) {
            panel[at + t * MR] = src[from + t];
        }
    }

    /** Sets rows m .. paddedRows(m)-1 of a block panel of k elements per row to zero. */
    public static void zeroBlockRows(float[] panel, int m, int k) {
        int padded = paddedRows(m);
        for (int i = m; i < padded; i++) {
            int at = ((i / MR) * k) * MR + i % MR;
            for (int r = 0; r < k; r++) {
                panel[at + r * MR] = 0f;
            }
        }
    }

    /**
     * Writes (overwrites) the strip panel {@code out} ({@code rows} rows, n columns) of the
     * transpose of a row-major matrix: {@code B[r][q] = a[off + q ld + r]}, padding zero.
     */
    public static void packStripsTransposed(float[] a, int off, int ld, int rows, int n, float[] out) {
        for (int q = 0; q < n; q++) {
            int s = q / W;
            int base = s * rows * W + q - s * W;
            for (int r = 0; r < rows; r++) {
                out[base + r * W] = a[off + q * ld + r];
            }
        }
        zeroTail(out, rows, n);
    }

    /** Copies {@code len} contiguous values {@code src[from ..]} into row r, columns q0 .. q0+len-1. */
    public static void put(float[] panel, int rows, int r, int q0, float[] src, int from, int len) {
        int j = q0 & (W - 1);
        if (j + len <= W) {                                  // the usual case: one strip
            copy(src, from, panel, ((q0 >> Simd.LOG_W) * rows + r) * W + j, len);
            return;
        }
        while (len > 0) {
            int s = q0 >> Simd.LOG_W;
            j = q0 & (W - 1);
            int n = Math.min(len, W - j);
            copy(src, from, panel, (s * rows + r) * W + j, n);
            q0 += n;
            from += n;
            len -= n;
        }
    }

    /** Copies {@code len} values {@code src[from + t step]} into row r, columns q0 .. q0+len-1. */
    public static void putStrided(float[] panel, int rows, int r, int q0, float[] src, int from, int step, int len) {
        for (int t = 0; t < len; t++) {
            int q = q0 + t;
            int s = q / W;
            panel[(s * rows + r) * W + q - s * W] = src[from + t * step];
        }
    }

    /**
     * Copies {@code len} contiguous values {@code src[from ..]} into row q, columns {@code r0 .. r0+len-1},
     * of a strip panel of {@code rows} rows.
     */
    public static void putColumnRun(float[] panel, int rows, int q, int r0, float[] src, int from, int len) {
        while (len > 0) {
            int s = r0 / W;
            int j = r0 - s * W;
            int n = Math.min(len, W - j);
            copy(src, from, panel, (s * rows + q) * W + j, n);
            r0 += n;
            from += n;
            len -= n;
        }
    }

    /**
     * {@code dst[at ..] = src[from ..]}, n floats, with vector moves and a scalar tail: for the short
     * runs of an unfolding (a strip holds 2 vectors) this is several times faster than
     * {@link System#arraycopy}, whose stub call costs more than the copy, and than a plain loop,
     * which C2 does not vectorise (it cannot tell the two arrays apart).
     */
    static void copy(float[] src, int from, float[] dst, int at, int n) {
        int t = 0;
        for (; t + Simd.L <= n; t += Simd.L) {
            FloatVector.fromArray(Simd.F, src, from + t).intoArray(dst, at + t);
        }
        for (; t < n; t++) {
            dst[at + t] = src[from + t];
        }
    }

    /**
     * {@code dst[at + t] += src[from + t]} for t &lt; n: whole vectors, then scalars. (Not half
     * vectors for the tails: a second vector species in the JVM's profiles slows every kernel.)
     */
    static void addRun(float[] src, int from, float[] dst, int at, int n) {
        int t = 0;
        for (; t + Simd.L <= n; t += Simd.L) {
            FloatVector.fromArray(Simd.F, src, from + t).add(FloatVector.fromArray(Simd.F, dst, at + t)).intoArray(dst, at + t);
        }
        for (; t < n; t++) {
            dst[at + t] += src[from + t];
        }
    }

    /** {@code a[at .. at+n-1] = 0} with vector stores and a scalar tail. */
    static void fill(float[] a, int at, int n) {
        int t = 0;
        FloatVector zero = FloatVector.zero(Simd.F);
        for (; t + Simd.L <= n; t += Simd.L) {
            zero.intoArray(a, at + t);
        }
        for (; t < n; t++) {
            a[at + t] = 0f;
        }
    }

    /** Sets row r, columns q0 .. q0+len-1 to zero. */
    public static void zero(float[] panel, int rows, int r, int q0, int len) {
        while (len > 0) {
            int s = q0 / W;
            int j = q0 - s * W;
            int n = Math.min(len, W - j);
            int at = (s * rows + r) * W + j;
            fill(panel, at, n);
            q0 += n;
            len -= n;
        }
    }

    /** Zeroes the padding columns n .. strips(n) W - 1 of every row. */
    public static void zeroTail(float[] panel, int rows, int n) {
        int pad = strips(n) * W - n;
        if (pad == 0) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            zero(panel, rows, r, n, pad);
        }
    }

    /** Zeroes rows {@code from .. rows-1} of every strip (the padding rows of a panel of padded height). */
    public static void zeroRows(float[] panel, int rows, int from, int n) {
        if (from >= rows) {
            return;
        }
        for (int s = 0; s < strips(n); s++) {
            Arrays.fill(panel, (s * rows + from) * W, (s * rows + rows) * W, 0f);
        }
    }

    /** Reads element (r, q) of a strip panel (tests and slow paths). */
    public static float get(float[] panel, int rows, int r, int q) {
        int s = q / W;
        return panel[(s * rows + r) * W + q - s * W];
    }
}
