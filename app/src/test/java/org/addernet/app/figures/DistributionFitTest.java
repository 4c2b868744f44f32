package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.addernet.app.figures.DistributionFit.Fit;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class DistributionFitTest {
    private static final int N = 20_000;

    @Test
    void gaussianSampleRecoversParametersAndGaussianWins() {
        double[] x = new NormalDistribution(new Well19937c(42), 1, 2).sample(N);
        Fit g = DistributionFit.gaussian(x);
        Fit l = DistributionFit.laplace(x);
        assertEquals(DistributionFit.GAUSSIAN, g.law());
        // standard errors: mean 2/sqrt(n) = 0.014, sigma 2/sqrt(2n) = 0.010; tolerances about 3.5 of them
        assertEquals(1, g.location(), 0.05, "mean");
        assertEquals(2, g.scale(), 0.04, "sigma");
        assertTrue(g.logLikelihood() > l.logLikelihood(), g + " vs " + l);
        assertTrue(g.aic() < l.aic());
        assertTrue(g.ks() < l.ks(), g + " vs " + l);
        assertTrue(g.ks() < 0.015, "KS of the true law is about 1/sqrt(n): " + g.ks());
        assertEquals(DistributionFit.GAUSSIAN, DistributionFit.better(g, l));
        assertEquals(DistributionFit.GAUSSIAN, DistributionFit.better(l, g));
    }

    @Test
    void laplaceSampleRecoversParametersAndLaplaceWins() {
        double[] x = new LaplaceDistribution(new Well19937c(7), 0, 0.5).sample(N);
        Fit g = DistributionFit.gaussian(x);
        Fit l = DistributionFit.laplace(x);
        assertEquals(DistributionFit.LAPLACE, l.law());
        // standard errors: median b/sqrt(n) = 0.0035, b b/sqrt(n) = 0.0035
        assertEquals(0, l.location(), 0.015, "median");
        assertEquals(0.5, l.scale(), 0.015, "b");
        // a Laplace(0, b) has sigma = sqrt(2) b: the Gaussian fit sees that spread
        assertEquals(Math.sqrt(2) * 0.5, g.scale(), 0.03);
        assertTrue(l.logLikelihood() > g.logLikelihood(), l + " vs " + g);
        assertTrue(l.ks() < g.ks(), l + " vs " + g);
        assertEquals(DistributionFit.LAPLACE, DistributionFit.better(g, l));
    }

    @Test
    void smallSampleByHand() {
        // x = {1, 2, 3, 6}: mean 3, squared deviations 4 + 1 + 0 + 9 = 14, sigma^2 = 14/4 = 3.5
        // median (2 + 3)/2 = 2.5, absolute deviations 1.5 + 0.5 + 0.5 + 3.5 = 6, b = 6/4 = 1.5
        double[] x = {6, 1, 3, 2};
        Fit g = DistributionFit.gaussian(x);
        Fit l = DistributionFit.laplace(x);
        assertEquals(3, g.location(), 1e-12);
        assertEquals(Math.sqrt(3.5), g.scale(), 1e-12);
        // logL = -n/2 log(2 pi sigma^2) - n/2 = -2 log(7 pi) - 2 = -2 (3.090640) - 2 = -8.181280
        assertEquals(-8.181280, g.logLikelihood(), 1e-6);
        assertEquals(-2 * Math.log(7 * Math.PI) - 2, g.logLikelihood(), 1e-12);
        assertEquals(4 + 2 * 8.181280, g.aic(), 1e-5);
        assertEquals(2.5, l.location(), 1e-12);
        assertEquals(1.5, l.scale(), 1e-12);
        // logL = -n log(2b) - sum|x - mu|/b = -4 log 3 - 4 = -8.39445...
        assertEquals(-8.394449, l.logLikelihood(), 1e-6);
        assertEquals(DistributionFit.GAUSSIAN, DistributionFit.better(l, g));
        // density at the location: 1/(sigma sqrt(2 pi)) and 1/(2b)
        assertEquals(1 / Math.sqrt(2 * Math.PI * 3.5), g.density(3), 1e-12);
        assertEquals(1 / 3.0, l.density(2.5), 1e-12);
        assertEquals(Math.exp(-1) / 3.0, l.density(4), 1e-12);
        // KS against the Laplace fit: F(x) = 1 - exp(-(x - 2.5)/1.5)/2 above the median; the largest gap
        // is F(6) = 0.9515 against the empirical 0.75 just below x = 6 (at x = 1: 0.1839 against 0)
        assertEquals(0.25 - Math.exp(-7.0 / 3) / 2, l.ks(), 1e-12);
    }

    @Test
    void logLikelihoodIsTheSumOfLogDensities() {
        double[] x = new LaplaceDistribution(new Well19937c(3), 0.2, 0.1).sample(501);
        for (Fit f : new Fit[] {DistributionFit.gaussian(x), DistributionFit.laplace(x)}) {
            double sum = 0;
            for (double xi : x) {
                sum += Math.log(f.density(xi));
            }
            assertEquals(sum, f.logLikelihood(), 1e-9 * Math.abs(sum), f.law());
        }
    }

    @Test
    void degenerateSamplesGiveFlooredScaleAndNaNStatistics() {
        for (double[] x : new double[][] {{}, {0.5}, {0.5, 0.5, 0.5}, {Double.NaN, 2}}) {
            for (Fit f : new Fit[] {DistributionFit.gaussian(x), DistributionFit.laplace(x)}) {
                assertTrue(f.degenerate(), f.toString());
                assertTrue(Double.isNaN(f.logLikelihood()) && Double.isNaN(f.aic()) && Double.isNaN(f.ks()));
                if (x.length == 0) {
                    assertTrue(Double.isNaN(f.location()) && Double.isNaN(f.scale()));
                } else {
                    assertEquals(DistributionFit.MIN_SCALE, f.scale());
                    assertTrue(Double.isFinite(f.density(f.location())));
                }
            }
            assertEquals(DistributionFit.UNDECIDED,
                    DistributionFit.better(DistributionFit.gaussian(x), DistributionFit.laplace(x)));
        }
        assertEquals(0.5, DistributionFit.laplace(new double[] {0.5, 0.5, 0.5}).location());
        assertEquals(2, DistributionFit.gaussian(new double[] {Double.NaN, 2}).location());
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        double[] x = {6, Double.NaN, 1, Double.POSITIVE_INFINITY, 3, 2};
        assertEquals(DistributionFit.gaussian(new double[] {6, 1, 3, 2}), DistributionFit.gaussian(x));
        assertEquals(DistributionFit.laplace(new double[] {6, 1, 3, 2}), DistributionFit.laplace(x));
        assertEquals(6, x[0]); // input untouched
        assertTrue(Double.isNaN(x[1]));
    }
}
