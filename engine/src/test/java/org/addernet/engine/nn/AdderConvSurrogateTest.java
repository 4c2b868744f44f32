package org.addernet.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.addernet.engine.OpCheck;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The paper's surrogate gradients of the adder convolution checked against their formulas on a
 * tiny case: 2 images of 2 channels, 3 x 3 pixels, 2 filters of 2 x 2 at stride 1, padding 1, so
 * that every output sees some padding.
 */
class AdderConvSurrogateTest {
    private static final int B = 2, C = 2, H = 3, O = 2, K = 2, P = 1, HO = H + 2 * P - K + 1;

    private static AdderConv2d layer(AdderRules.FilterGradient f, AdderRules.InputGradient in, double eta, double p) {
        AdderConv2d a = new AdderConv2d(C, O, K, 1, P, new AdderRules(f, in, eta), new SplittableRandom(31));
        a.setP(p);
        return a;
    }

    private static float[] run(AdderConv2d a, float[] x, float[] gy, float[] dxOut) {
        a.forward(Tensor.wrap(x, B, C, H, H), true);
        a.zeroGrad();
        Tensor dx = a.backward(Tensor.wrap(gy, B, O, HO, HO));
        System.arraycopy(dx.data, 0, dxOut, 0, dxOut.length);
        return a.weight().grad.clone();
    }

    /** Element (b, c, y, x) of X with zeros outside. */
    private static float pixel(float[] x, int b, int c, int y, int xx) {
        return y < 0 || y >= H || xx < 0 || xx >= H ? 0f : x[((b * C + c) * H + y) * H + xx];
    }

    /** A rule of (X - F) for the filter, and of (F - X) for the input, summed with dY as weights. */
    private interface Rule {
        double of(double v);
    }

    private static void expected(float[] x, float[] w, float[] gy, Rule filter, Rule input, float[] dw, float[] dx) {
        for (int b = 0; b < B; b++) {
            for (int o = 0; o < O; o++) {
                for (int oy = 0; oy < HO; oy++) {
                    for (int ox = 0; ox < HO; ox++) {
                        double g = gy[((b * O + o) * HO + oy) * HO + ox];
                        for (int c = 0; c < C; c++) {
                            for (int i = 0; i < K; i++) {
                                for (int j = 0; j < K; j++) {
                                    int y = oy + i - P;
                                    int xx = ox + j - P;
                                    int wi = ((o * C + c) * K + i) * K + j;
                                    double d = pixel(x, b, c, y, xx) - w[wi];
                                    dw[wi] += (float) (g * filter.of(d));          // padding included
                                    if (y >= 0 && y < H && xx >= 0 && xx < H) {     // padding has no gradient
                                        dx[((b * C + c) * H + y) * H + xx] += (float) (g * input.of(-d));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void fullPrecisionFilterGradientIsXMinusFAndHardTanhInputGradient() {
        float[] x = OpCheck.random(B * C * H * H, 2, 1);
        float[] gy = OpCheck.random(B * O * HO * HO, 1, 2);
        for (double p : new double[] {1, 1.5, 2}) {
            AdderConv2d a = layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.HARDTANH, 0, p);
            float[] dx = new float[x.length];
            float[] dw = run(a, x, gy, dx);
            float[] expW = new float[dw.length];
            float[] expX = new float[x.length];
            expected(x, a.weight().value, gy, d -> d, e -> Math.max(-1, Math.min(1, e)), expW, expX);  // eq. 23, HT
            OpCheck.assertClose("full-precision dF p=" + p, a.weight().shape(), expW, dw, 1e-5, 1e-5);
            OpCheck.assertClose("hardtanh dX p=" + p, new int[] {B, C, H, H}, expX, dx, 1e-5, 1e-5);
        }
    }

    @Test
    void signFilterGradientAndEq27InputGradient() {
        float[] x = OpCheck.random(B * C * H * H, 2, 3);
        float[] gy = OpCheck.random(B * O * HO * HO, 1, 4);
        double p = 1.6;
        AdderConv2d a = layer(AdderRules.FilterGradient.SIGN, AdderRules.InputGradient.EQ27, 0, p);
        float[] dx = new float[x.length];
        float[] dw = run(a, x, gy, dx);
        float[] expW = new float[dw.length];
        float[] expX = new float[x.length];
        expected(x, a.weight().value, gy, Math::signum, e -> Math.signum(e) * Math.pow(Math.abs(e), p - 1), expW, expX);
        OpCheck.assertClose("sign dF (eq. 22)", a.weight().shape(), expW, dw, 1e-5, 1e-5);
        OpCheck.assertClose("eq. 27 dX", new int[] {B, C, H, H}, expX, dx, 1e-5, 1e-4);
    }

    @Test
    void eq27AtP1IsTheSignAndAtP2TheDifference() {
        float[] x = OpCheck.random(B * C * H * H, 2, 5);
        float[] gy = OpCheck.random(B * O * HO * HO, 1, 6);
        for (double p : new double[] {1, 2}) {
            AdderConv2d a = layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.EQ27, 0, p);
            float[] dx = new float[x.length];
            float[] dw = run(a, x, gy, dx);
            float[] expW = new float[dw.length];
            float[] expX = new float[x.length];
            Rule in = p == 1 ? Math::signum : e -> e;
            expected(x, a.weight().value, gy, d -> d, in, expW, expX);
            OpCheck.assertClose("eq. 27 dX p=" + p, new int[] {B, C, H, H}, expX, dx, 1e-5, 1e-5);
        }
    }

    @Test
    void autoInputGradientIsHardTanhAtP1AndEq27Above() {
        float[] x = OpCheck.random(B * C * H * H, 2, 7);
        float[] gy = OpCheck.random(B * O * HO * HO, 1, 8);
        for (double p : new double[] {1, 1.4}) {
            float[] dxAuto = new float[x.length];
            float[] dxRef = new float[x.length];
            run(layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.AUTO, 0, p), x, gy, dxAuto);
            AdderRules.InputGradient ref = p == 1 ? AdderRules.InputGradient.HARDTANH : AdderRules.InputGradient.EQ27;
            run(layer(AdderRules.FilterGradient.FULL_PRECISION, ref, 0, p), x, gy, dxRef);
            OpCheck.assertClose("auto dX p=" + p, new int[] {B, C, H, H}, dxRef, dxAuto, 0, 0);
        }
    }

    @Test
    void adaptiveScalingGivesNormEtaSqrtKAndKeepsDirection() {
        float[] x = OpCheck.random(B * C * H * H, 2, 9);
        float[] gy = OpCheck.random(B * O * HO * HO, 1, 10);
        float[] dx = new float[x.length];
        float[] raw = run(layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.HARDTANH, 0, 1), x, gy, dx);
        AdderConv2d scaled = layer(AdderRules.FilterGradient.FULL_PRECISION, AdderRules.InputGradient.HARDTANH, 0.2, 1);
        float[] dw = run(scaled, x, gy, dx);
        double rawNorm = Parameter.l2(raw);
        double k = raw.length;
        assertEquals(0.2 * Math.sqrt(k), Parameter.l2(dw), 1e-5, "||alpha_l dF|| = eta sqrt(k) (eq. 33)");
        float[] expectedDw = new float[raw.length];
        for (int j = 0; j < raw.length; j++) {
            expectedDw[j] = (float) (raw[j] * 0.2 * Math.sqrt(k) / rawNorm);
        }
        OpCheck.assertClose("adaptive dF", scaled.weight().shape(), expectedDw, dw, 1e-6, 1e-5);
        assertEquals(rawNorm, scaled.weight().gradNorm(), 1e-5, "reported norm is the raw gradient's");
    }
}
