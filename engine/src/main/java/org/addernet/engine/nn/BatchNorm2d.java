package org.addernet.engine.nn;

import java.util.Arrays;
import java.util.List;
import org.addernet.engine.kernel.Parallel;
import org.addernet.engine.kernel.Reductions;
import org.addernet.engine.tensor.Tensor;

/**
 * Batch normalisation per channel of [B, C, H, W] activations (eq. 30, over the B H W values of
 * each channel): {@code y = gamma (x - mu) / sqrt(var + eps) + beta}, gamma and beta [C]
 * (Definition 1's a_i and b_i). Training uses the batch statistics (biased variance) and updates
 * the running statistics with {@code momentum} (unbiased variance, as PyTorch); evaluation uses
 * the running statistics. Channel sums are taken per image row in float, then added in double.
 * Training keeps the input (which the layer before keeps anyway) and the batch statistics, and
 * backward recomputes {@code xhat = (x - mu) invStd} from them rather than keep a tensor of it.
 * Channels are independent, so large inputs split their channels over the engine's threads
 * ({@link Parallel#shared()} unless {@link #setParallel} says otherwise): each channel is computed by one thread in the same order, and the
 * results are the same bits with any number of threads.
 */
public final class BatchNorm2d implements Layer {
    private final int channels;
    private final float eps;
    private final float momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final float[] runningMean;
    private final float[] runningVar;
    private final float[] invStd;
    private final float[] batchMean;
    private Tensor x;
    private Tensor y;
    private Tensor dx;
    private Parallel parallel = Parallel.shared();

    public BatchNorm2d(int channels) {
        this(channels, 1e-5f, 0.1f);
    }

    public BatchNorm2d(int channels, float eps, float momentum) {
        if (channels <= 0) {
            throw new IllegalArgumentException("batch norm needs a positive channel count, got " + channels);
        }
        this.channels = channels;
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = new Parameter("gamma", Parameter.Kind.BN_SCALE, channels);
        this.beta = new Parameter("beta", Parameter.Kind.BN_SHIFT, channels);
        Arrays.fill(gamma.value, 1f);
        this.runningMean = new float[channels];
        this.runningVar = new float[channels];
        Arrays.fill(runningVar, 1f);
        this.invStd = new float[channels];
        this.batchMean = new float[channels];
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        ConvLayers.checkImages(describe(), channels, x.shape());
        int batch = x.dim(0);
        int hw = x.dim(2) * x.dim(3);
        y = Tensor.ensureLike(y, x);
        float[] in = x.data;
        float[] out = y.data;
        if (!training) {
            perChannel(batch, hw, c -> {
                float is = (float) (1.0 / Math.sqrt(runningVar[c] + eps));
                float g = gamma.value[c] * is;
                float shift = beta.value[c] - runningMean[c] * g;
                for (int b = 0; b < batch; b++) {
                    int o = (b * channels + c) * hw;
                    for (int t = o; t < o + hw; t++) {
                        out[t] = in[t] * g + shift;
                    }
                }
            });
            return y;
        }
        long n = (long) batch * hw;
        if (n < 2) {
            throw new IllegalArgumentException(describe() + " needs at least 2 values per channel in training, got input "
                    + Arrays.toString(x.shape()));
        }
        this.x = x;
        perChannel(batch, hw, c -> {
            double s = 0;
            for (int b = 0; b < batch; b++) {
                s += Reductions.sum(in, (b * channels + c) * hw, hw);
            }
            float m = (float) (s / n);
            double v = 0;
            for (int b = 0; b < batch; b++) {
                v += squaredDeviations(in, (b * channels + c) * hw, hw, m);
            }
            float var = (float) (v / n);
            float is = (float) (1.0 / Math.sqrt(var + eps));
            invStd[c] = is;
            batchMean[c] = m;
            float g = gamma.value[c];
            float bt = beta.value[c];
            for (int b = 0; b < batch; b++) {
                int o = (b * channels + c) * hw;
                for (int t = o; t < o + hw; t++) {
                    out[t] = g * ((in[t] - m) * is) + bt;
                }
            }
            runningMean[c] = (1 - momentum) * runningMean[c] + momentum * m;
            runningVar[c] = (float) ((1 - momentum) * runningVar[c] + momentum * (v / (n - 1)));
        });
        return y;
    }

    /** One channel's work. */
    private interface ChannelBody {
        void run(int channel);
    }

    /** Runs {@code body} for every channel, channel ranges split over the engine's threads when the input is large. */
    private void perChannel(int batch, int hw, ChannelBody body) {
        int tasks = Math.min(channels, 16);
        parallel.run(tasks, (long) batch * hw * channels >= 1 << 16, (task, worker) -> {
            int from = (int) ((long) task * channels / tasks);
            int to = (int) ((long) (task + 1) * channels / tasks);
            for (int c = from; c < to; c++) {
                body.run(c);
            }
        });
    }

    /** {@code sum (a[k] - m)^2} over a run, four accumulators. */
    private static float squaredDeviations(float[] a, int from, int len, float m) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            float d0 = a[from + k] - m;
            float d1 = a[from + k + 1] - m;
            float d2 = a[from + k + 2] - m;
            float d3 = a[from + k + 3] - m;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; k < len; k++) {
            float d = a[from + k] - m;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code dx = gamma invStd / n (n dy - sum(dy) - xhat sum(dy xhat))} per channel, n = B H W. */
    @Override
    public Tensor backward(Tensor gradOut) {
        dx = Tensor.ensureLike(dx, x);
        return gradient(gradOut, dx);
    }

    /** Writes the input gradient over gradOut (each value is read before it is written). */
    @Override
    public Tensor backwardInPlace(Tensor gradOut) {
        return gradient(gradOut, gradOut);
    }

    private Tensor gradient(Tensor gradOut, Tensor into) {
        int batch = x.dim(0);
        int hw = x.dim(2) * x.dim(3);
        long n = (long) batch * hw;
        float[] dy = gradOut.data;
        float[] in = x.data;
        float[] out = into.data;
        perChannel(batch, hw, c -> {
            float m = batchMean[c];
            float is = invStd[c];
            double sum = 0;
            double sumXh = 0;
            for (int b = 0; b < batch; b++) {
                int o = (b * channels + c) * hw;
                sum += Reductions.sum(dy, o, hw);
                sumXh += normalisedDot(dy, in, o, hw, m, is);
            }
            gamma.grad[c] += (float) sumXh;
            beta.grad[c] += (float) sum;
            float scale = (float) (gamma.value[c] * invStd[c] / n);
            float fn = n;
            float fs = (float) sum;
            float fx = (float) sumXh;
            for (int b = 0; b < batch; b++) {
                int o = (b * channels + c) * hw;
                for (int t = o; t < o + hw; t++) {
                    out[t] = scale * (fn * dy[t] - fs - ((in[t] - m) * is) * fx);
                }
            }
        });
        return into;
    }

    /** {@code sum dy[t] xhat[t]} over a run, with {@code xhat = (x - m) is} as forward computed it; four accumulators. */
    private static float normalisedDot(float[] dy, float[] x, int from, int len, float m, float is) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += dy[from + k] * ((x[from + k] - m) * is);
            s1 += dy[from + k + 1] * ((x[from + k + 1] - m) * is);
            s2 += dy[from + k + 2] * ((x[from + k + 2] - m) * is);
            s3 += dy[from + k + 3] * ((x[from + k + 3] - m) * is);
        }
        for (; k < len; k++) {
            s0 += dy[from + k] * ((x[from + k] - m) * is);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The threads large inputs split their channels over ({@link Parallel#shared()} unless set). */
    public void setParallel(Parallel parallel) {
        this.parallel = parallel;
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
        if (mean.length != channels || var.length != channels) {
            throw new IllegalArgumentException(describe() + " expects running statistics of " + channels
                    + " channels, got " + mean.length + " and " + var.length);
        }
        System.arraycopy(mean, 0, runningMean, 0, channels);
        System.arraycopy(var, 0, runningVar, 0, channels);
    }

    @Override
    public List<float[]> buffers() {
        return List.of(runningMean, runningVar);
    }

    @Override
    public int[] outputShape(int[] in) {
        ConvLayers.checkImages(describe(), channels, in);
        return in.clone();
    }

    /** Backward reads the input, never the output. */
    @Override
    public boolean outputFreeAfterUse() {
        return true;
    }

    @Override
    public String describe() {
        return "batchnorm2d(" + channels + ")";
    }
}
