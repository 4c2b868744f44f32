package org.addernet.engine.train;

import java.util.List;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.optim.Sgd;

/**
 * A trainer's complete state at a step (see {@link Trainer#state()}): parameter values and SGD
 * velocities in {@code net.parameters()} order, and the layers' buffers in {@code net.buffers()}
 * order.
 */
public record TrainerState(long step, float[][] parameters, float[][] velocities, boolean sgdStarted,
                           float[][] buffers) {
    /** Copies of {@code net}'s parameters and buffers and {@code sgd}'s velocities at {@code step}. */
    static TrainerState capture(long step, Sequential net, Sgd sgd) {
        List<Parameter> ps = net.parameters();
        float[][] values = new float[ps.size()][];
        for (int k = 0; k < values.length; k++) {
            values[k] = ps.get(k).value.clone();
        }
        float[][] vel = new float[ps.size()][];
        for (int k = 0; k < vel.length; k++) {
            vel[k] = sgd.velocity()[k].clone();
        }
        List<float[]> bs = net.buffers();
        float[][] buf = new float[bs.size()][];
        for (int k = 0; k < buf.length; k++) {
            buf[k] = bs.get(k).clone();
        }
        return new TrainerState(step, values, vel, sgd.started(), buf);
    }

    /** Writes this state into {@code net} and {@code sgd} (of the same network); checks every size. */
    void restoreInto(Sequential net, Sgd sgd) {
        List<Parameter> ps = net.parameters();
        List<float[]> bs = net.buffers();
        if (parameters.length != ps.size() || velocities.length != ps.size() || buffers.length != bs.size()) {
            throw new IllegalArgumentException("the checkpoint holds " + parameters.length + " parameters and "
                    + buffers.length + " buffers, the model " + ps.size() + " and " + bs.size());
        }
        for (int k = 0; k < ps.size(); k++) {
            copy(parameters[k], ps.get(k).value, "parameter " + k + " (" + ps.get(k).name() + ")");
            copy(velocities[k], sgd.velocity()[k], "velocity " + k);
        }
        for (int k = 0; k < bs.size(); k++) {
            copy(buffers[k], bs.get(k), "buffer " + k);
        }
        sgd.setStarted(sgdStarted);
    }

    private static void copy(float[] from, float[] to, String what) {
        if (from.length != to.length) {
            throw new IllegalArgumentException(what + " holds " + from.length + " values in the checkpoint, "
                    + to.length + " in the model");
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }
}
