package org.addernet.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.addernet.engine.kernel.Parallel;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Batch norm splits its channels over threads for large inputs: the outputs, the input gradient,
 * gamma's and beta's gradients and the running statistics are the same bits with 1, 2 or 3
 * workers, and the normalised output has each channel's mean 0 and variance 1 (gamma 1, beta 0).
 */
class BatchNormThreadsTest {
    private static Tensor random(SplittableRandom rng, int... shape) {
        Tensor t = new Tensor(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = (float) (rng.nextGaussian() * 3 + 1);
        }
        return t;
    }

    private record Result(float[] y, float[] dx, float[] dGamma, float[] dBeta, float[] mean, float[] var, float[] eval) {
    }

    private static Result run(Parallel par, Tensor x, Tensor dy) {
        BatchNorm2d bn = new BatchNorm2d(x.dim(1));
        bn.setParallel(par);
        float[] y = bn.forward(x, true).data.clone();
        float[] dx = bn.backward(dy).data.clone();
        float[] ev = bn.forward(x, false).data.clone();
        float[][] stats = bn.runningStats();
        return new Result(y, dx, bn.gamma().grad.clone(), bn.beta().grad.clone(), stats[0], stats[1], ev);
    }

    @Test
    void theSameBitsWithAnyNumberOfThreads() {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = random(rng, 16, 12, 20, 20);       // 76,800 values: above the threshold that splits
        Tensor dy = random(rng, 16, 12, 20, 20);
        Result one = run(Parallel.sequential(), x, dy);
        for (int workers : new int[] {2, 3}) {
            Result r = run(Parallel.create(workers), x, dy);
            assertArrayEquals(one.y(), r.y(), workers + " workers: output");
            assertArrayEquals(one.dx(), r.dx(), workers + " workers: input gradient");
            assertArrayEquals(one.dGamma(), r.dGamma(), workers + " workers: gamma gradient");
            assertArrayEquals(one.dBeta(), r.dBeta(), workers + " workers: beta gradient");
            assertArrayEquals(one.mean(), r.mean(), workers + " workers: running mean");
            assertArrayEquals(one.var(), r.var(), workers + " workers: running variance");
            assertArrayEquals(one.eval(), r.eval(), workers + " workers: evaluation output");
        }
        int hw = 400;
        for (int c = 0; c < 12; c++) {
            double s = 0;
            double q = 0;
            for (int b = 0; b < 16; b++) {
                for (int t = 0; t < hw; t++) {
                    double v = one.y()[(b * 12 + c) * hw + t];
                    s += v;
                    q += v * v;
                }
            }
            double n = 16.0 * hw;
            assertEquals(0, s / n, 1e-5, "channel " + c + " mean");
            assertEquals(1, q / n - (s / n) * (s / n), 1e-3, "channel " + c + " variance");
        }
    }
}
