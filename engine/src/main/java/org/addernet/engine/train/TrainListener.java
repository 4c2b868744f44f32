package org.addernet.engine.train;

/** Receives each logged step on the training thread; must return quickly. */
@FunctionalInterface
public interface TrainListener {
    void onStep(StepMetrics metrics);
}
