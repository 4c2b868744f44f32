package org.addernet.presets;

import java.util.ArrayList;
import java.util.List;
import org.addernet.datasets.image.Normalization;
import org.addernet.datasets.toy.ToySet;
import org.addernet.datasets.toy.ToySpec;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.model.ModelSpec;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.ResidualBlock;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.optim.LrSchedule;
import org.addernet.engine.optim.PSchedule;
import org.addernet.engine.train.TrainConfig;

/** Turns a validated preset into its runs: seeds x models x hidden sizes, in that order. */
public final class ExperimentPlan {
    private ExperimentPlan() {
    }

    /**
     * The runs of a toy preset for {@code seeds} seeds.
     *
     * @throws PresetException when the seeds alone would not fit this JVM's heap
     *                         ({@link PlanBudget#requireSeedsFit}); callers check the whole plan
     *                         first with {@link PlanBudget#requireFits}
     */
    public static List<RunSpec> runs(Preset p, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        }
        PlanBudget.requireSeedsFit(p, seeds, "--seeds " + seeds);
        List<RunSpec> out = new ArrayList<>();
        TrainConfig training = trainConfig(p);
        for (int k = 0; k < seeds; k++) {
            long seed = p.seed() + k;
            ToySpec data = toySpec(p, seed);
            for (String model : p.runs().models()) {
                for (int n : p.runs().hidden()) {
                    out.add(new RunSpec(model + "-n" + n + "-s" + seed, modelSpec(p, model, n), training, data, seed, k));
                }
            }
        }
        return out;
    }

    /**
     * One run of an image preset: {@code id} is {@code <model>-s<seed>}; {@code shortcut} is the
     * ResNets' layout ({@code model.shortcut}; the other models ignore it).
     */
    public record ImageRun(String id, String model, AdderRules rules, ResidualBlock.Shortcut shortcut, long seed,
                           int seedIndex) {
        /** This run's network, {@code classes} logits, initialised from {@code initSeed}. */
        public Sequential build(int classes, long initSeed) {
            return ImageModels.build(model, classes, rules, shortcut, initSeed);
        }
    }

    /** The network {@code model} of preset {@code p} (its adder rules and {@code model.shortcut}), seeded. */
    public static Sequential imageModel(Preset p, String model, int classes, long seed) {
        return ImageModels.build(model, classes, rules(p), shortcut(p), seed);
    }

    /** The ResNets' shortcut of {@code model.shortcut}. */
    public static ResidualBlock.Shortcut shortcut(Preset p) {
        return ResidualBlock.Shortcut.fromId(p.model().shortcut());
    }

    /**
     * The standardisation of {@code data.mean} and {@code data.std}, or null when the preset
     * leaves them null (the set's own statistics).
     */
    public static Normalization normalization(Preset p) {
        Preset.Data d = p.data();
        if (d.mean() == null || d.std() == null) {
            return null;
        }
        float[] mean = new float[d.mean().size()];
        float[] std = new float[d.std().size()];
        for (int c = 0; c < mean.length; c++) {
            mean[c] = d.mean().get(c).floatValue();
            std[c] = d.std().get(c).floatValue();
        }
        return new Normalization(mean, std);
    }

    /**
     * The runs of an image preset (data.set an image set): seeds x models, in that order.
     *
     * @throws PresetException when the seeds alone would not fit this JVM's heap ({@link PlanBudget#requireSeedsFit})
     */
    public static List<ImageRun> imageRuns(Preset p, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        }
        PlanBudget.requireSeedsFit(p, seeds, "--seeds " + seeds);
        List<ImageRun> out = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            long seed = p.seed() + k;
            for (String model : p.runs().models()) {
                out.add(new ImageRun(model + "-s" + seed, model, rules(p), shortcut(p), seed, k));
            }
        }
        return out;
    }

    /** The adder rules of a preset's {@code adder} section. */
    public static AdderRules rules(Preset p) {
        Preset.Adder a = p.adder();
        return new AdderRules(AdderRules.FilterGradient.fromId(a.filterGradient()),
                AdderRules.InputGradient.fromId(a.inputGradient()), a.eta());
    }

    public static ToySpec toySpec(Preset p, long runSeed) {
        Preset.Data d = p.data();
        ToySet set = ToySet.fromId(d.set());
        double spread = d.spread() == null ? set.defaultSpread() : d.spread();
        long seed = d.seed() == null ? runSeed : d.seed();
        return new ToySpec(set, d.samples(), spread, d.labelNoise(), d.testFraction(), seed);
    }

    public static ModelSpec modelSpec(Preset p, String model, int hidden) {
        return new ModelSpec(model, hidden, p.model().depth(), Activation.Kind.fromId(p.model().activation()),
                p.model().mlpBatchNorm(), rules(p));
    }

    public static TrainConfig trainConfig(Preset p) {
        return trainConfig(p, p.training().iterations(), p.training().logEvery());
    }

    /**
     * The training settings with the step count and log period given (epoch runs derive both from
     * the data). The per-epoch cosine's epoch is {@code iterations / training.epochs} steps (at least
     * one): an epoch run's {@code epochs x steps per epoch} gives its steps per epoch exactly.
     */
    public static TrainConfig trainConfig(Preset p, long iterations, int logEvery) {
        Preset.Training t = p.training();
        LrSchedule schedule = switch (t.schedule()) {
            case "cosine" -> new LrSchedule.Cosine(t.lr());
            case PresetValidator.EPOCH_COSINE -> new LrSchedule.EpochCosine(t.lr(),
                    Math.max(1, iterations / (t.epochs() == null ? 1 : t.epochs())));
            case "polynomial" -> new LrSchedule.Polynomial(t.lr(), t.power());
            case "step" -> new LrSchedule.Step(t.lr(), t.stepEvery(), t.stepGamma());
            case "constant" -> new LrSchedule.Constant(t.lr());
            default -> throw new IllegalArgumentException("unknown schedule " + t.schedule());
        };
        Preset.Adder a = p.adder();
        return new TrainConfig(iterations, t.batchSize(), schedule, t.momentum(), t.nesterov(), t.weightDecay(),
                new PSchedule(a.pStart(), a.pEnd(), a.pDecayShare()), logEvery);
    }
}
