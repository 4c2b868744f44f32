package org.addernet.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.addernet.engine.nn.Parameter;
import org.junit.jupiter.api.Test;

class OptimTest {
    @Test
    void nesterovSgdWithWeightDecayFollowsPyTorchByHand() {
        Parameter w = new Parameter("w", Parameter.Kind.WEIGHT, 1);
        w.value[0] = 1f;
        Sgd sgd = new Sgd(List.of(w), 0.9, true, 0.1);
        w.grad[0] = 0.5f;
        sgd.step(0.1);
        // g = 0.5 + 0.1*1 = 0.6; v = 0.6; d = 0.6 + 0.9*0.6 = 1.14; w = 1 - 0.114
        assertEquals(0.886f, w.value[0], 1e-6);
        w.grad[0] = 0.5f;
        sgd.step(0.1);
        // g = 0.5 + 0.0886 = 0.5886; v = 0.54 + 0.5886 = 1.1286; d = 0.5886 + 1.01574 = 1.60434
        assertEquals(0.886f - 0.160434f, w.value[0], 1e-6);
    }

    @Test
    void plainMomentumUsesVelocity() {
        Parameter w = new Parameter("w", Parameter.Kind.WEIGHT, 1);
        Sgd sgd = new Sgd(List.of(w), 0.5, false, 0);
        w.grad[0] = 1f;
        sgd.step(1);
        sgd.step(1);
        assertEquals(-1f - 1.5f, w.value[0], 1e-6);
    }

    @Test
    void schedulesArePureFunctionsOfTheStep() {
        LrSchedule cos = new LrSchedule.Cosine(0.1);
        assertEquals(0.1, cos.lr(0, 100), 1e-12);
        assertEquals(0.05, cos.lr(50, 100), 1e-12);
        assertEquals(0.0, cos.lr(100, 100), 1e-12);
        assertEquals(cos.lr(37, 100), cos.lr(37, 100));
        assertEquals(0.025, new LrSchedule.Polynomial(0.1, 2).lr(50, 100), 1e-12);
        assertEquals(0.001, new LrSchedule.Step(0.1, 10, 0.1).lr(25, 100), 1e-12);
        assertEquals(0.3, new LrSchedule.Constant(0.3).lr(99, 100));
    }

    /** huawei-noah/AdderNet main.py: {@code lr = 0.05 * (1 + math.cos(float(epoch) / 400 * math.pi))}, epoch in range(1, 400). */
    private static double mainPy(int epoch) {
        return 0.05 * (1 + Math.cos((double) epoch / 400 * Math.PI));
    }

    @Test
    void perEpochCosineGivesMainPysLearningRates() {
        long steps = 195;                                  // CIFAR-10's 50,000 images in whole batches of 256
        long total = 399 * steps;
        LrSchedule s = new LrSchedule.EpochCosine(0.1, steps);
        // main.py's rates, also as Python prints them (math.cos in double)
        assertEquals(0.09999845788223949, mainPy(1), 1e-17);
        assertEquals(0.05, mainPy(200), 1e-17);
        assertEquals(1.5421177605168257e-06, mainPy(399), 1e-19);
        for (int epoch : new int[] {1, 200, 399}) {
            long first = (epoch - 1) * steps;
            long last = epoch * steps - 1;
            assertEquals(mainPy(epoch), s.lr(first, total), 1e-15, "first step of epoch " + epoch);
            assertEquals(mainPy(epoch), s.lr(last, total), 1e-15, "last step of epoch " + epoch);
        }
        assertEquals(mainPy(2), s.lr(steps, total), 1e-15, "the rate changes at the epoch boundary");
        assertEquals(mainPy(399), s.lr(total + 5, total), 1e-15, "past the end: the last epoch's rate");
        for (int epoch = 1; epoch <= 399; epoch++) {
            assertEquals(mainPy(epoch), ((LrSchedule.EpochCosine) s).atEpoch(epoch, 399), 1e-15);
        }
        assertEquals(s.lr(12_345, total), s.lr(12_345, total));
        assertEquals("EpochCosine[baseLr=0.1, stepsPerEpoch=195]", s.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LrSchedule.EpochCosine(0.1, 0));
        assertEquals("per-epoch cosine needs stepsPerEpoch > 0, got 0", e.getMessage());
    }

    @Test
    void pDecaysLinearlyOverItsShareThenStays() {
        PSchedule p = new PSchedule(2, 1, 0.5);
        assertEquals(2.0, p.p(0, 100), 1e-12);
        assertEquals(1.5, p.p(25, 100), 1e-12);
        assertEquals(1.0, p.p(50, 100), 1e-12);
        assertEquals(1.0, p.p(99, 100), 1e-12);
        assertEquals(1.3, PSchedule.fixed(1.3).p(0, 100), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new PSchedule(2.5, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new PSchedule(2, 1, 1.5));
    }

    @Test
    void invalidOptimiserSettingsAreRejected() {
        List<Parameter> ps = List.of(new Parameter("w", Parameter.Kind.WEIGHT, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, 1.0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, 0.9, false, -1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, 0, true, 0));
    }
}
