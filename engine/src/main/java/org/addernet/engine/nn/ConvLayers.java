package org.addernet.engine.nn;

import java.util.Arrays;
import org.addernet.engine.kernel.ConvShape;
import org.addernet.engine.tensor.Tensor;

/** Shape checks shared by the layers on [B, C, H, W] activations. */
final class ConvLayers {
    private ConvLayers() {
    }

    /** Fails unless {@code shape} is [B, channels, H, W]. */
    /** Rejects impossible conv geometry, naming {@code what} ("conv layer", "adder conv layer"). */
    static void checkGeometry(String what, int inC, int outC, int kernel, int stride, int padding) {
        if (inC <= 0 || outC <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException(what + " needs positive channels, kernel and stride and padding >= 0, got "
                    + inC + " -> " + outC + ", kernel " + kernel + ", stride " + stride + ", padding " + padding);
        }
    }

    static void checkImages(String layer, int channels, int[] shape) {
        if (shape.length != 4 || shape[1] != channels || shape[0] < 0 || shape[2] <= 0 || shape[3] <= 0) {
            throw new IllegalArgumentException(layer + " expects input [B, " + channels + ", H, W], got "
                    + Arrays.toString(shape));
        }
    }

    /** The geometry of a convolution over {@code shape}, or an exception naming the layer and both shapes. */
    static ConvShape convShape(String layer, int[] shape, int inC, int outC, int kernel, int stride, int padding) {
        checkImages(layer, inC, shape);
        if (shape[2] + 2 * padding < kernel || shape[3] + 2 * padding < kernel) {
            throw new IllegalArgumentException(layer + " expects images of at least " + (kernel - 2 * padding) + "x"
                    + (kernel - 2 * padding) + " pixels, got " + Arrays.toString(shape));
        }
        return new ConvShape(shape[0], inC, shape[2], shape[3], outC, kernel, stride, padding);
    }

    static ConvShape convShape(String layer, Tensor x, int inC, int outC, int kernel, int stride, int padding) {
        return convShape(layer, x.shape(), inC, outC, kernel, stride, padding);
    }

    /** Output side of a pooling window {@code k} at {@code stride} over {@code n} pixels, or an exception. */
    static int pooledSize(String layer, int[] shape, int n, int k, int stride) {
        if (n < k) {
            throw new IllegalArgumentException(layer + " needs images of at least " + k + "x" + k + " pixels, got "
                    + Arrays.toString(shape));
        }
        return (n - k) / stride + 1;
    }
}
