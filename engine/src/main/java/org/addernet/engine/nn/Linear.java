package org.addernet.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.kernel.LinearKernels;
import org.addernet.engine.kernel.RowScratch;
import org.addernet.engine.tensor.Tensor;

/**
 * Fully-connected layer {@code Y = W X + b}. X is [in, B] and Y [out, B] (dense activations are
 * feature-major, see {@link org.addernet.engine.kernel}), W is [out, in], b is [out].
 * Initialised like PyTorch: W and b uniform in +-1/sqrt(in).
 */
public final class Linear implements Layer {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor x;
    private Tensor y;
    private Tensor dx;
    private final RowScratch scratch = new RowScratch();

    public Linear(int in, int out, boolean withBias, SplittableRandom rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("linear layer needs positive sizes, got " + in + " -> " + out);
        }
        this.in = in;
        this.out = out;
        this.weight = new Parameter("weight", Parameter.Kind.WEIGHT, out, in);
        this.bias = withBias ? new Parameter("bias", Parameter.Kind.BIAS, out) : null;
        double bound = 1.0 / Math.sqrt(in);
        for (int k = 0; k < weight.value.length; k++) {
            weight.value[k] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        if (bias != null) {
            for (int k = 0; k < out; k++) {
                bias.value[k] = (float) ((rng.nextDouble() * 2 - 1) * bound);
            }
        }
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        int batch = checkInput(input);
        x = input;
        y = Tensor.ensure(y, out, batch);
        LinearKernels.forward(input.data, weight.value, bias == null ? null : bias.value, y.data, batch, in, out, scratch);
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int batch = x.dim(1);
        dx = Tensor.ensure(dx, in, batch);
        LinearKernels.backward(x.data, weight.value, gradOut.data, weight.grad,
                bias == null ? null : bias.grad, dx.data, batch, in, out, scratch);
        return dx;
    }

    private int checkInput(Tensor t) {
        if (t.rank() != 2 || t.dim(0) != in) {
            throw new IllegalArgumentException(describe() + " expects input [" + in + ", B], got " + t);
        }
        return t.dim(1);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public int[] outputShape(int[] shape) {
        if (shape.length != 2 || shape[0] != in) {
            throw new IllegalArgumentException(describe() + " expects input [" + in + ", B], got "
                    + java.util.Arrays.toString(shape));
        }
        return new int[] {out, shape[1]};
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    /** Backward reads the input, never the output. */
    @Override
    public boolean outputFreeAfterUse() {
        return true;
    }

    @Override
    public String describe() {
        return "linear(" + in + "->" + out + ")";
    }
}
