package org.addernet.engine.kernel;

/**
 * Scratch of the conv kernels, kept between calls: one {@link Slot} of row buffers per worker
 * of a {@link Parallel} and the per-chunk partial sums of the parameter gradients. Owned by one
 * layer (or anything that never runs two kernel calls on it at once); contents are undefined
 * between calls.
 */
public final class ConvWorkspace {
    /** Batch chunks of a backward pass: fixed by the batch alone, so the sums never depend on the thread count. */
    static final int MAX_CHUNKS = 8;

    private Slot[] slots = new Slot[0];
    private float[][][] partials = new float[0][][];
    private float[][] partialSums = new float[0][];
    private float[][] filterRows = new float[0][];
    private float[][] filterColumns = new float[0][];

    /** Row buffers of one worker; every getter returns at least {@code n} rows of exactly {@code len} floats. */
    static final class Slot {
        private float[][] col = new float[0][];
        private float[][] colT = new float[0][];
        private float[][] dcol = new float[0][];
        private float[][] grad = new float[0][];
        private float[][] gcol = new float[0][];
        private float[][] image = new float[0][];
        private float[] acc = new float[0];
        private float[] pixelAcc = new float[0];

        float[][] col(int n, int len) {
            return col = rows(col, n, len);
        }

        float[][] colT(int n, int len) {
            return colT = rows(colT, n, len);
        }

        float[][] dcol(int n, int len) {
            return dcol = rows(dcol, n, len);
        }

        float[][] grad(int n, int len) {
            return grad = rows(grad, n, len);
        }

        float[][] gcol(int n, int len) {
            return gcol = rows(gcol, n, len);
        }

        /** The channels of one image as rows. */
        float[][] image(int n, int len) {
            return image = rows(image, n, len);
        }

        /** An accumulator row over input pixels (backward), apart from {@link #acc} (output positions). */
        float[] pixelAcc(int len) {
            if (pixelAcc.length != len) {
                pixelAcc = new float[len];
            }
            return pixelAcc;
        }

        float[] acc(int len) {
            if (acc.length != len) {
                acc = new float[len];
            }
            return acc;
        }
    }

    /** Makes sure slots 0 .. workers-1 exist; call before the tasks of a call start. */
    void prepare(int workers) {
        if (slots.length < workers) {
            Slot[] s = java.util.Arrays.copyOf(slots, workers);
            for (int k = slots.length; k < workers; k++) {
                s[k] = new Slot();
            }
            slots = s;
        }
    }

    Slot slot(int worker) {
        return slots[worker];
    }

    /** [chunks][n][len], contents undefined. */
    float[][][] partials(int chunks, int n, int len) {
        if (partials.length < chunks || partials[0].length < n || partials[0][0].length != len) {
            partials = new float[Math.max(chunks, partials.length)][n][len];
        }
        return partials;
    }

    /** [chunks][len], contents undefined. */
    float[][] partialSums(int chunks, int len) {
        if (partialSums.length < chunks || partialSums[0].length != len) {
            partialSums = new float[Math.max(chunks, partialSums.length)][len];
        }
        return partialSums;
    }

    /** The [n, len] array {@code flat} copied into separate rows. */
    float[][] filterRows(float[] flat, int n, int len) {
        filterRows = rows(filterRows, n, len);
        RowScratch.split(flat, n, len, filterRows);
        return filterRows;
    }

    /**
     * The [O, C, k, k] filters regrouped per input channel: row c holds {@code F[o, c, i, j]} at
     * {@code (o k + i) k + j}, matching the rows of {@link Im2col#unfoldAdjoint}.
     */
    float[][] filtersPerChannel(float[] f, int out, int in, int kk) {
        filterColumns = rows(filterColumns, in, out * kk);
        for (int c = 0; c < in; c++) {
            float[] row = filterColumns[c];
            for (int o = 0; o < out; o++) {
                System.arraycopy(f, (o * in + c) * kk, row, o * kk, kk);
            }
        }
        return filterColumns;
    }

    /** Rows of at least this many positions: small images are unfolded several side by side. */
    static final int ROW_TARGET = 256;

    /** Images unfolded side by side in one group: enough for {@link #ROW_TARGET} positions, at most the batch. */
    static int groupSize(int batch, int positions) {
        return Math.max(1, Math.min(batch, (ROW_TARGET + positions - 1) / positions));
    }

    /** The batch chunks of a backward pass over {@code batch} images. */
    static int chunks(int batch) {
        return Math.min(batch, MAX_CHUNKS);
    }

    /** First image of chunk {@code c} of {@code chunks}. */
    static int chunkStart(int c, int chunks, int batch) {
        return (int) ((long) c * batch / chunks);
    }

    private static float[][] rows(float[][] buf, int n, int len) {
        if (buf.length >= n && (n == 0 || buf[0].length == len)) {
            return buf;
        }
        return new float[Math.max(n, buf.length > 0 && buf[0].length == len ? buf.length : 0)][len];
    }
}
