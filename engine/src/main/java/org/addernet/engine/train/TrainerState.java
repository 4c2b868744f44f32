package org.addernet.engine.train;

/**
 * A trainer's complete state at a step (see {@link Trainer#state()}): parameter values and SGD
 * velocities in {@code net.parameters()} order, and the layers' buffers in {@code net.buffers()}
 * order.
 */
public record TrainerState(long step, float[][] parameters, float[][] velocities, boolean sgdStarted,
                           float[][] buffers) {
}
