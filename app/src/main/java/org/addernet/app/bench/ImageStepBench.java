package org.addernet.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.optim.LrSchedule;
import org.addernet.engine.optim.PSchedule;
import org.addernet.engine.train.TrainConfig;
import org.addernet.engine.train.Trainer;

/**
 * Times whole training steps of the image models through {@link Trainer#step}: batch gather,
 * forward, softmax cross-entropy, backward (adder rules, adaptive scaling) and SGD with Nesterov
 * momentum and weight decay, on synthetic random images with random labels (10 classes). After
 * warm-up steps, steps are timed one by one until the time budget is spent; images/s is the batch
 * over the median step.
 */
public final class ImageStepBench {
    /**
     * One case; the references are BENCHMARKS.md's images/s (a range low-high for PyTorch's
     * LeNet CNN, low = high otherwise), {@code target} null where BENCHMARKS.md sets none.
     */
    public record Case(String model, int batch, String referenceSource, double referenceLow, double referenceHigh,
                       Double target) {
    }

    /** One result: milliseconds per step (median, best), images/s and the effective G (adder-)MAC/s. */
    public record Result(String model, int batch, int steps, double medianStepMs, double bestStepMs,
                         double imagesPerSecond, long macsPerImage, double effectiveGmacs, String referenceSource,
                         double referenceLow, double referenceHigh, Double target) {
    }

    private ImageStepBench() {
    }

    public static List<Case> cases() {
        return List.of(
                new Case("lenet5-bn-adder", 256, "official adder approach", 208, 208, 8800.0),
                new Case("lenet5-bn-cnn", 256, "PyTorch CNN", 5800, 8800, null),
                new Case("resnet20-adder", 64, "official adder approach", 2.0, 2.0, 240.0),
                new Case("resnet20-cnn", 64, "PyTorch CNN", 472, 472, null));
    }

    /** A trainer for {@code model} at {@code batch} on {@code 2 * batch} random images (seeded). */
    static Trainer trainer(String model, int batch, long seed) {
        return trainer(ImageModels.build(model, 10, AdderRules.paper(), seed), model, batch, seed);
    }

    /** As {@link #trainer(String, int, long)} for a model already built (named {@code model}). */
    static Trainer trainer(Sequential net, String model, int batch, long seed) {
        int[] shape = ImageModels.inputShape(model);
        int dim = 1;
        for (int d : shape) {
            dim *= d;
        }
        int n = 2 * batch;
        SplittableRandom rng = new SplittableRandom(seed);
        float[] features = Timer.fill(new float[n * dim], rng, 1);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(10);
        }
        TrainConfig cfg = new TrainConfig(1L << 40, batch, new LrSchedule.Cosine(0.1), 0.9, true, 5e-4,
                PSchedule.fixed(1), Integer.MAX_VALUE);
        Trainer t = new Trainer(net, cfg, DataSet.adopt(features, labels, dim, 10), null, seed, shape);
        t.setLogFirstStep(false);
        return t;
    }

    /** One training step that must happen (a step that did nothing would time as free). */
    static void step(Trainer t, String model) {
        t.step(null);
        if (t.isFinished()) {
            throw new IllegalStateException(model + " stopped training during the benchmark: "
                    + t.outcome(0).reason());
        }
    }

    public static Result measure(Case c, BenchBudget budget) {
        Trainer t = trainer(c.model(), c.batch(), 11);
        Timer.Sample s = Timer.time(() -> step(t, c.model()), null, budget.stepWarmups(), budget.stepWarmupSeconds(),
                budget.stepMinSteps(), budget.stepSeconds());
        long macs = ModelMacs.perImage(ImageModels.build(c.model(), 10, AdderRules.paper(), 1),
                ImageModels.inputShape(c.model()));
        double ips = c.batch() / (s.medianMs() * 1e-3);
        return new Result(c.model(), c.batch(), s.reps(), s.medianMs(), s.bestMs(), ips, macs,
                3.0 * macs * ips / 1e9, c.referenceSource(), c.referenceLow(), c.referenceHigh(), c.target());
    }

    public static List<Result> runAll(BenchBudget budget) {
        List<Result> out = new ArrayList<>();
        for (Case c : cases()) {
            out.add(measure(c, budget));
        }
        return out;
    }
}
