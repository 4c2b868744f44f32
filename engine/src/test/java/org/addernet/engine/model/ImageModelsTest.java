package org.addernet.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.ResidualBlock;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.optim.LrSchedule;
import org.addernet.engine.optim.PSchedule;
import org.addernet.engine.tensor.Tensor;
import org.addernet.engine.train.RunStatus;
import org.addernet.engine.train.TrainConfig;
import org.addernet.engine.train.Trainer;
import org.junit.jupiter.api.Test;

class ImageModelsTest {
    @Test
    void everyModelMapsItsInputToLogitsBeforeAnyDataIsRead() {
        for (String name : ImageModels.NAMES) {
            Sequential net = ImageModels.build(name, 10, AdderRules.paper(), 1);
            int[] in = ImageModels.inputShape(name);
            int[] shape = {4, in[0], in[1], in[2]};
            assertArrayEquals(new int[] {10, 4}, net.outputShape(shape), name);
        }
        assertThrows(IllegalArgumentException.class, () -> ImageModels.build("lenet7", 10, AdderRules.paper(), 1));
    }

    private static long parameters(Sequential net) {
        return net.parameters().stream().mapToLong(Parameter::size).sum();
    }

    private static List<String> names(List<Layer> layers) {
        return layers.stream().map(Layer::describe).toList();
    }

    /**
     * huawei-noah/AdderNet's resnet20.py: conv 3x3 3-16, BN, ReLU; three stages of three basic
     * blocks (conv1 at the stage's stride, BN, ReLU, conv2, BN, plus the shortcut, ReLU), the
     * shortcut where the shape changes an adder 1x1 at stride 2 followed by BN; AvgPool(8), a
     * 1x1 convolution 64-10 without bias, BatchNorm2d(10): 20 adder layers, 272,484 parameters.
     */
    @Test
    void theOfficialResNet20Has272484ParametersAnd20AdderLayers() {
        Sequential net = ImageModels.build("resnet20-adder", 10, AdderRules.paper(), 1);
        assertEquals(272_484, parameters(net));
        assertEquals(20, net.adderLayers().size());
        List<String> top = names(net.layers());
        assertEquals(List.of("conv3x3(3->16, s1, p1)", "batchnorm2d(16)", "relu"), top.subList(0, 3));
        assertEquals(List.of("avgpool8x8(s1)", "conv1x1(64->10, s1, p0)", "batchnorm2d(10)", "flatten"),
                top.subList(12, 16));
        assertEquals(16, top.size());
        ResidualBlock down = (ResidualBlock) net.layers().get(6);          // stage 2, block 1
        assertEquals("resblock(16->32, s2, adder, projection)", down.describe());
        assertEquals(List.of("adderconv3x3(16->32, s2, p1)", "batchnorm2d(32)", "adderconv3x3(32->32, s1, p1)",
                "batchnorm2d(32)", "adderconv1x1(16->32, s2, p0)", "batchnorm2d(32)"), names(down.layers()));
        ResidualBlock down3 = (ResidualBlock) net.layers().get(9);         // stage 3, block 1
        assertEquals("adderconv1x1(32->64, s2, p0)", down3.layers().get(4).describe());
        long projecting = net.layers().stream().filter(l -> l instanceof ResidualBlock r && r.projects()).count();
        assertEquals(2, projecting, "a projection where the shape changes, nowhere else");
        // every weight but the first conv's and the head's belongs to an adder layer; no bias anywhere
        assertTrue(net.parameters().stream().noneMatch(p -> p.kind() == Parameter.Kind.BIAS));
        assertEquals(2, net.parameters().stream().filter(p -> p.kind() == Parameter.Kind.WEIGHT).count());
    }

    @Test
    void theCnnTwinAndResNet32FollowTheSameLayout() {
        Sequential cnn = ImageModels.build("resnet20-cnn", 10, AdderRules.paper(), 1);
        assertEquals(272_484, parameters(cnn), "a convolution without bias has as many weights as an adder layer");
        assertEquals(0, cnn.adderLayers().size());
        assertEquals("conv1x1(16->32, s2, p0)", ((ResidualBlock) cnn.layers().get(6)).layers().get(4).describe());
        Sequential r32 = ImageModels.build("resnet32-adder", 10, AdderRules.paper(), 1);
        assertEquals(466_916, parameters(r32));
        assertEquals(32, r32.adderLayers().size());
        assertEquals(466_916, parameters(ImageModels.build("resnet32-cnn", 10, AdderRules.paper(), 1)));
    }

    @Test
    void optionAKeepsTheEarlierLayout() {
        Sequential a = ImageModels.build("resnet20-adder", 10, AdderRules.paper(), ResidualBlock.Shortcut.OPTION_A, 1);
        assertEquals(269_722, parameters(a));
        assertEquals(18, a.adderLayers().size());
        assertEquals(List.of("globalavgpool", "flatten", "linear(64->10)"), names(a.layers()).subList(12, 15));
        assertEquals("resblock(16->32, s2, adder, option A)", a.layers().get(6).describe());
        assertEquals(464_154, parameters(ImageModels.build("resnet32-adder", 10, AdderRules.paper(),
                ResidualBlock.Shortcut.OPTION_A, 1)));
        // the default is the official layout; the shortcut means nothing to the nets without blocks
        assertEquals(parameters(ImageModels.build("resnet20-cnn", 10, AdderRules.paper(), 1)),
                parameters(ImageModels.build("resnet20-cnn", 10, AdderRules.paper(), ResidualBlock.Shortcut.PROJECTION, 1)));
        assertTrue(ImageModels.hasShortcuts("resnet32-cnn"));
        assertFalse(ImageModels.hasShortcuts("vgg-small-adder"));
        assertEquals(parameters(ImageModels.build("vgg-small-adder", 10, AdderRules.paper(), 1)),
                parameters(ImageModels.build("vgg-small-adder", 10, AdderRules.paper(), ResidualBlock.Shortcut.OPTION_A, 1)));
        assertEquals(ResidualBlock.Shortcut.OPTION_A, ResidualBlock.Shortcut.fromId("A"));
        assertEquals(ResidualBlock.Shortcut.PROJECTION, ResidualBlock.Shortcut.fromId("projection"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResidualBlock.Shortcut.fromId("B"));
        assertEquals("unknown shortcut 'B', expected projection or A", e.getMessage());
    }

    @Test
    void bothShortcutLayoutsMapImagesToLogitsAndKeepTheirBlocksShapes() {
        for (ResidualBlock.Shortcut s : ResidualBlock.Shortcut.values()) {
            for (String name : List.of("resnet20-adder", "resnet20-cnn", "resnet32-adder", "resnet32-cnn")) {
                Sequential net = ImageModels.build(name, 7, AdderRules.paper(), s, 3);
                assertArrayEquals(new int[] {7, 5}, net.outputShape(new int[] {5, 3, 32, 32}), name + " " + s);
                Tensor y = net.forward(Tensor.wrap(org.addernet.engine.OpCheck.random(5 * 3 * 32 * 32, 1, 4), 5, 3, 32, 32),
                        true);
                assertArrayEquals(new int[] {7, 5}, y.shape(), name + " " + s);
            }
            SplittableRandom r = new SplittableRandom(5);
            for (boolean adder : new boolean[] {false, true}) {
                ResidualBlock b = new ResidualBlock(16, 32, 2, adder, AdderRules.paper(), s, r);
                assertArrayEquals(new int[] {3, 32, 16, 16}, b.outputShape(new int[] {3, 16, 32, 32}), s + " " + adder);
                Tensor x = Tensor.wrap(org.addernet.engine.OpCheck.random(3 * 16 * 32 * 32, 1, 6), 3, 16, 32, 32);
                assertArrayEquals(new int[] {3, 32, 16, 16}, b.forward(x, true).shape());
                assertArrayEquals(x.shape(), b.backward(Tensor.wrap(new float[3 * 32 * 16 * 16], 3, 32, 16, 16)).shape());
            }
        }
    }

    @Test
    void leNetHasThePapersLayersAndTheAdderVersionHasNoLinearLayer() {
        Sequential cnn = ImageModels.build("lenet5-bn-cnn", 10, AdderRules.paper(), 1);
        Sequential adder = ImageModels.build("lenet5-bn-adder", 10, AdderRules.paper(), 1);
        long cnnWeights = cnn.parameters().stream().filter(Parameter::isWeight).mapToLong(Parameter::size).sum();
        assertEquals(6 * 25 + 16 * 150 + 400 * 120 + 120 * 84 + 84 * 10, cnnWeights);
        assertTrue(adder.parameters().stream().filter(Parameter::isWeight)
                .allMatch(p -> p.kind() == Parameter.Kind.ADDER_FILTER), "every LeNet AdderNet layer is an adder layer");
        assertEquals(5, adder.adderLayers().size());
    }

    @Test
    void aConvNetTrainsOnImageBatches() {
        // two classes of 28x28 images: a bright left half or a bright right half, with noise
        int n = 64;
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[n * 784];
        int[] y = new int[n];
        for (int k = 0; k < n; k++) {
            y[k] = k % 2;
            for (int p = 0; p < 784; p++) {
                boolean left = p % 28 < 14;
                x[k * 784 + p] = (float) ((left == (y[k] == 0) ? 1 : 0) + 0.3 * r.nextGaussian());
            }
        }
        DataSet d = new DataSet(x, y, 784, 2);
        for (String name : new String[] {"lenet5-bn-cnn", "lenet5-bn-adder"}) {
            // three softmax classes (the third unused) exercise the multi-class path of the image models
            Sequential net = ImageModels.build(name, 3, AdderRules.paper(), 2);
            Trainer t = new Trainer(net, new TrainConfig(40, 16, new LrSchedule.Cosine(0.05), 0.9, true, 5e-4,
                    PSchedule.fixed(1), 10), new DataSet(x, y, 784, 3), null, 2, new int[] {1, 28, 28});
            assertEquals(RunStatus.COMPLETED, t.run(null, null).status(), name);
            assertTrue(t.accuracy(d) > 0.9, name + " separates the halves: " + t.accuracy(d));
        }
    }
}
