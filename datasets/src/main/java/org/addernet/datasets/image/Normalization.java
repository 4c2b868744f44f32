package org.addernet.datasets.image;

import java.util.Arrays;
import java.util.Optional;
import org.addernet.engine.data.DataSet;

/**
 * Per-channel standardisation x' = (x - mean[c]) / std[c] of images stored CHW.
 *
 * <p>Layout: each sample of {@code dim} features is {@code channels} planes of
 * {@code dim / channels} values (channel-major, as CIFAR stores them; a grey image is one
 * plane). The constants are the usual training-set statistics of pixels in [0, 1]. The
 * reference CIFAR pipelines crop and flip ({@link Augment}) before normalising, so that the
 * zero padding is black; padding after normalising would pad with the mean colour instead.
 */
public final class Normalization {
    /** MNIST training set: mean 0.1307, std 0.3081. */
    public static final Normalization MNIST = new Normalization(new float[] {0.1307f},
            new float[] {0.3081f});
    /** Fashion-MNIST training set: mean 0.2860, std 0.3530. */
    public static final Normalization FASHION_MNIST = new Normalization(new float[] {0.2860f},
            new float[] {0.3530f});
    /** CIFAR-10 training set, per RGB channel. */
    public static final Normalization CIFAR_10 = new Normalization(
            new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2470f, 0.2435f, 0.2616f});

    private final float[] mean;
    private final float[] std;

    /** One mean and one positive std per channel (arrays copied). */
    public Normalization(float[] mean, float[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("need one mean and one std per channel, got "
                    + mean.length + " means and " + std.length + " stds");
        }
        for (int c = 0; c < std.length; c++) {
            if (!(std[c] > 0) || !Float.isFinite(std[c]) || !Float.isFinite(mean[c])) {
                throw new IllegalArgumentException("channel " + c + ": need a finite mean and a"
                        + " positive finite std, got mean " + mean[c] + ", std " + std[c]);
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** The published constants of {@code set}; empty for CIFAR-100 (use {@link #fromData}). */
    public static Optional<Normalization> forSet(ImageSet set) {
        return switch (set) {
            case MNIST -> Optional.of(MNIST);
            case FASHION_MNIST -> Optional.of(FASHION_MNIST);
            case CIFAR_10 -> Optional.of(CIFAR_10);
            case CIFAR_100 -> Optional.empty();
        };
    }

    /** Per-channel mean and population std of {@code data} (computed in double). */
    public static Normalization fromData(DataSet data, int channels) {
        int plane = planeSize(data.dim(), channels);
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        float[] x = data.features();
        for (int i = 0; i < x.length; i++) {
            int c = (i % data.dim()) / plane;
            sum[c] += x[i];
            sumSq[c] += (double) x[i] * x[i];
        }
        float[] m = new float[channels];
        float[] s = new float[channels];
        double n = (double) data.size() * plane;
        for (int c = 0; c < channels; c++) {
            double mu = sum[c] / n;
            m[c] = (float) mu;
            s[c] = (float) Math.sqrt(Math.max(sumSq[c] / n - mu * mu, 0));
        }
        return new Normalization(m, s);
    }

    public int channels() {
        return mean.length;
    }

    /** A copy of the per-channel means. */
    public float[] mean() {
        return mean.clone();
    }

    /** A copy of the per-channel standard deviations. */
    public float[] std() {
        return std.clone();
    }

    /** A new data set with every sample standardised; {@code data} is unchanged. */
    public DataSet apply(DataSet data) {
        float[] x = data.features();
        applyInPlace(x, 0, data.size(), data.dim());
        return DataSet.adopt(x, data.labels(), data.dim(), data.numClasses());
    }

    /**
     * Standardises {@code count} samples of {@code dim} features starting at {@code x[offset]}
     * ([count, channels, dim/channels]); modifies {@code x} there and nowhere else.
     */
    public void applyInPlace(float[] x, int offset, int count, int dim) {
        int plane = planeSize(dim, mean.length);
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < mean.length; c++) {
                int base = offset + i * dim + c * plane;
                float m = mean[c];
                float s = std[c];
                for (int p = 0; p < plane; p++) {
                    x[base + p] = (x[base + p] - m) / s;
                }
            }
        }
    }

    private static int planeSize(int dim, int channels) {
        if (channels <= 0 || dim % channels != 0) {
            throw new IllegalArgumentException("dim " + dim + " is not a whole number of "
                    + channels + " channel planes");
        }
        return dim / channels;
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
