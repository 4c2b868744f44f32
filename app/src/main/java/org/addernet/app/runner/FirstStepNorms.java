package org.addernet.app.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.addernet.datasets.image.DataRoots;
import org.addernet.datasets.image.ImagePipeline;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.train.TrainConfig;
import org.addernet.engine.train.Trainer;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.Preset;

/**
 * The paper's Table 1 on the spot: every model of an image preset (LeNet-5-BN as AdderNet and as
 * CNN in {@code table1-gradient-norms}) takes one training step on the same first batch (same
 * seed, same epoch order), and each weight layer's filter-gradient L2 norm is read before adaptive
 * scaling, exactly what an epoch run writes to {@code gradient-norms.csv} after its first step.
 */
public final class FirstStepNorms {
    /** The paper's Table 1 (LeNet-5-BN on MNIST): the first three layers. */
    public static final Map<String, double[]> PAPER = Map.of(
            "lenet5-bn-adder", new double[] {0.0009, 0.0012, 0.0146},
            "lenet5-bn-cnn", new double[] {0.2261, 0.2990, 0.4646});

    /** One model's norms, weight layers in forward order. */
    public record Row(String model, List<String> layers, double[] norms) {
        public Row {
            layers = List.copyOf(layers);
            norms = norms.clone();
        }
    }

    private FirstStepNorms() {
    }

    /**
     * Reads the preset's data set as an epoch run does (its limits, the same standardisation), so
     * the rows equal the {@code gradient-norms.csv} of {@code ./workbench run} on the same preset.
     */
    public static List<Row> compute(Preset p, Path dataRoot) throws IOException {
        ImageSet set = ImageSet.of(p.data().set());
        Path folder = DataRoots.find(set.id(), dataRoot, org.addernet.app.io.WorkbenchEnv.env(),
                org.addernet.app.io.WorkbenchEnv.userHome());
        ImagePipeline.Prepared data = ImagePipeline.load(set, folder, p.data().trainLimit(), 1, ExperimentPlan.normalization(p));
        return compute(p, data);
    }

    /** One step of every model of {@code p} on {@code data}'s first batch (epoch 0's order). */
    public static List<Row> compute(Preset p, ImagePipeline.Prepared data) {
        List<Row> rows = new ArrayList<>();
        long steps = Trainer.stepsPerEpoch(data.train().size(), p.training().batchSize());
        if (steps < 1) {
            throw new IllegalArgumentException(p.data().set() + ": " + data.train().size()
                    + " training images, fewer than one batch of " + p.training().batchSize());
        }
        for (ExperimentPlan.ImageRun r : ExperimentPlan.imageRuns(p, 1)) {
            Sequential net = r.build(data.train().numClasses(), r.seed());
            TrainConfig cfg = ExperimentPlan.trainConfig(p, steps, (int) steps);
            Trainer t = new Trainer(net, cfg, data.train(), null, r.seed(), data.sampleShape());
            t.setLogFirstStep(false);
            boolean augment = p.data().augment() != null ? p.data().augment() : !data.set().isIdx();
            if (augment) {                          // as the epoch run does, so its first batch is this one
                t.setBatchTransform(ImagePipeline.augmentation(data.set(), data.sampleShape(), data.normalization()));
            }
            t.beginEpoch(0);
            t.step(m -> { });
            rows.add(new Row(r.model(), t.layerNames(), t.gradientNorms()));
        }
        return rows;
    }
}
