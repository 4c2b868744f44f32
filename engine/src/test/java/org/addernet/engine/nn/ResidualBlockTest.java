package org.addernet.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.GradCheck;
import org.addernet.engine.OpCheck;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The projection shortcut of the official AdderNet ResNet (an adder 1x1 convolution at stride 2,
 * then batch norm, added to the main path before the last ReLU): its backward checked by finite
 * differences where the gradient is the true one, and against its parts chained by hand where it
 * is the paper's surrogate.
 */
class ResidualBlockTest {
    private static Tensor images(int b, int c, int h, int w, long seed) {
        return Tensor.wrap(OpCheck.random(b * c * h * w, 2, seed), b, c, h, w);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 2.0})
    void adderProjectionBlockWithExactRulesMatchesFiniteDifferences(double p) {
        ResidualBlock block = new ResidualBlock(2, 3, 2, true, AdderRules.exact(), ResidualBlock.Shortcut.PROJECTION,
                new SplittableRandom(41));
        Sequential net = new Sequential(List.of(block));
        assertEquals(3, net.adderLayers().size(), "the p schedule reaches the projection too");
        for (AdderLayer a : net.adderLayers()) {
            a.setP(p);
        }
        // as the option-A adder block's check: a step of 1e-3 (adder outputs are tens) on a seed clear of ReLU kinks
        GradCheck.check("adder projection resblock p=" + p, block, images(2, 2, 4, 4, 42), 1e-3, 5e-3, 5e-3);
    }

    /**
     * With the paper's rules (full-precision filter gradient, HardTanh input gradient, eta 0.2)
     * the block's backward is not a true gradient; it must be its layers' own backward, each
     * checked against its formula elsewhere, wired as the official BasicBlock: dZ = dY where the
     * sum Z was positive; dZ through bn2, conv2, the first ReLU, bn1, conv1, and dZ through the
     * projection's batch norm and 1x1 convolution, the two input gradients added.
     */
    @Test
    void adderProjectionBlockWithThePapersRulesIsItsPartsChained() {
        AdderRules rules = AdderRules.paper();
        ResidualBlock block = new ResidualBlock(3, 4, 2, true, rules, ResidualBlock.Shortcut.PROJECTION,
                new SplittableRandom(43));
        SplittableRandom twin = new SplittableRandom(43);         // the same draws, in the block's order
        AdderConv2d conv1 = new AdderConv2d(3, 4, 3, 2, 1, rules, twin);
        BatchNorm2d bn1 = new BatchNorm2d(4);
        AdderConv2d conv2 = new AdderConv2d(4, 4, 3, 1, 1, rules, twin);
        BatchNorm2d bn2 = new BatchNorm2d(4);
        AdderConv2d projection = new AdderConv2d(3, 4, 1, 2, 0, rules, twin);
        BatchNorm2d projectionBn = new BatchNorm2d(4);
        List<Layer> parts = List.of(conv1, bn1, conv2, bn2, projection, projectionBn);
        assertEquals(parts.stream().map(Layer::describe).toList(), block.layers().stream().map(Layer::describe).toList());

        Tensor x = images(3, 3, 6, 5, 44);
        Tensor y = block.forward(x, true);
        assertArrayEquals(new int[] {3, 4, 3, 3}, y.shape());
        float[] h = bn1.forward(conv1.forward(x, true), true).data.clone();
        for (int k = 0; k < h.length; k++) {
            h[k] = Math.max(h[k], 0f);
        }
        Tensor hTensor = Tensor.wrap(h, 3, 4, 3, 3);
        float[] main = bn2.forward(conv2.forward(hTensor, true), true).data;
        float[] shortcut = projectionBn.forward(projection.forward(x, true), true).data;
        float[] z = new float[main.length];
        float[] expectedY = new float[main.length];
        for (int k = 0; k < z.length; k++) {
            z[k] = main[k] + shortcut[k];
            expectedY[k] = Math.max(z[k], 0f);
        }
        OpCheck.assertClose("projection block forward", y.shape(), expectedY, y.data, 1e-6, 1e-6);

        float[] dy = OpCheck.random(y.size(), 1, 45);
        block.zeroGrad();
        parts.forEach(Layer::zeroGrad);
        Tensor dx = block.backward(Tensor.wrap(dy.clone(), y.shape()));
        float[] dz = new float[dy.length];
        for (int k = 0; k < dz.length; k++) {
            dz[k] = z[k] > 0 ? dy[k] : 0f;
        }
        float[] dh = bn2.backward(Tensor.wrap(dz.clone(), y.shape())).data;
        dh = conv2.backward(Tensor.wrap(dh.clone(), y.shape())).data.clone();
        for (int k = 0; k < dh.length; k++) {
            dh[k] = h[k] > 0 ? dh[k] : 0f;
        }
        float[] dMain = conv1.backward(bn1.backward(Tensor.wrap(dh, 3, 4, 3, 3))).data.clone();
        float[] dShort = projection.backward(projectionBn.backward(Tensor.wrap(dz.clone(), y.shape()))).data;
        float[] expectedDx = new float[x.size()];
        for (int k = 0; k < expectedDx.length; k++) {
            expectedDx[k] = dMain[k] + dShort[k];
        }
        OpCheck.assertClose("projection block dX", x.shape(), expectedDx, dx.data, 1e-5, 1e-5);
        List<Parameter> ours = block.parameters();
        List<Parameter> theirs = parts.stream().flatMap(l -> l.parameters().stream()).toList();
        assertEquals(theirs.size(), ours.size());
        for (int k = 0; k < ours.size(); k++) {
            OpCheck.assertClose("projection block d" + ours.get(k).name() + " (parameter " + k + ")",
                    ours.get(k).shape(), theirs.get(k).grad, ours.get(k).grad, 1e-5, 1e-5);
        }
    }

    @Test
    void theShortcutsKeepTheShapeAndOnlyTheProjectionHasParameters() {
        SplittableRandom r = new SplittableRandom(46);
        int[] in = {2, 8, 10, 10};
        for (boolean adder : new boolean[] {false, true}) {
            ResidualBlock a = new ResidualBlock(8, 16, 2, adder, AdderRules.paper(), ResidualBlock.Shortcut.OPTION_A, r);
            ResidualBlock p = new ResidualBlock(8, 16, 2, adder, AdderRules.paper(), ResidualBlock.Shortcut.PROJECTION, r);
            ResidualBlock same = new ResidualBlock(8, 8, 1, adder, AdderRules.paper(), ResidualBlock.Shortcut.PROJECTION, r);
            assertArrayEquals(new int[] {2, 16, 5, 5}, a.outputShape(in));
            assertArrayEquals(new int[] {2, 16, 5, 5}, p.outputShape(in));
            assertArrayEquals(in, same.outputShape(in));
            assertEquals(4, a.layers().size());
            assertEquals(6, p.layers().size(), "a 1x1 convolution and its batch norm");
            assertEquals(4, same.layers().size(), "no projection where the shape stays");
            assertEquals(8 * 16 + 2 * 16, p.parameters().stream().mapToInt(Parameter::size).sum()
                    - a.parameters().stream().mapToInt(Parameter::size).sum());
            Tensor x = images(2, 8, 10, 10, 47);
            assertArrayEquals(new int[] {2, 16, 5, 5}, p.forward(x, true).shape());
            assertArrayEquals(in, p.backward(Tensor.wrap(OpCheck.random(2 * 16 * 25, 1, 48), 2, 16, 5, 5)).shape());
        }
    }
}
