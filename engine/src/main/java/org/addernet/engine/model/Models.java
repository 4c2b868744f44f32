package org.addernet.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.BatchNorm1d;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Linear;
import org.addernet.engine.nn.Sequential;

/**
 * Builds the toy models of Sec. 5.1.
 *
 * <ul>
 *   <li>MLP: {@code linear(d->n) [-> bn] -> G -> ... -> linear(n->out)}.</li>
 *   <li>AdderNet (Definition 2): {@code adder(d->n) -> bn -> G -> ... -> adder(n->out) -> bn}: every
 *   layer is {@code L(X)_i = a_i ||W_i - X||_1 + b_i} (Definition 1) with BN's affine as a_i, b_i.</li>
 * </ul>
 */
public final class Models {
    private Models() {
    }

    /** The network for {@code spec} with {@code inputs} features and {@code outputs} logits, seeded. */
    public static Sequential build(ModelSpec spec, int inputs, int outputs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Layer> layers = new ArrayList<>();
        boolean adder = "adder".equals(spec.kind());
        int width = inputs;
        for (int k = 0; k < spec.depth() - 1; k++) {
            if (adder) {
                layers.add(new AdderDense(width, spec.hidden(), spec.rules(), rng));
                layers.add(new BatchNorm1d(spec.hidden()));
            } else {
                layers.add(new Linear(width, spec.hidden(), true, rng));
                if (spec.batchNorm()) {
                    layers.add(new BatchNorm1d(spec.hidden()));
                }
            }
            layers.add(new Activation(spec.activation()));
            width = spec.hidden();
        }
        if (adder) {
            layers.add(new AdderDense(width, outputs, spec.rules(), rng));
            layers.add(new BatchNorm1d(outputs));
        } else {
            layers.add(new Linear(width, outputs, true, rng));
        }
        return new Sequential(layers);
    }
}
