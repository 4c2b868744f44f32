package org.addernet.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.addernet.datasets.toy.ToyData;
import org.addernet.datasets.toy.ToySet;
import org.addernet.datasets.toy.ToySets;
import org.addernet.datasets.toy.ToySpec;
import org.addernet.engine.model.ModelSpec;
import org.addernet.engine.model.Models;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.optim.LrSchedule;
import org.addernet.engine.optim.PSchedule;
import org.addernet.engine.train.RunOutcome;
import org.addernet.engine.train.TrainConfig;
import org.addernet.engine.train.Trainer;

/**
 * Times whole training runs of the toy nets of BENCHMARKS.md: a 2-n-1 net at batch 128 for a
 * number of SGD iterations (the paper's 10,000 by default) on the unit-ball set, on one thread,
 * after warm-up runs that let the JIT compile; reports the median and best of the measured runs.
 */
public final class ToyBench {
    /** One measured case. */
    public record Case(String name, String model, int hidden, boolean mlpBatchNorm, PSchedule p, double reference) {
    }

    /** One result: seconds for {@code iterations} steps, median and best, and steps per second. */
    public record Result(String name, long iterations, int batch, double medianSeconds, double bestSeconds,
                         double stepsPerSecond, double referenceSeconds, double accuracy) {
    }

    /** The cases: the AdderNet at p = 1 and with the L2-to-L1 decay, the MLP with and without BN. */
    public static List<Case> cases() {
        return List.of(
                new Case("toy 2-10-1 AdderNet + BN, p = 1", "adder", 10, false, PSchedule.fixed(1), 4.4),
                new Case("toy 2-10-1 AdderNet + BN, p 2 -> 1 over half", "adder", 10, false, new PSchedule(2, 1, 0.5), 4.4),
                new Case("toy 2-10-1 MLP (linear)", "mlp", 10, false, PSchedule.fixed(1), 10000 / 3538.0),
                new Case("toy 2-10-1 MLP + BN", "mlp", 10, true, PSchedule.fixed(1), 10000 / 3538.0));
    }

    public static Result measure(Case c, long iterations, int warmups, int reps) {
        ToyData data = ToySets.generate(new ToySpec(ToySet.UNIT_BALL, 2000, 10, 0, 0.2, 1));
        ModelSpec spec = new ModelSpec(c.model(), c.hidden(), 2, Activation.Kind.RELU, c.mlpBatchNorm(), AdderRules.paper());
        TrainConfig cfg = new TrainConfig(iterations, 128, new LrSchedule.Cosine(0.1), 0.9, true, 5e-4, c.p(),
                (int) Math.min(Integer.MAX_VALUE, iterations));
        double[] secs = new double[reps];
        double acc = 0;
        for (int r = -warmups; r < reps; r++) {
            Trainer t = new Trainer(Models.build(spec, 2, 1, 1 + r), cfg, data.train(), null, 1 + r);
            long t0 = System.nanoTime();
            RunOutcome o = t.run(null, null);
            double s = (System.nanoTime() - t0) / 1e9;
            if (r >= 0) {
                secs[r] = s;
                acc = o.trainAccuracy();
            }
        }
        double[] sorted = secs.clone();
        Arrays.sort(sorted);
        double median = sorted[reps / 2];
        return new Result(c.name(), iterations, 128, median, sorted[0], iterations / median,
                c.reference() * iterations / 10000.0, acc);
    }

    public static List<Result> runAll(boolean quick) {
        List<Result> out = new ArrayList<>();
        for (Case c : cases()) {
            out.add(measure(c, 10_000, quick ? 2 : 5, quick ? 3 : 7));
        }
        return out;
    }
}
