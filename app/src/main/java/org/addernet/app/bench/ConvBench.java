package org.addernet.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.nn.AdderConv2d;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.Conv2d;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.tensor.Tensor;

/**
 * Times the 3x3 convolutions of ResNet-20 (16->16 @32x32, 32->32 @16x16, 64->64 @8x8, stride 1,
 * padding 1, batch 64) as layers, through their public {@code forward(x, true)} and
 * {@code backward(dY)} (which gives both the filter and the input gradient): the adder conv at
 * p = 1 and at p = 1.5 (the middle of the paper's L2-to-L1 schedule) with the paper's rules, and
 * the ordinary conv without bias. Rates count one (adder-)MAC per {@code acc += |x - w|^p} or
 * {@code acc += x w}; forward + backward counts three times the forward's MACs (forward, dW, dX),
 * as BENCHMARKS.md does.
 */
public final class ConvBench {
    /** The adder target of BENCHMARKS.md for forward + backward, in G adder-MAC/s (half the peak). */
    public static final double ADDER_TARGET_GMACS = 29;

    /**
     * One layer to time (an adder layer at {@code p}); the reference is BENCHMARKS.md's forward +
     * backward figure (official adder approach, or PyTorch's CNN), null where it gives none (the
     * fractional p), {@code target} null where BENCHMARKS.md sets none.
     */
    public record Case(boolean adder, double p, int channels, int size, int batch, Double referenceSeconds,
                       Double referenceGmacs, Double targetGmacs) {
        /** Named like {@code adder 3x3 16->16 @32x32}, with {@code p = 1.5} appended where p is not 1. */
        public String name() {
            return (adder ? "adder" : "conv ") + " 3x3 " + channels + "->" + channels + " @" + size + "x" + size
                    + (p == 1 ? "" : " p = " + p);
        }

        /** MACs of one forward call. */
        public long forwardMacs() {
            return ConvBench.forwardMacs(batch, channels, channels, size, size, 3);
        }
    }

    /**
     * One result: milliseconds per call (median) and G (adder-)MAC/s, for the forward alone and for
     * forward + backward, beside the reference and target rates (forward + backward).
     */
    public record Result(String name, String layer, String op, int batch, long forwardMacs, double forwardMs,
                         double forwardGmacs, int forwardReps, double forwardBackwardMs, double forwardBackwardGmacs,
                         int forwardBackwardReps, Double referenceMs, Double referenceGmacs, Double targetGmacs) {
    }

    private ConvBench() {
    }

    /** MACs of one forward convolution: {@code batch * outC * outH * outW * inC * k * k}. */
    public static long forwardMacs(int batch, int inC, int outC, int outH, int outW, int k) {
        return (long) batch * outC * outH * outW * inC * k * k;
    }

    /** G (adder-)MAC/s of {@code macs} done in {@code ms} milliseconds. */
    public static double gmacs(long macs, double ms) {
        return macs / (ms * 1e-3) / 1e9;
    }

    /** The nine cases: adder at p = 1, adder at p = 1.5, then CNN, on the three ResNet-20 shapes, batch 64. */
    public static List<Case> cases() {
        return List.of(
                new Case(true, 1, 16, 32, 64, 1.64, 0.28, ADDER_TARGET_GMACS),
                new Case(true, 1, 32, 16, 64, 2.02, 0.22, ADDER_TARGET_GMACS),
                new Case(true, 1, 64, 8, 64, 1.79, 0.25, ADDER_TARGET_GMACS),
                new Case(true, 1.5, 16, 32, 64, null, null, null),
                new Case(true, 1.5, 32, 16, 64, null, null, null),
                new Case(true, 1.5, 64, 8, 64, null, null, null),
                new Case(false, 1, 16, 32, 64, 0.016, 28.0, null),
                new Case(false, 1, 32, 16, 64, 0.0052, 87.0, null),
                new Case(false, 1, 64, 8, 64, 0.0053, 85.0, null));
    }

    public static Result measure(Case c, BenchBudget budget) {
        SplittableRandom rng = new SplittableRandom(7);
        Layer layer = c.adder()
                ? new AdderConv2d(c.channels(), c.channels(), 3, 1, 1, AdderRules.paper(), rng)
                : new Conv2d(c.channels(), c.channels(), 3, 1, 1, false, rng);
        if (layer instanceof AdderConv2d a) {
            a.setP(c.p());
        }
        Tensor x = new Tensor(c.batch(), c.channels(), c.size(), c.size());
        Timer.fill(x.data, rng, 1);
        Tensor dy = new Tensor(layer.outputShape(x.shape()));
        Timer.fill(dy.data, rng, 0.5);
        Timer.Sample fwd = Timer.time(() -> layer.forward(x, true), null, budget.convWarmups(),
                budget.convWarmupSeconds(), budget.convMinReps(), budget.convSeconds());
        Timer.Sample both = Timer.time(() -> {
            layer.forward(x, true);
            layer.backward(dy);
        }, layer::zeroGrad, budget.convWarmups(), budget.convWarmupSeconds(), budget.convMinReps(),
                budget.convSeconds());
        long macs = c.forwardMacs();
        return new Result(c.name(), layer.describe(), c.adder() ? "adder-MAC" : "MAC", c.batch(), macs, fwd.medianMs(),
                gmacs(macs, fwd.medianMs()), fwd.reps(), both.medianMs(), gmacs(3 * macs, both.medianMs()), both.reps(),
                c.referenceSeconds() == null ? null : c.referenceSeconds() * 1e3, c.referenceGmacs(), c.targetGmacs());
    }

    public static List<Result> runAll(BenchBudget budget) {
        List<Result> out = new ArrayList<>();
        for (Case c : cases()) {
            out.add(measure(c, budget));
        }
        return out;
    }
}
