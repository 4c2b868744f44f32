package org.addernet.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.analysis.OpCounts;
import org.addernet.engine.loss.SoftmaxCrossEntropy;
import org.addernet.engine.nn.AdderConv2d;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.BatchNorm1d;
import org.addernet.engine.nn.Conv2d;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Linear;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The reduced LeNet++ of Fig. 1: layers, the 2-D feature layer, the classifiers' formulas and gradient flow. */
class LeNetPlusPlusTest {
    private static final int B = 6;

    private static Tensor images(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[B * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return Tensor.wrap(x, B, 1, 28, 28);
    }

    private static Tensor features(Sequential net, String name, Tensor x, boolean training) {
        Tensor t = x;
        for (int k = 0; k <= ImageModels.featureLayerIndex(name); k++) {
            t = net.layers().get(k).forward(t, training);
        }
        return t.copy();
    }

    @Test
    void bothModelsMapImagesToTwoFeaturesAndTheFeaturesToTenLogits() {
        for (String name : List.of("lenetpp-cnn", "lenetpp-adder")) {
            Sequential net = ImageModels.build(name, 10, AdderRules.paper(), 1);
            assertTrue(ImageModels.hasFeatureLayer(name));
            assertArrayEquals(new int[] {1, 28, 28}, ImageModels.inputShape(name));
            assertArrayEquals(new int[] {10, B}, net.outputShape(new int[] {B, 1, 28, 28}), name);
            Tensor f = features(net, name, images(2), false);
            assertArrayEquals(new int[] {ImageModels.FEATURES, B}, f.shape(), name);
            // six 3x3 convolutions in three pairs (8, 16, 32 channels), then the feature layer and the classifier
            long convs = net.layers().stream().filter(l -> l instanceof Conv2d || l instanceof AdderConv2d).count();
            assertEquals(6, convs, name);
            Layer feature = net.layers().get(name.endsWith("-adder") ? ImageModels.featureLayerIndex(name) - 1
                    : ImageModels.featureLayerIndex(name));
            assertEquals(32 * 3 * 3 * 2, feature.parameters().get(0).size(), name + ": 288 inputs to 2 features");
        }
        assertFalse(ImageModels.hasFeatureLayer("lenet5-bn-adder"));
        assertThrows(IllegalArgumentException.class, () -> ImageModels.featureLayerIndex("resnet20-cnn"));
    }

    @Test
    void theAdderNetIsAdderThroughoutAndItsClassifierMeasuresL1DistancesToCentres() {
        Sequential net = ImageModels.build("lenetpp-adder", 10, AdderRules.paper(), 3);
        assertTrue(net.parameters().stream().filter(Parameter::isWeight)
                .allMatch(p -> p.kind() == Parameter.Kind.ADDER_FILTER), "no multiplication layer left");
        assertEquals(8, net.adderLayers().size(), "six convolutions, the feature layer and the classifier");
        int cut = ImageModels.featureLayerIndex("lenetpp-adder");
        assertInstanceOf(AdderDense.class, net.layers().get(cut - 1));
        assertInstanceOf(BatchNorm1d.class, net.layers().get(cut));
        assertEquals(cut + 2, net.layers().size(), "only the classifier follows the features (no BN after it)");
        AdderDense classifier = (AdderDense) net.layers().get(cut + 1);
        Tensor x = images(4);
        float[] logits = net.forward(x, false).data.clone();
        Tensor f = features(net, "lenetpp-adder", x, false);
        float[] w = classifier.weight().value;
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < 10; j++) {
                double d = Math.abs(f.data[b] - w[2 * j]) + Math.abs(f.data[B + b] - w[2 * j + 1]);
                assertEquals(-d, logits[j * B + b], 1e-4 * (1 + d), "logit " + j + " of image " + b);
            }
        }
    }

    @Test
    void theCnnClassifierIsAnInnerProductWithBias() {
        Sequential net = ImageModels.build("lenetpp-cnn", 10, AdderRules.paper(), 5);
        assertTrue(net.adderLayers().isEmpty());
        int cut = ImageModels.featureLayerIndex("lenetpp-cnn");
        Linear classifier = (Linear) net.layers().get(cut + 1);
        Tensor x = images(6);
        float[] logits = net.forward(x, false).data.clone();
        Tensor f = features(net, "lenetpp-cnn", x, false);
        float[] w = classifier.weight().value;
        float[] bias = classifier.bias().value;
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < 10; j++) {
                double z = w[2 * j] * f.data[b] + w[2 * j + 1] * f.data[B + b] + bias[j];
                assertEquals(z, logits[j * B + b], 1e-4 * (1 + Math.abs(z)));
            }
        }
    }

    /** Loss of a training-mode forward pass and, when {@code grads}, its backward pass into the parameters. */
    private static double loss(Sequential net, Tensor x, int[] y, boolean grads) {
        Tensor z = net.forward(x, true);
        float[] g = new float[z.size()];
        double l = new SoftmaxCrossEntropy().forwardBackward(z.data, y, g, B, 10);
        if (grads) {
            net.zeroGrad();
            net.backward(Tensor.wrap(g, z.shape()));
        }
        return l;
    }

    @Test
    void everyParameterGetsAGradientAndTheHeadsGradientsMatchFiniteDifferences() {
        int[] y = {0, 3, 5, 7, 9, 1};
        for (String name : List.of("lenetpp-cnn", "lenetpp-adder")) {
            // exact rules without adaptive scaling: the gradients are the true ones, comparable with differences
            Sequential net = ImageModels.build(name, 10, AdderRules.exact(), 7);
            Tensor x = images(8);
            loss(net, x, y, true);
            for (Parameter p : net.parameters()) {
                double sq = 0;
                for (float v : p.grad) {
                    assertTrue(Float.isFinite(v), name + " " + p.name());
                    sq += v * v;
                }
                assertTrue(sq > 0, name + ": no gradient reaches " + p.name() + " " + java.util.Arrays.toString(p.shape()));
            }
            int cut = ImageModels.featureLayerIndex(name);
            // the classifier's weights and the feature layer's last parameters (the CNN's bias, the AdderNet's BN shift)
            List<Parameter> head = List.of(net.layers().get(cut + 1).parameters().get(0),
                    net.layers().get(cut).parameters().get(1));
            for (Parameter p : head) {
                float[] analytic = p.grad.clone();
                for (int k = 0; k < Math.min(6, p.size()); k++) {
                    float saved = p.value[k];
                    double h = 1e-2;
                    p.value[k] = (float) (saved + h);
                    double up = loss(net, x, y, false);
                    p.value[k] = (float) (saved - h);
                    double down = loss(net, x, y, false);
                    p.value[k] = saved;
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, analytic[k], 2e-3 + 2e-2 * Math.abs(numeric),
                            name + " " + p.name() + "[" + k + "]");
                }
            }
        }
    }

    @Test
    void theReducedNetCostsAboutA43rdOfThePapersLeNetPlusPlus() {
        long ours = OpCounts.macs(ImageModels.build("lenetpp-adder", 10, AdderRules.paper(), 1), new int[] {1, 28, 28});
        // 3x3 kernels, 8-8-16-16-32-32 channels at 28, 28, 14, 14, 7, 7 pixels; 288 -> 2 -> 10
        long expected = 9L * (784 * 8 + 784 * 64 + 196 * 128 + 196 * 256 + 49 * 512 + 49 * 1024) + 288 * 2 + 2 * 10;
        assertEquals(expected, ours);
        // the paper's: 5x5 kernels, 32-32-64-64-128-128 channels, 1152 -> 2 -> 10
        long paper = 25L * (784 * 32 + 784 * 1024 + 196 * 2048 + 196 * 4096 + 49 * 8192 + 49 * 16384) + 1152 * 2 + 20;
        assertTrue(paper / ours >= 40 && paper / ours <= 45, paper + " vs " + ours);
    }
}
