package org.addernet.engine.kernel;

/**
 * Scratch of the conv kernels, kept between calls: one {@link Slot} of packed panels per worker
 * of a {@link Parallel}, the packed filters of a call, and the per-chunk partial sums of the
 * parameter gradients. Buffers only grow, so one workspace serves layers of every size: the
 * layers share {@link #forThisThread()}, one per training thread, rather than each keeping its own
 * (ResNet-20 at batch 128: 7 MB instead of 52 MB). Never used by two kernel calls at once;
 * contents are undefined between calls.
 */
public final class ConvWorkspace {
    /** Batch chunks of a backward pass: fixed by the batch alone, so the sums never depend on the thread count. */
    static final int MAX_CHUNKS = 8;
    /** Rows of at least this many positions: small images are unfolded several side by side. */
    static final int ROW_TARGET = 256;

    private static final ThreadLocal<ConvWorkspace> SHARED = ThreadLocal.withInitial(ConvWorkspace::new);

    private Slot[] slots = new Slot[0];
    private float[] partials = new float[0];
    private float[] partialSums = new float[0];
    private float[] filters = new float[0];
    private float[] filtersBack = new float[0];

    /** The workspace of the calling thread, shared by every layer that runs on it. */
    public static ConvWorkspace forThisThread() {
        return SHARED.get();
    }

    /** Packed panels of one worker; every getter returns at least {@code n} floats. */
    static final class Slot {
        private float[] col = new float[0];
        private float[] colT = new float[0];
        private float[] grad = new float[0];
        private float[] gradBlocks = new float[0];
        private float[] image = new float[0];
        private float[] out = new float[0];
        private float[] padded = new float[0];
        private float[] paddedGrad = new float[0];

        /** Patches as a strip panel (forward; the patch-wise input gradient). */
        float[] col(int n) {
            return col = grown(col, n);
        }

        /** Patches transposed (the filter gradient). */
        float[] colT(int n) {
            return colT = grown(colT, n);
        }

        /** The output gradient as a strip panel (input gradients). */
        float[] grad(int n) {
            return grad = grown(grad, n);
        }

        /** The output gradient as a block panel (the filter gradient). */
        float[] gradBlocks(int n) {
            return gradBlocks = grown(gradBlocks, n);
        }

        /** Input channels as a strip panel (the adder input gradient over pixels). */
        float[] image(int n) {
            return image = grown(image, n);
        }

        /** One image (or one image of dY) with its zero border. */
        float[] padded(int n) {
            return padded = grown(padded, n);
        }

        /** The images of dY of a group with their zero borders. */
        float[] paddedGrad(int n) {
            return paddedGrad = grown(paddedGrad, n);
        }

        /** A row-major result before it is copied out to the images. */
        float[] out(int n) {
            return out = grown(out, n);
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

    /** [chunks][n] flat, contents undefined. */
    float[] partials(int n) {
        return partials = grown(partials, n);
    }

    /** [chunks][n] flat, contents undefined. */
    float[] partialSums(int n) {
        return partialSums = grown(partialSums, n);
    }

    /** The packed filters of the forward pass or of the filter-side rules. */
    float[] filters(int n) {
        return filters = grown(filters, n);
    }

    /** The packed filters of the input gradient. */
    float[] filtersBack(int n) {
        return filtersBack = grown(filtersBack, n);
    }

    /** Floats held, for memory reports. */
    public long floats() {
        long n = partials.length + partialSums.length + filters.length + filtersBack.length;
        for (Slot s : slots) {
            n += s.col.length + s.colT.length + s.grad.length + s.gradBlocks.length + s.image.length + s.out.length
                    + s.padded.length + s.paddedGrad.length;
        }
        return n;
    }

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

    private static float[] grown(float[] buf, int n) {
        return buf.length >= n ? buf : new float[n];
    }
}
