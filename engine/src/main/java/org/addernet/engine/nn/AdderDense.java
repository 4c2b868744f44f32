package org.addernet.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.kernel.AdderDenseKernels;
import org.addernet.engine.tensor.Tensor;

/**
 * Dense adder layer {@code Y[b,o] = -sum_i |X[b,i] - W[o,i]|^p} (eq. 2, eq. 26). X is [B, in],
 * W is [out, in] (row o is the centre W_o of hidden unit o), Y is [B, out]. No bias: batch
 * normalisation follows, whose affine parameters are Definition 1's a_i and b_i. Filters start
 * from N(0, 1) as in the official code. Backward uses the {@link AdderRules}.
 */
public final class AdderDense implements AdderLayer {
    private final int in;
    private final int out;
    private final AdderRules rules;
    private final int filterRule;
    private final Parameter weight;
    private float p = 1f;
    private Tensor x;
    private Tensor y;
    private Tensor dx;
    private float[] pm1 = new float[0];
    private boolean cached;
    /** Transposed filters [in, out] and their gradient, used when out is wide enough to vectorise over. */
    private final float[] wt;
    private final float[] dwt;
    private boolean transposed;

    /** Below this many outputs the plain orientation (inner loop over the inputs) is used. */
    static final int TRANSPOSE_MIN_OUT = 8;

    public AdderDense(int in, int out, AdderRules rules, SplittableRandom rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("adder layer needs positive sizes, got " + in + " -> " + out);
        }
        this.in = in;
        this.out = out;
        this.rules = rules;
        this.filterRule = switch (rules.filterGradient()) {
            case FULL_PRECISION -> AdderDenseKernels.F_FULL;
            case SIGN -> AdderDenseKernels.F_SIGN;
            case EXACT -> AdderDenseKernels.F_EXACT;
        };
        this.weight = new Parameter("filter", Parameter.Kind.ADDER_FILTER, out, in);
        this.wt = new float[in * out];
        this.dwt = new float[in * out];
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
        if (!(newP >= 1 && newP <= 2)) {
            throw new IllegalArgumentException("p must lie in [1, 2], got " + newP);
        }
        this.p = (float) newP;
    }

    @Override
    public double p() {
        return p;
    }

    @Override
    public AdderRules rules() {
        return rules;
    }

    /** The input-gradient rule code for the current p (AUTO resolved). */
    private int inputRule() {
        return switch (rules.inputGradient()) {
            case HARDTANH -> AdderDenseKernels.X_HARDTANH;
            case EQ27 -> AdderDenseKernels.X_EQ27;
            case EXACT -> AdderDenseKernels.X_EXACT;
            case AUTO -> p == 1f ? AdderDenseKernels.X_HARDTANH : AdderDenseKernels.X_EQ27;
        };
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        if (input.rank() != 2 || input.dim(1) != in) {
            throw new IllegalArgumentException(describe() + " expects input [B, " + in + "], got " + input);
        }
        int batch = input.dim(0);
        x = input;
        y = Tensor.ensure(y, batch, out);
        cached = training && p != 1f && p != 2f;
        transposed = out >= TRANSPOSE_MIN_OUT && (p == 1f || p == 2f);
        if (transposed) {
            float[] w = weight.value;
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    wt[i * out + o] = w[o * in + i];
                }
            }
            AdderDenseKernels.forwardT(input.data, wt, y.data, batch, in, out, p);
        } else if (cached) {
            int n = batch * out * in;
            if (pm1.length < n) {
                pm1 = new float[n];
            }
            AdderDenseKernels.forwardCached(input.data, weight.value, y.data, pm1, batch, in, out, p);
        } else {
            AdderDenseKernels.forward(input.data, weight.value, y.data, batch, in, out, p);
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int batch = x.dim(0);
        dx = Tensor.ensure(dx, batch, in);
        float[] g = weight.grad;
        float[] local = rules.eta() > 0 ? scratch(g.length) : g;
        if (local != g) {
            java.util.Arrays.fill(local, 0f);
        }
        if (transposed && p == 1f && filterRule != AdderDenseKernels.F_EXACT
                && inputRule() == AdderDenseKernels.X_HARDTANH) {
            java.util.Arrays.fill(dwt, 0f);
            AdderDenseKernels.backwardT(x.data, wt, gradOut.data, dwt, dx.data, batch, in, out,
                    filterRule == AdderDenseKernels.F_SIGN);
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    local[o * in + i] += dwt[i * out + o];
                }
            }
        } else if (cached) {
            AdderDenseKernels.backwardCached(x.data, weight.value, pm1, gradOut.data, local, dx.data,
                    batch, in, out, p, filterRule, inputRule());
        } else {
            AdderDenseKernels.backward(x.data, weight.value, gradOut.data, local, dx.data,
                    batch, in, out, p, filterRule, inputRule());
        }
        if (local != g) {
            double norm = Parameter.l2(local);
            weight.recordRawGradNorm(norm);
            float scale = norm > 1e-12 ? (float) (rules.eta() * Math.sqrt(local.length) / norm) : 0f;
            for (int k = 0; k < g.length; k++) {
                g[k] += scale * local[k];
            }
        }
        return dx;
    }

    private float[] scratchBuf = new float[0];

    private float[] scratch(int n) {
        if (scratchBuf.length != n) {
            scratchBuf = new float[n];
        }
        return scratchBuf;
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
        if (shape.length != 2 || shape[1] != in) {
            throw new IllegalArgumentException(describe() + " expects input [B, " + in + "], got "
                    + java.util.Arrays.toString(shape));
        }
        return new int[] {shape[0], out};
    }

    @Override
    public String describe() {
        return "adder(" + in + "->" + out + ")";
    }
}
