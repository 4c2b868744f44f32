package org.addernet.engine.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.analysis.Theorem4.Target;
import org.addernet.engine.analysis.Theorem4Nets.AdderUnits;
import org.addernet.engine.analysis.Theorem4Nets.ReluUnits;

/**
 * How the Theorem 4 experiment fits its networks (see {@link Theorem4} for the procedure in words):
 * k-means centres, ridge least squares for the output layer, and the random construction of the
 * theorem's proof. Everything in double; the networks are built afterwards.
 */
final class Theorem4Fitting {
    /** {@code c0 = int ReLU(1 - ||Z||_1) dZ} over R^2: a pyramid of height 1 on a diamond of area 2. */
    static final double C0 = 2.0 / 3.0;

    private Theorem4Fitting() {
    }

    /** A training sample: points uniform on the square and the target's values there. */
    record Sample(double[] x, double[] y, double[] f) {
        int size() {
            return x.length;
        }

        /** The first {@code k} points. */
        Sample head(int k) {
            return new Sample(Arrays.copyOf(x, k), Arrays.copyOf(y, k), Arrays.copyOf(f, k));
        }

        /** The points from {@code k} on. */
        Sample tail(int k) {
            return new Sample(Arrays.copyOfRange(x, k, x.length), Arrays.copyOfRange(y, k, y.length),
                    Arrays.copyOfRange(f, k, f.length));
        }
    }

    /** {@code count} points uniform on {@code [-1, 1]^2}, with the target's values. */
    static Sample sample(Target t, int count, SplittableRandom rng) {
        double[] x = new double[count];
        double[] y = new double[count];
        double[] f = new double[count];
        for (int k = 0; k < count; k++) {
            x[k] = rng.nextDouble() * 2 - 1;
            y[k] = rng.nextDouble() * 2 - 1;
            f[k] = t.value(x[k], y[k]);
        }
        return new Sample(x, y, f);
    }

    /** A hidden unit's value at sample point k. */
    @FunctionalInterface
    interface Feature {
        double value(int unit, double x, double y);
    }

    /**
     * k-means (Lloyd) with k-means++ seeding on the sample's points: {@code k} centres spread like
     * the data, here evenly over the square.
     */
    static double[][] kMeans(Sample s, int k, int iterations, SplittableRandom rng) {
        int m = s.size();
        if (k > m) {
            throw new IllegalArgumentException("k-means needs at least k = " + k + " points, got " + m);
        }
        double[][] c = new double[k][2];
        double[] d2 = new double[m];
        int first = rng.nextInt(m);
        c[0][0] = s.x()[first];
        c[0][1] = s.y()[first];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int p = 0; p < m; p++) {
                double dx = s.x()[p] - c[j - 1][0];
                double dy = s.y()[p] - c[j - 1][1];
                d2[p] = Math.min(d2[p], dx * dx + dy * dy);
                total += d2[p];
            }
            double u = rng.nextDouble() * total;
            int pick = m - 1;
            double acc = 0;
            for (int p = 0; p < m; p++) {
                acc += d2[p];
                if (acc >= u && d2[p] > 0) {
                    pick = p;
                    break;
                }
            }
            c[j][0] = s.x()[pick];
            c[j][1] = s.y()[pick];
        }
        int[] owner = new int[m];
        double[] sx = new double[k];
        double[] sy = new double[k];
        int[] count = new int[k];
        for (int it = 0; it < iterations; it++) {
            boolean moved = false;
            for (int p = 0; p < m; p++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double dx = s.x()[p] - c[j][0];
                    double dy = s.y()[p] - c[j][1];
                    double d = dx * dx + dy * dy;
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                if (it == 0 || owner[p] != best) {
                    moved = true;
                }
                owner[p] = best;
            }
            if (!moved) {
                break;
            }
            Arrays.fill(sx, 0);
            Arrays.fill(sy, 0);
            Arrays.fill(count, 0);
            for (int p = 0; p < m; p++) {
                sx[owner[p]] += s.x()[p];
                sy[owner[p]] += s.y()[p];
                count[owner[p]]++;
            }
            for (int j = 0; j < k; j++) {
                if (count[j] > 0) {  // an empty cluster keeps its centre
                    c[j][0] = sx[j] / count[j];
                    c[j][1] = sy[j] / count[j];
                }
            }
        }
        return c;
    }

    /** Output weights c_1..c_n and the offset c0 of a least-squares fit, and its mean squared error. */
    record Solution(double[] coef, double offset, double mse) {
    }

    /**
     * Ridge least squares: minimises {@code mean_k (f_k - c0 - sum_i c_i phi_i(x_k))^2 + lambda sum c_i^2}
     * over c and c0 (the offset is not penalised), with {@code lambda = ridge * mean_i mean_k phi_i^2},
     * so that {@code ridge} does not depend on the scale of the features. Normal equations, solved by
     * Cholesky in double; the zero entries of each row (ReLU units that are off) are skipped.
     */
    static Solution ridge(Sample s, int units, Feature phi, double ridge) {
        int n = units + 1;                 // column 0 is the constant
        int m = s.size();
        double[] gram = new double[n * n];
        double[] rhs = new double[n];
        int[] nz = new int[n];
        double[] v = new double[n];
        for (int k = 0; k < m; k++) {
            int cnt = 0;
            nz[cnt] = 0;
            v[cnt++] = 1;
            for (int i = 0; i < units; i++) {
                double f = phi.value(i, s.x()[k], s.y()[k]);
                if (f != 0) {
                    nz[cnt] = i + 1;
                    v[cnt++] = f;
                }
            }
            double t = s.f()[k];
            for (int a = 0; a < cnt; a++) {
                int row = nz[a] * n;
                double va = v[a];
                rhs[nz[a]] += va * t;
                for (int b = a; b < cnt; b++) {
                    gram[row + nz[b]] += va * v[b];
                }
            }
        }
        for (int a = 0; a < n; a++) {           // mirror the upper triangle, scale to means
            for (int b = a; b < n; b++) {
                gram[a * n + b] /= m;
                gram[b * n + a] = gram[a * n + b];
            }
            rhs[a] /= m;
        }
        double trace = 0;
        for (int i = 1; i < n; i++) {
            trace += gram[i * n + i];
        }
        double lambda = ridge * trace / units;
        if (!(lambda > 0)) {
            lambda = ridge;           // every unit is off on the whole sample
        }
        for (int i = 1; i < n; i++) {
            gram[i * n + i] += lambda;
        }
        double[] sol = choleskySolve(gram, rhs, n);
        double[] coef = Arrays.copyOfRange(sol, 1, n);
        double offset = sol[0];
        double sse = 0;
        for (int k = 0; k < m; k++) {
            double p = offset;
            for (int i = 0; i < units; i++) {
                double f = phi.value(i, s.x()[k], s.y()[k]);
                if (f != 0) {
                    p += coef[i] * f;
                }
            }
            double e = s.f()[k] - p;
            sse += e * e;
        }
        return new Solution(coef, offset, sse / m);
    }

    /** Solves {@code A x = b} for a symmetric positive definite A ([n][n] row-major), in place of a copy. */
    static double[] choleskySolve(double[] a, double[] b, int n) {
        double[] l = a.clone();
        for (int j = 0; j < n; j++) {
            double d = l[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0)) {
                // a column the sample does not see and the ridge did not lift (the constant
                // column never is): pin its coefficient to zero
                d = Double.POSITIVE_INFINITY;
            }
            double r = Math.sqrt(d);
            l[j * n + j] = r;
            for (int i = j + 1; i < n; i++) {
                double s = l[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / r;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /** The fitted AdderNet and the radius factor validation picked. */
    record AdderFit(AdderUnits units, double radiusFactor, double trainMse) {
    }

    /**
     * The fitted AdderNet: l1 cones {@code ReLU(1 - ||X - W_i||_1 / r)} on k-means centres W_i, all
     * of radius {@code r = kappa * 2 / sqrt(n)} (2 / sqrt(n) is the side of the square's share per
     * centre), output weights by ridge least squares. With several candidate factors kappa, each is
     * fitted on the first 80 % of the sample and scored on the rest; the best is refitted on all.
     */
    static AdderFit fitAdder(Sample s, int n, List<Double> radiusFactors, double ridge, int kmeansIterations,
                             SplittableRandom rng) {
        double[][] centres = kMeans(s, n, kmeansIterations, rng);
        double spacing = 2 / Math.sqrt(n);
        double best = radiusFactors.get(0);
        if (radiusFactors.size() > 1) {
            int cut = s.size() * 4 / 5;
            Sample train = s.head(cut);
            Sample valid = s.tail(cut);
            double bestErr = Double.POSITIVE_INFINITY;
            for (double kappa : radiusFactors) {
                AdderUnits u = cones(centres, kappa * spacing, ridge, train).units();
                double err = 0;
                for (int k = 0; k < valid.size(); k++) {
                    double e = valid.f()[k] - u.value(valid.x()[k], valid.y()[k]);
                    err += e * e;
                }
                if (err < bestErr) {
                    bestErr = err;
                    best = kappa;
                }
            }
        }
        ConeFit fit = cones(centres, best * spacing, ridge, s);
        return new AdderFit(fit.units(), best, fit.mse());
    }

    private record ConeFit(AdderUnits units, double mse) {
    }

    /** Cones of radius r on the centres, output weights by ridge least squares on the sample. */
    private static ConeFit cones(double[][] centres, double r, double ridge, Sample s) {
        int n = centres.length;
        Solution sol = ridge(s, n, (i, x, y) -> cone(centres[i], r, x, y), ridge);
        double[] gamma = new double[n];
        double[] beta = new double[n];
        Arrays.fill(gamma, 1 / r);
        Arrays.fill(beta, 1);
        return new ConeFit(new AdderUnits(centres, gamma, beta, sol.coef(), sol.offset()), sol.mse());
    }

    static double cone(double[] w, double r, double x, double y) {
        return Math.max(0, 1 - (Math.abs(x - w[0]) + Math.abs(y - w[1])) / r);
    }

    /** The fitted MLP and its training error. */
    record MlpFit(ReluUnits units, double trainMse) {
    }

    /**
     * The fitted MLP: ridge units {@code ReLU(u_i . (X - W_i))} with the same kind of k-means anchors
     * W_i and directions u_i uniform on the circle, output weights by ridge least squares.
     */
    static MlpFit fitMlp(Sample s, int n, double ridge, int kmeansIterations, SplittableRandom rng) {
        double[][] anchors = kMeans(s, n, kmeansIterations, rng);
        double[][] dirs = new double[n][2];
        for (int i = 0; i < n; i++) {
            double a = rng.nextDouble() * 2 * Math.PI;
            dirs[i][0] = Math.cos(a);
            dirs[i][1] = Math.sin(a);
        }
        ReluUnits shape = new ReluUnits(dirs, anchors, new double[n], 0);
        Solution sol = ridge(s, n, shape::unit, ridge);
        return new MlpFit(new ReluUnits(dirs, anchors, sol.coef(), sol.offset()), sol.mse());
    }

    /**
     * Theorem 4's proof, literally: {@code eps = scale * N^(-1/(d+2))}; centres {@code Z_i} drawn from
     * {@code |f| / ||f||_1} (rejection sampling) on the square grown by eps, the only part of f the
     * kernel sees from the square; {@code phi_N(X) = (1/N) sum_i a_i r_eps(||X - Z_i||_1)} with
     * {@code r_eps(t) = ReLU(1 - t / eps) / eps^d} and {@code a_i = sgn f(Z_i) ||f||_1 / c0}. Its
     * mean over the draws is {@code psi_eps = f * r_eps / c0} (eq. 13), and its squared error is
     * {@code O(eps^2 L1^2 + ||f||_1 |f| / (N eps^d))}, which this eps balances at
     * {@code O(N^(-2/(d+2))) = O(N^(-1/2))} for d = 2.
     */
    static AdderUnits proofConstruction(Target t, int n, double scale, int lattice, SplittableRandom rng) {
        double eps = scale * Math.pow(n, -1.0 / (2 + 2));
        double half = 1 + eps;
        // ||f||_1 over the grown square by the midpoint rule, and a bound of |f| (lattice maximum plus
        // L1 times the l1 distance from a cell's midpoint to its corner)
        double h = 2 * half / lattice;
        double mass = 0;
        double top = 0;
        for (int r = 0; r < lattice; r++) {
            double y = -half + (r + 0.5) * h;
            for (int c = 0; c < lattice; c++) {
                double x = -half + (c + 0.5) * h;
                double a = Math.abs(t.value(x, y));
                mass += a;
                top = Math.max(top, a);
            }
        }
        mass *= h * h;
        top += t.lipschitz() * h;
        double[][] z = new double[n][2];
        double[] coef = new double[n];
        double weight = mass / (C0 * n * eps * eps);
        for (int i = 0; i < n; i++) {
            double x;
            double y;
            double fz;
            do {
                x = (rng.nextDouble() * 2 - 1) * half;
                y = (rng.nextDouble() * 2 - 1) * half;
                fz = t.value(x, y);
            } while (rng.nextDouble() * top >= Math.abs(fz));
            z[i][0] = x;
            z[i][1] = y;
            coef[i] = Math.signum(fz) * weight;
        }
        double[] gamma = new double[n];
        double[] beta = new double[n];
        Arrays.fill(gamma, 1 / eps);
        Arrays.fill(beta, 1);
        return new AdderUnits(z, gamma, beta, coef, 0);
    }
}
