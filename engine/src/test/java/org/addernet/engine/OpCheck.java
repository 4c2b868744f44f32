package org.addernet.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The one op-check helper of the engine tests: compares arrays and reports op, shape and the largest difference. */
public final class OpCheck {
    private OpCheck() {
    }

    /** Fails unless |expected - actual| <= atol + rtol |expected| everywhere. */
    public static void assertClose(String op, int[] shape, float[] expected, float[] actual, double atol, double rtol) {
        if (expected.length != actual.length) {
            fail(op + " " + Arrays.toString(shape) + ": length " + actual.length + ", expected " + expected.length);
        }
        double worst = 0;
        int where = -1;
        for (int k = 0; k < expected.length; k++) {
            double diff = Math.abs((double) expected[k] - actual[k]);
            double allowed = atol + rtol * Math.abs(expected[k]);
            if (!(diff <= allowed) && (where < 0 || diff - allowed > worst)) {
                worst = diff - allowed;
                where = k;
            }
        }
        if (where >= 0) {
            fail(op + " " + Arrays.toString(shape) + ": element " + where + " is " + actual[where]
                    + ", expected " + expected[where] + " (difference " + Math.abs(expected[where] - actual[where]) + ")");
        }
    }

    /** Uniform values in [-scale, scale], seeded. */
    public static float[] random(int n, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = (float) ((r.nextDouble() * 2 - 1) * scale);
        }
        return a;
    }
}
