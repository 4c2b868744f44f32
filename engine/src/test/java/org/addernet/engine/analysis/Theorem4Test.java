package org.addernet.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.addernet.engine.analysis.Theorem4.Config;
import org.addernet.engine.analysis.Theorem4.Fit;
import org.addernet.engine.analysis.Theorem4.Model;
import org.addernet.engine.analysis.Theorem4.Result;
import org.addernet.engine.analysis.Theorem4.Target;
import org.addernet.engine.analysis.Theorem4Nets.AdderUnits;
import org.addernet.engine.analysis.Theorem4Nets.ReluUnits;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The Theorem 4 experiment: its targets, its networks and the rates it measures (its integral and slope fit: {@link Theorem4MeasuresTest}). */
class Theorem4Test {

    /** A small configuration: n = 4, 16, 64, one seed, a modest sample and lattice. */
    private static Config small(List<Target> targets, List<Model> models) {
        return new Config(targets, models, List.of(4, 16, 64), 1, 7, 1024, 64, List.of(2.0, 4.0), 1e-8, 15, 1.0, 1);
    }

    @Test
    void theTargetsHaveTheirLipschitzConstants() {
        SplittableRandom r = new SplittableRandom(11);
        for (Target t : Target.values()) {
            double worst = 0;
            for (int k = 0; k < 200_000; k++) {
                double x = r.nextDouble() * 2 - 1;
                double y = r.nextDouble() * 2 - 1;
                double dx = (r.nextDouble() - 0.5) * 1e-3;
                double dy = (r.nextDouble() - 0.5) * 1e-3;
                double ratio = Math.abs(t.value(x + dx, y + dy) - t.value(x, y)) / (Math.abs(dx) + Math.abs(dy));
                worst = Math.max(worst, ratio);
            }
            assertTrue(worst <= t.lipschitz() * (1 + 1e-9), t + ": ratio " + worst + " above L1 " + t.lipschitz());
            assertTrue(worst >= 0.9 * t.lipschitz(), t + ": L1 " + t.lipschitz() + " is far from tight (" + worst + ")");
        }
    }

    @Test
    void theNetworksComputeTheirUnitsToFloatRounding() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 40;
        double[][] w = new double[n][2];
        double[] gamma = new double[n];
        double[] beta = new double[n];
        double[] coef = new double[n];
        double[][] dirs = new double[n][2];
        for (int i = 0; i < n; i++) {
            w[i][0] = r.nextDouble() * 3 - 1.5;
            w[i][1] = r.nextDouble() * 3 - 1.5;
            boolean cone = i % 2 == 0;            // cones and Lemma 2's outward ramps, both signs of c
            gamma[i] = cone ? 0.5 + 2 * r.nextDouble() : -(0.5 + 2 * r.nextDouble());
            beta[i] = cone ? 0.2 + r.nextDouble() : -r.nextDouble() * 2;
            coef[i] = r.nextDouble() * 4 - 2;
            double a = r.nextDouble() * 2 * Math.PI;
            dirs[i][0] = Math.cos(a);
            dirs[i][1] = Math.sin(a);
        }
        AdderUnits adder = new AdderUnits(w, gamma, beta, coef, 0.3);
        ReluUnits mlp = new ReluUnits(dirs, w, coef, -0.2);
        Sequential an = adder.network();
        Sequential mn = mlp.network();
        assertEquals("adder(2->40) -> batchnorm(40) -> relu -> adder(40->1) -> batchnorm(1)", an.describe());
        assertEquals("linear(2->40) -> relu -> linear(40->1)", mn.describe());
        int k = 61;
        float[] x = new float[2 * k * k];
        for (int i = 0; i < k * k; i++) {
            x[i] = (float) (-1 + 2.0 * (i % k) / (k - 1));
            x[k * k + i] = (float) (-1 + 2.0 * (i / k) / (k - 1));
        }
        float[] a = an.forward(Tensor.wrap(x.clone(), 2, k * k), false).data.clone();
        float[] m = mn.forward(Tensor.wrap(x.clone(), 2, k * k), false).data.clone();
        double worstA = 0;
        double worstM = 0;
        double scale = 0;
        for (int i = 0; i < k * k; i++) {
            double ea = adder.value(x[i], x[k * k + i]);
            worstA = Math.max(worstA, Math.abs(a[i] - ea));
            worstM = Math.max(worstM, Math.abs(m[i] - mlp.value(x[i], x[k * k + i])));
            scale = Math.max(scale, Math.abs(ea));
        }
        assertTrue(scale > 1, "a non-trivial function");
        assertTrue(worstA < 1e-4, "adder net vs its units: " + worstA);
        assertTrue(worstM < 1e-4, "MLP vs its units: " + worstM);
    }

    @Test
    void theProofsConstructionIsUnbiasedForTheSmoothedTarget() {
        // eq. 13: E phi_N(X) = psi_eps(X) = int f(Z) r_eps(||X - Z||_1) dZ / c0
        Target t = Target.WAVE;
        int n = 16;
        double eps = Math.pow(n, -0.25);
        double[][] points = {{0.5, 0}, {-0.3, 0.4}, {0.9, -0.9}};
        int draws = 400;
        double[][] values = new double[points.length][draws];
        for (int d = 0; d < draws; d++) {
            AdderUnits u = Theorem4Fitting.proofConstruction(t, n, 1.0, 80, new SplittableRandom(1000 + d));
            assertEquals(eps, 1 / u.gamma()[0], 1e-12);
            for (int p = 0; p < points.length; p++) {
                values[p][d] = u.value(points[p][0], points[p][1]);
            }
        }
        for (int p = 0; p < points.length; p++) {
            double mean = 0;
            for (double v : values[p]) {
                mean += v;
            }
            mean /= draws;
            double var = 0;
            for (double v : values[p]) {
                var += (v - mean) * (v - mean);
            }
            double se = Math.sqrt(var / (draws - 1) / draws);
            double psi = smoothed(t, points[p][0], points[p][1], eps);
            assertTrue(Math.abs(mean - psi) < 4 * se + 0.01,
                    "at " + points[p][0] + "," + points[p][1] + ": mean " + mean + " vs psi " + psi + " (se " + se + ")");
        }
    }

    /** psi_eps(X) by a fine midpoint rule over the diamond of radius eps around X. */
    private static double smoothed(Target t, double x, double y, double eps) {
        int k = 400;
        double h = 2 * eps / k;
        double s = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double zx = -eps + (i + 0.5) * h;
                double zy = -eps + (j + 0.5) * h;
                double kern = Math.max(0, 1 - (Math.abs(zx) + Math.abs(zy)) / eps) / (eps * eps);
                s += t.value(x - zx, y - zy) * kern;
            }
        }
        return s * h * h / Theorem4Fitting.C0;
    }

    @Test
    void theIseFallsWithTheWidthForBothFittedModels() {
        Result r = Theorem4.run(small(List.of(Target.values()), List.of(Model.ADDER, Model.MLP)), null, () -> false);
        assertFalse(r.cancelled());
        assertEquals(4 * 2 * 3, r.fits().size());
        for (Target t : Target.values()) {
            for (Model m : List.of(Model.ADDER, Model.MLP)) {
                List<Fit> f = r.fits(t, m);
                double first = f.get(0).ise();
                double last = f.get(f.size() - 1).ise();
                // from n = 4 to n = 64 the error must fall at least as fast as the theorem's n^(-1/2)
                assertTrue(last < first / 4, t + " " + m + ": ISE " + first + " -> " + last);
                Theorem4.Slope s = r.slope(t, m);
                assertNotNull(s);
                assertTrue(s.line().slope() < -0.5, t + " " + m + ": slope " + s.line().slope());
                // a least-squares fit: its training error and the integrated error agree
                for (Fit one : f) {
                    assertTrue(one.ise() < 3 * one.trainMse() + 1e-4, t + " " + m + " n=" + one.width()
                            + ": ISE " + one.ise() + " against training MSE " + one.trainMse());
                }
            }
        }
    }

    @Test
    void theProofsConstructionImprovesWithNOnAverage() {
        Config c = new Config(List.of(Target.PYRAMID), List.of(Model.ADDER_PROOF), List.of(4, 256), 6, 1, 256, 64,
                List.of(1.0), 0, 0, 1.0, 1);
        Result r = Theorem4.run(c, null, () -> false);
        double small = r.fits().stream().filter(f -> f.width() == 4).mapToDouble(Fit::ise).average().orElseThrow();
        double large = r.fits().stream().filter(f -> f.width() == 256).mapToDouble(Fit::ise).average().orElseThrow();
        // n^(-1/2) predicts a factor 8 from n = 4 to 256; ask for half of it
        assertTrue(large < small / 4, "mean ISE " + small + " -> " + large);
    }

    @Test
    void runsAreDeterministicAndReportProgress() {
        Config c = new Config(List.of(Target.RING), List.of(Model.values()), List.of(2, 8), 2, 42, 300, 32,
                List.of(1.0, 3.0), 1e-8, 5, 1.0, 1);
        List<String> labels = new ArrayList<>();
        AtomicInteger lastDone = new AtomicInteger();
        Result a = Theorem4.run(c, (done, total, label) -> {
            assertEquals(lastDone.get() + 1, done);
            assertEquals(12, total);
            lastDone.set(done);
            labels.add(label);
        }, () -> false);
        Result b = Theorem4.run(c, null, null);
        assertEquals(a.fits(), b.fits());
        assertEquals(a.slopes(), b.slopes());
        assertEquals(12, labels.size());
        assertTrue(labels.get(0).startsWith("ring / adder / n = 2 / seed 42"), labels.get(0));
        // another seed, other numbers
        Config other = new Config(c.targets(), c.models(), c.widths(), 2, 43, 300, 32, c.radiusFactors(), 1e-8, 5, 1.0, 1);
        assertFalse(Theorem4.run(other, null, null).fits().get(2).ise() == a.fits().get(2).ise());
    }

    @Test
    void cancellingKeepsTheFitsMadeSoFar() {
        Config c = new Config(List.of(Target.WAVE), List.of(Model.MLP), List.of(1, 2, 4, 8), 1, 1, 200, 16,
                List.of(1.0), 1e-8, 5, 1.0, 1);
        AtomicInteger calls = new AtomicInteger();
        Result r = Theorem4.run(c, null, () -> calls.incrementAndGet() > 2);
        assertTrue(r.cancelled());
        assertEquals(2, r.fits().size());
        assertEquals(1, r.slopes().size(), "two widths make a line");
    }

    @Test
    void badConfigurationsNameTheirField() {
        List<Target> t = List.of(Target.RING);
        List<Model> m = List.of(Model.ADDER);
        List<Double> k = List.of(2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Config(t, m, List.of(0, 4), 1, 1, 100, 16, k, 0, 1, 1, 1));
        assertTrue(e.getMessage().startsWith("widths:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Config(t, m, List.of(64), 1, 1, 32, 16, k, 0, 1, 1, 1));
        assertTrue(e.getMessage().startsWith("trainPoints:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Config(t, m, List.of(4), 1, 1, 100, 16, List.of(-1.0), 0, 1, 1, 1));
        assertTrue(e.getMessage().startsWith("radiusFactors:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Config(t, m, List.of(4), 1, 1, 100, 16, k, Double.NaN, 1, 1, 1));
        assertTrue(e.getMessage().startsWith("ridge:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Config(List.of(), m, List.of(4), 1, 1, 100, 16, k, 0, 1, 1, 1));
        assertTrue(e.getMessage().startsWith("targets:"), e.getMessage());
        assertEquals(Target.RING, Target.fromId("ring"));
        assertEquals(Model.ADDER_PROOF, Model.fromId("adder-proof"));
        assertThrows(IllegalArgumentException.class, () -> Model.fromId("cnn"));
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128, 256), Config.defaults().widths());
    }
}
