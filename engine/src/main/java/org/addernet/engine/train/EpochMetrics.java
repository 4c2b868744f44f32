package org.addernet.engine.train;

/**
 * One epoch of an epoch-structured run.
 *
 * @param epoch           1-based epoch number
 * @param iteration       SGD steps taken so far
 * @param loss            mean training loss over the epoch's batches
 * @param trainAccuracy   accuracy over the epoch's (augmented) training batches, as they were seen
 * @param testAccuracy    accuracy on the whole test set after the epoch, evaluation mode
 * @param lr              learning rate of the epoch's last step
 * @param p               the adder layers' p at the epoch's last step
 * @param seconds         training seconds so far (over every resumed part of the run)
 * @param imagesPerSecond training images per second during this epoch (evaluation excluded)
 * @param gradNorms       per-layer L2 norms of the weight gradients at the epoch's last step
 */
public record EpochMetrics(int epoch, long iteration, double loss, double trainAccuracy, double testAccuracy,
                           double lr, double p, double seconds, double imagesPerSecond, double[] gradNorms) {
    public EpochMetrics {
        gradNorms = gradNorms.clone();
    }
}
