package org.addernet.engine.loss;

/**
 * Binary cross-entropy with a sigmoid: {@code l = -t log s(z) - (1 - t) log(1 - s(z))}, computed
 * stably as {@code max(z, 0) - z t + log(1 + exp(-|z|))}; {@code dl/dz = s(z) - t}. Logits [1, B];
 * class 1 is predicted when {@code s(z) > 0.5}, i.e. z &gt; 0.
 */
public final class BceWithLogits implements Loss {
    @Override
    public double forwardBackward(float[] z, int[] t, float[] grad, int batch, int classes) {
        check(classes);
        double sum = 0;
        double prod = 1;     // prod (1 + e) <= 2^B: one log per batch instead of one per sample
        float inv = 1f / batch;
        for (int b = 0; b < batch; b++) {
            double zb = z[b];
            int tb = t[b];
            double e = Math.exp(-Math.abs(zb));                 // in (0, 1]
            sum += Math.max(zb, 0) - zb * tb;
            prod *= 1 + e;
            if (prod > 1e300) {
                sum += Math.log(prod);
                prod = 1;
            }
            double s = zb >= 0 ? 1 / (1 + e) : e / (1 + e);      // sigmoid(z)
            grad[b] = (float) ((s - tb) * inv);
        }
        return (sum + Math.log(prod)) / batch;
    }

    @Override
    public int correct(float[] z, int[] t, int batch, int classes) {
        check(classes);
        int wrong = 0;
        for (int b = 0; b < batch; b++) {
            // branch-free: labels are random, so a branch here mispredicts half the time
            wrong += (z[b] > 0f ? 1 : 0) ^ t[b];
        }
        return batch - wrong;
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static void check(int classes) {
        if (classes != 1) {
            throw new IllegalArgumentException("BCE with logits takes one logit per sample, got " + classes);
        }
    }
}
