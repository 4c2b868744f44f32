package org.addernet.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.optim.LrSchedule;
import org.addernet.engine.optim.PSchedule;
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
