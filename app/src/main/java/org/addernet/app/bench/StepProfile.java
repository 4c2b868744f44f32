package org.addernet.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.addernet.engine.loss.SoftmaxCrossEntropy;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderConv2d;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.AvgPool2d;
import org.addernet.engine.nn.BatchNorm1d;
import org.addernet.engine.nn.BatchNorm2d;
import org.addernet.engine.nn.Conv2d;
import org.addernet.engine.nn.Flatten;
import org.addernet.engine.nn.GlobalAvgPool2d;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Linear;
import org.addernet.engine.nn.MaxPool2d;
import org.addernet.engine.nn.ResidualBlock;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;
import org.addernet.engine.train.Trainer;

/**
 * Where the time of one training step of an image model goes: every top-level layer of the
 * {@link Sequential} is timed alone, forward (in order, each on the previous layer's output) and
 * backward (in reverse, starting from softmax cross-entropy's gradient of random labels), after
 * warm-up, on a random batch; the medians are then summed by kind of layer. Whole training steps
 * of the same net ({@link Trainer#step}) are timed first, so the profile shows what the layers leave
 * out (the SGD update, the batch gather). Residual blocks
 * are timed whole and, once more, part by part (their convolutions, batch norms and first ReLU),
 * the rest of a block (its second ReLU and the shortcut) being the whole minus the parts.
 */
public final class StepProfile {
    /** Medians of one top-level layer, in milliseconds per call. */
    public record LayerTime(int index, String layer, String kind, double forwardMs, double backwardMs) {
    }

    /**
     * Sum over the layers of one kind. {@code share} is of {@link Result#layersMs()}; rows of
     * {@link Result#insideBlocks()} split the residual blocks' time further.
     */
    public record KindTime(String kind, int count, double forwardMs, double backwardMs, double totalMs, double share) {
    }

    /**
     * One profile. {@code stepMs} is the median of whole training steps of the same net timed just
     * before its layers, {@code layersMs} the sum of every top-level layer forward and backward,
     * {@code lossMs} the loss and its gradient.
     */
    public record Result(String model, int batch, int reps, double stepMs, List<LayerTime> layers, List<KindTime> byKind,
                         List<KindTime> insideBlocks, double lossMs, double layersMs) {
    }

    /** What a profile is taken of: ResNet-20 AdderNet at batch 64 and LeNet-5-BN AdderNet at batch 256. */
    public record Case(String model, int batch) {
    }

    public static final String RESIDUAL_BLOCK = "residual block";
    public static final String BLOCK_REST = "rest (2nd relu, shortcut)";

    private StepProfile() {
    }

    public static List<Case> cases() {
        return List.of(new Case("resnet20-adder", 64), new Case("lenet5-bn-adder", 256));
    }

    public static List<Result> runAll(BenchBudget budget) {
        List<Result> out = new ArrayList<>();
        for (Case c : cases()) {
            out.add(measure(c.model(), c.batch(), budget));
        }
        return out;
    }

    /** The kind a layer is summed under. */
    public static String kind(Layer l) {
        if (l instanceof AdderConv2d) {
            return "adder conv";
        } else if (l instanceof Conv2d) {
            return "conv";
        } else if (l instanceof AdderDense) {
            return "adder dense";
        } else if (l instanceof Linear) {
            return "linear";
        } else if (l instanceof BatchNorm2d || l instanceof BatchNorm1d) {
            return "batch norm";
        } else if (l instanceof Activation) {
            return "activation";
        } else if (l instanceof MaxPool2d || l instanceof AvgPool2d || l instanceof GlobalAvgPool2d) {
            return "pool";
        } else if (l instanceof Flatten) {
            return "flatten";
        } else if (l instanceof ResidualBlock) {
            return RESIDUAL_BLOCK;
        }
        return l.getClass().getSimpleName();
    }

    public static Result measure(String model, int batch, BenchBudget budget) {
        int[] sample = ImageModels.inputShape(model);
        int[] shape = new int[sample.length + 1];
        shape[0] = batch;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        Sequential net = ImageModels.build(model, 10, AdderRules.paper(), 17);
        SplittableRandom rng = new SplittableRandom(17);
        Tensor x = new Tensor(shape);
        Timer.fill(x.data, rng, 1);
        int[] labels = new int[batch];
        for (int b = 0; b < batch; b++) {
            labels[b] = rng.nextInt(10);
        }
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        float[] grad = new float[10 * batch];
        Tensor gradTensor = Tensor.wrap(grad, 10, batch);
        int reps = budget.profileMinReps();
        double secs = budget.profileSeconds();
        Trainer trainer = ImageStepBench.trainer(net, model, batch, 17);   // warms every layer up, then times steps
        double stepMs = Timer.time(() -> ImageStepBench.step(trainer, model), null, budget.profileWarmups(), 0, reps,
                secs).medianMs();
        List<Layer> layers = net.layers();
        int n = layers.size();
        Tensor[] inputs = new Tensor[n + 1];
        inputs[0] = x;
        double[] fwd = new double[n];
        double[] bwd = new double[n];
        Tensor[] hold = new Tensor[1];
        for (int k = 0; k < n; k++) {
            Layer l = layers.get(k);
            Tensor in = inputs[k];
            fwd[k] = Timer.time(() -> hold[0] = l.forward(in, true), null, 0, reps, secs).medianMs();
            inputs[k + 1] = hold[0];
        }
        Tensor logits = inputs[n];
        double lossMs = Timer.time(() -> loss.forwardBackward(logits.data, labels, grad, batch, 10), null, 1, reps,
                secs).medianMs();
        Map<String, double[]> inside = new LinkedHashMap<>();
        Tensor g = gradTensor;
        for (int k = n - 1; k >= 0; k--) {
            Layer l = layers.get(k);
            Tensor gk = g;
            bwd[k] = Timer.time(() -> hold[0] = l.backward(gk), null, 0, reps, secs).medianMs();
            g = hold[0];
            if (l instanceof ResidualBlock rb) {
                splitBlock(rb, inputs[k], gk, reps, secs, inside);
            }
        }
        net.zeroGrad();
        List<LayerTime> rows = new ArrayList<>();
        Map<String, double[]> sums = new LinkedHashMap<>();   // kind -> {count, forward, backward}
        double total = 0;
        for (int k = 0; k < n; k++) {
            Layer l = layers.get(k);
            String kind = kind(l);
            rows.add(new LayerTime(k, l.describe(), kind, fwd[k], bwd[k]));
            double[] s = sums.computeIfAbsent(kind, q -> new double[3]);
            s[0]++;
            s[1] += fwd[k];
            s[2] += bwd[k];
            total += fwd[k] + bwd[k];
        }
        List<KindTime> byKind = kindRows(sums, total);
        List<KindTime> insideRows = List.of();
        double[] blocks = sums.get(RESIDUAL_BLOCK);
        if (blocks != null) {
            double[] rest = {blocks[0], blocks[1], blocks[2]};
            for (double[] v : inside.values()) {
                rest[1] -= v[1];
                rest[2] -= v[2];
            }
            inside.put(BLOCK_REST, rest);
            insideRows = kindRows(inside, total);
        }
        return new Result(model, batch, reps, stepMs, rows, byKind, insideRows, lossMs, total);
    }

    private static List<KindTime> kindRows(Map<String, double[]> sums, double total) {
        List<KindTime> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] s = e.getValue();
            out.add(new KindTime(e.getKey(), (int) s[0], s[1], s[2], s[1] + s[2], (s[1] + s[2]) / total));
        }
        return out;
    }

    /**
     * Times the parts of a residual block on its own input and output gradient: conv1, bn1, a ReLU
     * like the block's first, conv2, bn2 forward, then their backward in reverse, and the projection
     * shortcut (conv and batch norm) when the block has one; adds them by kind into {@code inside}.
     */
    private static void splitBlock(ResidualBlock rb, Tensor x, Tensor dz, int reps, double secs,
                                   Map<String, double[]> inside) {
        List<Layer> parts = rb.layers();
        List<Layer> main = new ArrayList<>(parts.subList(0, 2));
        main.add(Activation.relu());
        main.addAll(parts.subList(2, 4));
        chain(main, x, dz, reps, secs, inside);
        if (parts.size() > 4) {
            chain(parts.subList(4, parts.size()), x, dz, reps, secs, inside);
        }
    }

    private static void chain(List<Layer> chain, Tensor x, Tensor dy, int reps, double secs,
                              Map<String, double[]> inside) {
        Tensor[] hold = new Tensor[1];
        Tensor t = x;
        for (Layer l : chain) {
            Tensor in = t;
            int warm = l instanceof Activation ? 1 : 0;    // the fresh ReLU allocates on its first call
            double ms = Timer.time(() -> hold[0] = l.forward(in, true), null, warm, reps, secs).medianMs();
            double[] s = inside.computeIfAbsent(kind(l), q -> new double[3]);
            s[0]++;
            s[1] += ms;
            t = hold[0];
        }
        Tensor g = dy;
        for (int k = chain.size() - 1; k >= 0; k--) {
            Layer l = chain.get(k);
            Tensor gk = g;
            int warm = l instanceof Activation ? 1 : 0;
            double ms = Timer.time(() -> hold[0] = l.backward(gk), null, warm, reps, secs).medianMs();
            inside.get(kind(l))[2] += ms;
            g = hold[0];
        }
    }
}
