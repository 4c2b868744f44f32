package org.addernet.engine.nn;

import java.util.List;
import org.addernet.engine.tensor.Tensor;

/**
 * Batch normalisation over the batch (eq. 30): {@code y = gamma (x - mu_B) / sqrt(var_B + eps) + beta}
 * per feature. X and Y are [B, C]; gamma and beta [C] are Definition 1's a_i and b_i. Training uses
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
    private final float[] mean;
    private final float[] scale;
    private final double[] sum;
    private final double[] sumSq;
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
        this.mean = new float[channels];
        this.scale = new float[channels];
        this.sum = new double[channels];
        this.sumSq = new double[channels];
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        if (x.rank() != 2 || x.dim(1) != channels) {
            throw new IllegalArgumentException(describe() + " expects input [B, " + channels + "], got " + x);
        }
        int batch = x.dim(0);
        y = Tensor.ensure(y, batch, channels);
        float[] in = x.data;
        float[] out = y.data;
        if (training) {
            if (batch < 2) {
                throw new IllegalArgumentException("batch norm needs a batch of at least 2 in training, got " + batch);
            }
            xhat = Tensor.ensure(xhat, batch, channels);
            float[] xh = xhat.data;
            // batch-outer loops: one independent accumulator per channel, contiguous rows
            java.util.Arrays.fill(sum, 0.0);
            java.util.Arrays.fill(sumSq, 0.0);
            for (int b = 0; b < batch; b++) {
                int o = b * channels;
                for (int c = 0; c < channels; c++) {
                    sum[c] += in[o + c];
                }
            }
            for (int c = 0; c < channels; c++) {
                mean[c] = (float) (sum[c] / batch);
            }
            for (int b = 0; b < batch; b++) {
                int o = b * channels;
                for (int c = 0; c < channels; c++) {
                    double d = in[o + c] - mean[c];
                    sumSq[c] += d * d;
                }
            }
            for (int c = 0; c < channels; c++) {
                double var = sumSq[c] / batch;
                invStd[c] = (float) (1.0 / Math.sqrt(var + eps));
                runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mean[c];
                runningVar[c] = (float) ((1 - momentum) * runningVar[c] + momentum * var * batch / (batch - 1));
            }
            float[] g = gamma.value;
            float[] bt = beta.value;
            for (int b = 0; b < batch; b++) {
                int o = b * channels;
                for (int c = 0; c < channels; c++) {
                    float h = (in[o + c] - mean[c]) * invStd[c];
                    xh[o + c] = h;
                    out[o + c] = g[c] * h + bt[c];
                }
            }
        } else {
            for (int c = 0; c < channels; c++) {
                float is = (float) (1.0 / Math.sqrt(runningVar[c] + eps));
                float g = gamma.value[c] * is;
                float shift = beta.value[c] - runningMean[c] * g;
                for (int b = 0; b < batch; b++) {
                    int k = b * channels + c;
                    out[k] = in[k] * g + shift;
                }
            }
        }
        return y;
    }

    /** dx = gamma * invStd / B * (B dy - sum(dy) - xhat sum(dy xhat)), the closed form of eq. 31. */
    @Override
    public Tensor backward(Tensor gradOut) {
        int batch = xhat.dim(0);
        dx = Tensor.ensure(dx, batch, channels);
        float[] dy = gradOut.data;
        float[] xh = xhat.data;
        float[] out = dx.data;
        java.util.Arrays.fill(sum, 0.0);
        java.util.Arrays.fill(sumSq, 0.0);
        for (int b = 0; b < batch; b++) {
            int o = b * channels;
            for (int c = 0; c < channels; c++) {
                sum[c] += dy[o + c];
                sumSq[c] += dy[o + c] * xh[o + c];   // sum of dy * xhat
            }
        }
        for (int c = 0; c < channels; c++) {
            gamma.grad[c] += (float) sumSq[c];
            beta.grad[c] += (float) sum[c];
            scale[c] = gamma.value[c] * invStd[c] / batch;
        }
        for (int b = 0; b < batch; b++) {
            int o = b * channels;
            for (int c = 0; c < channels; c++) {
                out[o + c] = scale[c] * (batch * dy[o + c] - (float) sum[c] - xh[o + c] * (float) sumSq[c]);
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
    public int[] outputShape(int[] shape) {
        if (shape.length != 2 || shape[1] != channels) {
            throw new IllegalArgumentException(describe() + " expects input [B, " + channels + "], got "
                    + java.util.Arrays.toString(shape));
        }
        return shape.clone();
    }

    @Override
    public String describe() {
        return "batchnorm(" + channels + ")";
    }
}
