package org.addernet.engine.optim;

import java.util.List;
import org.addernet.engine.nn.Parameter;

/**
 * SGD with momentum, Nesterov and weight decay, PyTorch's semantics: {@code g = grad + wd w};
 * {@code v = mu v + g} (v = g on the first step); {@code d = g + mu v} with Nesterov, else
 * {@code d = v}; {@code w -= lr d}. Weight decay applies to every parameter.
 */
public final class Sgd {
    private final List<Parameter> params;
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final float[][] velocity;
    private boolean started;

    public Sgd(List<Parameter> params, double momentum, boolean nesterov, double weightDecay) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must lie in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov needs a positive momentum");
        }
        this.params = List.copyOf(params);
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.velocity = new float[this.params.size()][];
        for (int k = 0; k < velocity.length; k++) {
            velocity[k] = new float[this.params.get(k).size()];
        }
    }

    /** One update with learning rate {@code lr}; reads the gradients, modifies values and velocities. */
    public void step(double lr) {
        float mu = (float) momentum;
        float wd = (float) weightDecay;
        float rate = (float) lr;
        for (int k = 0; k < velocity.length; k++) {
            Parameter p = params.get(k);
            float[] w = p.value;
            float[] g = p.grad;
            float[] v = velocity[k];
            int n = w.length;
            for (int i = 0; i < n; i++) {
                float gi = g[i] + wd * w[i];
                float vi = started ? mu * v[i] + gi : gi;
                v[i] = vi;
                w[i] -= rate * (nesterov ? gi + mu * vi : vi);
            }
        }
        started = true;
    }

    /** Whether a step was taken (the first step sets the velocity to the gradient). */
    public boolean started() {
        return started;
    }

    /** Restores {@link #started()} from a checkpoint. */
    public void setStarted(boolean started) {
        this.started = started;
    }

    /** The momentum buffers (for checkpoints); modifying them changes the optimiser. */
    public float[][] velocity() {
        return velocity;
    }

    @Override
    public String toString() {
        return "Sgd{momentum=" + momentum + ", nesterov=" + nesterov + ", weightDecay=" + weightDecay + "}";
    }
}
