package org.addernet.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.addernet.engine.nn.AdderConv2d;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.Conv2d;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Linear;
import org.addernet.engine.nn.ResidualBlock;
import org.addernet.engine.nn.Sequential;

/**
 * Multiplications and additions per image, with the paper's convention (#Mul / #Add of Table 2
 * and Sec. 5.2): a convolution or fully-connected layer of {@code m} multiply-accumulates costs
 * {@code m} multiplications and {@code m} additions; an adder layer of {@code m} adder-accumulates
 * costs no multiplication and {@code 2m} additions (the subtraction and the accumulation). Batch
 * norm, activations, pooling, identity and option-A shortcuts and biases are left out, as the paper
 * does ("the computational cost in batch normalization layer ... significantly less"); a
 * projection shortcut's 1x1 convolution is a layer like the others (named with the prefix
 * {@value #SHORTCUT}). For the CIFAR models the first and the last weight layer (the classifier:
 * the ResNets' 1x1 convolution head), which stay full precision, are left out too (Sec. 5.3).
 */
public final class OpCounts {
    /** One weight layer's share. */
    public record LayerOps(String layer, boolean adder, long macs, boolean counted, long multiplications,
                           long additions) {
    }

    /**
     * @param model            the zoo name
     * @param multiplications  per image, counted layers only
     * @param additions        per image, counted layers only
     * @param layers           every weight layer in forward order, counted or not
     * @param excludesEnds     whether the first and last weight layers were left out
     * @param parameters       learned values of the net (weights, biases, batch norm's scales and shifts)
     */
    public record Result(String model, long multiplications, long additions, List<LayerOps> layers,
                         boolean excludesEnds, long parameters) {
        public Result {
            layers = List.copyOf(layers);
        }

        /** Latency in cycles with the given per-operation latencies (the paper: add 2, mul 4 on a VIA Nano 2000). */
        public double latency(double addCycles, double mulCycles) {
            return additions * addCycles + multiplications * mulCycles;
        }

        /** Energy in picojoules with the given per-operation energies. */
        public double energy(double addPj, double mulPj) {
            return additions * addPj + multiplications * mulPj;
        }
    }

    /** The paper's figures, {multiplications, additions} per image (Table 2, Sec. 5.2), by zoo name. */
    public static final java.util.Map<String, long[]> PAPER = java.util.Map.of(
            "lenet5-bn-cnn", new long[] {435_000, 435_000},
            "lenet5-bn-adder", new long[] {0, 870_000},
            "resnet20-cnn", new long[] {41_170_000, 41_170_000},
            "resnet20-adder", new long[] {0, 82_340_000},
            "resnet32-cnn", new long[] {69_120_000, 69_120_000},
            "resnet32-adder", new long[] {0, 138_240_000},
            "vgg-small-cnn", new long[] {650_000_000, 650_000_000},
            "vgg-small-adder", new long[] {0, 1_300_000_000});

    /**
     * Parameters of the official models by zoo name: huawei-noah/AdderNet's {@code resnet20.py}
     * builds ResNet-20 with 272,484 (its AdderNet; the CNN twin, each adder layer a convolution
     * without bias, has as many). The official code defines no ResNet-32.
     */
    public static final java.util.Map<String, Long> OFFICIAL_PARAMETERS = java.util.Map.of(
            "resnet20-adder", 272_484L, "resnet20-cnn", 272_484L);

    /** The prefix of a projection shortcut's convolution in {@link LayerOps#layer()}. */
    public static final String SHORTCUT = "shortcut ";

    private OpCounts() {
    }

    /**
     * A zoo model counted with the paper's convention: {@code mlp} and {@code adder} are the toy
     * nets on 2-D points ({@code hidden} units, {@code depth} weight layers, one output); the image
     * nets have {@code classes} outputs and, except LeNet-5-BN, their full-precision first and last
     * layers left out (Sec. 5.3). Bad arguments give an {@link IllegalArgumentException} naming them.
     */
    public static Result ofZoo(String model, int hidden, int depth, int classes) {
        return ofZoo(model, hidden, depth, classes, org.addernet.engine.nn.ResidualBlock.Shortcut.PROJECTION);
    }

    /** {@link #ofZoo(String, int, int, int)} with the ResNets' {@code shortcut} (ignored by the other models). */
    public static Result ofZoo(String model, int hidden, int depth, int classes,
                               org.addernet.engine.nn.ResidualBlock.Shortcut shortcut) {
        if ("mlp".equals(model) || "adder".equals(model)) {
            if (hidden < 1 || hidden > 4096 || depth < 2 || depth > 64) {
                throw new IllegalArgumentException("--hidden must lie in [1, 4096] (as in presets) and --depth in [2, 64], got "
                        + hidden + " and " + depth);
            }
            org.addernet.engine.model.ModelSpec s = new org.addernet.engine.model.ModelSpec(model, hidden, depth,
                    org.addernet.engine.nn.Activation.Kind.RELU, false, org.addernet.engine.nn.AdderRules.paper());
            return of(model, org.addernet.engine.model.Models.build(s, 2, 1, 1), new int[] {2}, false);
        }
        if (!org.addernet.engine.model.ImageModels.NAMES.contains(model)) {
            throw new IllegalArgumentException("unknown model '" + model + "', expected mlp, adder or one of "
                    + String.join(", ", org.addernet.engine.model.ImageModels.NAMES));
        }
        if (classes < 2 || classes > 1000) {
            throw new IllegalArgumentException("--classes must lie in [2, 1000], got " + classes);
        }
        Sequential net = org.addernet.engine.model.ImageModels.build(model, classes,
                org.addernet.engine.nn.AdderRules.paper(), shortcut, 1);
        return of(model, net, org.addernet.engine.model.ImageModels.inputShape(model), !model.startsWith("lenet"));
    }

    /**
     * Counts {@code net} for one sample of {@code sampleShape} ({@code {2}} for the toy nets,
     * {@code {C, H, W}} for images); {@code excludeEnds} leaves the first and last weight layers out.
     */
    public static Result of(String model, Sequential net, int[] sampleShape, boolean excludeEnds) {
        int[] s = new int[sampleShape.length + 1];
        s[0] = 2;                                   // a batch of two (batch norm wants more than one)
        System.arraycopy(sampleShape, 0, s, 1, sampleShape.length);
        if (sampleShape.length == 1) {              // dense nets take feature-major [features, batch]
            s = new int[] {sampleShape[0], 2};
        }
        List<LayerOps> raw = new ArrayList<>();
        walk(net.layers(), s, raw);
        List<LayerOps> layers = new ArrayList<>();
        long mul = 0;
        long add = 0;
        for (int i = 0; i < raw.size(); i++) {
            LayerOps l = raw.get(i);
            boolean counted = !(excludeEnds && (i == 0 || i == raw.size() - 1));
            long m = counted && !l.adder() ? l.macs() : 0;
            long a = counted ? (l.adder() ? 2 * l.macs() : l.macs()) : 0;
            layers.add(new LayerOps(l.layer(), l.adder(), l.macs(), counted, m, a));
            mul += m;
            add += a;
        }
        long parameters = net.parameters().stream().mapToLong(org.addernet.engine.nn.Parameter::size).sum();
        return new Result(model, mul, add, layers, excludeEnds, parameters);
    }

    /** Multiply- or adder-accumulates of every weight layer, no exclusions (what a step costs). */
    public static long macs(Sequential net, int[] sampleShape) {
        return of("", net, sampleShape, false).layers().stream().mapToLong(LayerOps::macs).sum();
    }

    private static int[] walk(List<Layer> layers, int[] in, List<LayerOps> out) {
        int[] s = in;
        for (Layer l : layers) {
            if (l instanceof Sequential q) {
                walk(q.layers(), s, out);
            } else if (l instanceof ResidualBlock r) {
                List<Layer> inner = r.layers();     // conv1, bn1, conv2, bn2 [, projection, its bn]
                walk(inner.subList(0, 4), s, out);
                if (r.projects()) {
                    int from = out.size();
                    walk(inner.subList(4, inner.size()), s, out);
                    LayerOps p = out.get(from);
                    out.set(from, new LayerOps(SHORTCUT + p.layer(), p.adder(), p.macs(), p.counted(), 0, 0));
                }
            } else if (l instanceof Conv2d || l instanceof AdderConv2d) {
                int[] o = l.outputShape(s);
                long w = l.parameters().get(0).size();
                out.add(new LayerOps(l.describe(), l instanceof AdderConv2d, (long) o[2] * o[3] * w, true, 0, 0));
            } else if (l instanceof Linear || l instanceof AdderDense) {
                out.add(new LayerOps(l.describe(), l instanceof AdderDense, l.parameters().get(0).size(), true, 0, 0));
            }
            s = l.outputShape(s);
        }
        return s;
    }
}
