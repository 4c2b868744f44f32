package org.addernet.datasets.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentTest {
    private static final int C = 3;
    private static final int H = 32;
    private static final int W = 32;
    private static final int SIZE = C * H * W;

    /** Distinct non-zero values: 1 + index, so each output value names its source pixel. */
    private static float[] image(int count) {
        float[] x = new float[count * SIZE];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1 + i;
        }
        return x;
    }

    @Test
    void centredCropWithoutFlipIsTheIdentityAndFlipTwiceIsToo() {
        float[] x = image(1);
        float[] out = new float[SIZE];
        Augment.cropFlip(x, 0, out, 0, C, H, W, 4, 4, 4, false);
        assertArrayEquals(x, out);
        float[] flipped = new float[SIZE];
        Augment.cropFlip(x, 0, flipped, 0, C, H, W, 4, 4, 4, true);
        assertEquals(x[W - 1], flipped[0]);
        assertEquals(x[2 * H * W + 5 * W], flipped[2 * H * W + 5 * W + W - 1]);
        Augment.cropFlip(flipped, 0, out, 0, C, H, W, 4, 4, 4, true);
        assertArrayEquals(x, out);
    }

    @Test
    void cropShiftsByTheOffsetAndPadsWithZeros() {
        // 1 channel 3x3, pad 1, crop at (2, 0): rows move up by one, columns right by one
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] out = new float[9];
        Augment.cropFlip(x, 0, out, 0, 1, 3, 3, 1, 2, 0, false);
        assertArrayEquals(new float[] {0, 4, 5, 0, 7, 8, 0, 0, 0}, out);
        Augment.cropFlip(x, 0, out, 0, 1, 3, 3, 1, 2, 0, true);
        assertArrayEquals(new float[] {5, 4, 0, 8, 7, 0, 0, 0, 0}, out);   // the crop, mirrored
    }

    @Test
    void randomCropsKeepPixelValuesAndChannels() {
        float[] x = image(1);
        float[] out = new float[SIZE];
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            Augment.cifar(x, 0, out, 0, rng);
            int nonZero = 0;
            for (int i = 0; i < SIZE; i++) {
                if (out[i] != 0) {
                    nonZero++;
                    int src = (int) out[i] - 1;
                    assertEquals(i / (H * W), src / (H * W), "channel of output " + i);
                }
            }
            // a crop shifted by (sy, sx) keeps (32 - |sy|) x (32 - |sx|) pixels per channel
            assertTrue(nonZero >= C * 24 * 24 && nonZero <= SIZE, "kept " + nonZero);
            assertEquals(0, nonZero % C);
        }
    }

    @Test
    void sameSeedGivesTheSameBatchAndBatchEqualsPerImageCalls() {
        float[] x = image(4);
        float[] a = new float[x.length];
        float[] b = new float[x.length];
        Augment.cifarBatch(x, 4, a, new SplittableRandom(42));
        Augment.cifarBatch(x, 4, b, new SplittableRandom(42));
        assertArrayEquals(a, b);
        SplittableRandom rng = new SplittableRandom(42);
        float[] c = new float[x.length];
        for (int i = 0; i < 4; i++) {
            Augment.cifar(x, i * SIZE, c, i * SIZE, rng);
        }
        assertArrayEquals(a, c);
        float[] d = new float[x.length];
        Augment.cifarBatch(x, 4, d, new SplittableRandom(43));
        assertFalse(Arrays.equals(a, d));
        assertArrayEquals(image(4), x, "input unchanged");
    }

    @Test
    void overlappingBuffersAndOffsetsOutsideThePaddingAreRejected() {
        float[] x = image(1);
        assertThrows(IllegalArgumentException.class,
                () -> Augment.cropFlip(x, 0, x, 10, C, H, W, 4, 4, 4, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Augment.cropFlip(x, 0, new float[SIZE], 0, C, H, W, 4, 9, 0, false));
        assertEquals("crop offsets (9, 0) must lie in [0, 8] for pad 4", e.getMessage());
    }
}
