package org.addernet.engine.loss;

/**
 * Softmax cross-entropy: {@code l = log sum_c exp(z_c) - z_t}; {@code dl/dz_c = softmax(z)_c - [c = t]}.
 * Logits [C, B] (feature-major: class c of sample b at {@code c * B + b}). The prediction is the arg-max.
 */
public final class SoftmaxCrossEntropy implements Loss {
    @Override
    public double forwardBackward(float[] z, int[] t, float[] grad, int batch, int classes) {
        double sum = 0;
        float inv = 1f / batch;
        for (int b = 0; b < batch; b++) {
            int o = b;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, z[o + c * batch]);
            }
            double denom = 0;
            for (int c = 0; c < classes; c++) {
                denom += Math.exp(z[o + c * batch] - max);
            }
            sum += Math.log(denom) + max - z[o + t[b] * batch];
            for (int c = 0; c < classes; c++) {
                double s = Math.exp(z[o + c * batch] - max) / denom;
                grad[o + c * batch] = (float) ((s - (c == t[b] ? 1 : 0)) * inv);
            }
        }
        return sum / batch;
    }

    @Override
    public int correct(float[] z, int[] t, int batch, int classes) {
        int n = 0;
        for (int b = 0; b < batch; b++) {
            int o = b;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (z[o + c * batch] > z[o + best * batch]) {
                    best = c;
                }
            }
            if (best == t[b]) {
                n++;
            }
        }
        return n;
    }
}
