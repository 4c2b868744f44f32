package org.addernet.engine.nn;

import java.util.List;
import org.addernet.engine.kernel.Reductions;
import org.addernet.engine.tensor.Tensor;

/**
 * Batch normalisation over the batch (eq. 30): {@code y = gamma (x - mu_B) / sqrt(var_B + eps) + beta}
 * per feature. X and Y are [C, B] (feature-major, see {@link org.addernet.engine.kernel}); gamma
 * and beta [C] are Definition 1's a_i and b_i. Training uses
 * the batch statistics (biased variance) and updates running statistics with {@code momentum}
 * (unbiased variance, as PyTorch); evaluation uses the running statistics.
 */
public final class BatchNorm1d implements Layer {
    private final int channels;
    private final float eps;
    private final float momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final float[] runningMean;
    private final float[] runningVar;
    private final float[] invStd;

    private Tensor xhat;
    private Tensor y;
    private Tensor dx;

    public BatchNorm1d(int channels) {
        this(channels, 1e-5f, 0.1f);
    }

    public BatchNorm1d(int channels, float eps, float momentum) {
        if (channels <= 0) {
            throw new IllegalArgumentException("batch norm needs a positive channel count, got " + channels);
        }
        this.channels = channels;
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = new Parameter("gamma", Parameter.Kind.BN_SCALE, channels);
        this.beta = new Parameter("beta", Parameter.Kind.BN_SHIFT, channels);
        java.util.Arrays.fill(gamma.value, 1f);
        this.runningMean = new float[channels];
        this.runningVar = new float[channels];
        java.util.Arrays.fill(runningVar, 1f);
        this.invStd = new float[channels];

    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        if (x.rank() != 2 || x.dim(0) != channels) {
            throw new IllegalArgumentException(describe() + " expects input [" + channels + ", B], got " + x);
        }
        int batch = x.dim(1);
        y = Tensor.ensure(y, channels, batch);
        float[] in = x.data;
        float[] out = y.data;
        if (training) {
            if (batch < 2) {
                throw new IllegalArgumentException("batch norm needs a batch of at least 2 in training, got " + batch);
            }
            xhat = Tensor.ensure(xhat, channels, batch);
            float[] xh = xhat.data;
            for (int c = 0; c < channels; c++) {
                int o = c * batch;
                float m = Reductions.sum(in, o, batch) / batch;
                float v0 = 0f;
                float v1 = 0f;
                int b = 0;
                for (; b + 1 < batch; b += 2) {
                    float d0 = in[o + b] - m;
                    float d1 = in[o + b + 1] - m;
                    v0 += d0 * d0;
                    v1 += d1 * d1;
                }
                if (b < batch) {
                    float d0 = in[o + b] - m;
                    v0 += d0 * d0;
                }
                float var = (v0 + v1) / batch;
                float is = (float) (1.0 / Math.sqrt(var + eps));
                invStd[c] = is;
                float g = gamma.value[c];
                float bt = beta.value[c];
                for (b = 0; b < batch; b++) {
                    float h = (in[o + b] - m) * is;
                    xh[o + b] = h;
                    out[o + b] = g * h + bt;
                }
                runningMean[c] = (1 - momentum) * runningMean[c] + momentum * m;
                runningVar[c] = (1 - momentum) * runningVar[c] + momentum * var * batch / (batch - 1);
            }
        } else {
            for (int c = 0; c < channels; c++) {
                int o = c * batch;
                float is = (float) (1.0 / Math.sqrt(runningVar[c] + eps));
                float g = gamma.value[c] * is;
                float shift = beta.value[c] - runningMean[c] * g;
                for (int b = 0; b < batch; b++) {
                    out[o + b] = in[o + b] * g + shift;
                }
            }
        }
        return y;
    }

    /** dx = gamma * invStd / B * (B dy - sum(dy) - xhat sum(dy xhat)), the closed form of eq. 31. */
    @Override
    public Tensor backward(Tensor gradOut) {
        int batch = xhat.dim(1);
        dx = Tensor.ensure(dx, channels, batch);
        float[] dy = gradOut.data;
        float[] xh = xhat.data;
        float[] out = dx.data;
        for (int c = 0; c < channels; c++) {
            int o = c * batch;
            float sum = Reductions.sum(dy, o, batch);
            float sumXh = Reductions.dot(dy, o, xh, o, batch);
            gamma.grad[c] += sumXh;
            beta.grad[c] += sum;
            float scale = gamma.value[c] * invStd[c] / batch;
            for (int b = 0; b < batch; b++) {
                out[o + b] = scale * (batch * dy[o + b] - sum - xh[o + b] * sumXh);
            }
        }
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }

    /** Copies of the running statistics (mean, variance), for checkpoints and inspection. */
    public float[][] runningStats() {
        return new float[][] {runningMean.clone(), runningVar.clone()};
    }

    public void setRunningStats(float[] mean, float[] var) {
        System.arraycopy(mean, 0, runningMean, 0, channels);
        System.arraycopy(var, 0, runningVar, 0, channels);
    }

    @Override
    public List<float[]> buffers() {
        return List.of(runningMean, runningVar);
    }

    @Override
    public int[] outputShape(int[] shape) {
        if (shape.length != 2 || shape[0] != channels) {
            throw new IllegalArgumentException(describe() + " expects input [" + channels + ", B], got "
                    + java.util.Arrays.toString(shape));
        }
        return shape.clone();
    }

    /** Backward reads its normalised input, never the output. */
    @Override
    public boolean outputFreeAfterUse() {
        return true;
    }

    @Override
    public String describe() {
        return "batchnorm(" + channels + ")";
    }
}
