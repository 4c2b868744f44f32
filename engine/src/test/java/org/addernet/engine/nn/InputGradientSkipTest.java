package org.addernet.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A first layer told its input gradient is not wanted skips it and computes the same filter gradient. */
class InputGradientSkipTest {
    private static void same(Layer a, Layer b, Parameter wa, Parameter wb) {
        SplittableRandom r = new SplittableRandom(5);
        Tensor x = new Tensor(4, 3, 9, 9);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (float) r.nextGaussian();
        }
        Tensor ya = a.forward(x, true);
        b.forward(x, true);
        Tensor g = new Tensor(ya.shape());
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = (float) r.nextGaussian();
        }
        b.setInputGradientWanted(false);
        assertNotNull(a.backward(g));
        assertNull(b.backward(g));
        assertArrayEquals(wa.grad, wb.grad);
        Sequential s = new Sequential(java.util.List.of(b));
        s.setInputGradientWanted(true);
        assertNotNull(s.backward(g), "the choice can be taken back");
    }

    @Test
    void convAndAdderConvSkipTheInputGradient() {
        Conv2d ca = new Conv2d(3, 5, 3, 1, 1, false, new SplittableRandom(1));
        Conv2d cb = new Conv2d(3, 5, 3, 1, 1, false, new SplittableRandom(1));
        same(ca, cb, ca.weight(), cb.weight());
        AdderConv2d aa = new AdderConv2d(3, 5, 3, 2, 1, AdderRules.paper(), new SplittableRandom(1));
        AdderConv2d ab = new AdderConv2d(3, 5, 3, 2, 1, AdderRules.paper(), new SplittableRandom(1));
        same(aa, ab, aa.weight(), ab.weight());
    }
}
