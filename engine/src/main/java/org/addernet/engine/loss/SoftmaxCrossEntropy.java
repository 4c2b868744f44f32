package org.addernet.engine.loss;

/**
 * Softmax cross-entropy: {@code l = log sum_c exp(z_c) - z_t}; {@code dl/dz_c = softmax(z)_c - [c = t]}.
 * Logits [B, C]. The prediction is the arg-max.
 */
public final class SoftmaxCrossEntropy implements Loss {
    @Override
    public double forwardBackward(float[] z, int[] t, float[] grad, int batch, int classes) {
        double sum = 0;
        float inv = 1f / batch;
        for (int b = 0; b < batch; b++) {
            int o = b * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, z[o + c]);
            }
            double denom = 0;
            for (int c = 0; c < classes; c++) {
                denom += Math.exp(z[o + c] - max);
            }
            sum += Math.log(denom) + max - z[o + t[b]];
            for (int c = 0; c < classes; c++) {
                double s = Math.exp(z[o + c] - max) / denom;
                grad[o + c] = (float) ((s - (c == t[b] ? 1 : 0)) * inv);
            }
        }
        return sum / batch;
    }

    @Override
    public int correct(float[] z, int[] t, int batch, int classes) {
        int n = 0;
        for (int b = 0; b < batch; b++) {
            int o = b * classes;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (z[o + c] > z[o + best]) {
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
