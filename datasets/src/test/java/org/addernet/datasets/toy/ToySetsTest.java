package org.addernet.datasets.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.addernet.engine.data.DataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ToySetsTest {

    /** Train followed by test, as one [n, 2] array and one [n] array. */
    private record All(float[] xy, int[] labels) {
        static All of(ToyData d) {
            float[] xy = Arrays.copyOf(d.train().features(), 2 * (d.train().size() + d.test().size()));
            System.arraycopy(d.test().features(), 0, xy, 2 * d.train().size(), 2 * d.test().size());
            int[] labels = Arrays.copyOf(d.train().labels(), d.train().size() + d.test().size());
            System.arraycopy(d.test().labels(), 0, labels, d.train().size(), d.test().size());
            return new All(xy, labels);
        }
    }

    @ParameterizedTest
    @EnumSource(ToySet.class)
    void sameSpecGivesIdenticalArraysAndAnotherSeedDoesNot(ToySet set) {
        ToySpec spec = new ToySpec(set, 300, set.defaultSpread(), 0.1, 0.25, 42);
        All a = All.of(ToySets.generate(spec));
        All b = All.of(ToySets.generate(spec));
        assertArrayEquals(a.xy(), b.xy());
        assertArrayEquals(a.labels(), b.labels());
        All c = All.of(ToySets.generate(spec.withSeed(43)));
        assertFalse(Arrays.equals(a.xy(), c.xy()));
    }

    @Test
    void unitBallFollowsEquation34WithNoPointInTheMargin() {
        All all = All.of(ToySets.generate(ToySpec.of(ToySet.UNIT_BALL, 3000, 1)));
        for (int i = 0; i < all.labels().length; i++) {
            double x = all.xy()[2 * i];
            double y = all.xy()[2 * i + 1];
            double r2 = x * x + y * y;
            assertFalse(r2 >= 100 && r2 <= 225, "point " + i + " in the margin, r = " + Math.sqrt(r2));
            assertEquals(r2 < 100 ? 1 : 0, all.labels()[i], "point " + i + " r = " + Math.sqrt(r2));
        }
    }

    @Test
    void multiBallFollowsEquation35() {
        All all = All.of(ToySets.generate(ToySpec.of(ToySet.MULTI_BALL, 3000, 2)));
        for (int i = 0; i < all.labels().length; i++) {
            double x = all.xy()[2 * i];
            double y = all.xy()[2 * i + 1];
            boolean in = (x - 10) * (x - 10) + (y - 10) * (y - 10) < 100
                    || (x + 10) * (x + 10) + (y + 10) * (y + 10) < 100;
            assertEquals(in ? 1 : 0, all.labels()[i], "point " + i + " at (" + x + ", " + y + ")");
        }
    }

    @Test
    void xorFollowsEquation36() {
        All all = All.of(ToySets.generate(ToySpec.of(ToySet.XOR, 3000, 3)));
        for (int i = 0; i < all.labels().length; i++) {
            double x = all.xy()[2 * i];
            double y = all.xy()[2 * i + 1];
            assertEquals(x * y >= 0 ? 1 : 0, all.labels()[i], "point " + i + " at (" + x + ", " + y + ")");
        }
    }

    @Test
    void paperSetsDrawFromAGaussianWithStandardDeviationSpread() {
        All all = All.of(ToySets.generate(new ToySpec(ToySet.XOR, 20000, 7, 0, 0.2, 4)));
        double sumSq = 0;
        for (float v : all.xy()) {
            sumSq += (double) v * v;
        }
        double std = Math.sqrt(sumSq / all.xy().length);
        assertEquals(7, std, 0.15, "sample standard deviation");
    }

    @ParameterizedTest
    @EnumSource(ToySet.class)
    void classesAreReasonablyBalancedAtTheDefaultSpread(ToySet set) {
        ToyData d = ToySets.generate(ToySpec.of(set, 2000, 5));
        All all = All.of(d);
        double positives = Arrays.stream(all.labels()).filter(l -> l == 1).count() / 2000.0;
        assertTrue(positives >= 0.2 && positives <= 0.8, set.id() + " positives " + positives);
        assertEquals(2, d.train().numClasses());
        assertEquals(2, d.train().dim());
        assertEquals(2, d.test().dim());
    }

    @ParameterizedTest
    @EnumSource(ToySet.class)
    void extentFramesEveryPointAndSetsShareAScale(ToySet set) {
        ToyData d = ToySets.generate(ToySpec.of(set, 2000, 6));
        float[] xy = All.of(d).xy();
        double[] abs = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            abs[i] = Math.abs(xy[i]);
        }
        Arrays.sort(abs);
        double max = abs[abs.length - 1];
        double p99 = abs[(int) (0.99 * abs.length)];
        assertTrue(d.extent() > max, set.id() + " extent " + d.extent() + " vs max " + max);
        assertTrue(d.extent() < 1.25 * max, set.id() + " extent " + d.extent() + " is loose");
        // common scale: 99% of coordinates within about +-40 (Gaussian tails may reach further)
        assertTrue(p99 > 15 && p99 < 42, set.id() + " 99th percentile of |coordinate| " + p99);
    }

    @ParameterizedTest
    @EnumSource(ToySet.class)
    void labelNoiseFlipsLabelsAtItsRateAndLeavesPointsAlone(ToySet set) {
        ToySpec clean = new ToySpec(set, 20000, set.defaultSpread(), 0, 0.2, 9);
        All a = All.of(ToySets.generate(clean));
        All b = All.of(ToySets.generate(clean.withLabelNoise(0.2)));
        assertArrayEquals(a.xy(), b.xy());
        int flipped = 0;
        for (int i = 0; i < a.labels().length; i++) {
            flipped += a.labels()[i] != b.labels()[i] ? 1 : 0;
        }
        // binomial(20000, 0.2): standard deviation 0.0028, tolerance about 5 of them
        assertEquals(0.2, flipped / 20000.0, 0.015, set.id() + " flip rate");
    }

    @ParameterizedTest
    @CsvSource({"1000, 0.2, 800", "1001, 0.3, 701", "10, 0.25, 8", "2, 0.5, 1", "2, 0.01, 1",
            "2, 0.99, 1", "3, 0.5, 2", "100, 0.999, 1"})
    void splitKeepsRoundedTrainShareAndNeitherPartEmpty(int n, double testFraction, int nTrain) {
        ToyData d = ToySets.generate(new ToySpec(ToySet.MOONS, n, 15, 0, testFraction, 11));
        DataSet train = d.train();
        DataSet test = d.test();
        assertEquals(nTrain, train.size());
        assertEquals(n - nTrain, test.size());
    }

    @Test
    void splitIsAShuffleNotTheGenerationOrder() {
        // moons draws classes alternately; unshuffled the first labels would read 0, 1, 0, 1, ...
        int[] labels = ToySets.generate(ToySpec.of(ToySet.MOONS, 200, 12)).train().labels();
        boolean alternating = true;
        for (int i = 1; i < labels.length; i++) {
            alternating &= labels[i] != labels[i - 1];
        }
        assertFalse(alternating);
    }
}
