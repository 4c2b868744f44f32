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

    /**
     * As {@link #backward}, but the caller hands {@code gradOut} over (it reads it no more): a layer
     * whose input gradient has gradOut's shape may write it into gradOut and return gradOut rather
     * than a buffer of its own, which saves a buffer per layer (element-wise layers and batch norm
     * do). Default: {@link #backward}.
     */
    default Tensor backwardInPlace(Tensor gradOut) {
        return backward(gradOut);
    }

    /**
     * Whether {@link #backward} does without this layer's own output, so that the next layer may
     * overwrite the tensor forward returned once it has read it (an in-place activation).
     * Default false.
     */
    default boolean outputFreeAfterUse() {
        return false;
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
