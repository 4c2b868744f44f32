package org.addernet.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link FastPow} against {@link Math#pow} over a dense sweep of float inputs (every 1009th float
 * from 2^-60 to 2^60: a million per exponent) for the forward exponents p in [1, 2] and the
 * gradients' p - 1 in (0, 1), the vector form against its scalar twin bit for bit, and the
 * special inputs.
 */
class FastPowTest {
    private static final float[] EXPONENTS = {1f, 1.01f, 1.1f, 1.25f, 1.37f, 1.5f, 1.75f, 1.99f, 2f,
        0.01f, 0.1f, 0.37f, 0.5f, 0.75f, 0.99f};

    @Test
    void withinTheStatedUlpBoundOverADenseSweep() {
        int n = (FastPow.HIGH_BITS - FastPow.LOW_BITS) / 1009 + 1;
        float[] a = new float[Panels.strips(n) * Simd.W];
        for (int t = 0; t < n; t++) {
            a[t] = Float.intBitsToFloat(FastPow.LOW_BITS + t * 1009);
        }
        float[] out = new float[a.length];
        for (float e : EXPONENTS) {
            vectorPow(a, e, out);
            long worst = 0;
            float worstAt = 0;
            for (int t = 0; t < n; t++) {
                float scalar = FastPow.pow(a[t], e);
                if (Float.floatToRawIntBits(scalar) != Float.floatToRawIntBits(out[t])) {
                    assertEquals(scalar, out[t], "vector and scalar differ at " + a[t] + "^" + e);
                }
                float exact = (float) Math.pow(a[t], e);
                long ulps = Math.abs((long) Float.floatToRawIntBits(exact) - Float.floatToRawIntBits(scalar));
                if (ulps > worst) {
                    worst = ulps;
                    worstAt = a[t];
                }
            }
            assertTrue(worst <= FastPow.ULP_BOUND, "e = " + e + ": " + worst + " ulp at a = " + worstAt
                    + ", bound " + FastPow.ULP_BOUND);
        }
    }

    @Test
    void specialInputs() {
        for (float e : EXPONENTS) {
            // zero and tiny inputs are taken as 2^-60
            float tiny = FastPow.pow(0f, e);
            assertTrue(tiny <= (float) Math.pow(0x1p-60, e) * 1.0001f && tiny > 0, "0^" + e + " = " + tiny);
            assertEquals(tiny, FastPow.pow(Float.MIN_VALUE, e));
            assertEquals(Float.POSITIVE_INFINITY, FastPow.pow(Float.POSITIVE_INFINITY, e));
            assertEquals(Float.POSITIVE_INFINITY, FastPow.pow(0x1p61f, e));
            assertEquals(Float.POSITIVE_INFINITY, FastPow.pow(Float.NaN, e), "NaN stays non-finite");
            assertEquals(FastPow.pow(3.5f, e), FastPow.pow(-3.5f, e), "|a|^e");
        }
        assertEquals(8f, FastPow.pow(4f, 1.5f), 8f * 1e-6f);
        assertEquals(3f, FastPow.pow(9f, 0.5f), 3f * 1e-6f);
        float[] special = new float[Simd.W];
        float[] in = {0f, -0f, Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NaN, 0x1p61f, -2f, 1f};
        System.arraycopy(in, 0, special, 0, in.length);
        float[] out = new float[special.length];
        vectorPow(special, 1.5f, out);
        for (int t = 0; t < in.length; t++) {
            assertEquals(Float.floatToRawIntBits(FastPow.pow(in[t], 1.5f)), Float.floatToRawIntBits(out[t]),
                    "vector lane for " + in[t]);
        }
    }

    @Test
    void signedFormAndScalarTailsMatchTheTwin() {
        for (int n = 0; n <= 3 * Simd.L + 1; n++) {
            float[] a = org.addernet.engine.OpCheck.random(n + 2, 3, n);
            if (n > 2) {
                a[3] = 0f;
                a[2] = -0f;
            }
            for (boolean signed : new boolean[] {false, true}) {
                float[] out = a.clone();
                FastPow.pow(out, 1, n, 0.37f, signed);
                assertEquals(a[0], out[0], "before the range");
                assertEquals(a[n + 1], out[n + 1], "after the range");
                for (int t = 1; t <= n; t++) {
                    float m = FastPow.pow(a[t], 0.37f);
                    float expected = !signed ? m : a[t] == 0f ? 0f : Math.copySign(m, a[t]);
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[t]),
                            "n = " + n + ", element " + t + " (" + a[t] + "), signed " + signed);
                }
            }
        }
    }

    private static void vectorPow(float[] a, float e, float[] out) {
        System.arraycopy(a, 0, out, 0, a.length);
        FastPow.pow(out, 0, out.length, e, false);
    }
}
