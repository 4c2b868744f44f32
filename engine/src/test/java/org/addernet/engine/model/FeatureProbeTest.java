package org.addernet.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Fig. 1's probe: the feature layer's outputs, the whole net's predictions, the adder centres, the regions. */
class FeatureProbeTest {
    private static DataSet images(int n) {
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[n * 784];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            for (int p = 0; p < 784; p++) {
                x[i * 784 + p] = (float) r.nextGaussian();
            }
        }
        return new DataSet(x, y, 784, 10);
    }

    @Test
    void theProbeReadsTheFeatureLayerAndTheWholeNetsPrediction() {
        DataSet d = images(7);
        for (String model : new String[] {"lenetpp-adder", "lenetpp-cnn"}) {
            Sequential net = ImageModels.build(model, 10, AdderRules.paper(), 3);
            FeatureProbe.Features f = FeatureProbe.extract("r", model, net, d, new int[] {1, 28, 28}, 7);
            float[] all = new float[7 * 784];
            for (int i = 0; i < 7; i++) {
                d.copySample(i, all, i * 784);
            }
            Tensor t = Tensor.wrap(all, 7, 1, 28, 28);
            int cut = ImageModels.featureLayerIndex(model);
            for (int k = 0; k <= cut; k++) {
                t = net.layers().get(k).forward(t, false);
            }
            float[] x = new float[7];
            float[] y = new float[7];
            System.arraycopy(t.data, 0, x, 0, 7);
            System.arraycopy(t.data, 7, y, 0, 7);
            assertArrayEquals(x, f.x(), model);
            assertArrayEquals(y, f.y(), model);
            Tensor logits = net.forward(Tensor.wrap(all.clone(), 7, 1, 28, 28), false);
            for (int i = 0; i < 7; i++) {
                int best = 0;
                for (int c = 1; c < 10; c++) {
                    best = logits.data[c * 7 + i] > logits.data[best * 7 + i] ? c : best;
                }
                assertEquals(best, f.predicted()[i], model + " image " + i);
            }
            assertEquals(10, f.classes());
            assertNull(f.window(), "the plane shown is the lab's choice");
            if (model.endsWith("-adder")) {
                float[] w = ((AdderDense) net.layers().get(net.layers().size() - 1)).weight().value;
                assertEquals(10, f.centres().length);
                assertArrayEquals(new float[] {w[2 * 4], w[2 * 4 + 1]}, f.centres()[4], "W_4");
            } else {
                assertNull(f.centres(), "a CNN's classifier has no centres");
            }
            FeatureProbe.Window win = new FeatureProbe.Window(-1, 1, -1, 1);
            int[] regions = FeatureProbe.regions(model, net, win, 9);
            assertEquals(81, regions.length);
            for (int c : regions) {
                assertTrue(c >= 0 && c < 10, "a class: " + c);
            }
            assertEquals(win, f.withView(win, regions, 9).window());
        }
    }

    @Test
    void aModelWithoutAFeatureLayerOrNoImagesIsRefused() {
        DataSet d = images(3);
        Sequential lenet = ImageModels.build("lenetpp-cnn", 10, AdderRules.paper(), 1);
        assertThrows(IllegalArgumentException.class,
                () -> FeatureProbe.extract("r", "lenetpp-cnn", lenet, d, new int[] {1, 28, 28}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureProbe.extract("r", "lenet5-bn-cnn", lenet, d, new int[] {1, 28, 28}, 3));
    }
}
