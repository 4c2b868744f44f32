package org.addernet.engine.train;

/**
 * A model's output probability on an R x R lattice of the plane, an immutable snapshot.
 *
 * <p>Layout: {@code prob} is [R, R] row-major with row {@code j} at
 * {@code y = yMin + (j + 0.5) * (yMax - yMin) / R} (row 0 at the bottom, yMin) and column
 * {@code i} at {@code x = xMin + (i + 0.5) * (xMax - xMin) / R}. Values are P(class 1).
 */
public record DecisionGrid(int resolution, double xMin, double xMax, double yMin, double yMax,
                           float[] prob) {
    public DecisionGrid {
        if (resolution <= 0 || prob.length != resolution * resolution) {
            throw new IllegalArgumentException("grid of resolution " + resolution
                    + " needs " + resolution * resolution + " values, got " + prob.length);
        }
        prob = prob.clone();
    }

    /** P(class 1) at column i, row j (row 0 = yMin). */
    public float at(int i, int j) {
        return prob[j * resolution + i];
    }

    public double xAt(int i) {
        return xMin + (i + 0.5) * (xMax - xMin) / resolution;
    }

    public double yAt(int j) {
        return yMin + (j + 0.5) * (yMax - yMin) / resolution;
    }

    @Override
    public float[] prob() {
        return prob.clone();
    }
}
