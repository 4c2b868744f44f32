package org.addernet.engine.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.tensor.Tensor;

/**
 * The basic block of ResNet-20/32 for CIFAR: {@code y = relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))}
 * with 3 x 3 convolutions (padding 1; conv1 at {@code stride}), each an {@link AdderConv2d} in the
 * AdderNet and a {@link Conv2d} without bias in the CNN. X is [B, in, H, W], Y [B, out, H', W'].
 *
 * <p>The shortcut is the identity when the shape stays; otherwise {@link Shortcut#OPTION_A}
 * (He et al.'s option A, as the common CIFAR ResNets: {@code x[:, :, ::s, ::s]} padded with
 * zero channels, {@code (out - in) / 2} in front) or {@link Shortcut#PROJECTION} (a 1 x 1
 * convolution, adder in the AdderNet, at {@code stride}, then batch norm, as the official
 * AdderNet code's downsample).
 */
public final class ResidualBlock implements Layer {
    /**
     * How the shortcut changes shape; {@link #id()} is the preset value ({@code model.shortcut}):
     * {@code A} or {@code projection}.
     */
    public enum Shortcut {
        OPTION_A("A"), PROJECTION("projection");

        private final String id;

        Shortcut(String id) {
            this.id = id;
        }

        /** The preset value: {@code A} or {@code projection}. */
        public String id() {
            return id;
        }

        /** The shortcut of preset value {@code id} ({@code A} or {@code projection}). */
        public static Shortcut fromId(String id) {
            for (Shortcut s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown shortcut '" + id + "', expected projection or A");
        }
    }

    private final int in;
    private final int out;
    private final int stride;
    private final boolean adder;
    private final Shortcut shortcut;
    private final Layer conv1;
    private final BatchNorm2d bn1;
    private final Activation relu1 = Activation.relu().inPlace();       // over bn1's output, which nothing else reads
    private final Layer conv2;
    private final BatchNorm2d bn2;
    private final Activation relu2 = Activation.relu().inPlace();       // over the block's own sum
    private final Layer projection;
    private final BatchNorm2d projectionBn;
    private final boolean identity;
    private Tensor x;
    private Tensor sum;
    private Tensor dx;

    /** A block with the option-A shortcut. */
    public ResidualBlock(int in, int out, int stride, boolean adder, AdderRules rules, SplittableRandom rng) {
        this(in, out, stride, adder, rules, Shortcut.OPTION_A, rng);
    }

    public ResidualBlock(int in, int out, int stride, boolean adder, AdderRules rules, Shortcut shortcut,
                         SplittableRandom rng) {
        if (in <= 0 || out <= 0 || stride <= 0) {
            throw new IllegalArgumentException("residual block needs positive channels and stride, got " + in + " -> "
                    + out + ", stride " + stride);
        }
        if (adder && rules == null) {
            throw new IllegalArgumentException("an adder residual block needs its adder rules");
        }
        this.identity = in == out && stride == 1;
        if (!identity && shortcut == Shortcut.OPTION_A && out < in) {
            throw new IllegalArgumentException("option-A shortcut pads channels and cannot shrink them: " + in + " -> " + out);
        }
        this.in = in;
        this.out = out;
        this.stride = stride;
        this.adder = adder;
        this.shortcut = shortcut;
        this.conv1 = conv(in, out, 3, stride, 1, rules, rng);
        this.bn1 = new BatchNorm2d(out);
        this.conv2 = conv(out, out, 3, 1, 1, rules, rng);
        this.bn2 = new BatchNorm2d(out);
        boolean project = !identity && shortcut == Shortcut.PROJECTION;
        this.projection = project ? conv(in, out, 1, stride, 0, rules, rng) : null;
        this.projectionBn = project ? new BatchNorm2d(out) : null;
    }

    private Layer conv(int ci, int co, int k, int s, int p, AdderRules rules, SplittableRandom rng) {
        return adder ? new AdderConv2d(ci, co, k, s, p, rules, rng) : new Conv2d(ci, co, k, s, p, false, rng);
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        int[] os = outputShape(input.shape());
        x = input;
        Tensor h = relu1.forward(bn1.forward(conv1.forward(input, training), training), training);
        h = bn2.forward(conv2.forward(h, training), training);
        sum = Tensor.ensure(sum, os);
        float[] s = sum.data;
        if (identity) {
            for (int k = 0; k < s.length; k++) {
                s[k] = h.data[k] + input.data[k];
            }
        } else if (projection != null) {
            Tensor p = projectionBn.forward(projection.forward(input, training), training);
            for (int k = 0; k < s.length; k++) {
                s[k] = h.data[k] + p.data[k];
            }
        } else {
            System.arraycopy(h.data, 0, s, 0, s.length);
            optionA(input.data, input.shape(), s, os, false);
        }
        return relu2.forward(sum, training);
    }

    /**
     * Option A between X [B, in, H, W] and Z [B, out, Ho, Wo]: forward adds
     * {@code X[b, c - front, y s, x s]} into Z; backward ({@code toInput}) writes that pixel of dX
     * from dZ (all other pixels of dX are left as they are).
     */
    private void optionA(float[] xs, int[] xShape, float[] zs, int[] zShape, boolean toInput) {
        int front = (out - in) / 2;
        int h = xShape[2];
        int w = xShape[3];
        int ho = zShape[2];
        int wo = zShape[3];
        for (int b = 0; b < xShape[0]; b++) {
            for (int c = 0; c < in; c++) {
                int xBase = (b * in + c) * h * w;
                int zBase = (b * out + c + front) * ho * wo;
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        int xi = xBase + oy * stride * w + ox * stride;
                        int zi = zBase + oy * wo + ox;
                        if (toInput) {
                            xs[xi] += zs[zi];
                        } else {
                            zs[zi] += xs[xi];
                        }
                    }
                }
            }
        }
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        return backward(gradOut, false);
    }

    /** As {@link #backward}, the last ReLU's gradient written over gradOut. */
    @Override
    public Tensor backwardInPlace(Tensor gradOut) {
        return backward(gradOut, true);
    }

    /**
     * The gradients inside the block are handed from layer to layer in place, except dz, which the
     * shortcut reads too; the result is conv1's input gradient with the shortcut's added in.
     */
    private Tensor backward(Tensor gradOut, boolean consumable) {
        Tensor dz = consumable ? relu2.backwardInPlace(gradOut) : relu2.backward(gradOut);
        Tensor d1 = conv1.backward(bn1.backwardInPlace(relu1.backwardInPlace(conv2.backward(bn2.backward(dz)))));
        if (d1 == null) {
            dx = Tensor.ensureLike(dx, x);
            dx.fill(0f);
            d1 = dx;
        }
        float[] d = d1.data;
        if (identity) {
            for (int k = 0; k < d.length; k++) {
                d[k] += dz.data[k];
            }
        } else if (projection != null) {
            Tensor dp = projection.backward(projectionBn.backward(dz));
            for (int k = 0; k < d.length; k++) {
                d[k] += dp.data[k];
            }
        } else {
            optionA(d, x.shape(), dz.data, dz.shape(), true);
        }
        return d1;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers()) {
            all.addAll(l.parameters());
        }
        return List.copyOf(all);
    }

    @Override
    public List<float[]> buffers() {
        List<float[]> all = new ArrayList<>();
        for (Layer l : layers()) {
            all.addAll(l.buffers());
        }
        return List.copyOf(all);
    }

    /** The layers with parameters, in forward order (convolutions, batch norms, then the projection if any). */
    public List<Layer> layers() {
        List<Layer> l = new ArrayList<>(List.of(conv1, bn1, conv2, bn2));
        if (projection != null) {
            l.add(projection);
            l.add(projectionBn);
        }
        return l;
    }

    /** Whether the shortcut is a projection (a 1 x 1 convolution and batch norm, the last two of {@link #layers()}). */
    public boolean projects() {
        return projection != null;
    }

    /** The adder convolutions of this block (none in the CNN version), for the p schedule. */
    public List<AdderLayer> adderLayers() {
        List<AdderLayer> a = new ArrayList<>();
        for (Layer l : layers()) {
            if (l instanceof AdderLayer al) {
                a.add(al);
            }
        }
        return a;
    }

    @Override
    public int[] outputShape(int[] shape) {
        int[] s;
        try {
            s = bn2.outputShape(conv2.outputShape(bn1.outputShape(conv1.outputShape(shape))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe() + " expects input [B, " + in + ", H, W], got "
                    + Arrays.toString(shape) + ": " + e.getMessage(), e);
        }
        return s;
    }

    @Override
    public String describe() {
        return "resblock(" + in + "->" + out + ", s" + stride + (adder ? ", adder" : "")
                + (identity ? "" : shortcut == Shortcut.OPTION_A ? ", option A" : ", projection") + ")";
    }
}
