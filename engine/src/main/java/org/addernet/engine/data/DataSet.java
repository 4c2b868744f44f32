package org.addernet.engine.data;

import java.util.Arrays;

/**
 * An immutable labelled data set held in flat arrays.
 *
 * <p>Layout: {@code features} is [size, dim] row-major (sample {@code i} occupies
 * {@code features[i*dim .. i*dim+dim)}); {@code labels} is [size], each a class index in
 * {@code [0, numClasses)}. Binary sets use {@code numClasses == 2} with labels 0 and 1.
 */
public final class DataSet {
    private final float[] features;
    private final int[] labels;
    private final int size;
    private final int dim;
    private final int numClasses;

    /** Wraps the arrays (copied) after checking their lengths agree. */
    public DataSet(float[] features, int[] labels, int dim, int numClasses) {
        this(features.clone(), labels.clone(), dim, numClasses, null);
    }

    /**
     * Takes the arrays without copying them (for large image sets, whose features run to hundreds
     * of megabytes): the caller hands them over and must not modify them afterwards.
     */
    public static DataSet adopt(float[] features, int[] labels, int dim, int numClasses) {
        return new DataSet(features, labels, dim, numClasses, null);
    }

    /** Takes the arrays as they are ({@code adopted} only tells this constructor from the public one). */
    private DataSet(float[] features, int[] labels, int dim, int numClasses, Void adopted) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dim must be positive, got " + dim);
        }
        if (features.length != labels.length * dim) {
            throw new IllegalArgumentException("features length " + features.length
                    + " does not match labels " + labels.length + " x dim " + dim);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " at sample " + i
                        + " is outside [0, " + numClasses + ")");
            }
        }
        this.features = features;
        this.labels = labels;
        this.size = labels.length;
        this.dim = dim;
        this.numClasses = numClasses;
    }

    public int size() {
        return size;
    }

    public int dim() {
        return dim;
    }

    public int numClasses() {
        return numClasses;
    }

    /** Feature {@code j} of sample {@code i}. */
    public float feature(int i, int j) {
        return features[i * dim + j];
    }

    public int label(int i) {
        return labels[i];
    }

    /** Copies sample {@code i}'s {@code dim} features into {@code dst} at {@code offset}. */
    public void copySample(int i, float[] dst, int offset) {
        System.arraycopy(features, i * dim, dst, offset, dim);
    }

    /**
     * Applies {@code f} to the feature array itself ([size, dim] row-major) and returns this set.
     * Only for a set nobody else holds yet, such as one a reader has just returned: it saves a
     * copy of hundreds of megabytes when image sets are standardised.
     */
    public DataSet transformInPlace(java.util.function.Consumer<float[]> f) {
        f.accept(features);
        return this;
    }

    /** The first {@code n} samples (n at most {@link #size()}), as a new set. */
    public DataSet head(int n) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("cannot take " + n + " of " + size + " samples");
        }
        return n == size ? this : adopt(java.util.Arrays.copyOf(features, n * dim), java.util.Arrays.copyOf(labels, n),
                dim, numClasses);
    }

    /** A copy of the features, [size, dim] row-major. */
    public float[] features() {
        return features.clone();
    }

    /** A copy of the labels, [size]. */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * Copies the samples at {@code indices[from .. from+count)} into {@code xOut} ([count, dim])
     * and their labels into {@code yOut} ([count]); both outputs are modified, nothing else.
     */
    public void gather(int[] indices, int from, int count, float[] xOut, int[] yOut) {
        for (int b = 0; b < count; b++) {
            int i = indices[from + b];
            System.arraycopy(features, i * dim, xOut, b * dim, dim);
            yOut[b] = labels[i];
        }
    }

    /** Fraction of samples with label 1 (for binary sets), useful to report class balance. */
    public double positiveFraction() {
        if (size == 0) {
            return 0;
        }
        long pos = Arrays.stream(labels).filter(l -> l == 1).count();
        return pos / (double) size;
    }
}
