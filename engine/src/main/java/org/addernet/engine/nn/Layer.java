package org.addernet.engine.nn;

import java.util.List;
import org.addernet.engine.tensor.Tensor;

/**
 * One layer contract: {@code forward} caches what {@code backward} needs; {@code backward}
 * returns the gradient wrt the input and accumulates into parameter gradients, which
 * {@code zeroGrad()} clears. The returned tensors are owned by the layer and overwritten by its
 * next call.
 */
public interface Layer {
    Tensor forward(Tensor x, boolean training);

    Tensor backward(Tensor gradOut);

    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * State that is not trained but must survive a checkpoint (batch norm's running statistics),
     * as the live arrays, in a fixed order.
     */
    default List<float[]> buffers() {
        return List.of();
    }

    /**
     * Says whether {@link #backward} must return the gradient wrt the input. The first layer of a
     * trained network is told no (nothing uses the gradient wrt the images), and layers that can
     * skip that work then return null from backward. Default: ignored, always computed.
     */
    default void setInputGradientWanted(boolean wanted) {
    }

    /** The output shape for an input of shape {@code in} (batch first); throws when it does not fit. */
    int[] outputShape(int[] in);

    /** A short name such as {@code adder(2->10)}. */
    String describe();

    default void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }
}
