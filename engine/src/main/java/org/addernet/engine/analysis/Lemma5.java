package org.addernet.engine.analysis;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.BatchNorm1d;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;

/**
 * Lemma 5 made concrete: a fully-connected layer {@code C(X)_i = A_i sum_j B_ij X_j} with 0/1
 * weights B is computed exactly by a two-layer AdderNet with {@code 2m + 2} hidden units, for
 * {@code |X_j| < R}.
 *
 * <p>The trick of eq. 18: with a filter value {@code -s R} (s = +-1) and {@code |X_j| < R},
 * {@code -|-s R - X_j| = -R - s X_j}, so an adder unit computes a +-1-weighted sum of the inputs
 * minus {@code d R}. Hidden unit i (i < m) takes s = +1 where B_ij = 1 and -1 elsewhere, unit
 * m + i the opposite signs, unit 2m all +1 and unit 2m + 1 all -1. Then
 * {@code u_{m+i} - u_i = 2 (sum_{B=1} X - sum_{B=0} X)} and {@code u_{2m+1} - u_{2m} = 2 sum X},
 * whose sum is {@code 4 sum_j B_ij X_j} (eq. 19), while {@code u_k + u_{m+k} = -2 d R} is a
 * constant. A shift makes every hidden value positive, so the ReLU between the layers is the
 * identity (the remark after eq. 19). Output i's second-layer filters are {@code -R2} (giving
 * {@code -h - R2}) on units i and 2m and {@code +R2} (giving {@code h - R2}) on all others, for an
 * R2 above every hidden value: the units of the other outputs enter in constant pairs. Batch
 * norm's affine map scales by {@code A_i / 4} and removes the constants.
 */
public final class Lemma5 {
    private Lemma5() {
    }

    /** Hidden units of the construction: {@code 2m + 2}. */
    public static int hiddenUnits(int outputs) {
        return 2 * outputs + 2;
    }

    /** Theorem 6's width bound for deep AdderNets, {@code 2(d + 5)}, beside the {@code d + 4} of plain ReLU nets (Lu et al.). */
    public static int[] widthBounds(int d) {
        return new int[] {2 * (d + 5), d + 4};
    }

    /** {@code C(X)_i = A_i sum_j B_ij X_j}, in double. */
    public static double[] layer(double[] a, boolean[][] b, float[] x) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += b[i][j] ? x[j] : 0;
            }
            out[i] = a[i] * s;
        }
        return out;
    }

    /**
     * The two-layer AdderNet computing {@link #layer} for inputs with every {@code |X_j| < r}.
     *
     * @param a A, [m]
     * @param b B, [m][d], true for a weight of 1
     */
    public static Sequential network(double[] a, boolean[][] b, double r) {
        int m = a.length;
        int d = b[0].length;
        int t = hiddenUnits(m);
        SplittableRandom unused = new SplittableRandom(0);
        AdderDense first = new AdderDense(d, t, AdderRules.paper(), unused);
        float[] w1 = first.weight().value;
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < m; i++) {
                float s = b[i][j] ? 1f : -1f;
                w1[i * d + j] = (float) (-s * r);
                w1[(m + i) * d + j] = (float) (s * r);
            }
            w1[2 * m * d + j] = (float) -r;
            w1[(2 * m + 1) * d + j] = (float) r;
        }
        // u_k = -d R - s.X lies in [-2 d R, 0]: shifting by 2 d R + 1 makes every h_k = u_k + shift positive
        double shift = 2 * d * r + 1;
        BatchNorm1d affine1 = new BatchNorm1d(t, 0f, 0.1f);
        java.util.Arrays.fill(affine1.beta().value, (float) shift);
        double r2 = shift + 1;                    // above every hidden value h_k <= shift
        AdderDense second = new AdderDense(t, m, AdderRules.paper(), unused);
        float[] w2 = second.weight().value;
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < t; k++) {
                boolean minus = k == i || k == 2 * m;
                w2[i * t + k] = (float) (minus ? -r2 : r2);
            }
        }
        BatchNorm1d affine2 = new BatchNorm1d(m, 0f, 0.1f);
        for (int i = 0; i < m; i++) {
            affine2.gamma().value[i] = (float) (a[i] / 4);
        }
        Sequential net = new Sequential(List.of(first, affine1, Activation.relu(), second, affine2));
        // the constant of each output: what the net gives at X = 0, where C is 0
        Tensor zero = net.forward(new Tensor(d, 1), false);
        for (int i = 0; i < m; i++) {
            affine2.beta().value[i] = -zero.data[i];
        }
        return net;
    }

    /** The largest |network(X) - C(X)| over {@code samples} random points of {@code (-r, r)^d}. */
    public static double maxDifference(double[] a, boolean[][] b, Sequential net, double r, int samples, long seed) {
        int d = b[0].length;
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[d * samples];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) ((rng.nextDouble() * 2 - 1) * r * 0.999);
        }
        Tensor out = net.forward(Tensor.wrap(x, d, samples), false);    // feature-major [d, samples]
        double worst = 0;
        float[] point = new float[d];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < d; j++) {
                point[j] = x[j * samples + s];
            }
            double[] want = layer(a, b, point);
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(out.data[i * samples + s] - want[i]));
            }
        }
        return worst;
    }
}
