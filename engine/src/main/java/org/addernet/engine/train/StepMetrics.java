package org.addernet.engine.train;

import java.util.List;

/**
 * One logged step, immutable. {@code loss} and {@code trainAccuracy} are means over the batches
 * since the previous log; {@code testAccuracy} is measured on the whole test set at this step
 * (NaN without one); {@code gradNorms[k]} is the L2 norm of layer k's weight gradient at this step,
 * before adaptive scaling, named by {@code layerNames[k]}.
 */
public record StepMetrics(long iteration, double loss, double trainAccuracy, double testAccuracy, double lr,
                          double p, List<String> layerNames, double[] gradNorms) {
    public StepMetrics {
        layerNames = List.copyOf(layerNames);
        gradNorms = gradNorms.clone();
    }

    @Override
    public double[] gradNorms() {
        return gradNorms.clone();
    }
}
