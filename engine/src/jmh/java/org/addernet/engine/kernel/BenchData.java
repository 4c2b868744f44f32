package org.addernet.engine.kernel;

import java.util.SplittableRandom;

/** Seeded inputs of the JMH benchmarks. */
final class BenchData {
    private BenchData() {
    }

    /** Fills {@code v} uniformly in [-1, 1) and returns it. */
    static float[] fill(float[] v, SplittableRandom r) {
        for (int t = 0; t < v.length; t++) {
            v[t] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}
