package org.addernet.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.AdderRules;
import org.junit.jupiter.api.Test;

/** MACs per image of the zoo models and a tiny measurement of each training-step case. */
class ImageStepBenchTest {
    @Test
    void lenetMacsMatchBenchmarksMd() {
        for (String m : new String[] {"lenet5-bn-cnn", "lenet5-bn-adder"}) {
            assertEquals(416_520L, ModelMacs.perImage(ImageModels.build(m, 10, AdderRules.paper(), 1),
                    ImageModels.inputShape(m)), m);
        }
    }

    @Test
    void resnet20MacsCountEveryConvTheShortcutsAndTheClassifier() {
        long expected = 32 * 32 * 16 * 27                     // first conv 3->16
                + 6L * 32 * 32 * 16 * 144                      // stage 1: six 16->16 convs
                + 16 * 16 * 32 * 144 + 5L * 16 * 16 * 32 * 288   // stage 2: 16->32 at stride 2, five 32->32
                + 8 * 8 * 64 * 288 + 5L * 8 * 8 * 64 * 576       // stage 3
                + 16 * 16 * 32 * 16 + 8 * 8 * 64 * 32          // the two 1x1 stride-2 projection shortcuts
                + 64 * 10;                                     // the 1x1-conv classifier
        assertEquals(40_813_184L, expected);
        for (String m : new String[] {"resnet20-cnn", "resnet20-adder"}) {
            assertEquals(expected, ModelMacs.perImage(ImageModels.build(m, 10, AdderRules.paper(), 1),
                    ImageModels.inputShape(m)), m);
        }
    }

    @Test
    void aTinyMeasurementOfEveryCaseGivesPositiveFiniteFigures() {
        for (ImageStepBench.Case c : ImageStepBench.cases()) {
            ImageStepBench.Case small = new ImageStepBench.Case(c.model(), 4, c.referenceSource(), c.referenceLow(),
                    c.referenceHigh(), c.target());
            ImageStepBench.Result r = ImageStepBench.measure(small, BenchBudget.tiny());
            for (double v : new double[] {r.medianStepMs(), r.bestStepMs(), r.imagesPerSecond(), r.effectiveGmacs()}) {
                assertTrue(v > 0 && Double.isFinite(v), r.toString());
            }
            assertTrue(r.bestStepMs() <= r.medianStepMs());
            assertEquals(4 / (r.medianStepMs() / 1000), r.imagesPerSecond(), 1e-6 * r.imagesPerSecond());
            assertTrue(r.steps() >= 1);
        }
    }

    @Test
    void theCasesAreBenchmarksMdsShapes() {
        assertEquals(4, ImageStepBench.cases().size());
        for (ImageStepBench.Case c : ImageStepBench.cases()) {
            assertEquals(c.model().startsWith("lenet") ? 256 : 64, c.batch(), c.model());
            assertEquals(c.model().endsWith("-adder"), c.target() != null, c.model());
        }
    }
}
