package org.addernet.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.kernel.AdderDenseKernels;
import org.addernet.engine.kernel.RowScratch;
import org.addernet.engine.tensor.Tensor;

/**
 * Dense adder layer {@code Y[o,b] = -sum_i |X[i,b] - W[o,i]|^p} (eq. 2, eq. 26). X is [in, B]
 * and Y [out, B] (feature-major, see {@link org.addernet.engine.kernel}); W is [out, in] (row o is
 * the centre W_o of hidden unit o). No bias: batch
 * normalisation follows, whose affine parameters are Definition 1's a_i and b_i. Filters start
 * from N(0, 1) as in the official code. Backward uses the {@link AdderRules}.
 */
public final class AdderDense implements AdderLayer {
    private final int in;
    private final int out;
    private final AdderRules rules;
    private final AdderSupport support;
    private final Parameter weight;
    private float p = 1f;
    private Tensor x;
    private Tensor y;
    private Tensor dx;
    private float[] pm1 = new float[0];
    private boolean cached;
    private final RowScratch scratch = new RowScratch();

    public AdderDense(int in, int out, AdderRules rules, SplittableRandom rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("adder layer needs positive sizes, got " + in + " -> " + out);
        }
        this.in = in;
        this.out = out;
        this.rules = rules;
        this.weight = new Parameter("filter", Parameter.Kind.ADDER_FILTER, out, in);
        this.support = new AdderSupport(rules, weight);
        for (int k = 0; k < weight.value.length; k++) {
            weight.value[k] = (float) gaussian(rng);
        }
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller, deterministic for the generator's state
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
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
        if (input.rank() != 2 || input.dim(0) != in) {
            throw new IllegalArgumentException(describe() + " expects input [" + in + ", B], got " + input);
        }
        int batch = input.dim(1);
        x = input;
        y = Tensor.ensure(y, out, batch);
        cached = training && p != 1f && p != 2f;
        if (cached) {
            int n = Math.multiplyExact(Math.multiplyExact(out, in), batch);
            if (pm1.length < n) {
                pm1 = new float[n];
            }
            AdderDenseKernels.forwardCached(input.data, weight.value, y.data, pm1, batch, in, out, p);
        } else {
            AdderDenseKernels.forward(input.data, weight.value, y.data, batch, in, out, p, scratch);
        }
        return y;
    }

    /**
     * Back-propagates with the layer's rules; with {@code eta > 0} the filter gradient of this
     * step is rescaled to {@code eta sqrt(k) g / ||g||_2} (eq. 33) before it is added.
     */
    @Override
    public Tensor backward(Tensor gradOut) {
        int batch = x.dim(1);
        dx = Tensor.ensure(dx, in, batch);
        float[] local = support.gradientTarget();
        AdderDenseKernels.backward(x.data, weight.value, cached ? pm1 : null, gradOut.data, local, dx.data,
                batch, in, out, p, support.filterRule(), support.inputRule(p), scratch);
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
    public int[] outputShape(int[] shape) {
        if (shape.length != 2 || shape[0] != in) {
            throw new IllegalArgumentException(describe() + " expects input [" + in + ", B], got "
                    + java.util.Arrays.toString(shape));
        }
        return new int[] {out, shape[1]};
    }

    /** Backward reads the input, never the output. */
    @Override
    public boolean outputFreeAfterUse() {
        return true;
    }

    @Override
    public String describe() {
        return "adder(" + in + "->" + out + ")";
    }
}
