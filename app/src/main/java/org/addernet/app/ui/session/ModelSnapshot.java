package org.addernet.app.ui.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.addernet.engine.model.ModelSpec;
import org.addernet.engine.train.DecisionGrid;
import org.addernet.engine.train.StepMetrics;

/**
 * One model at one moment, immutable: its progress, the logged history so far, its decision grid,
 * first-layer unit responses ([unit][R*R], for the thumbnails), adder centres (null for an MLP)
 * and weights by layer ({@code layer1}, ..., in that order). Accuracies are on the full sets in evaluation mode.
 */
public record ModelSnapshot(ModelSpec spec, long iteration, long iterations, String status, List<StepMetrics> history,
                            DecisionGrid grid, int fieldResolution, float[][] unitFields, float[][] centres,
                            Map<String, float[]> layerWeights, double trainAccuracy, double testAccuracy) {
    public ModelSnapshot {
        history = List.copyOf(history);
        layerWeights = Collections.unmodifiableMap(new LinkedHashMap<>(layerWeights));   // in layer order
    }

    public String label() {
        return spec.label();
    }

    public StepMetrics last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
