package org.addernet.datasets.image;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * CIFAR's standard augmentation: a random crop of the image padded with {@code pad} zeros on
 * every side, then a random horizontal flip.
 *
 * <p>Layout: an image is [channels, height, width] (CHW) starting at an offset of a flat
 * {@code float[]}. With crop offsets {@code dy, dx} in {@code [0, 2 pad]}:
 * {@code out[c][y][x] = in[c][y + dy - pad][x' + dx - pad]}, where {@code x' = width-1-x} when
 * flipping and {@code x} otherwise, and 0 where that source lies outside the image. So
 * {@code dy = dx = pad} without flip is the identity, and every output value is either 0 or a
 * value of the same channel of the input. The random variant draws {@code dy}, {@code dx}, then
 * the flip, in that order, from the caller's {@link SplittableRandom}: the same seed gives the
 * same images.
 */
public final class Augment {
    /** CIFAR pads 4 pixels on each side (crop 32 out of 40). */
    public static final int CIFAR_PAD = 4;

    private Augment() {
    }

    /**
     * Writes the crop at {@code (dy, dx)} of the zero-padded {@code src} image, flipped when
     * {@code flip}, into {@code dst} at {@code dstOff}; modifies only those
     * {@code channels*height*width} values of {@code dst}. Source and target must not overlap.
     */
    public static void cropFlip(float[] src, int srcOff, float[] dst, int dstOff, int channels,
                                int height, int width, int pad, int dy, int dx, boolean flip) {
        int size = channels * height * width;
        if (dy < 0 || dy > 2 * pad || dx < 0 || dx > 2 * pad) {
            throw new IllegalArgumentException("crop offsets (" + dy + ", " + dx
                    + ") must lie in [0, " + 2 * pad + "] for pad " + pad);
        }
        if (src == dst && srcOff < dstOff + size && dstOff < srcOff + size) {
            throw new IllegalArgumentException("source [" + srcOff + ", " + (srcOff + size)
                    + ") overlaps target [" + dstOff + ", " + (dstOff + size) + ")");
        }
        int shiftY = dy - pad;
        int shiftX = dx - pad;
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                int sy = y + shiftY;
                int out = dstOff + plane + y * width;
                if (sy < 0 || sy >= height) {
                    Arrays.fill(dst, out, out + width, 0f);
                    continue;
                }
                int row = srcOff + plane + sy * width;
                for (int x = 0; x < width; x++) {
                    int sx = (flip ? width - 1 - x : x) + shiftX;
                    dst[out + x] = sx >= 0 && sx < width ? src[row + sx] : 0f;
                }
            }
        }
    }

    /** {@link #cropFlip} with {@code dy}, {@code dx} uniform in [0, 2 pad] and a fair flip. */
    public static void random(float[] src, int srcOff, float[] dst, int dstOff, int channels,
                              int height, int width, int pad, SplittableRandom rng) {
        int dy = rng.nextInt(2 * pad + 1);
        int dx = rng.nextInt(2 * pad + 1);
        boolean flip = rng.nextBoolean();
        cropFlip(src, srcOff, dst, dstOff, channels, height, width, pad, dy, dx, flip);
    }

    /** One CIFAR image (3 x 32 x 32, pad 4) from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
    public static void cifar(float[] src, int srcOff, float[] dst, int dstOff, SplittableRandom rng) {
        random(src, srcOff, dst, dstOff, CifarReader.CHANNELS, CifarReader.SIDE, CifarReader.SIDE,
                CIFAR_PAD, rng);
    }

    /**
     * Augments a batch: {@code x} and {@code out} are [count, 3, 32, 32]; each image gets its own
     * draws, in batch order. {@code out} is modified, {@code x} is not.
     */
    public static void cifarBatch(float[] x, int count, float[] out, SplittableRandom rng) {
        for (int i = 0; i < count; i++) {
            int off = i * CifarReader.IMAGE_BYTES;
            cifar(x, off, out, off, rng);
        }
    }
}
