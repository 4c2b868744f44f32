package org.addernet.app.bench;

import org.addernet.engine.nn.Sequential;

/**
 * Multiply- or adder-accumulates of one forward pass per image, counted from the layers: a
 * convolution does {@code outH * outW * |W|} of them per image, a dense layer {@code |W|}; batch
 * norm, activations, pooling and shortcuts are not counted (BENCHMARKS.md's 416,520 for LeNet-5).
 */
public final class ModelMacs {
    private ModelMacs() {
    }

    /** MACs per image of {@code net} for one sample of {@code sampleShape} (e.g. {1, 28, 28}). */
    public static long perImage(Sequential net, int[] sampleShape) {
        return org.addernet.engine.analysis.OpCounts.macs(net, sampleShape);
    }
}
