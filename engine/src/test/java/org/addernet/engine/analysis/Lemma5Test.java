package org.addernet.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.addernet.engine.nn.Sequential;
import org.junit.jupiter.api.Test;

/** Lemma 5's construction: a 0/1 fully-connected layer as a two-layer AdderNet with 2m + 2 hidden units. */
class Lemma5Test {
    @Test
    void theAdderNetComputesTheZeroOneLayer() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 5; trial++) {
            int m = 1 + r.nextInt(4);
            int d = 1 + r.nextInt(6);
            double[] a = new double[m];
            boolean[][] b = new boolean[m][d];
            double maxA = 0;
            for (int i = 0; i < m; i++) {
                a[i] = r.nextDouble() * 6 - 3;
                maxA = Math.max(maxA, Math.abs(a[i]));
                for (int j = 0; j < d; j++) {
                    b[i][j] = r.nextBoolean();
                }
            }
            double radius = 10;
            Sequential net = Lemma5.network(a, b, radius);
            double diff = Lemma5.maxDifference(a, b, net, radius, 500, trial);
            int t = Lemma5.hiddenUnits(m);
            double rounding = 16 * t * (2 * d * radius + 2) * Math.ulp(1f) * Math.max(1, maxA);
            assertTrue(diff <= rounding, "m " + m + ", d " + d + ": max |A - C| = " + diff + " > " + rounding);
        }
    }

    @Test
    void widthBoundsOfTheorem6() {
        assertEquals(8, Lemma5.hiddenUnits(3), "2m + 2 hidden units for m = 3 outputs");
        assertArrayEquals(new int[] {14, 6}, Lemma5.widthBounds(2), "2(d + 5) against d + 4 for d = 2");
    }
}
