package org.addernet.engine.nn;

import java.util.Arrays;
import org.addernet.engine.tensor.Tensor;

/**
 * From batch-first images to dense features: [B, d1, d2, ...] (such as [B, C, H, W]) to the
 * feature-major [d1 d2 ..., B] that {@link Linear}, {@link AdderDense} and {@link BatchNorm1d}
 * take, feature {@code f} being the row-major index within one sample. Backward transposes back.
 */
public final class Flatten implements Layer {
    private int[] inShape;
    private Tensor y;
    private Tensor dx;

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int[] os = outputShape(x.shape());
        inShape = x.shape();
        y = Tensor.ensure(y, os);
        transpose(x.data, y.data, os[1], os[0]);
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        dx = Tensor.ensure(dx, inShape);
        transpose(gradOut.data, dx.data, gradOut.dim(0), inShape[0]);
        return dx;
    }

    /** {@code out[c * rows + r] = in[r * cols + c]}: [rows, cols] to [cols, rows]. */
    private static void transpose(float[] in, float[] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = in[o + c];
            }
        }
    }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length < 2) {
            throw new IllegalArgumentException(describe() + " expects input [B, d1, ...], got " + Arrays.toString(in));
        }
        long f = 1;
        for (int k = 1; k < in.length; k++) {
            f *= in[k];
        }
        if (f <= 0 || f > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(describe() + " cannot flatten " + Arrays.toString(in));
        }
        return new int[] {(int) f, in[0]};
    }

    /** Backward reads the input, never the output. */
    @Override
    public boolean outputFreeAfterUse() {
        return true;
    }

    @Override
    public String describe() {
        return "flatten";
    }
}
