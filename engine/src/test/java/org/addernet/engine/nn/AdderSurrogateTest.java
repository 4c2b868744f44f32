package org.addernet.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.addernet.engine.OpCheck;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The paper's surrogate gradients checked against their formulas, element by element. */
class AdderSurrogateTest {
    private static final int B = 4, I = 3, O = 2;

    private static AdderDense layer(AdderRules.FilterGradient f, AdderRules.InputGradient in, double eta, double p) {
        AdderDense a = new AdderDense(I, O, new AdderRules(f, in, eta), new SplittableRandom(11));
        a.setP(p);
        return a;
    }

    private static float[] run(AdderDense a, float[] x, float[] gy, float[] dxOut) {
        a.forward(Tensor.wrap(x, I, B), true);
        a.zeroGrad();
        Tensor dx = a.backward(Tensor.wrap(gy, O, B));
        System.arraycopy(dx.data, 0, dxOut, 0, dxOut.length);
        return a.weight().grad.clone();
    }

    @Test
    void fullPrecisionFilterGradientIsXMinusF() {
        float[] x = OpCheck.random(B * I, 2, 1);
        float[] gy = OpCheck.random(B * O, 1, 2);
        for (double p : new double[] {1, 1.5, 2}) {
            AdderDense a = layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.HARDTANH, 0, p);
            float[] w = a.weight().value;
            float[] dx = new float[B * I];
            float[] dw = run(a, x, gy, dx);
            float[] expW = new float[O * I];
            float[] expX = new float[B * I];
            for (int b = 0; b < B; b++) {
                for (int o = 0; o < O; o++) {
                    for (int i = 0; i < I; i++) {
                        float d = x[i * B + b] - w[o * I + i];
                        expW[o * I + i] += gy[o * B + b] * d;                                   // eq. 23
                        expX[i * B + b] += gy[o * B + b] * Math.max(-1f, Math.min(1f, -d));     // HT(F - X)
                    }
                }
            }
            OpCheck.assertClose("full-precision dW p=" + p, new int[] {O, I}, expW, dw, 1e-5, 1e-5);
            OpCheck.assertClose("hardtanh dX p=" + p, new int[] {I, B}, expX, dx, 1e-5, 1e-5);
        }
    }

    @Test
    void signFilterGradientAndEq27InputGradient() {
        float[] x = OpCheck.random(B * I, 2, 3);
        float[] gy = OpCheck.random(B * O, 1, 4);
        double p = 1.6;
        AdderDense a = layer(AdderRules.FilterGradient.SIGN, AdderRules.InputGradient.EQ27, 0, p);
        float[] w = a.weight().value;
        float[] dx = new float[B * I];
        float[] dw = run(a, x, gy, dx);
        float[] expW = new float[O * I];
        float[] expX = new float[B * I];
        for (int b = 0; b < B; b++) {
            for (int o = 0; o < O; o++) {
                for (int i = 0; i < I; i++) {
                    double d = x[i * B + b] - w[o * I + i];
                    expW[o * I + i] += (float) (gy[o * B + b] * Math.signum(d));                                  // eq. 22
                    expX[i * B + b] += (float) (gy[o * B + b] * Math.signum(-d) * Math.pow(Math.abs(d), p - 1)); // eq. 27
                }
            }
        }
        OpCheck.assertClose("sign dW", new int[] {O, I}, expW, dw, 1e-5, 1e-5);
        OpCheck.assertClose("eq27 dX", new int[] {I, B}, expX, dx, 1e-5, 1e-4);
    }

    @Test
    void autoInputGradientIsHardTanhAtP1AndEq27Above() {
        float[] x = OpCheck.random(B * I, 2, 5);
        float[] gy = OpCheck.random(B * O, 1, 6);
        for (double p : new double[] {1, 1.4}) {
            float[] dxAuto = new float[B * I];
            float[] dxRef = new float[B * I];
            run(layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.AUTO, 0, p), x, gy, dxAuto);
            AdderRules.InputGradient ref = p == 1 ? AdderRules.InputGradient.HARDTANH : AdderRules.InputGradient.EQ27;
            run(layer(AdderRules.FilterGradient.FULL_PRECISION, ref, 0, p), x, gy, dxRef);
            OpCheck.assertClose("auto dX p=" + p, new int[] {I, B}, dxRef, dxAuto, 0, 0);
        }
    }

    @Test
    void adaptiveScalingGivesNormEtaSqrtKAndKeepsDirection() {
        float[] x = OpCheck.random(B * I, 2, 7);
        float[] gy = OpCheck.random(B * O, 1, 8);
        float[] dx = new float[B * I];
        float[] raw = run(layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.HARDTANH, 0, 1), x, gy, dx);
        AdderDense scaled = layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.HARDTANH, 0.2, 1);
        float[] dw = run(scaled, x, gy, dx);
        double rawNorm = Parameter.l2(raw);
        double eta = 0.2;
        double k = O * I;
        assertEquals(eta * Math.sqrt(k), Parameter.l2(dw), 1e-5, "||alpha_l dW|| = eta sqrt(k) (eq. 33)");
        float[] expected = new float[raw.length];
        for (int j = 0; j < raw.length; j++) {
            expected[j] = (float) (raw[j] * eta * Math.sqrt(k) / rawNorm);
        }
        OpCheck.assertClose("adaptive dW", new int[] {O, I}, expected, dw, 1e-6, 1e-5);
        assertEquals(rawNorm, scaled.weight().gradNorm(), 1e-6, "reported norm is the raw gradient's");
    }

    @Test
    void forwardIsNegativeLpDistanceByHand() {
        AdderDense a = layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.AUTO, 0, 1);
        float[] w = a.weight().value;
        System.arraycopy(new float[] {0, 0, 0, 1, 1, 1}, 0, w, 0, 6);
        float[] x = new float[I * B];       // sample 0 is (1, 2, 3), feature-major
        x[0] = 1;
        x[B] = 2;
        x[2 * B] = 3;
        Tensor y = a.forward(Tensor.wrap(x, I, B), false);
        assertEquals(-6f, y.data[0], 0f);   // |1|+|2|+|3|
        assertEquals(-3f, y.data[B], 0f);   // |0|+|1|+|2|
        a.setP(2);
        y = a.forward(Tensor.wrap(x, I, B), false);
        assertEquals(-14f, y.data[0], 0f);  // 1+4+9
        assertEquals(-5f, y.data[B], 0f);   // 0+1+4
    }
}
