package org.addernet.app.figures;

import java.util.Arrays;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Maximum-likelihood fits of a Gaussian and a Laplace law to a sample, to tell which describes a
 * layer's weights better (the paper's Fig. 7: AdderNet weights look Laplace, CNN weights Gaussian).
 *
 * <p>Gaussian N(mu, sigma^2): mu = mean, sigma = sqrt((1/n) sum (x - mu)^2) (the biased MLE).
 * Laplace(mu, b), density exp(-|x - mu| / b) / (2b): mu = median, b = (1/n) sum |x - mu|.
 * For each fit: the log-likelihood sum log f(x_i), AIC = 2k - 2 logL with k = 2 parameters, and
 * the Kolmogorov-Smirnov statistic sup |F_n - F| against the fitted law.
 *
 * <p>Degenerate samples never throw. Non-finite values (NaN, infinities) are ignored. With no
 * finite value, location and scale are NaN. With one value, or when the MLE scale is below
 * {@link #MIN_SCALE} (all values equal), the location is still estimated, the scale is floored at
 * {@code MIN_SCALE} so that {@link Fit#density} stays defined, and logL, AIC and KS are NaN
 * (the likelihood of a point mass is unbounded: no comparison is meaningful). Inputs are not
 * modified. Pure Java, no UI.
 */
public final class DistributionFit {
    /** Name of the Gaussian law in {@link Fit#law()}. */
    public static final String GAUSSIAN = "Gaussian";
    /** Name of the Laplace law in {@link Fit#law()}. */
    public static final String LAPLACE = "Laplace";
    /** What {@link #better} answers when either fit has no likelihood (a degenerate sample). */
    public static final String UNDECIDED = "undecided";
    /** The smallest scale a fit reports; an MLE scale below it marks the sample as degenerate. */
    public static final double MIN_SCALE = 1e-12;

    /** Number of fitted parameters of either law (location and scale), for AIC. */
    private static final int K = 2;
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** Only its statistic is used, which is stateless (the test's generator serves p-values). */
    private static final KolmogorovSmirnovTest KS = new KolmogorovSmirnovTest();

    private DistributionFit() {
    }

    /**
     * One fitted law.
     *
     * @param law           {@link #GAUSSIAN} or {@link #LAPLACE}
     * @param location      mean (Gaussian) or median (Laplace)
     * @param scale         standard deviation sigma (Gaussian) or b (Laplace), at least
     *                      {@link #MIN_SCALE} unless NaN (empty sample)
     * @param logLikelihood sum of log densities of the sample under the fit (NaN if degenerate)
     * @param aic           2k - 2 logL, k = 2 (NaN if degenerate)
     * @param ks            Kolmogorov-Smirnov statistic of the sample against the fit (NaN if
     *                      degenerate)
     */
    public record Fit(String law, double location, double scale, double logLikelihood, double aic, double ks) {
        /** The fitted density at {@code x}. */
        public double density(double x) {
            if (GAUSSIAN.equals(law)) {
                double z = (x - location) / scale;
                return Math.exp(-0.5 * z * z) / (scale * Math.sqrt(2 * Math.PI));
            }
            return Math.exp(-Math.abs(x - location) / scale) / (2 * scale);
        }

        /** Whether the sample was too small or had no spread (no likelihood, AIC or KS). */
        public boolean degenerate() {
            return Double.isNaN(logLikelihood);
        }
    }

    /** Gaussian MLE fit of the finite values of {@code x}: mean and biased standard deviation. */
    public static Fit gaussian(double[] x) {
        double[] v = finite(x);
        int n = v.length;
        if (n == 0) {
            return new Fit(GAUSSIAN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double xi : v) {
            mean += xi;
        }
        mean /= n;
        double ss = 0;
        for (double xi : v) {
            ss += (xi - mean) * (xi - mean);
        }
        double sigma = Math.sqrt(ss / n);
        if (n < 2 || !(sigma >= MIN_SCALE)) {
            return new Fit(GAUSSIAN, mean, MIN_SCALE, Double.NaN, Double.NaN, Double.NaN);
        }
        // logL = sum log f(x_i) = -n/2 log(2 pi sigma^2) - sum (x_i - mu)^2 / (2 sigma^2)
        double ll = -0.5 * n * (LOG_2PI + 2 * Math.log(sigma)) - ss / (2 * sigma * sigma);
        double ks = ks(new NormalDistribution(null, mean, sigma), v);
        return new Fit(GAUSSIAN, mean, sigma, ll, aic(ll), ks);
    }

    /** Laplace MLE fit of the finite values of {@code x}: median and mean absolute deviation from it. */
    public static Fit laplace(double[] x) {
        double[] v = finite(x);
        int n = v.length;
        if (n == 0) {
            return new Fit(LAPLACE, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        // any point between the two middle values maximises the likelihood; take their mean
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        double sad = 0;
        for (double xi : v) {
            sad += Math.abs(xi - median);
        }
        double b = sad / n;
        if (n < 2 || !(b >= MIN_SCALE)) {
            return new Fit(LAPLACE, median, MIN_SCALE, Double.NaN, Double.NaN, Double.NaN);
        }
        // logL = -n log(2b) - sum |x_i - mu| / b
        double ll = -n * Math.log(2 * b) - sad / b;
        double ks = ks(new LaplaceDistribution(null, median, b), v);
        return new Fit(LAPLACE, median, b, ll, aic(ll), ks);
    }

    /**
     * The law of the fit with the higher log-likelihood ({@code a}'s on a tie), or
     * {@link #UNDECIDED} when either fit is degenerate. Both fits should come from the same sample.
     */
    public static String better(Fit a, Fit b) {
        if (a.degenerate() || b.degenerate()) {
            return UNDECIDED;
        }
        return a.logLikelihood() >= b.logLikelihood() ? a.law() : b.law();
    }

    /** Widens {@code float} weights to {@code double}s for the fits. */
    public static double[] toDoubles(float[] w) {
        double[] d = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            d[i] = w[i];
        }
        return d;
    }

    private static double aic(double ll) {
        return 2 * K - 2 * ll;
    }

    private static double ks(RealDistribution law, double[] v) {
        return KS.kolmogorovSmirnovStatistic(law, v);
    }

    /** The finite values of {@code x}, in order; {@code x} itself when all are finite. */
    private static double[] finite(double[] x) {
        int m = 0;
        for (double xi : x) {
            if (Double.isFinite(xi)) {
                m++;
            }
        }
        if (m == x.length) {
            return x;
        }
        double[] v = new double[m];
        int j = 0;
        for (double xi : x) {
            if (Double.isFinite(xi)) {
                v[j++] = xi;
            }
        }
        return v;
    }
}
