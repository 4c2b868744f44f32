package org.addernet.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.analysis.Theorem4.Config;
import org.addernet.engine.analysis.Theorem4.Fit;
import org.addernet.engine.analysis.Theorem4.Model;
import org.addernet.engine.analysis.Theorem4.Target;
import org.addernet.engine.analysis.Theorem4Nets.AdderUnits;
import org.addernet.engine.analysis.Theorem4Nets.ReluUnits;
import org.junit.jupiter.api.Test;

/** What the Theorem 4 experiment measures: its integral (the midpoint rule) and its slope fit. */
class Theorem4MeasuresTest {
    @Test
    void theIseOfANetworkThatIsTheTargetIsZero() {
        // one adder cone of radius 1 at the origin is the pyramid; two ReLU units are the ridge
        AdderUnits cone = new AdderUnits(new double[][] {{0, 0}}, new double[] {1}, new double[] {1}, new double[] {1}, 0);
        assertTrue(Theorem4Measures.ise(Target.PYRAMID, cone.network(), 128) < 1e-13);
        ReluUnits crease = new ReluUnits(new double[][] {{1, -0.5}, {-1, 0.5}}, new double[][] {{0, 0}, {0, 0}},
                new double[] {1, 1}, 0);
        assertTrue(Theorem4Measures.ise(Target.RIDGE, crease.network(), 128) < 1e-13);
        // and the other way round they are not: the pyramid is no sum of two creases
        assertTrue(Theorem4Measures.ise(Target.RIDGE, cone.network(), 128) > 0.1);
        assertEquals(0.0, Theorem4Measures.ise(Target.WAVE::value, Target.WAVE::value, 50), 0.0);
    }

    @Test
    void theMidpointRuleIntegratesKnownFunctionsAsItShould() {
        // (f - g)^2 = x^2: the midpoint rule on K cells of width h gives exactly 1/3 - h^2/12
        for (int k : new int[] {1, 2, 7, 100}) {
            double h = 2.0 / k;
            assertEquals(1.0 / 3 - h * h / 12, Theorem4Measures.ise((x, y) -> x, (x, y) -> 0, k), 1e-14);
        }
        // (x + y + 1)^2 has mean 2/3 + 1 under mu; the rule is exact for the linear and cross terms
        double h = 2.0 / 40;
        assertEquals(2 * (1.0 / 3 - h * h / 12) + 1, Theorem4Measures.ise((x, y) -> x + y + 1, (x, y) -> 0, 40), 1e-13);
        // a network evaluated on the lattice: ISE of the zero network against the pyramid is
        // mean(pyramid^2) = int over the diamond of (1 - |x| - |y|)^2 / 4 = (2 * 1/6) / 4 = 1/12
        AdderUnits zero = new AdderUnits(new double[][] {{0, 0}}, new double[] {1}, new double[] {1}, new double[] {0}, 0);
        assertEquals(1.0 / 12, Theorem4Measures.ise(Target.PYRAMID, zero.network(), 400), 1e-5);
    }

    @Test
    void theSlopeFitRecoversAPowerLaw() {
        double[] x = new double[9];
        double[] y = new double[9];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 9; i++) {
            double n = 1 << i;
            x[i] = Math.log(n);
            y[i] = Math.log(0.3 * Math.pow(n, -0.7));
        }
        Theorem4.Line exact = Theorem4Measures.fitLine(x, y);
        assertEquals(-0.7, exact.slope(), 1e-12);
        assertEquals(Math.log(0.3), exact.intercept(), 1e-12);
        assertEquals(1.0, exact.r2(), 1e-12);
        assertEquals(0.3 * Math.pow(50, -0.7), exact.at(50), 1e-12);
        // multiplicative noise of +-10 % barely moves the exponent
        for (int i = 0; i < 9; i++) {
            y[i] += Math.log(1 + 0.2 * (r.nextDouble() - 0.5));
        }
        Theorem4.Line noisy = Theorem4Measures.fitLine(x, y);
        assertEquals(-0.7, noisy.slope(), 0.03);
        assertTrue(noisy.r2() > 0.99);
        assertThrows(IllegalArgumentException.class, () -> Theorem4Measures.fitLine(new double[] {1, 1}, new double[] {2, 3}));
    }

    @Test
    void slopesUseTheWidthsFromFitFromOn() {
        Config c = new Config(List.of(Target.RING), List.of(Model.MLP), List.of(1, 2, 4, 8, 16), 1, 1, 100, 10,
                List.of(1.0), 0, 0, 1, 4);
        List<Fit> fits = new ArrayList<>();
        for (int n : c.widths()) {
            // flat before n = 4, then ISE = 2 / n
            fits.add(new Fit(Target.RING, Model.MLP, n, 1, n < 4 ? 0.5 : 2.0 / n, 0, 0));
        }
        Theorem4.Slope s = Theorem4Measures.slopes(c, fits).get(0);
        assertEquals(-1.0, s.line().slope(), 1e-12);
        assertEquals(3, s.line().points());
    }
}
