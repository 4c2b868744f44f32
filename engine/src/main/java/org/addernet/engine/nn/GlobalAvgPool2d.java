package org.addernet.engine.nn;

import java.util.Arrays;
import org.addernet.engine.kernel.Reductions;
import org.addernet.engine.tensor.Tensor;

/**
 * Global average pooling: [B, C, H, W] to [B, C, 1, 1], the mean of each channel's H x W
 * pixels (ResNet's last pooling); {@link Flatten} turns the result into dense features.
 */
public final class GlobalAvgPool2d implements Layer {
    private Tensor x;
    private Tensor y;
    private Tensor dx;

    @Override
    public Tensor forward(Tensor input, boolean training) {
        int[] os = outputShape(input.shape());
        x = input;
        y = Tensor.ensure(y, os);
        int hw = input.dim(2) * input.dim(3);
        for (int plane = 0; plane < os[0] * os[1]; plane++) {
            y.data[plane] = Reductions.sum(input.data, plane * hw, hw) / hw;
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        dx = Tensor.ensureLike(dx, x);
        int hw = x.dim(2) * x.dim(3);
        for (int plane = 0; plane < gradOut.size(); plane++) {
            Arrays.fill(dx.data, plane * hw, (plane + 1) * hw, gradOut.data[plane] / hw);
        }
        return dx;
    }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length != 4 || in[2] <= 0 || in[3] <= 0) {
            throw new IllegalArgumentException(describe() + " expects input [B, C, H, W], got " + Arrays.toString(in));
        }
        return new int[] {in[0], in[1], 1, 1};
    }

    /** Backward reads the input, never the output. */
    @Override
    public boolean outputFreeAfterUse() {
        return true;
    }

    @Override
    public String describe() {
        return "globalavgpool";
    }
}
