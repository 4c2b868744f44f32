package org.addernet.datasets.toy;

import java.util.SplittableRandom;
import org.addernet.engine.data.DataSet;

/**
 * Generates the toy sets: {@code n = spec.samples()} points in the plane, labels in {0, 1},
 * split into train and test.
 *
 * <p>The paper's sets (Sec. 5.1) follow its equations exactly, with p = (x, y) ~ N(0, s^2 I):
 * <ul>
 *   <li>unit ball, eq. 34: z = 1 if |p| &lt; 10, z = 0 if |p| &gt; 15; points with
 *       10 &lt;= |p| &lt;= 15 are rejected and redrawn until n are kept (default s = 10);</li>
 *   <li>multiple unit balls, eq. 35: z = 1 if |p - (10, 10)| &lt; 10 or |p + (10, 10)| &lt; 10,
 *       else 0 (default s = 15);</li>
 *   <li>quadrants ("linear"/XOR), eq. 36: z = 1 if x y &gt;= 0, else 0 (default s = 10).</li>
 * </ul>
 * The radii 10 and 15 and the centres (+-10, +-10) are the paper's constants and do not scale
 * with s. The paper says the Gaussian has "variance 10" (and 15); read literally (s = sqrt 10)
 * nearly every unit-ball point would fall inside r &lt; 10 and the set would hold almost no
 * negatives, so {@code spread} is taken as the <em>standard deviation</em> s; with s = 10 about
 * 55% of the kept unit-ball points are positive.
 *
 * <p>The teaching sets (moons, spiral, rings, checkerboard, blobs) scale with s as described in
 * {@link ToySet}; their two classes are drawn in equal numbers (blobs and checkerboard: by area).
 *
 * <p>Then each label is flipped with probability {@code labelNoise}, the points are shuffled
 * and the first round(n (1 - testFraction)) go to train, the rest to test (each part keeps at
 * least one point). Points, flips and shuffle use three independent streams split from
 * {@code SplittableRandom(seed)}, so the same spec gives identical arrays, and changing only
 * {@code labelNoise} changes labels but neither the points nor the split.
 */
public final class ToySets {
    /** The plotting square's half-width is this factor times the largest |coordinate|. */
    static final double EXTENT_MARGIN = 1.1;

    private ToySets() {
    }

    /** Generates the train/test pair and plotting extent described by {@code spec}. */
    public static ToyData generate(ToySpec spec) {
        int n = spec.samples();
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom points = root.split();
        SplittableRandom flips = root.split();
        SplittableRandom shuffle = root.split();

        float[] xy = new float[2 * n];   // [n, 2] row-major
        int[] labels = new int[n];       // [n], 0 or 1
        ToySamplers.sample(spec.set(), spec.spread(), points, xy, labels);
        flipLabels(labels, spec.labelNoise(), flips);

        int[] order = permutation(n, shuffle);
        int nTrain = trainSize(n, spec.testFraction());
        DataSet train = subset(xy, labels, order, 0, nTrain);
        DataSet test = subset(xy, labels, order, nTrain, n - nTrain);
        return new ToyData(spec, train, test, extent(xy));
    }

    /** round(n (1 - testFraction)) clamped to [1, n - 1] so that neither part is empty. */
    static int trainSize(int n, double testFraction) {
        long nTrain = Math.round(n * (1 - testFraction));
        return (int) Math.max(1, Math.min(n - 1, nTrain));
    }

    /** Flips each label (0 &lt;-&gt; 1) with probability p; one draw per label, always. */
    private static void flipLabels(int[] labels, double p, SplittableRandom rng) {
        for (int i = 0; i < labels.length; i++) {
            if (rng.nextDouble() < p) {
                labels[i] = 1 - labels[i];
            }
        }
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    private static int[] permutation(int n, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The samples order[from .. from+count) as a binary 2-D data set. */
    private static DataSet subset(float[] xy, int[] labels, int[] order, int from, int count) {
        float[] x = new float[2 * count];
        int[] y = new int[count];
        for (int b = 0; b < count; b++) {
            int i = order[from + b];
            x[2 * b] = xy[2 * i];
            x[2 * b + 1] = xy[2 * i + 1];
            y[b] = labels[i];
        }
        return new DataSet(x, y, 2, 2);
    }

    /** L = 1.1 max |coordinate| (1 if every point is at the origin). */
    private static double extent(float[] xy) {
        double max = 0;
        for (float v : xy) {
            max = Math.max(max, Math.abs(v));
        }
        return max > 0 ? EXTENT_MARGIN * max : 1;
    }
}
