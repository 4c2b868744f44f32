package org.addernet.datasets.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.addernet.engine.data.DataSet;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    @Test
    void eachChannelPlaneUsesItsOwnMeanAndStdByHand() {
        // two samples, 2 channels x 2 pixels (CHW)
        DataSet d = new DataSet(new float[] {1, 3, 10, 20, 0, 2, 30, 40}, new int[] {0, 1}, 4, 2);
        Normalization n = new Normalization(new float[] {1, 20}, new float[] {2, 10});
        DataSet out = n.apply(d);
        assertArrayEquals(new float[] {0, 1, -1, 0, -0.5f, 0.5f, 1, 2}, out.features(), 1e-6f);
        assertArrayEquals(d.labels(), out.labels());
        assertEquals(1f, d.feature(0, 0), "input unchanged");
    }

    @Test
    void applyInPlaceTouchesOnlyTheGivenRange() {
        float[] x = {9, 0.5f, 0.5f, 9};
        new Normalization(new float[] {0.5f}, new float[] {0.25f}).applyInPlace(x, 1, 1, 2);
        assertArrayEquals(new float[] {9, 0, 0, 9}, x);
    }

    @Test
    void publishedConstants() {
        assertArrayEquals(new float[] {0.1307f}, Normalization.MNIST.mean());
        assertArrayEquals(new float[] {0.3081f}, Normalization.MNIST.std());
        assertArrayEquals(new float[] {0.2860f}, Normalization.FASHION_MNIST.mean());
        assertArrayEquals(new float[] {0.3530f}, Normalization.FASHION_MNIST.std());
        assertArrayEquals(new float[] {0.4914f, 0.4822f, 0.4465f}, Normalization.CIFAR_10.mean());
        assertArrayEquals(new float[] {0.2470f, 0.2435f, 0.2616f}, Normalization.CIFAR_10.std());
        assertEquals(Normalization.CIFAR_10, Normalization.forSet(ImageSet.CIFAR_10).orElseThrow());
        assertTrue(Normalization.forSet(ImageSet.CIFAR_100).isEmpty());
    }

    @Test
    void statisticsFromDataStandardiseThatData() {
        float[] x = new float[3 * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 37 % 11) / 10f + (i % 6 >= 3 ? 5 : 0);   // channel 1 offset by 5
        }
        DataSet d = new DataSet(x, new int[3], 6, 1);
        Normalization n = Normalization.fromData(d, 2);
        assertTrue(n.mean()[1] > 5 && n.mean()[0] < 1, n.toString());
        Normalization again = Normalization.fromData(n.apply(d), 2);
        assertArrayEquals(new float[] {0, 0}, again.mean(), 1e-5f);
        assertArrayEquals(new float[] {1, 1}, again.std(), 1e-5f);
    }

    @Test
    void badShapesAndValuesAreRejectedWithBothNumbers() {
        DataSet d = new DataSet(new float[5], new int[1], 5, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.CIFAR_10.apply(d));
        assertEquals("dim 5 is not a whole number of 3 channel planes", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Normalization(new float[] {0, 0}, new float[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Normalization(new float[] {0}, new float[] {0}));
    }
}
