package org.addernet.app.bench;

import java.util.List;
import org.addernet.engine.nn.AdderConv2d;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.Conv2d;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Linear;
import org.addernet.engine.nn.ResidualBlock;
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
        int[] s = new int[sampleShape.length + 1];
        s[0] = 2;
        System.arraycopy(sampleShape, 0, s, 1, sampleShape.length);
        return count(net.layers(), s);
    }

    private static long count(List<Layer> layers, int[] in) {
        long macs = 0;
        int[] s = in;
        for (Layer l : layers) {
            macs += macs(l, s);
            s = l.outputShape(s);
        }
        return macs;
    }

    private static long macs(Layer l, int[] in) {
        if (l instanceof Conv2d || l instanceof AdderConv2d) {
            int[] out = l.outputShape(in);
            long w = l.parameters().get(0).size();
            return (long) out[2] * out[3] * w;
        }
        if (l instanceof Linear || l instanceof AdderDense) {
            return l.parameters().get(0).size();
        }
        if (l instanceof Sequential q) {
            return count(q.layers(), in);
        }
        if (l instanceof ResidualBlock r) {
            List<Layer> inner = r.layers();          // conv1, bn1, conv2, bn2 [, projection, its bn]
            long m = count(inner.subList(0, 4), in);
            if (inner.size() > 4) {
                m += count(inner.subList(4, inner.size()), in);
            }
            return m;
        }
        return 0;
    }
}
