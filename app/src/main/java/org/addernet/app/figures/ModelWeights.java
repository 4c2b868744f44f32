package org.addernet.app.figures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model's weights by layer, as {@link WeightHistogramPanel} consumes them.
 *
 * <p>The map keeps the given layer order; the arrays are not copied and are treated as immutable
 * snapshots (the panel skips recomputing a histogram when it is handed the same array again).
 *
 * @param label  the model's name, e.g. {@code "AdderNet n=3"}
 * @param layers layer name (e.g. {@code "layer1"}) to its weights, flattened
 */
public record ModelWeights(String label, Map<String, float[]> layers) {
    public ModelWeights {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(layers, "layers");
        layers.forEach((name, w) -> {
            Objects.requireNonNull(name, "layer name");
            Objects.requireNonNull(w, () -> "weights of " + name);
        });
        layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }
}
