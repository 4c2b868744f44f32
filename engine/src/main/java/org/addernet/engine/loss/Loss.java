package org.addernet.engine.loss;

/** A loss over a batch of logits and integer labels. */
public interface Loss {
    /**
     * Mean loss of logits ([C, B], feature-major; C = 1 for binary losses) against labels ([B]);
     * writes the gradient of the mean loss wrt the logits into {@code grad} ([C, B], overwritten).
     */
    double forwardBackward(float[] logits, int[] labels, float[] grad, int batch, int classes);

    /** Number of correct predictions in the batch (threshold 0.5 for binary, arg-max otherwise). */
    int correct(float[] logits, int[] labels, int batch, int classes);
}
