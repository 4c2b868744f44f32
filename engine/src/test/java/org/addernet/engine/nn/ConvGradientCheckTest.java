package org.addernet.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.GradCheck;
import org.addernet.engine.OpCheck;
import org.addernet.engine.kernel.Parallel;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite-difference checks of the convolutional layers, whose gradients are the true ones. */
class ConvGradientCheckTest {
    /** A batch of images [b, c, h, w] with values in [-2, 2]. */
    private static Tensor images(int b, int c, int h, int w, long seed) {
        return Tensor.wrap(OpCheck.random(b * c * h * w, 2, seed), b, c, h, w);
    }

    @Test
    void conv2dMatchesFiniteDifferences() {
        GradCheck.check("conv3x3 s1 p1", new Conv2d(2, 3, 3, 1, 1, true, new SplittableRandom(1)),
                images(2, 2, 5, 4, 2), 1e-2, 2e-3, 2e-3);
        GradCheck.check("conv3x3 s2 p1", new Conv2d(2, 3, 3, 2, 1, false, new SplittableRandom(3)),
                images(2, 2, 5, 6, 4), 1e-2, 2e-3, 2e-3);
        GradCheck.check("conv2x2 s1 p0", new Conv2d(3, 2, 2, 1, 0, true, new SplittableRandom(5)),
                images(1, 3, 4, 3, 6), 1e-2, 2e-3, 2e-3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 2.0})
    void adderConvWithExactRulesMatchesFiniteDifferences(double p) {
        AdderConv2d a = new AdderConv2d(2, 3, 3, 1, 1, AdderRules.exact(), new SplittableRandom(7));
        a.setP(p);
        GradCheck.check("adder conv s1 p=" + p, a, images(2, 2, 4, 5, 8), 1e-3, 5e-3, 5e-3);
        AdderConv2d strided = new AdderConv2d(2, 2, 3, 2, 1, AdderRules.exact(), new SplittableRandom(9));
        strided.setP(p);
        GradCheck.check("adder conv s2 p=" + p, strided, images(2, 2, 5, 5, 10), 1e-3, 5e-3, 5e-3);
    }

    @Test
    void batchNorm2dMatchesFiniteDifferences() {
        BatchNorm2d bn = new BatchNorm2d(2);
        bn.gamma().value[1] = 1.7f;
        bn.beta().value[0] = -0.4f;
        GradCheck.check("batchnorm2d", bn, images(3, 2, 3, 2, 11), 1e-2, 3e-3, 3e-3);
    }

    @Test
    void poolingMatchesFiniteDifferences() {
        GradCheck.check("maxpool2x2", new MaxPool2d(2, 2), images(2, 2, 4, 5, 12), 1e-3, 2e-3, 2e-3);
        GradCheck.check("maxpool3x3 s2 (overlapping)", new MaxPool2d(3, 2), images(2, 2, 5, 5, 13), 1e-3, 2e-3, 2e-3);
        GradCheck.check("avgpool2x2 s1 (overlapping)", new AvgPool2d(2, 1), images(2, 2, 3, 4, 14), 1e-2, 2e-3, 2e-3);
        GradCheck.check("global avgpool", new GlobalAvgPool2d(), images(2, 3, 3, 2, 15), 1e-2, 2e-3, 2e-3);
    }

    @Test
    void flattenMatchesFiniteDifferencesAndIsFeatureMajor() {
        Tensor x = images(2, 2, 2, 3, 16);
        GradCheck.check("flatten", new Flatten(), x, 1e-2, 2e-3, 2e-3);
        Tensor y = new Flatten().forward(x, false);
        assertArrayEquals(new int[] {12, 2}, y.shape());
        // feature f of sample b is element f of that sample's [C, H, W] block
        assertEquals(x.data[12 + 7], y.data[7 * 2 + 1], 0f);
    }

    /**
     * ReLU kinks: a step of 1e-3 on a weight moves many pre-activations by ~1e-2, and one of them
     * crossing zero spoils the difference quotient (about a third of random seeds at 1e-3); a
     * step of 1e-4 keeps every seed tried clean, with the float objective still accurate to ~1e-3.
     */
    @Test
    void cnnResidualBlocksMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(17);
        GradCheck.check("resblock identity", new ResidualBlock(2, 2, 1, false, null, r), images(2, 2, 4, 4, 18),
                1e-4, 1e-2, 5e-3);
        GradCheck.check("resblock option A", new ResidualBlock(2, 4, 2, false, null, r), images(2, 2, 5, 4, 19),
                1e-4, 1e-2, 5e-3);
        GradCheck.check("resblock projection", new ResidualBlock(2, 3, 2, false, null,
                ResidualBlock.Shortcut.PROJECTION, r), images(2, 2, 4, 4, 20), 1e-4, 1e-2, 5e-3);
    }

    @Test
    void adderResidualBlockWithExactRulesMatchesFiniteDifferences() {
        ResidualBlock block = new ResidualBlock(2, 4, 2, true, AdderRules.exact(), new SplittableRandom(21));
        Sequential net = new Sequential(List.of(block));
        assertEquals(2, net.adderLayers().size(), "the p schedule reaches the block's adder convolutions");
        for (AdderLayer a : net.adderLayers()) {
            a.setP(2);
        }
        // adder outputs are sums of squares (tens), too coarse in float for a 1e-4 step: 1e-3, a seed clear of kinks
        GradCheck.check("adder resblock p=2", block, images(2, 2, 4, 4, 22), 1e-3, 5e-3, 5e-3);
    }

    @Test
    void smallCnnChainsIntoDenseLayers() {
        SplittableRandom r = new SplittableRandom(23);
        Sequential net = new Sequential(List.of(new Conv2d(1, 2, 3, 1, 1, false, r), new BatchNorm2d(2),
                new Activation(Activation.Kind.TANH), new AvgPool2d(2, 2), new Flatten(), new Linear(8, 3, true, r)));
        assertArrayEquals(new int[] {3, 4}, net.outputShape(new int[] {4, 1, 4, 4}));
        GradCheck.check("cnn", net, images(4, 1, 4, 4, 24), 1e-3, 5e-3, 5e-3);
    }

    @Test
    void layersGiveTheSameBitsOnOneOrTwoThreads() {
        Tensor x = images(8, 8, 16, 16, 25);
        Tensor gy = Tensor.wrap(OpCheck.random(8 * 8 * 16 * 16, 1, 26), 8, 8, 16, 16);
        float[][] results = new float[2][];
        for (int run = 0; run < 2; run++) {
            Parallel par = run == 0 ? Parallel.sequential() : Parallel.create(2);
            AdderConv2d a = new AdderConv2d(8, 8, 3, 1, 1, AdderRules.paper(), new SplittableRandom(27));
            Conv2d c = new Conv2d(8, 8, 3, 1, 1, true, new SplittableRandom(28));
            a.setParallel(par);
            c.setParallel(par);
            float[] ya = a.forward(x, true).data.clone();
            float[] dxa = a.backward(gy).data.clone();
            float[] yc = c.forward(x, true).data.clone();
            float[] dxc = c.backward(gy).data.clone();
            results[run] = concat(ya, dxa, a.weight().grad, yc, dxc, c.weight().grad, c.bias().grad);
        }
        assertArrayEquals(results[0], results[1]);
    }

    private static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
