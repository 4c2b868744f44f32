package org.addernet.app.render;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.DecisionGrid;

/** Synthetic grids and point sets for the render tests and the sample figures. */
final class Samples {
    private Samples() {
    }

    /** P(class 1) = f(x, y) sampled at the cell centres of a {@code resolution}^2 grid. */
    static DecisionGrid grid(int resolution, double min, double max, DoubleBinaryOperator f) {
        float[] p = new float[resolution * resolution];
        double cell = (max - min) / resolution;
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                p[j * resolution + i] = (float) f.applyAsDouble(min + (i + 0.5) * cell, min + (j + 0.5) * cell);
            }
        }
        return new DecisionGrid(resolution, min, max, min, max, p);
    }

    /** 1 inside the circle of {@code radius} about the origin, 0 outside. */
    static DecisionGrid disc(int resolution, double min, double max, double radius) {
        return grid(resolution, min, max, (x, y) -> Math.hypot(x, y) < radius ? 1 : 0);
    }

    /** A set of the given points {x0, y0, x1, y1, ...} and labels. */
    static DataSet points(float[] xy, int... labels) {
        return new DataSet(xy, labels, 2, 2);
    }

    /**
     * The unit-ball toy set (eq. 34): N(0, sd^2) points, label 1 if r < 10, 0 if r > 15, the margin
     * dropped; deterministic for a seed.
     */
    static DataSet unitBall(int size, double sd, long seed) {
        var rnd = new Random(seed);
        float[] xy = new float[2 * size];
        int[] labels = new int[size];
        int k = 0;
        while (k < size) {
            double x = rnd.nextGaussian() * sd;
            double y = rnd.nextGaussian() * sd;
            double r = Math.hypot(x, y);
            if (r >= 10 && r <= 15) {
                continue;
            }
            xy[2 * k] = (float) x;
            xy[2 * k + 1] = (float) y;
            labels[k++] = r < 10 ? 1 : 0;
        }
        return points(xy, labels);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
