package org.addernet.app.ui.vm;

import java.util.Locale;
import java.util.Random;
import org.addernet.engine.data.DataSet;

/**
 * The points a boundary panel draws: every training and test point up to {@link #MAX_DRAWN} in
 * all, above that a random subsample of each set in proportion (the same one for every frame and
 * every panel of a session), so that a panel redraws in milliseconds whatever the sample size.
 * Accuracies still count every point.
 *
 * @param total how many points the session trains and tests on
 */
public record DrawnPoints(DataSet train, DataSet test, int total) {
    /** Most points a panel draws (markers are anti-aliased discs and rings: about 1 ms per 1,000). */
    public static final int MAX_DRAWN = 4000;

    /** The points of {@code train} and {@code test} to draw. */
    public static DrawnPoints of(DataSet train, DataSet test) {
        int total = train.size() + test.size();
        if (total <= MAX_DRAWN) {
            return new DrawnPoints(train, test, total);
        }
        int keepTest = (int) Math.round((double) MAX_DRAWN * test.size() / total);
        Random rnd = new Random(7);
        return new DrawnPoints(sample(train, MAX_DRAWN - keepTest, rnd), sample(test, keepTest, rnd), total);
    }

    /** How many points are drawn. */
    public int drawn() {
        return train.size() + test.size();
    }

    /** What the panels say about it: empty when every point is drawn. */
    public String note() {
        return drawn() == total ? "" : String.format(Locale.ROOT,
                "Drawn: %,d of %,d points, a random subsample (accuracies count every point).", drawn(), total);
    }

    /** {@code k} points of {@code d} chosen at random without repeats (a partial Fisher-Yates shuffle). */
    private static DataSet sample(DataSet d, int k, Random rnd) {
        int n = d.size();
        k = Math.max(0, Math.min(k, n));
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        float[] x = new float[k * d.dim()];
        int[] y = new int[k];
        d.gather(idx, 0, k, x, y);
        return DataSet.adopt(x, y, d.dim(), d.numClasses());
    }
}
