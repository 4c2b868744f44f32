package org.addernet.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.OpCheck;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Output shapes, shape errors that name both shapes, and small cases worked by hand. */
class ConvLayerShapeTest {
    private static final SplittableRandom RNG = new SplittableRandom(41);

    private static void failsNaming(Executable e, String... parts) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String part : parts) {
            assertTrue(ex.getMessage().contains(part), "message '" + ex.getMessage() + "' lacks '" + part + "'");
        }
    }

    @Test
    void outputShapesFollowTheConvolutionArithmetic() {
        assertArrayEquals(new int[] {8, 16, 32, 32}, new Conv2d(3, 16, 3, 1, 1, false, RNG).outputShape(new int[] {8, 3, 32, 32}));
        assertArrayEquals(new int[] {8, 32, 16, 16},
                new AdderConv2d(16, 32, 3, 2, 1, AdderRules.paper(), RNG).outputShape(new int[] {8, 16, 32, 32}));
        assertArrayEquals(new int[] {2, 6, 24, 24}, new Conv2d(1, 6, 5, 1, 0, true, RNG).outputShape(new int[] {2, 1, 28, 28}));
        assertArrayEquals(new int[] {2, 6, 12, 12}, new MaxPool2d(2, 2).outputShape(new int[] {2, 6, 24, 24}));
        assertArrayEquals(new int[] {2, 6, 3, 3}, new AvgPool2d(3, 2).outputShape(new int[] {2, 6, 7, 8}));
        assertArrayEquals(new int[] {2, 64, 1, 1}, new GlobalAvgPool2d().outputShape(new int[] {2, 64, 8, 8}));
        assertArrayEquals(new int[] {64, 2}, new Flatten().outputShape(new int[] {2, 64, 1, 1}));
        assertArrayEquals(new int[] {4, 32, 16, 16},
                new ResidualBlock(16, 32, 2, true, AdderRules.paper(), RNG).outputShape(new int[] {4, 16, 32, 32}));
        assertArrayEquals(new int[] {4, 16, 32, 32}, new BatchNorm2d(16).outputShape(new int[] {4, 16, 32, 32}));
    }

    @Test
    void shapeErrorsNameTheLayerAndBothShapes() {
        failsNaming(() -> new Conv2d(3, 16, 3, 1, 1, false, RNG).outputShape(new int[] {8, 4, 32, 32}),
                "conv3x3(3->16", "[B, 3, H, W]", "[8, 4, 32, 32]");
        failsNaming(() -> new AdderConv2d(3, 4, 5, 1, 0, AdderRules.paper(), RNG).outputShape(new int[] {1, 3, 4, 9}),
                "adderconv5x5", "5x5", "[1, 3, 4, 9]");
        failsNaming(() -> new Conv2d(2, 2, 3, 1, 1, false, RNG).forward(new Tensor(4, 2), true), "[B, 2, H, W]", "[4, 2]");
        failsNaming(() -> new BatchNorm2d(3).outputShape(new int[] {2, 4, 5, 5}), "batchnorm2d(3)", "[2, 4, 5, 5]");
        failsNaming(() -> new MaxPool2d(3, 1).outputShape(new int[] {2, 4, 2, 5}), "maxpool3x3", "[2, 4, 2, 5]");
        failsNaming(() -> new AvgPool2d(2, 2).outputShape(new int[] {2, 4}), "avgpool2x2", "[2, 4]");
        failsNaming(() -> new Flatten().outputShape(new int[] {5}), "flatten", "[5]");
        failsNaming(() -> new ResidualBlock(16, 32, 2, false, null, RNG).outputShape(new int[] {4, 8, 32, 32}),
                "resblock(16->32", "[4, 8, 32, 32]");
        failsNaming(() -> new ResidualBlock(32, 16, 2, false, null, RNG), "32 -> 16");
        failsNaming(() -> new BatchNorm2d(2).forward(new Tensor(1, 2, 1, 1), true), "at least 2 values");
    }

    @Test
    void optionAShortcutSubsamplesAndPadsChannels() {
        // with both convolutions' batch norms scaled to 0 the block is relu(shortcut(x))
        ResidualBlock block = new ResidualBlock(1, 3, 2, false, null, RNG);
        for (Parameter p : block.parameters()) {
            if (p.kind() == Parameter.Kind.BN_SCALE) {
                java.util.Arrays.fill(p.value, 0f);
            }
        }
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};   // [1, 1, 4, 5]
        Tensor y = block.forward(Tensor.wrap(x, 1, 1, 4, 5), true);
        assertArrayEquals(new int[] {1, 3, 2, 3}, y.shape());
        // channel 0 is padding, channel 1 is x[::2, ::2], channel 2 is padding
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 1, 3, 5, 11, 13, 15, 0, 0, 0, 0, 0, 0}, y.data, 0f);
        // and the gradient goes back to the sampled pixels only
        Tensor dx = block.backward(Tensor.wrap(new float[] {9, 9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9}, 1, 3, 2, 3));
        assertArrayEquals(new float[] {1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0}, dx.data, 0f);
    }

    @Test
    void maxPoolAndGlobalAveragePoolByHand() {
        float[] x = {1, 5, 2, 0, 3, 4, 9, 9, 8};                 // [1, 1, 3, 3]
        MaxPool2d pool = new MaxPool2d(2, 1);
        Tensor y = pool.forward(Tensor.wrap(x, 1, 1, 3, 3), true);
        assertArrayEquals(new float[] {5, 5, 9, 9}, y.data, 0f);
        Tensor dx = pool.backward(Tensor.wrap(new float[] {1, 2, 3, 4}, 1, 1, 2, 2));
        assertArrayEquals(new float[] {0, 3, 0, 0, 0, 0, 3, 4, 0}, dx.data, 0f);   // ties go to the first maximum
        Tensor g = new GlobalAvgPool2d().forward(Tensor.wrap(x, 1, 1, 3, 3), true);
        assertEquals(41f / 9, g.data[0], 1e-6f);
    }

    @Test
    void batchNorm2dUsesRunningStatisticsInEvaluation() {
        BatchNorm2d bn = new BatchNorm2d(2);
        float[] x = OpCheck.random(3 * 2 * 2 * 2, 2, 5);
        Tensor y = bn.forward(Tensor.wrap(x, 3, 2, 2, 2), true);
        // training output is normalised per channel over B, H, W
        double mean = 0;
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 4; t++) {
                mean += y.data[(b * 2 + 1) * 4 + t];
            }
        }
        assertEquals(0, mean / 12, 1e-6);
        double m = 0;
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 4; t++) {
                m += x[(b * 2) * 4 + t];
            }
        }
        m /= 12;
        float[][] stats = bn.runningStats();
        assertEquals(0.1 * m, stats[0][0], 1e-6, "running mean moves by momentum 0.1");
        bn.setRunningStats(new float[] {1, 2}, new float[] {4, 9});
        Tensor e = bn.forward(Tensor.wrap(new float[] {3, 3, 3, 3, 5, 5, 5, 5}, 1, 2, 2, 2), false);
        assertEquals((3 - 1) / Math.sqrt(4 + 1e-5), e.data[0], 1e-6);
        assertEquals((5 - 2) / Math.sqrt(9 + 1e-5), e.data[4], 1e-6);
    }

    @Test
    void sequentialFindsTheAdderConvolutionsInsideResidualBlocks() {
        Sequential net = new Sequential(List.of(new Conv2d(3, 16, 3, 1, 1, false, RNG), new BatchNorm2d(16),
                Activation.relu(), new ResidualBlock(16, 16, 1, true, AdderRules.paper(), RNG),
                new ResidualBlock(16, 32, 2, true, AdderRules.paper(), RNG), new GlobalAvgPool2d(), new Flatten(),
                new Linear(32, 10, true, RNG)));
        assertEquals(4, net.adderLayers().size());
        assertArrayEquals(new int[] {10, 2}, net.outputShape(new int[] {2, 3, 8, 8}));
        Tensor y = net.forward(Tensor.wrap(OpCheck.random(2 * 3 * 8 * 8, 1, 3), 2, 3, 8, 8), true);
        assertArrayEquals(new int[] {10, 2}, y.shape());
        Tensor dx = net.backward(Tensor.wrap(OpCheck.random(20, 1, 4), 10, 2));
        assertArrayEquals(new int[] {2, 3, 8, 8}, dx.shape());
    }
}
