package org.addernet.engine.analysis;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.BatchNorm1d;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Linear;
import org.addernet.engine.nn.Sequential;

/**
 * The two kinds of one-hidden-layer networks of the Theorem 4 experiment on {@code [-1, 1]^2},
 * each as a parameter record that evaluates itself in double and builds the same function as a
 * {@link Sequential} of the engine's layers.
 */
final class Theorem4Nets {
    private Theorem4Nets() {
    }

    /**
     * {@code A(X) = c0 + sum_i c_i ReLU(beta_i - gamma_i ||X - W_i||_1)}: with gamma_i, beta_i &gt; 0
     * a unit is an l1 cone (a pyramid on a diamond of l1 radius beta_i / gamma_i), the kernel
     * {@code r} of Theorem 4's proof; with gamma_i &lt; 0 it is Lemma 2's outward ramp
     * {@code ReLU(||W_i - X||_1 + b_i)} scaled by |gamma_i|.
     *
     * <p>The network is Definition 2's two-layer AdderNet, built the way Lemma 2 builds it:
     * {@code adder(2->n) -> bn -> relu -> adder(n->1) -> bn}, the batch norms in evaluation mode
     * with running mean 0, variance 1 and eps 0, i.e. exactly Definition 1's affine maps. The
     * first map scales by {@code |c_i| gamma_i} and shifts by {@code |c_i| beta_i}, so hidden unit i
     * is {@code h_i = |c_i| ReLU(beta_i - gamma_i ||X - W_i||_1)}. The output adder's filter is 0 for
     * {@code c_i > 0} (then {@code |h_i - 0| = h_i}, as h_i &gt;= 0) and {@code M_i} for
     * {@code c_i <= 0}, with M_i the largest value h_i takes on the square (then
     * {@code |h_i - M_i| = M_i - h_i}); the last map, scale -1 and shift {@code c0 - sum M_i}, leaves
     * {@code c0 + sum_i sgn(c_i) h_i}. Unlike Lemma 2's one bound M for every unit, M_i = 0 for the
     * positive units keeps the float32 sums small. Exact (to float rounding) on the square; outside
     * it a negative unit may pass its M_i and the identity breaks, as Lemma 2's compact K says.
     */
    record AdderUnits(double[][] centres, double[] gamma, double[] beta, double[] coef, double offset) {
        AdderUnits {
            int n = centres.length;
            if (n == 0 || gamma.length != n || beta.length != n || coef.length != n) {
                throw new IllegalArgumentException("need as many centres, gamma, beta and coefficients (at least one)");
            }
        }

        int units() {
            return centres.length;
        }

        /** The unit's ReLU argument at (x, y), before the coefficient. */
        double unit(int i, double x, double y) {
            double d = Math.abs(x - centres[i][0]) + Math.abs(y - centres[i][1]);
            return Math.max(0, beta[i] - gamma[i] * d);
        }

        double value(double x, double y) {
            double s = offset;
            for (int i = 0; i < units(); i++) {
                s += coef[i] * unit(i, x, y);
            }
            return s;
        }

        /** The largest value of {@code ReLU(beta_i - gamma_i ||X - W_i||_1)} on {@code [-1, 1]^2}. */
        double supOnSquare(int i) {
            if (gamma[i] >= 0) {
                return Math.max(0, beta[i]);
            }
            double far = Math.abs(centres[i][0]) + 1 + Math.abs(centres[i][1]) + 1;
            return Math.max(0, beta[i] - gamma[i] * far);
        }

        Sequential network() {
            int n = units();
            SplittableRandom unused = new SplittableRandom(0);
            AdderDense first = new AdderDense(2, n, AdderRules.exact(), unused);
            BatchNorm1d affine1 = new BatchNorm1d(n, 0f, 0.1f);
            AdderDense second = new AdderDense(n, 1, AdderRules.exact(), unused);
            double shift = offset;
            for (int i = 0; i < n; i++) {
                first.weight().value[2 * i] = (float) centres[i][0];
                first.weight().value[2 * i + 1] = (float) centres[i][1];
                double a = Math.abs(coef[i]);
                affine1.gamma().value[i] = (float) (a * gamma[i]);
                affine1.beta().value[i] = (float) (a * beta[i]);
                // the bound M_i, rounded up to a float: the hidden value is computed in float and
                // may exceed the double sup by an ulp
                double m = coef[i] > 0 ? 0 : a * supOnSquare(i) * (1 + 1e-6);
                float mf = (float) m;
                second.weight().value[i] = mf;
                shift -= mf;
            }
            BatchNorm1d affine2 = new BatchNorm1d(1, 0f, 0.1f);
            affine2.gamma().value[0] = -1f;
            affine2.beta().value[0] = (float) shift;
            List<Layer> layers = List.of(first, affine1, Activation.relu(), second, affine2);
            return new Sequential(layers);
        }
    }

    /**
     * {@code M(X) = c0 + sum_i c_i ReLU(u_i . (X - W_i))}: ridge units whose kink is the line
     * through the anchor W_i normal to u_i. The network is the MLP of the model zoo,
     * {@code linear(2->n) -> relu -> linear(n->1)} (weights u_i, biases {@code -u_i . W_i}; output
     * weights c_i and bias c0).
     */
    record ReluUnits(double[][] directions, double[][] anchors, double[] coef, double offset) {
        ReluUnits {
            int n = directions.length;
            if (n == 0 || anchors.length != n || coef.length != n) {
                throw new IllegalArgumentException("need as many directions, anchors and coefficients (at least one)");
            }
        }

        int units() {
            return directions.length;
        }

        double unit(int i, double x, double y) {
            double[] u = directions[i];
            return Math.max(0, u[0] * (x - anchors[i][0]) + u[1] * (y - anchors[i][1]));
        }

        double value(double x, double y) {
            double s = offset;
            for (int i = 0; i < units(); i++) {
                s += coef[i] * unit(i, x, y);
            }
            return s;
        }

        Sequential network() {
            int n = units();
            SplittableRandom unused = new SplittableRandom(0);
            Linear first = new Linear(2, n, true, unused);
            Linear second = new Linear(n, 1, true, unused);
            for (int i = 0; i < n; i++) {
                double[] u = directions[i];
                first.weight().value[2 * i] = (float) u[0];
                first.weight().value[2 * i + 1] = (float) u[1];
                first.bias().value[i] = (float) -(u[0] * anchors[i][0] + u[1] * anchors[i][1]);
                second.weight().value[i] = (float) coef[i];
            }
            second.bias().value[0] = (float) offset;
            return new Sequential(List.of(first, Activation.relu(), second));
        }
    }
}
