package org.addernet.datasets.image;

import java.io.IOException;
import java.nio.file.Path;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.BatchTransform;

/**
 * An image set made ready for training: read from its folder, optionally cut to its first
 * samples, standardised per channel ({@link Normalization}), with the training augmentation that
 * fits it.
 */
public final class ImagePipeline {
    /** Pixels of zero padding around MNIST-format images for a random shift (no flip: digits have a handedness). */
    public static final int IDX_PAD = 2;

    private ImagePipeline() {
    }

    /**
     * @param sampleShape one image as {C, H, W}
     * @param folder      where the files were read from
     */
    public record Prepared(ImageSet set, DataSet train, DataSet test, int[] sampleShape, Normalization normalization,
                           Path folder) {
    }

    /**
     * Reads {@code set} from {@code folder} (as {@link DataRoots#find} returns it), keeps the first
     * {@code trainLimit} / {@code testLimit} samples when they are not null, and standardises both
     * parts with the set's published statistics (CIFAR-100: the training part's own).
     */
    public static Prepared load(ImageSet set, Path folder, Integer trainLimit, Integer testLimit) throws IOException {
        return load(set, folder, trainLimit, testLimit, null);
    }

    /**
     * {@link #load(ImageSet, Path, Integer, Integer)} standardising with {@code normalization}
     * instead of the set's statistics when it is not null (a preset's {@code data.mean} and
     * {@code data.std}, e.g. the official AdderNet code's CIFAR constants).
     */
    public static Prepared load(ImageSet set, Path folder, Integer trainLimit, Integer testLimit,
                                Normalization normalization) throws IOException {
        TrainTest raw = DataRoots.load(set, folder);
        DataSet train = limit(raw.train(), trainLimit);
        DataSet test = limit(raw.test(), testLimit);
        int[] shape = shape(set, raw.train().dim());
        if (normalization != null && normalization.channels() != shape[0]) {
            throw new IllegalArgumentException(set.id() + " has " + shape[0] + " channels, the standardisation "
                    + normalization.channels());
        }
        Normalization norm = normalization != null ? normalization
                : Normalization.forSet(set).orElseGet(() -> Normalization.fromData(raw.train(), shape[0]));
        // the sets were just read and are held nowhere else: standardise them in place, not as copies
        train.transformInPlace(x -> norm.applyInPlace(x, 0, x.length / train.dim(), train.dim()));
        test.transformInPlace(x -> norm.applyInPlace(x, 0, x.length / test.dim(), test.dim()));
        return new Prepared(set, train, test, shape, norm, folder);
    }

    private static DataSet limit(DataSet d, Integer n) {
        return n == null || n >= d.size() ? d : d.head(n);
    }

    /** One image of {@code set} as {C, H, W}; MNIST-format images are square grey planes of {@code dim} pixels. */
    public static int[] shape(ImageSet set, int dim) {
        if (!set.isIdx()) {
            return new int[] {CifarReader.CHANNELS, CifarReader.SIDE, CifarReader.SIDE};
        }
        int side = (int) Math.round(Math.sqrt(dim));
        return side * side == dim ? new int[] {1, side, side} : new int[] {1, 1, dim};
    }

    /**
     * The training augmentation of {@code set} on standardised batches: CIFAR a random crop of the
     * image padded by 4 and a horizontal flip (He et al.), MNIST-format sets a random shift of up to
     * 2 pixels. The padding is black in pixel space, as when augmenting before standardising: each
     * image is shifted by {@code mean/std} so that black is 0, cropped, and shifted back.
     */
    public static BatchTransform augmentation(ImageSet set, int[] s, Normalization norm) {
        int channels = s[0];
        int h = s[1];
        int w = s[2];
        int plane = h * w;
        int pad = set.isIdx() ? IDX_PAD : Augment.CIFAR_PAD;
        boolean flip = !set.isIdx();
        float[] black = new float[channels];
        for (int c = 0; c < channels; c++) {
            black[c] = norm.mean()[c] / norm.std()[c];   // standardised black is -mean/std
        }
        return (in, count, out, rng) -> {
            for (int i = 0; i < count; i++) {
                int off = i * channels * plane;
                shift(in, off, channels, plane, black, 1);
                int dy = rng.nextInt(2 * pad + 1);
                int dx = rng.nextInt(2 * pad + 1);
                boolean f = flip && rng.nextBoolean();
                Augment.cropFlip(in, off, out, off, channels, h, w, pad, dy, dx, f);
                shift(out, off, channels, plane, black, -1);
            }
        };
    }

    private static void shift(float[] x, int off, int channels, int plane, float[] by, int sign) {
        for (int c = 0; c < channels; c++) {
            float d = sign * by[c];
            int base = off + c * plane;
            for (int p = 0; p < plane; p++) {
                x[base + p] += d;
            }
        }
    }
}
