package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fits' verdict is given only for enough weights: a toy net's two weights get the reason instead. */
class FitReportTest {
    private static double[] laplaceSample(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() - 0.5;
            x[i] = -Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
        }
        return x;
    }

    @Test
    void fewerWeightsThanTheThresholdGetTheReasonAndNoVerdict() {
        double[] two = {0.3, -1.2};
        String v = FitReport.verdict(DistributionFit.laplace(two), DistributionFit.gaussian(two), 2);
        assertEquals("no verdict: 2 weights, fewer than 100 (with so few, samples of one law are fitted better by "
                + "the other about 1 time in 3)", v);
        double[] some = laplaceSample(FitReport.MIN_VERDICT - 1, 3);
        String t = FitReport.table(DistributionFit.laplace(some), DistributionFit.gaussian(some), some.length,
                some.length);
        assertTrue(t.endsWith("no verdict: 99 weights, fewer than 100 (with so few, samples of one law are fitted "
                + "better by the other about 1 time in 8)"), t);
    }

    @Test
    void enoughWeightsNameTheBetterLawWithBothLikelihoods() {
        double[] x = laplaceSample(5000, 7);
        DistributionFit.Fit l = DistributionFit.laplace(x);
        DistributionFit.Fit g = DistributionFit.gaussian(x);
        String v = FitReport.verdict(l, g, x.length);
        assertTrue(v.startsWith("Laplace fits better: log-likelihood "), v);
        assertTrue(v.endsWith("for Gaussian (n = 5,000)"), v);
        assertTrue(l.logLikelihood() > g.logLikelihood());
    }
}
