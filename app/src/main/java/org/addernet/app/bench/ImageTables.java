package org.addernet.app.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints the image-scale results of {@code ./workbench bench} as fixed-width tables. */
public final class ImageTables {
    private ImageTables() {
    }

    public static void printConv(PrintWriter o, List<ConvBench.Result> rs) {
        o.printf("%-40s %9s %9s %9s %9s %10s %9s %9s %8s%n", "3x3 conv layer (batch 64, stride 1, pad 1)", "fwd ms",
                "fwd G/s", "f+b ms", "f+b G/s", "ref f+b ms", "ref G/s", "target", "vs ref");
        for (ConvBench.Result r : rs) {
            boolean ref = r.referenceMs() != null;
            o.printf("%-40s %9.2f %9.2f %9.2f %9.2f %10s %9s %9s %8s%n", r.name(), r.forwardMs(), r.forwardGmacs(),
                    r.forwardBackwardMs(), r.forwardBackwardGmacs(), ref ? fmt("%.1f", r.referenceMs()) : "-",
                    ref ? fmt("%.2f", r.referenceGmacs()) : "-",
                    r.targetGmacs() == null ? "-" : fmt("%.0f G/s", r.targetGmacs()),
                    ref ? fmt("%.1fx", r.forwardBackwardGmacs() / r.referenceGmacs()) : "-");
        }
        o.println("  G/s = G adder-MAC/s (adder rows) or GMAC/s (conv rows); f+b = forward + backward (dW and dX),");
        o.println("  counted as 3x the forward MACs; ref = official adder approach / PyTorch CNN (BENCHMARKS.md),");
        o.println("  target = BENCHMARKS.md's adder target for f+b; medians of several calls after warm-up. The p = 1.5");
        o.println("  rows' goal is a time: at most twice the p = 1 rows' (BENCHMARKS.md).");
    }

    public static void printSteps(PrintWriter o, List<ImageStepBench.Result> rs) {
        o.printf("%-34s %6s %10s %10s %8s %12s %10s %8s %9s%n", "training step (random images)", "batch", "ms/step",
                "images/s", "G/s", "ref img/s", "target", "vs ref", "vs target");
        for (ImageStepBench.Result r : rs) {
            String ref = r.referenceLow() == r.referenceHigh() ? number(r.referenceLow())
                    : number(r.referenceLow()) + "-" + number(r.referenceHigh());
            o.printf("%-34s %6d %10.1f %10.1f %8.2f %12s %10s %7.1fx %9s%n", r.model(), r.batch(), r.medianStepMs(),
                    r.imagesPerSecond(), r.effectiveGmacs(), ref, r.target() == null ? "-" : number(r.target()),
                    r.imagesPerSecond() / r.referenceHigh(),
                    r.target() == null ? "-" : fmt("%.3fx", r.imagesPerSecond() / r.target()));
        }
        o.println("  ms/step: median of timed Trainer.step calls (gather, forward, loss, backward, SGD-NAG); G/s: 3x the");
        o.println("  forward's (adder-)MACs per image times images/s; ref: official adder approach / PyTorch CNN;");
        o.println("  vs ref against the higher reference figure.");
    }

    public static void printMemory(PrintWriter o, MemoryBench.Result r) {
        o.printf("%-62s %10s %10s%n", "ResNet-20 AdderNet training memory (batch " + r.batch() + ", " + r.steps() + " steps)",
                "GB", "vs target");
        if (!r.fit()) {
            o.printf("%-62s %10s%n", "did not fit in the heap", "-");
        } else {
            o.printf("%-62s %10.3f%n", "heap in use before the steps (model, optimiser, data)", gb(r.heapBeforeBytes()));
            o.printf("%-62s %10.3f %9.2fx%n", "peak heap used during the steps (sum of heap pools' peaks)",
                    gb(r.peakHeapBytes()), r.peakHeapBytes() / r.targetBytes());
            o.printf("%-62s %10.3f %9.2fx%n", "heap live after the steps (after a collection, trainer alive)",
                    gb(r.liveAfterBytes()), r.liveAfterBytes() / r.targetBytes());
        }
        o.printf("%-62s %10.3f%n", "max heap (Runtime.maxMemory)", gb(r.maxHeapBytes()));
        o.printf("  GB = 10^9 bytes; reference: official adder code %.1f GB, PyTorch CNN %.2f GB; target under %.1f GB.%n",
                r.referenceAdderBytes() / 1e9, r.referenceCnnBytes() / 1e9, r.targetBytes() / 1e9);
        o.println("  The peak counts garbage not yet collected, so it grows with the heap allowed (-Xmx);");
        o.println("  the live figure is what training holds.");
        if (r.g1RegionBytes() != null) {
            o.printf("  G1 stores each array over half a region (%d MiB here, more with a bigger -Xmx) in whole%n",
                    r.g1RegionBytes() >> 20);
            o.println("  regions, so a bigger -Xmx shows more heap for the same tensors.");
        }
    }

    /** Prints one step profile. */
    public static void printProfile(PrintWriter o, StepProfile.Result p) {
        o.printf("%-48s %7s %11s %11s %10s %7s%n", "where a " + p.model() + " step goes (batch " + p.batch() + ")", "layers",
                "forward ms", "backward ms", "total ms", "share");
        for (StepProfile.KindTime k : p.byKind()) {
            row(o, k.kind(), k);
            if (k.kind().equals(StepProfile.RESIDUAL_BLOCK)) {
                for (StepProfile.KindTime in : p.insideBlocks()) {
                    row(o, "  in blocks: " + in.kind(), in);
                }
            }
        }
        o.printf("%-48s %7s %11s %11s %10.2f%n", "loss (softmax cross-entropy + gradient)", "", "", "", p.lossMs());
        o.printf("%-48s %7s %11s %11s %10.2f%n", "sum of the layers and the loss", "", "", "", p.layersMs() + p.lossMs());
        o.printf("%-48s %7s %11s %11s %10.2f%n", "whole training step (Trainer.step, median)", "", "", "", p.stepMs());
        o.printf("%-48s %7s %11s %11s %10.2f%n", "rest of the step (SGD update, batch gather...)", "", "", "",
                p.stepMs() - p.layersMs() - p.lossMs());
        o.println("  each layer timed alone, median of " + p.reps() + "+ calls after warm-up steps; share = of the"
                + " layers' sum;");
        o.println("  the rest is the step minus the layers and the loss (below zero: timing noise).");
    }

    private static void row(PrintWriter o, String name, StepProfile.KindTime k) {
        o.printf("%-48s %7d %11.2f %11.2f %10.2f %6.1f%%%n", name, k.count(), k.forwardMs(), k.backwardMs(), k.totalMs(),
                100 * k.share());
    }

    private static double gb(long bytes) {
        return bytes / 1e9;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : fmt("%.1f", v);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
