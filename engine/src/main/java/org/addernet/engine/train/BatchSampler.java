package org.addernet.engine.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.tensor.Tensor;

/**
 * Draws a trainer's batches, deterministically: a shuffled pass through the training set at a
 * time (a new permutation when it runs out), drawn from the seed, or for an epoch run from
 * (seed, epoch) alone ({@link #beginEpoch}), and the augmentation's draws likewise. Fills one
 * input tensor and one label array that the trainer reads after every {@link #next()}:
 * {@code x} is feature-major {@code [dim, B]} for dense nets (no sample shape) or
 * {@code [B, C, H, W]} for images; {@code y[i]} is sample i's class.
 */
final class BatchSampler {
    private final DataSet train;
    private final int batch;
    private final int[] sampleShape;
    private final long seed;
    private final int[] perm;
    private final Tensor x;
    private final int[] y;
    private SplittableRandom order;
    private SplittableRandom augmentRng;
    private BatchTransform transform;
    private float[] transformed;
    private int cursor;

    /** @param sampleShape null for dense nets; else one sample's shape, e.g. {1, 28, 28} */
    BatchSampler(DataSet train, int batch, int[] sampleShape, long seed) {
        this.train = train;
        this.batch = batch;
        this.sampleShape = sampleShape == null ? null : sampleShape.clone();
        this.seed = seed;
        this.order = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        this.augmentRng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 29);
        this.perm = new int[train.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        shuffle();
        this.x = new Tensor(shape(sampleShape, train.dim(), batch));
        this.y = new int[batch];
    }

    /** A batch of {@code b} samples' input shape: {@code [dim, b]}, or {@code [b, C, H, W]} for a sample shape. */
    static int[] shape(int[] sampleShape, int dim, int b) {
        if (sampleShape == null) {
            return new int[] {dim, b};
        }
        int[] s = new int[sampleShape.length + 1];
        s[0] = b;
        System.arraycopy(sampleShape, 0, s, 1, sampleShape.length);
        return s;
    }

    /** Steps in one epoch when the last, partial batch is dropped: at least 1. */
    static long stepsPerEpoch(int trainSize, int batchSize) {
        return Math.max(1, trainSize / batchSize);
    }

    /** The batch's inputs (read after {@link #next()}). */
    Tensor x() {
        return x;
    }

    /** The batch's classes (read after {@link #next()}). */
    int[] y() {
        return y;
    }

    /** Applies {@code t} to every batch from now on (augmentation); null for none. Needs image batches. */
    void setTransform(BatchTransform t) {
        if (t != null && sampleShape == null) {
            throw new IllegalStateException("batch transforms need image batches [B, C, H, W]");
        }
        this.transform = t;
        this.transformed = t == null ? null : new float[x.data.length];
    }

    /** Epoch {@code epoch} (0-based) starts: its batch order and augmentation come from (seed, epoch) alone. */
    void beginEpoch(long epoch) {
        long mixed = mix(seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + 101);
        this.order = new SplittableRandom(mixed);
        this.augmentRng = new SplittableRandom(mix(mixed + 0x94D049BB133111EBL));
        Arrays.setAll(perm, i -> i);
        shuffle();
    }

    private static long mix(long z) {              // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void shuffle() {
        for (int i = perm.length - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        cursor = 0;
    }

    /** Fills {@link #x()} and {@link #y()} with the next batch (and augments it). */
    void next() {
        int filled = 0;
        int dim = train.dim();
        while (filled < batch) {
            if (cursor == perm.length) {
                shuffle();
            }
            int take = Math.min(batch - filled, perm.length - cursor);
            for (int t = 0; t < take; t++) {
                int i = perm[cursor + t];
                if (sampleShape == null) {
                    for (int j = 0; j < dim; j++) {
                        x.data[j * batch + filled + t] = train.feature(i, j);   // feature-major [dim, B]
                    }
                } else {
                    train.copySample(i, x.data, (filled + t) * dim);   // [B, C, H, W]
                }
                y[filled + t] = train.label(i);
            }
            filled += take;
            cursor += take;
        }
        if (transform != null) {
            transform.apply(x.data, batch, transformed, augmentRng);
            System.arraycopy(transformed, 0, x.data, 0, transformed.length);
        }
    }
}
