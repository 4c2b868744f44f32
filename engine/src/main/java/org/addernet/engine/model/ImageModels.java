package org.addernet.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AvgPool2d;
import org.addernet.engine.nn.AdderConv2d;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.AdderRules;
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

/**
 * The image models of Secs. 5.2-5.3 by zoo name. Inputs are [B, C, H, W]; outputs feature-major
 * logits [classes, B].
 *
 * <ul>
 *   <li>{@code lenet5-bn-cnn}: conv 1-6 5x5 (pad 2), BN, ReLU, max-pool; conv 6-16 5x5, BN, ReLU,
 *   max-pool; FC 400-120-84-classes with ReLU (416,520 multiply-accumulates per 28x28 image).</li>
 *   <li>{@code lenet5-bn-adder}: the same with every conv and FC layer an adder layer followed by
 *   batch norm (Sec. 5.2: the FC layers are adder layers too).</li>
 *   <li>{@code resnet20-*}, {@code resnet32-*}: CIFAR ResNets (16-32-64 channels, 3 or 5 blocks a
 *   stage); the first conv and the classifier stay full precision (Sec. 5.3). By default
 *   ({@link ResidualBlock.Shortcut#PROJECTION}, preset {@code model.shortcut = projection}) the
 *   layout of the official code (huawei-noah/AdderNet {@code resnet20.py}): conv 3x3 3-16, BN,
 *   ReLU; the blocks, where the shape changes (the first block of stages 2 and 3) a 1x1 stride-2
 *   projection shortcut (an adder convolution in the AdderNet, a convolution in the CNN, neither
 *   with bias) followed by BN; then AvgPool(8), a full-precision 1x1 convolution 64-classes
 *   without bias and BatchNorm2d(classes). ResNet-20: 20 adder layers in the AdderNet and
 *   272,484 parameters, as the official model; ResNet-32: 32 and 466,916.
 *   {@link ResidualBlock.Shortcut#OPTION_A} ({@code model.shortcut = A}) is the layout the zoo had
 *   before: parameter-free option-A shortcuts and global average pooling into a
 *   {@code Linear(64, classes)} with bias and no BN (18 adder layers, 269,722 parameters).</li>
 *   <li>{@code vgg-small-*}: 128-128-M-256-256-M-512-512-M then FC; first conv and FC full precision.</li>
 *   <li>{@code lenetpp-cnn}, {@code lenetpp-adder}: a reduced LeNet++ (Wen et al., the net of the
 *   paper's Fig. 1, Sec. 5.5): three pairs of 3x3 convolutions (pad 1) with BN and ReLU,
 *   {@value #LENETPP_C1}-{@value #LENETPP_C1}, {@value #LENETPP_C2}-{@value #LENETPP_C2},
 *   {@value #LENETPP_C3}-{@value #LENETPP_C3} channels, each pair followed by a 2x2 max-pool
 *   (28, 14, 7, 3), then a fully-connected <em>feature layer</em> to {@value #FEATURES} features
 *   (layer {@link #featureLayerIndex}) and the classifier from those 2 features to the classes.
 *   The CNN's feature layer and classifier are plain linear layers with bias (no activation
 *   between them, as Wen et al.'s). In the AdderNet every convolution is an adder convolution
 *   with BN (the first too, as in {@code lenet5-bn-adder}), the feature layer an adder dense layer
 *   followed by BN, and the classifier an adder dense layer with no BN after it: its logits are
 *   {@code -||f - W_j||_1}, so W_j is a learned class centre in the 2-D feature space (Sec. 5.5:
 *   "the last fully connected layers are replaced with the proposed add filters"). The paper's
 *   net has 32-32-64-64-128-128 channels of 5x5: 80.9 M accumulates an image against these
 *   1.86 M, 43 times as many, too slow for a CPU epoch.</li>
 * </ul>
 */
public final class ImageModels {
    public static final List<String> NAMES = List.of("lenet5-bn-cnn", "lenet5-bn-adder", "vgg-small-cnn",
            "vgg-small-adder", "resnet20-cnn", "resnet20-adder", "resnet32-cnn", "resnet32-adder", "lenetpp-cnn", "lenetpp-adder");

    /** LeNet++'s conv widths (the paper: 32, 64, 128) and kernel (the paper: 5), reduced for CPU epochs. */
    static final int LENETPP_C1 = 8;
    static final int LENETPP_C2 = 16;
    static final int LENETPP_C3 = 32;
    static final int LENETPP_KERNEL = 3;
    /** Width of LeNet++'s feature layer (the paper's Fig. 1 and Wen et al.: 2, for a flat picture). */
    public static final int FEATURES = 2;

    private ImageModels() {
    }

    /** The input of one sample: {1, 28, 28} for LeNet, {3, 32, 32} for the CIFAR models. */
    public static int[] inputShape(String name) {
        check(name);
        return name.startsWith("lenet") ? new int[] {1, 28, 28} : new int[] {3, 32, 32};
    }

    /** The model {@code name} in its default layout (the ResNets with {@link ResidualBlock.Shortcut#PROJECTION}). */
    public static Sequential build(String name, int classes, AdderRules rules, long seed) {
        return build(name, classes, rules, ResidualBlock.Shortcut.PROJECTION, seed);
    }

    /**
     * The model {@code name} with its residual blocks' {@code shortcut} (the ResNets' layout, see
     * the class comment; the other models have no shortcut and ignore it), seeded.
     */
    public static Sequential build(String name, int classes, AdderRules rules, ResidualBlock.Shortcut shortcut,
                                   long seed) {
        check(name);
        if (shortcut == null) {
            throw new IllegalArgumentException("a model's shortcut must be projection or A, got null");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean adder = name.endsWith("-adder");
        if (name.startsWith("lenetpp")) {
            return lenetPlusPlus(adder, classes, new int[] {LENETPP_C1, LENETPP_C2, LENETPP_C3}, LENETPP_KERNEL, rules,
                    rng);
        }
        if (name.startsWith("lenet")) {
            return lenet(adder, classes, rules, rng);
        }
        if (name.startsWith("vgg")) {
            return vggSmall(adder, classes, rules, rng);
        }
        return resnet(name.startsWith("resnet20") ? 3 : 5, adder, classes, rules, shortcut, rng);
    }

    /** Whether {@code name} has residual blocks, so that its layout depends on the shortcut (the ResNets). */
    public static boolean hasShortcuts(String name) {
        check(name);
        return name.startsWith("resnet");
    }

    /** Whether {@code name} has a 2-D feature layer that {@link #featureLayerIndex} finds (the LeNet++ models). */
    public static boolean hasFeatureLayer(String name) {
        check(name);
        return name.startsWith("lenetpp");
    }

    /**
     * The index in {@code build(name, ...).layers()} of the last layer of the feature block: running
     * layers 0 to this index in eval mode maps a batch [B, 1, 28, 28] to its {@link #FEATURES}
     * features, feature-major [2, B] (LeNet++: the CNN's linear feature layer, the AdderNet's batch
     * norm after its adder feature layer). The classifier is what follows.
     */
    public static int featureLayerIndex(String name) {
        if (!hasFeatureLayer(name)) {
            throw new IllegalArgumentException(name + " has no feature layer; the LeNet++ models (lenetpp-cnn, "
                    + "lenetpp-adder) have one");
        }
        // 3 pairs x (conv, BN, ReLU) x 2 + 3 pools = 21 layers, Flatten at 21, the feature layer at 22
        return name.endsWith("-adder") ? 23 : 22;
    }

    private static void check(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown image model '" + name + "', expected one of " + NAMES);
        }
    }

    private static Sequential lenet(boolean adder, int classes, AdderRules rules, SplittableRandom rng) {
        List<Layer> l = new ArrayList<>();
        l.add(adder ? new AdderConv2d(1, 6, 5, 1, 2, rules, rng) : new Conv2d(1, 6, 5, 1, 2, false, rng));
        l.add(new BatchNorm2d(6));
        l.add(Activation.relu());
        l.add(new MaxPool2d(2, 2));
        l.add(adder ? new AdderConv2d(6, 16, 5, 1, 0, rules, rng) : new Conv2d(6, 16, 5, 1, 0, false, rng));
        l.add(new BatchNorm2d(16));
        l.add(Activation.relu());
        l.add(new MaxPool2d(2, 2));
        l.add(new Flatten());
        int[] widths = {400, 120, 84, classes};
        for (int k = 0; k < 3; k++) {
            if (adder) {
                l.add(new AdderDense(widths[k], widths[k + 1], rules, rng));
                l.add(new BatchNorm1d(widths[k + 1]));
            } else {
                l.add(new Linear(widths[k], widths[k + 1], true, rng));
            }
            if (k < 2) {
                l.add(Activation.relu());
            }
        }
        return new Sequential(l);
    }

    /**
     * LeNet++ with conv widths {@code widths} (one per pair) and square kernels {@code k} (odd,
     * padded to keep the size). See the class comment.
     */
    static Sequential lenetPlusPlus(boolean adder, int classes, int[] widths, int k, AdderRules rules,
                                    SplittableRandom rng) {
        List<Layer> l = new ArrayList<>();
        int in = 1;
        int side = 28;
        for (int w : widths) {
            for (int rep = 0; rep < 2; rep++) {
                l.add(adder ? new AdderConv2d(in, w, k, 1, k / 2, rules, rng) : new Conv2d(in, w, k, 1, k / 2, false, rng));
                l.add(new BatchNorm2d(w));
                l.add(Activation.relu());
                in = w;
            }
            l.add(new MaxPool2d(2, 2));
            side /= 2;
        }
        l.add(new Flatten());
        int flat = in * side * side;
        if (adder) {
            l.add(new AdderDense(flat, FEATURES, rules, rng));
            l.add(new BatchNorm1d(FEATURES));
            l.add(new AdderDense(FEATURES, classes, rules, rng));
        } else {
            l.add(new Linear(flat, FEATURES, true, rng));
            l.add(new Linear(FEATURES, classes, true, rng));
        }
        return new Sequential(l);
    }

    private static Sequential vggSmall(boolean adder, int classes, AdderRules rules, SplittableRandom rng) {
        int[] cfg = {128, 128, -1, 256, 256, -1, 512, 512, -1};
        List<Layer> l = new ArrayList<>();
        int in = 3;
        boolean first = true;
        for (int c : cfg) {
            if (c < 0) {
                l.add(new MaxPool2d(2, 2));
                continue;
            }
            l.add(adder && !first ? new AdderConv2d(in, c, 3, 1, 1, rules, rng) : new Conv2d(in, c, 3, 1, 1, false, rng));
            l.add(new BatchNorm2d(c));
            l.add(Activation.relu());
            in = c;
            first = false;
        }
        l.add(new Flatten());
        l.add(new Linear(512 * 4 * 4, classes, true, rng));
        return new Sequential(l);
    }

    /**
     * The official resnet20.py's order of layers (see the class comment) with {@code PROJECTION};
     * with {@code OPTION_A} the zoo's earlier layout, built with the same draws from {@code rng}
     * as before, so that its checkpoints and seeds keep their meaning.
     */
    private static Sequential resnet(int blocks, boolean adder, int classes, AdderRules rules,
                                     ResidualBlock.Shortcut shortcut, SplittableRandom rng) {
        List<Layer> l = new ArrayList<>();
        l.add(new Conv2d(3, 16, 3, 1, 1, false, rng));
        l.add(new BatchNorm2d(16));
        l.add(Activation.relu());
        int in = 16;
        for (int stage = 0; stage < 3; stage++) {
            int out = 16 << stage;
            for (int b = 0; b < blocks; b++) {
                l.add(new ResidualBlock(in, out, b == 0 && stage > 0 ? 2 : 1, adder, rules, shortcut, rng));
                in = out;
            }
        }
        if (shortcut == ResidualBlock.Shortcut.OPTION_A) {
            l.add(new GlobalAvgPool2d());
            l.add(new Flatten());
            l.add(new Linear(in, classes, true, rng));
        } else {
            l.add(new AvgPool2d(8, 1));                             // 8 x 8 -> 1 x 1 on a 32 x 32 image
            l.add(new Conv2d(in, classes, 1, 1, 0, false, rng));    // the classifier: full precision, no bias
            l.add(new BatchNorm2d(classes));
            l.add(new Flatten());
        }
        return new Sequential(l);
    }
}
