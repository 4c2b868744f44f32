package org.addernet.engine.nn;

import org.addernet.engine.tensor.Tensor;

/**
 * Element-wise activations G of Definition 2. Forward caches its output; backward uses it
 * (ReLU: y &gt; 0; tanh: 1 - y^2; sigmoid: y (1 - y)). Any shape.
 *
 * <p>{@link #inPlace()} makes forward write its output over its input and return the input
 * tensor (and {@link #backwardInPlace} write the gradient over gradOut): for an activation after a
 * layer whose output nothing else reads ({@link Layer#outputFreeAfterUse()}, a convolution or a
 * batch norm), which saves a tensor of activations per layer. {@link Sequential} and
 * {@link ResidualBlock} switch it on where that holds.
 */
public final class Activation implements Layer {
    /** The available functions, by their preset ids. */
    public enum Kind {
        RELU("relu"), TANH("tanh"), SIGMOID("sigmoid");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind fromId(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown activation '" + id + "', expected one of relu, tanh, sigmoid");
        }
    }

    private final Kind kind;
    private boolean inPlace;
    private Tensor y;
    private Tensor dx;

    public Activation(Kind kind) {
        this.kind = kind;
    }

    public static Activation relu() {
        return new Activation(Kind.RELU);
    }

    public Kind kind() {
        return kind;
    }

    /** From now on forward overwrites its input (see the class comment); returns this. */
    public Activation inPlace() {
        this.inPlace = true;
        return this;
    }

    public boolean isInPlace() {
        return inPlace;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        y = inPlace ? x : Tensor.ensureLike(y, x);
        float[] in = x.data;
        float[] out = y.data;
        int n = in.length;
        switch (kind) {
            case RELU -> {
                for (int k = 0; k < n; k++) {
                    out[k] = Math.max(in[k], 0f);
                }
            }
            case TANH -> {
                for (int k = 0; k < n; k++) {
                    out[k] = (float) Math.tanh(in[k]);
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < n; k++) {
                    out[k] = (float) (1.0 / (1.0 + Math.exp(-in[k])));
                }
            }
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        dx = Tensor.ensureLike(dx, y);
        return gradient(gradOut, dx);
    }

    /** Writes the input gradient over gradOut. */
    @Override
    public Tensor backwardInPlace(Tensor gradOut) {
        return gradient(gradOut, gradOut);
    }

    private Tensor gradient(Tensor gradOut, Tensor into) {
        float[] g = gradOut.data;
        float[] out = y.data;
        float[] d = into.data;
        int n = g.length;
        switch (kind) {
            case RELU -> {
                // y >= 0, and min(1, y 2^150) is exactly 1 for every y > 0 (subnormals included)
                // and 0 for y = 0: a branch-free step function the JIT can vectorise
                for (int k = 0; k < n; k++) {
                    d[k] = g[k] * Math.min(1f, out[k] * 0x1p127f * 0x1p23f);
                }
            }
            case TANH -> {
                for (int k = 0; k < n; k++) {
                    d[k] = g[k] * (1f - out[k] * out[k]);
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < n; k++) {
                    d[k] = g[k] * out[k] * (1f - out[k]);
                }
            }
        }
        return into;
    }

    @Override
    public int[] outputShape(int[] in) {
        return in.clone();
    }

    @Override
    public String describe() {
        return kind.id();
    }
}
