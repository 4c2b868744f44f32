package org.addernet.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Lemma 2's construction computes g(X) with the engine's own layers, to float rounding. */
class Lemma2Test {
    private static Lemma2.Spec random(int t, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] w = new float[t][2];
        double[] a = new double[t];
        double[] b = new double[t];
        for (int i = 0; i < t; i++) {
            w[i][0] = (float) (r.nextDouble() * 20 - 10);
            w[i][1] = (float) (r.nextDouble() * 20 - 10);
            a[i] = r.nextDouble() * 4 - 2;                 // both signs
            b[i] = r.nextDouble() * 20 - 15;               // ReLU active on part of the plane
        }
        return new Lemma2.Spec(w, a, b);
    }

    @Test
    void theTwoLayerAdderNetEqualsGOnTheWholeLattice() {
        for (long seed = 1; seed <= 5; seed++) {
            Lemma2.Spec s = random(1 + (int) seed * 3, seed);
            double extent = 15;
            Sequential net = Lemma2.network(s, extent);
            double m = Lemma2.bound(s, extent);
            double diff = Lemma2.maxDifference(s, net, 121, extent);
            // float32 sums of about t terms of size M: rounding only
            double rounding = 4 * s.units() * m * Math.ulp(1f);
            assertTrue(diff <= rounding, "seed " + seed + ": max |A - g| = " + diff + " > " + rounding);
        }
    }

    @Test
    void aSingleUnitIsADiamondShapedRamp() {
        Lemma2.Spec s = new Lemma2.Spec(new float[][] {{1, 2}}, new double[] {3}, new double[] {-4});
        Sequential net = Lemma2.network(s, 10);
        // at the centre ||W - X||_1 = 0 < 4: g = 0; at (7, 2): 3 * ReLU(6 - 4) = 6
        Tensor out = net.forward(Tensor.wrap(new float[] {1, 7, 2, 2}, 2, 2), false);
        assertEquals(0.0, out.data[0], 1e-4);
        assertEquals(6.0, out.data[1], 1e-4);
        assertEquals(6.0, Lemma2.g(s, new float[] {7, 2}), 1e-12);
    }

    @Test
    void mMustBoundTheHiddenUnits() {
        // the bound is what keeps |h_i + M| and |h_i - M| from switching sign: outside K it can fail
        Lemma2.Spec s = random(4, 9);
        Sequential net = Lemma2.network(s, 5);
        assertTrue(Lemma2.maxDifference(s, net, 41, 5) < 1e-3);
        assertTrue(Lemma2.maxDifference(s, net, 41, 400) > 1, "far outside the compact set the identity breaks");
        assertThrows(IllegalArgumentException.class, () -> new Lemma2.Spec(new float[][] {{1, 2}}, new double[] {1, 2},
                new double[] {0}));
    }
}
