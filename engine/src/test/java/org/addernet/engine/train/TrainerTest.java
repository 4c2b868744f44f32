package org.addernet.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.model.ModelSpec;
import org.addernet.engine.model.Models;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.optim.LrSchedule;
import org.addernet.engine.optim.PSchedule;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** A disc of radius 9 inside a ring from 13 to 23, like the unit-ball set of eq. 34. */
    static DataSet disc(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int k = 0; k < n; k++) {
            double rad = k % 2 == 0 ? 9 * Math.sqrt(r.nextDouble()) : 13 + 10 * r.nextDouble();
            double a = r.nextDouble() * 2 * Math.PI;
            x[2 * k] = (float) (rad * Math.cos(a));
            x[2 * k + 1] = (float) (rad * Math.sin(a));
            y[k] = k % 2 == 0 ? 1 : 0;
        }
        return new DataSet(x, y, 2, 2);
    }

    static Trainer trainer(String kind, int n, double lr, long iterations, long seed) {
        return trainer(kind, n, lr, iterations, seed, new PSchedule(2, 1, 0.5));
    }

    static Trainer trainer(String kind, int n, double lr, long iterations, long seed, PSchedule p) {
        ModelSpec spec = new ModelSpec(kind, n, 2, Activation.Kind.RELU, false, AdderRules.paper());
        TrainConfig cfg = new TrainConfig(iterations, 32, new LrSchedule.Cosine(lr), 0.9, true, 5e-4, p, 50);
        return new Trainer(Models.build(spec, 2, 1, seed), cfg, disc(400, 1), disc(200, 2), seed);
    }

    @Test
    void oneAdderUnitLearnsADisc() {
        for (long seed = 1; seed <= 3; seed++) {
            RunOutcome out = trainer("adder", 1, 0.1, 2000, seed, PSchedule.fixed(1)).run(null, null);
            assertEquals(RunStatus.COMPLETED, out.status());
            assertTrue(out.testAccuracy() > 0.97, "seed " + seed + ": test accuracy " + out.testAccuracy());
        }
    }

    @Test
    void evaluateAgreesWithAccuracyAndCountsItsPredictions() {
        Trainer t = trainer("adder", 2, 0.1, 300, 4, PSchedule.fixed(1));
        t.run(null, null);
        DataSet test = disc(200, 2);
        Trainer.Evaluation e = t.evaluate(test);
        assertEquals(t.accuracy(test), e.accuracy(), 1e-12);
        int right = 0;
        for (int k = 0; k < test.size(); k++) {
            assertTrue(e.predicted()[k] == 0 || e.predicted()[k] == 1);
            right += e.predicted()[k] == test.label(k) ? 1 : 0;
        }
        assertEquals(e.accuracy(), right / (double) test.size(), 1e-12);
        assertTrue(e.loss() > 0 && e.loss() < 0.5, "a trained net's test loss: " + e.loss());
        // a ten-class image net: the predicted classes reproduce its accuracy too
        Sequential net = org.addernet.engine.model.ImageModels.build("lenet5-bn-cnn", 10, AdderRules.paper(), 3);
        SplittableRandom r = new SplittableRandom(5);
        int[] shape = org.addernet.engine.model.ImageModels.inputShape("lenet5-bn-cnn");
        int dim = shape[0] * shape[1] * shape[2];
        float[] x = new float[40 * dim];
        int[] y = new int[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(10);
        }
        DataSet images = new DataSet(x, y, dim, 10);
        TrainConfig cfg = new TrainConfig(1, 20, new LrSchedule.Constant(0.01), 0.9, true, 0, PSchedule.fixed(1), 1);
        Trainer it = new Trainer(net, cfg, images, null, 1, shape);
        Trainer.Evaluation ie = it.evaluate(images);
        int ok = 0;
        for (int k = 0; k < 40; k++) {
            assertTrue(ie.predicted()[k] >= 0 && ie.predicted()[k] < 10);
            ok += ie.predicted()[k] == y[k] ? 1 : 0;
        }
        assertEquals(it.accuracy(images), ok / 40.0, 1e-12);
        assertEquals(Math.log(10), ie.loss(), 1.5, "an untrained ten-class net's loss is near ln 10");
    }

    @Test
    void sameSeedGivesIdenticalNumbers() {
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        RunOutcome oa = trainer("adder", 3, 0.1, 300, 5).run(m -> a.add(row(m)), null);
        RunOutcome ob = trainer("adder", 3, 0.1, 300, 5).run(m -> b.add(row(m)), null);
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k), b.get(k));
        }
        assertEquals(oa.testAccuracy(), ob.testAccuracy());
        assertEquals(oa.finalLoss(), ob.finalLoss());
        RunOutcome oc = trainer("adder", 3, 0.1, 300, 6).run(null, null);
        assertTrue(oc.finalLoss() != oa.finalLoss(), "another seed gives other numbers");
    }

    private static double[] row(StepMetrics m) {
        double[] g = m.gradNorms();
        double[] r = new double[5 + g.length];
        r[0] = m.iteration();
        r[1] = m.loss();
        r[2] = m.trainAccuracy();
        r[3] = m.lr();
        r[4] = m.p();
        System.arraycopy(g, 0, r, 5, g.length);
        return r;
    }

    @Test
    void hugeLearningRateEndsAsDivergedWithItsIteration() {
        for (String kind : new String[] {"mlp", "adder"}) {
            RunOutcome out = trainer(kind, 3, 1e6, 2000, 1).run(null, null);
            assertEquals(RunStatus.DIVERGED, out.status(), kind);
            assertTrue(out.iterations() < 2000, kind + " stopped at " + out.iterations());
            assertTrue(out.reason().contains("iteration " + out.iterations()), out.reason());
        }
    }

    @Test
    void listenerSeesScheduleAndNormsPerLayer() {
        List<StepMetrics> seen = new ArrayList<>();
        trainer("adder", 2, 0.1, 200, 1).run(seen::add, null);
        assertEquals(List.of(1L, 50L, 100L, 150L, 200L), seen.stream().map(StepMetrics::iteration).toList());
        StepMetrics first = seen.get(0);
        assertEquals(0.1, first.lr(), 1e-12);
        assertEquals(2.0, first.p(), 1e-12);
        assertEquals(List.of("layer1", "layer2"), first.layerNames());
        assertTrue(first.gradNorms()[0] > 0 && first.gradNorms()[1] > 0);
        assertEquals(1.0, seen.get(4).p(), 1e-12);
    }

    @Test
    void cancelStopsBetweenSteps() {
        Trainer t = trainer("mlp", 2, 0.1, 1000, 1);
        RunOutcome out = t.run(null, () -> t.iteration() >= 10);
        assertEquals(RunStatus.CANCELLED, out.status());
        assertEquals(10, out.iterations());
    }

    @Test
    void decisionGridHoldsProbabilitiesOnTheLattice() {
        Trainer t = trainer("adder", 1, 0.1, 800, 2);
        t.run(null, null);
        DecisionGrid g = t.decisionGrid(21, 30);
        assertEquals(21, g.resolution());
        assertTrue(g.at(10, 10) > 0.9, "centre is inside the disc: " + g.at(10, 10));
        assertTrue(g.at(0, 0) < 0.1, "corner is outside: " + g.at(0, 0));
        assertEquals(-30 + 30.0 / 21, g.xAt(0), 1e-12);
    }

    @Test
    void hiddenResponsesAreTheFirstLayersActivationsOnTheLattice() {
        Trainer t = trainer("adder", 3, 0.1, 200, 2);
        t.run(null, null);
        float[][] f = t.hiddenResponses(9, 30);
        assertEquals(3, f.length);
        assertEquals(81, f[0].length);
        for (float[] unit : f) {
            for (float v : unit) {
                assertTrue(v >= 0, "ReLU outputs are non-negative");
            }
        }
        assertEquals(3, t.adderCentres().length);
        assertEquals(2, t.adderCentres()[0].length);
        assertEquals(null, trainer("mlp", 3, 0.1, 10, 2).adderCentres());
    }
}
