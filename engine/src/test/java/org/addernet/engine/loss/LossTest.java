package org.addernet.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.addernet.engine.OpCheck;
import org.junit.jupiter.api.Test;

class LossTest {
    private static void checkGradient(Loss loss, float[] z, int[] t, int batch, int classes) {
        float[] grad = new float[z.length];
        loss.forwardBackward(z, t, grad, batch, classes);
        float[] fd = new float[z.length];
        float[] scratch = new float[z.length];
        double eps = 1e-3;
        for (int k = 0; k < z.length; k++) {
            float orig = z[k];
            z[k] = (float) (orig + eps);
            double plus = loss.forwardBackward(z, t, scratch, batch, classes);
            z[k] = (float) (orig - eps);
            double minus = loss.forwardBackward(z, t, scratch, batch, classes);
            z[k] = orig;
            fd[k] = (float) ((plus - minus) / (2 * eps));
        }
        OpCheck.assertClose(loss.getClass().getSimpleName(), new int[] {batch, classes}, fd, grad, 1e-4, 1e-3);
    }

    @Test
    void bceMatchesItsFormulaAndFiniteDifferences() {
        BceWithLogits bce = new BceWithLogits();
        float[] z = {2f, -1f, 0f, 30f};
        int[] t = {1, 1, 0, 0};
        double expected = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(1)) + Math.log(2) + 30 + Math.log1p(Math.exp(-30))) / 4;
        assertEquals(expected, bce.forwardBackward(z, t, new float[4], 4, 1), 1e-9);
        assertEquals(2, bce.correct(z, t, 4, 1));
        checkGradient(bce, new float[] {0.3f, -1.2f, 2.5f}, new int[] {1, 0, 0}, 3, 1);
    }

    @Test
    void softmaxCrossEntropyMatchesFiniteDifferences() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        float[] z = OpCheck.random(12, 2, 3);
        checkGradient(ce, z, new int[] {0, 3, 1}, 3, 4);
        float[] uniform = new float[8];
        assertEquals(Math.log(4), ce.forwardBackward(uniform, new int[] {2, 1}, new float[8], 2, 4), 1e-9);
    }
}
