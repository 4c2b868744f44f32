package org.addernet.engine.train;

import org.addernet.engine.optim.LrSchedule;
import org.addernet.engine.optim.PSchedule;

/**
 * How to train: {@code iterations} SGD steps on batches of {@code batchSize} drawn from seeded
 * per-epoch permutations (a batch that runs past an epoch continues into the next permutation,
 * so every batch is full); metrics every {@code logEvery} steps (and at step 1).
 */
public record TrainConfig(long iterations, int batchSize, LrSchedule schedule, double momentum, boolean nesterov,
                          double weightDecay, PSchedule pSchedule, int logEvery) {
    public TrainConfig {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batch size must be >= 2 (batch norm), got " + batchSize);
        }
        if (!(schedule.baseLr() > 0) || Double.isInfinite(schedule.baseLr())) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + schedule.baseLr());
        }
        if (logEvery < 1) {
            throw new IllegalArgumentException("logEvery must be >= 1, got " + logEvery);
        }
    }
}
