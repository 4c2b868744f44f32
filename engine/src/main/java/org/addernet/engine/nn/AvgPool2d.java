package org.addernet.engine.nn;

import java.util.Arrays;
import org.addernet.engine.tensor.Tensor;

/**
 * Average pooling of [B, C, H, W] activations over k x k windows at {@code stride}, no padding:
 * Y is [B, C, (H - k) / s + 1, (W - k) / s + 1]; backward spreads {@code dY / k^2} over each window.
 */
public final class AvgPool2d implements Layer {
    private final int kernel;
    private final int stride;
    private Tensor x;
    private Tensor y;
    private Tensor dx;

    public AvgPool2d(int kernel, int stride) {
        if (kernel <= 0 || stride <= 0) {
            throw new IllegalArgumentException("average pooling needs a positive kernel and stride, got " + kernel + ", " + stride);
        }
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        int[] os = outputShape(input.shape());
        x = input;
        y = Tensor.ensure(y, os);
        int h = input.dim(2);
        int w = input.dim(3);
        float inv = 1f / (kernel * kernel);
        float[] in = input.data;
        float[] out = y.data;
        int t = 0;
        for (int plane = 0; plane < os[0] * os[1]; plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < os[2]; oy++) {
                for (int ox = 0; ox < os[3]; ox++) {
                    float s = 0f;
                    for (int i = 0; i < kernel; i++) {
                        int row = base + (oy * stride + i) * w + ox * stride;
                        for (int j = 0; j < kernel; j++) {
                            s += in[row + j];
                        }
                    }
                    out[t++] = s * inv;
                }
            }
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        dx = Tensor.ensureLike(dx, x);
        Arrays.fill(dx.data, 0f);
        int h = x.dim(2);
        int w = x.dim(3);
        int[] os = y.shape();
        float inv = 1f / (kernel * kernel);
        float[] g = gradOut.data;
        float[] d = dx.data;
        int t = 0;
        for (int plane = 0; plane < os[0] * os[1]; plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < os[2]; oy++) {
                for (int ox = 0; ox < os[3]; ox++) {
                    float v = g[t++] * inv;
                    for (int i = 0; i < kernel; i++) {
                        int row = base + (oy * stride + i) * w + ox * stride;
                        for (int j = 0; j < kernel; j++) {
                            d[row + j] += v;
                        }
                    }
                }
            }
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
        return "avgpool" + kernel + "x" + kernel + "(s" + stride + ")";
    }
}
