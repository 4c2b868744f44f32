package org.addernet.engine.analysis;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.BatchNorm1d;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;

/**
 * Lemma 2 made concrete: {@code g(X) = sum_i a_i ReLU(||W_i - X||_1 + b_i)} is computed exactly by
 * a two-layer AdderNet built from the engine's own layers (eqs. 6-8):
 *
 * <ol>
 *   <li>an adder layer with centres W_i gives {@code -||W_i - X||_1}; batch norm's affine map (the
 *   a_i, b_i of Definition 1) with scale {@code -|a_i|} and shift {@code |a_i| b_i} turns it into
 *   {@code |a_i| (||W_i - X||_1 + b_i)}, and ReLU keeps the positive part, {@code h_i >= 0};</li>
 *   <li>on a compact set h_i stays below some M, so a second adder layer with filter {@code -M}
 *   where {@code a_i > 0} and {@code +M} where {@code a_i <= 0} gives
 *   {@code -sum_{a_i>0} (h_i + M) - sum_{a_i<=0} (M - h_i)} without any absolute value
 *   switching; an affine map with scale -1 and shift {@code -t M} leaves
 *   {@code sum_i sgn(a_i) h_i = sum_i a_i ReLU(||W_i - X||_1 + b_i)}.</li>
 * </ol>
 *
 * The batch norms run in evaluation mode with running mean 0, variance 1 and eps 0, so they are
 * exactly the affine maps above. The network and g agree up to float rounding.
 */
public final class Lemma2 {
    /**
     * @param centres W_i, [t][d]
     * @param a       output weights a_i
     * @param b       biases b_i
     */
    public record Spec(float[][] centres, double[] a, double[] b) {
        public Spec {
            if (centres.length == 0 || centres.length != a.length || a.length != b.length) {
                throw new IllegalArgumentException("need as many centres, weights a_i and biases b_i (at least one), got "
                        + centres.length + ", " + a.length + ", " + b.length);
            }
            for (float[] w : centres) {
                if (w.length != centres[0].length || w.length == 0) {
                    throw new IllegalArgumentException("every centre needs the same, positive dimension");
                }
            }
        }

        public int units() {
            return centres.length;
        }

        public int dim() {
            return centres[0].length;
        }
    }

    private Lemma2() {
    }

    /** g(X) evaluated directly, in double. */
    public static double g(Spec s, float[] x) {
        double sum = 0;
        for (int i = 0; i < s.units(); i++) {
            double d = 0;
            for (int j = 0; j < s.dim(); j++) {
                d += Math.abs(s.centres()[i][j] - x[j]);
            }
            sum += s.a()[i] * Math.max(0, d + s.b()[i]);
        }
        return sum;
    }

    /**
     * A bound M of every hidden unit {@code |a_i| (||W_i - X||_1 + b_i)} on the cube
     * {@code [-extent, extent]^d} (the compact set K of the lemma), plus one for rounding headroom.
     */
    public static double bound(Spec s, double extent) {
        double m = 0;
        for (int i = 0; i < s.units(); i++) {
            double far = 0;
            for (int j = 0; j < s.dim(); j++) {
                far += Math.abs(s.centres()[i][j]) + extent;
            }
            m = Math.max(m, Math.abs(s.a()[i]) * Math.max(0, far + s.b()[i]));
        }
        return m + 1;
    }

    /** The two-layer AdderNet of eqs. 6-8 for inputs in {@code [-extent, extent]^d}. */
    public static Sequential network(Spec s, double extent) {
        int t = s.units();
        int d = s.dim();
        double m = bound(s, extent);
        SplittableRandom unused = new SplittableRandom(0);
        AdderDense first = new AdderDense(d, t, AdderRules.paper(), unused);
        for (int i = 0; i < t; i++) {
            System.arraycopy(s.centres()[i], 0, first.weight().value, i * d, d);
        }
        BatchNorm1d affine1 = new BatchNorm1d(t, 0f, 0.1f);
        for (int i = 0; i < t; i++) {
            float abs = (float) Math.abs(s.a()[i]);
            affine1.gamma().value[i] = -abs;
            affine1.beta().value[i] = (float) (Math.abs(s.a()[i]) * s.b()[i]);
        }
        AdderDense second = new AdderDense(t, 1, AdderRules.paper(), unused);
        for (int i = 0; i < t; i++) {
            second.weight().value[i] = (float) (s.a()[i] > 0 ? -m : m);
        }
        BatchNorm1d affine2 = new BatchNorm1d(1, 0f, 0.1f);
        affine2.gamma().value[0] = -1f;
        affine2.beta().value[0] = (float) (-t * m);
        List<Layer> layers = List.of(first, affine1, Activation.relu(), second, affine2);
        return new Sequential(layers);
    }

    /** The largest |network(X) - g(X)| over an R x R lattice of {@code [-extent, extent]^2} (2-D specs). */
    public static double maxDifference(Spec s, Sequential net, int resolution, double extent) {
        if (s.dim() != 2) {
            throw new IllegalArgumentException("the lattice check is for 2-D centres, got dimension " + s.dim());
        }
        double worst = 0;
        float[] x = new float[2 * resolution];
        float[] point = new float[2];
        for (int row = 0; row < resolution; row++) {
            for (int c = 0; c < resolution; c++) {
                x[c] = (float) (-extent + 2 * extent * c / (resolution - 1));
                x[resolution + c] = (float) (-extent + 2 * extent * row / (resolution - 1));
            }
            Tensor out = net.forward(Tensor.wrap(x, 2, resolution), false);
            for (int c = 0; c < resolution; c++) {
                point[0] = x[c];
                point[1] = x[resolution + c];
                worst = Math.max(worst, Math.abs(out.data[c] - g(s, point)));
            }
        }
        return worst;
    }
}
