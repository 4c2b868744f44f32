package org.addernet.engine.nn;

import java.util.Arrays;
import org.addernet.engine.kernel.Parallel;
import org.addernet.engine.tensor.Tensor;

/**
 * Max pooling of [B, C, H, W] activations over k x k windows at {@code stride}, no padding:
 * Y is [B, C, (H - k) / s + 1, (W - k) / s + 1]. Forward remembers where each maximum came from
 * (the first one on ties); backward routes dY there.
 */
public final class MaxPool2d implements Layer {
    private final int kernel;
    private final int stride;
    private int[] argmax = new int[0];
    private Tensor x;
    private Tensor y;
    private Tensor dx;

    public MaxPool2d(int kernel, int stride) {
        if (kernel <= 0 || stride <= 0) {
            throw new IllegalArgumentException("max pooling needs a positive kernel and stride, got " + kernel + ", " + stride);
        }
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        int[] os = outputShape(input.shape());
        x = input;
        y = Tensor.ensure(y, os);
        if (argmax.length != y.size()) {
            argmax = new int[y.size()];
        }
        int h = input.dim(2);
        int w = input.dim(3);
        int ho = os[2];
        int wo = os[3];
        float[] in = input.data;
        float[] out = y.data;
        if (kernel == 2 && stride == 2) {
            pool2x2(in, out, os[0] * os[1], h, w, ho, wo);
            return y;
        }
        int t = 0;
        for (int plane = 0; plane < os[0] * os[1]; plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    int best = base + oy * stride * w + ox * stride;
                    float m = in[best];
                    for (int i = 0; i < kernel; i++) {
                        int row = base + (oy * stride + i) * w + ox * stride;
                        for (int j = 0; j < kernel; j++) {
                            if (in[row + j] > m) {
                                m = in[row + j];
                                best = row + j;
                            }
                        }
                    }
                    out[t] = m;
                    argmax[t++] = best;
                }
            }
        }
        return y;
    }

    /**
     * The common 2x2 / stride 2 window, without data-dependent branches (random activations make
     * every branch a coin toss): the maximum by {@code Math.max}, then which of the four it was
     * from the bits of {@code v - max}, zero exactly for the maximum, so the first maximum in
     * reading order wins as in the general loop. Planes are split over the engine's threads.
     */
    private void pool2x2(float[] in, float[] out, int planes, int h, int w, int ho, int wo) {
        int[] am = argmax;
        int tasks = Math.min(planes, 16);
        Parallel.shared().run(tasks, (long) planes * h * w >= 1 << 16, (task, worker) -> {
            int from = (int) ((long) task * planes / tasks);
            int to = (int) ((long) (task + 1) * planes / tasks);
            for (int plane = from; plane < to; plane++) {
                int base = plane * h * w;
                int t = plane * ho * wo;
                for (int oy = 0; oy < ho; oy++) {
                    int r0 = base + 2 * oy * w;
                    for (int ox = 0; ox < wo; ox++) {
                        int i0 = r0 + 2 * ox;
                        int i2 = i0 + w;
                        float a = in[i0];
                        float b = in[i0 + 1];
                        float c = in[i2];
                        float d = in[i2 + 1];
                        float m = Math.max(Math.max(a, b), Math.max(c, d));
                        out[t] = m;
                        int ba = Float.floatToRawIntBits(a - m);
                        int bb = Float.floatToRawIntBits(b - m);
                        int bc = Float.floatToRawIntBits(c - m);
                        int na = (ba | -ba) >>> 31;          // 1 unless a is the maximum
                        int nb = (bb | -bb) >>> 31;
                        int nc = (bc | -bc) >>> 31;
                        int code = na * (1 + nb * (1 + nc));  // 0..3: the first maximum of a, b, c, d
                        am[t++] = i0 + (code & 1) + (code >> 1) * w;
                    }
                }
            }
        });
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        dx = Tensor.ensureLike(dx, x);
        Arrays.fill(dx.data, 0f);
        float[] g = gradOut.data;
        for (int t = 0; t < g.length; t++) {
            dx.data[argmax[t]] += g[t];
        }
        return dx;
    }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length != 4) {
            throw new IllegalArgumentException(describe() + " expects input [B, C, H, W], got " + Arrays.toString(in));
        }
        return new int[] {in[0], in[1], ConvLayers.pooledSize(describe(), in, in[2], kernel, stride),
                ConvLayers.pooledSize(describe(), in, in[3], kernel, stride)};
    }

    /** Backward reads the input, never the output. */
    @Override
    public boolean outputFreeAfterUse() {
        return true;
    }

    @Override
    public String describe() {
        return "maxpool" + kernel + "x" + kernel + "(s" + stride + ")";
    }
}
