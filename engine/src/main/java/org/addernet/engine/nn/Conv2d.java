package org.addernet.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.kernel.ConvKernels;
import org.addernet.engine.kernel.ConvShape;
import org.addernet.engine.kernel.ConvWorkspace;
import org.addernet.engine.kernel.KernelWarmUp;
import org.addernet.engine.kernel.Parallel;
import org.addernet.engine.tensor.Tensor;

/**
 * 2-D convolution {@code Y[b,o] = bias[o] + sum_c W[o,c] * X[b,c]} (cross-correlation, zero
 * padding). X is [B, C, H, W] and Y [B, O, Ho, Wo] with {@code Ho = (H + 2p - k) / s + 1}; W is
 * [O, C, k, k], bias [O]. Initialised like PyTorch's {@code Conv2d} (Kaiming-uniform with
 * a = sqrt(5)): W and bias uniform in +-1/sqrt(C k k). Kernels in {@link ConvKernels}, spread over
 * {@link Parallel#shared()} unless {@link #setParallel} says otherwise.
 */
public final class Conv2d implements Layer {
    private final int inC;
    private final int outC;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;
    private Parallel parallel = Parallel.shared();
    private ConvShape shape;
    private Tensor x;
    private Tensor y;
    private Tensor dx;
    private boolean inputGradientWanted = true;

    public Conv2d(int inC, int outC, int kernel, int stride, int padding, boolean withBias, SplittableRandom rng) {
        ConvLayers.checkGeometry("conv layer", inC, outC, kernel, stride, padding);
        this.inC = inC;
        this.outC = outC;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = new Parameter("weight", Parameter.Kind.WEIGHT, outC, inC, kernel, kernel);
        this.bias = withBias ? new Parameter("bias", Parameter.Kind.BIAS, outC) : null;
        double bound = 1.0 / Math.sqrt((double) inC * kernel * kernel);
        for (int k = 0; k < weight.value.length; k++) {
            weight.value[k] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        if (bias != null) {
            for (int k = 0; k < outC; k++) {
                bias.value[k] = (float) ((rng.nextDouble() * 2 - 1) * bound);
            }
        }
    }

    /** The pool the kernels use ({@link Parallel#sequential()} keeps everything on the caller). */
    public void setParallel(Parallel parallel) {
        this.parallel = parallel;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        KernelWarmUp.run();              // once per JVM, on the thread that trains: the kernels compiled up front
        shape = ConvLayers.convShape(describe(), input, inC, outC, kernel, stride, padding);
        x = input;
        y = Tensor.ensure(y, shape.batch(), outC, shape.outH(), shape.outW());
        ConvKernels.forward(shape, input.data, weight.value, bias == null ? null : bias.value, y.data, ConvWorkspace.forThisThread(), parallel);
        return y;
    }

    /** Null from backward when not wanted: the kernels then skip the input gradient. */
    @Override
    public void setInputGradientWanted(boolean wanted) {
        this.inputGradientWanted = wanted;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        dx = inputGradientWanted ? Tensor.ensureLike(dx, x) : null;
        ConvKernels.backward(shape, x.data, weight.value, gradOut.data, weight.grad, bias == null ? null : bias.grad,
                dx == null ? null : dx.data, ConvWorkspace.forThisThread(), parallel);
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public int[] outputShape(int[] in) {
        ConvShape s = ConvLayers.convShape(describe(), in, inC, outC, kernel, stride, padding);
        return new int[] {in[0], outC, s.outH(), s.outW()};
    }

    /** Backward reads the input, never the output. */
    @Override
    public boolean outputFreeAfterUse() {
        return true;
    }

    @Override
    public String describe() {
        return "conv" + kernel + "x" + kernel + "(" + inC + "->" + outC + ", s" + stride + ", p" + padding + ")";
    }
}
