package org.addernet.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.kernel.AdderConvKernels;
import org.addernet.engine.kernel.ConvShape;
import org.addernet.engine.kernel.ConvWorkspace;
import org.addernet.engine.kernel.KernelWarmUp;
import org.addernet.engine.kernel.Parallel;
import org.addernet.engine.tensor.Tensor;

/**
 * Adder convolution (eq. 26): {@code Y[b,o,y,x] = -sum_{c,i,j} |X[b,c,y s+i-p, x s+j-p] - F[o,c,i,j]|^p}.
 * X is [B, C, H, W], Y [B, O, Ho, Wo], F [O, C, k, k]; padding pixels are zeros that count like
 * any input ({@code |0 - F|^p}), as in the official unfold-based code. No bias: batch
 * normalisation follows. Filters start from N(0, 1) as in the official code.
 *
 * <p>Backward follows the {@link AdderRules}, exactly as {@link AdderDense}: the full-precision
 * filter gradient {@code X - F} (eq. 23), or sgn (eq. 22), or the exact one; the HardTanh or
 * eq. 27 input gradient ({@code AUTO}: HardTanh at p = 1, eq. 27 above) or the exact one; with
 * {@code eta > 0} the filter gradient of each step is rescaled to {@code eta sqrt(k) g / ||g||_2}
 * (adaptive learning rate, eq. 33) before it is added, and {@link Parameter#gradNorm()} reports
 * the norm before rescaling. Kernels in {@link AdderConvKernels}.
 */
public final class AdderConv2d implements AdderLayer {
    private final int inC;
    private final int outC;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final AdderRules rules;
    private final AdderSupport support;
    private final Parameter weight;
    private Parallel parallel = Parallel.shared();
    private float p = 1f;
    private ConvShape shape;
    private Tensor x;
    private Tensor y;
    private Tensor dx;
    private boolean inputGradientWanted = true;

    public AdderConv2d(int inC, int outC, int kernel, int stride, int padding, AdderRules rules, SplittableRandom rng) {
        ConvLayers.checkGeometry("adder conv layer", inC, outC, kernel, stride, padding);
        this.inC = inC;
        this.outC = outC;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.rules = rules;
        this.weight = new Parameter("filter", Parameter.Kind.ADDER_FILTER, outC, inC, kernel, kernel);
        this.support = new AdderSupport(rules, weight);
        for (int k = 0; k < weight.value.length; k++) {
            weight.value[k] = (float) AdderDense.gaussian(rng);
        }
    }

    /** The pool the kernels use ({@link Parallel#sequential()} keeps everything on the caller). */
    public void setParallel(Parallel parallel) {
        this.parallel = parallel;
    }

    @Override
    public void setP(double newP) {
        this.p = AdderSupport.checkedP(newP);
    }

    @Override
    public double p() {
        return p;
    }

    @Override
    public AdderRules rules() {
        return rules;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        KernelWarmUp.run();              // once per JVM, on the thread that trains: the kernels compiled up front
        shape = ConvLayers.convShape(describe(), input, inC, outC, kernel, stride, padding);
        x = input;
        y = Tensor.ensure(y, shape.batch(), outC, shape.outH(), shape.outW());
        AdderConvKernels.forward(shape, input.data, weight.value, y.data, p, ConvWorkspace.forThisThread(), parallel);
        return y;
    }

    /** Null from backward when not wanted: the kernels then skip the input gradient. */
    @Override
    public void setInputGradientWanted(boolean wanted) {
        this.inputGradientWanted = wanted;
    }

    /**
     * Back-propagates with the layer's rules; with {@code eta > 0} the filter gradient of this
     * step is rescaled to {@code eta sqrt(k) g / ||g||_2} (eq. 33) before it is added.
     */
    @Override
    public Tensor backward(Tensor gradOut) {
        dx = inputGradientWanted ? Tensor.ensureLike(dx, x) : null;
        float[] local = support.gradientTarget();
        AdderConvKernels.backward(shape, x.data, weight.value, gradOut.data, local, dx == null ? null : dx.data, p,
                support.filterRule(), support.inputRule(p), ConvWorkspace.forThisThread(), parallel);
        support.finish(local);
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight);
    }

    public Parameter weight() {
        return weight;
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
        return "adderconv" + kernel + "x" + kernel + "(" + inC + "->" + outC + ", s" + stride + ", p" + padding + ")";
    }
}
