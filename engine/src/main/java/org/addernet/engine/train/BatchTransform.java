package org.addernet.engine.train;

import java.util.SplittableRandom;

/**
 * Rewrites a training batch [count, C, H, W] from {@code in} into {@code out} (data augmentation).
 * {@code in} is the trainer's own batch buffer: a transform may use it as scratch.
 */
@FunctionalInterface
public interface BatchTransform {
    void apply(float[] in, int count, float[] out, SplittableRandom rng);
}
