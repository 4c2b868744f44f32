package org.addernet.engine.kernel;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;

/**
 * {@code |a|^e} for {@code 0 <= e <= 2}, as {@code 2^(e log2 a)} in float: the
 * exponent of a read from its bits (a frexp by reinterpretation), {@code log2} of the mantissa
 * m in [1, 2) by a degree-8 polynomial in {@code m - 1}, the product split into an integer n
 * (rounded by adding 1.5 2^23) and a fraction f in [-1/2, 1/2], {@code 2^f} by a degree-6
 * polynomial, and n added into the result's exponent bits. About 30 vector operations, no
 * division, no table, no branch; the Vector API's own {@code POW}, {@code LOG} and {@code EXP}
 * are SVML calls on Java 17 and slower (see the README's speed section).
 *
 * <p>Accuracy, checked against {@link Math#pow} over a dense sweep in {@code FastPowTest}: for
 * {@code 2^-60 <= a <= 2^60} within {@link #ULP_BOUND} ulp of the correctly rounded result.
 * Below {@code 2^-60} (zero and subnormals included) a is taken as {@code 2^-60}, an absolute
 * error under {@code 2^-60} when {@code e >= 1}; callers that need {@code 0^e = 0} exactly
 * (the gradients) ask for the signed form, which gives 0 there. Above {@code 2^60}, infinities and
 * NaN give infinity, so a diverged run still shows as non-finite.
 *
 * <p>{@link #pow(float, float)} is the scalar twin for loop tails: the same operations in the
 * same order, so it returns the very bits of a vector lane ({@link #pow(float[], int, int, float, boolean)}).
 */
public final class FastPow {
    /** The largest error, in ulp of the float result, over the accurate range (measured: 5 at p = 2, 4 at 1.5; stated with margin). */
    public static final int ULP_BOUND = 8;

    static final int LOW_BITS = 0x21800000;          // 2^-60
    static final int HIGH_BITS = 0x5d800000;         // 2^60
    private static final int INF_BITS = 0x7f800000;
    private static final float EXP_BIAS = 8388608f + 127f;   // 2^23 + 127: (2^23 + field) - this = exponent
    private static final float ROUND = 12582912f;    // 1.5 2^23: y + ROUND rounds y to an integer in the low bits

    // log2(1 + t) = t P(t) on [0, 1): max error 2.0e-7 evaluated in float
    private static final float L1 = 1.4426898956298828f;
    private static final float L2 = -0.7211657762527466f;
    private static final float L3 = 0.47868362069129944f;
    private static final float L4 = -0.3473007380962372f;
    private static final float L5 = 0.24186398088932037f;
    private static final float L6 = -0.13752038776874542f;
    private static final float L7 = 0.05205840244889259f;
    private static final float L8 = -0.00930901151150465f;
    // 2^f on [-1/2, 1/2]: max relative error 9.6e-8 evaluated in float
    private static final float E1 = 0.6931471824645996f;
    private static final float E2 = 0.24022646248340607f;
    private static final float E3 = 0.05550328642129898f;
    private static final float E4 = 0.009618489071726799f;
    private static final float E5 = 0.0013399932067841291f;
    private static final float E6 = 0.0001534587936475873f;

    private FastPow() {
    }

    /**
     * In place, for t &lt; n: {@code a[from + t] = |a[from + t]|^e}, or with {@code signed}
     * {@code sgn(a) |a|^e} and exactly 0 where a is 0 (the gradients' {@code sgn(d) |d|^(p-1)}).
     * Whole vectors first, then the scalar twin for the tail. The kernels call this on a block of
     * differences rather than inline a vector pow: HotSpot 17 stops inlining a method into a
     * compilation that has grown past 18,000 nodes, and a vector passed to a method that is not
     * inlined is boxed (20 times slower); so the whole pow sits in this one loop, calling nothing.
     */
    public static void pow(float[] a, int from, int n, float e, boolean signed) {
        FloatVector ev = FloatVector.broadcast(Simd.F, e);
        int t = 0;
        for (; t + Simd.L <= n; t += Simd.L) {
            IntVector raw = (IntVector) FloatVector.fromArray(Simd.F, a, from + t).reinterpretShape(Simd.I, 0);
            IntVector mag = raw.and(Simd.ABS_BITS);
            IntVector bits = mag.max(LOW_BITS).min(HIGH_BITS);
            FloatVector x = ((FloatVector) bits.lanewise(LSHR, 23).or(0x4B000000).reinterpretShape(Simd.F, 0)).sub(EXP_BIAS);
            FloatVector m = ((FloatVector) bits.and(0x007fffff).or(0x3f800000).reinterpretShape(Simd.F, 0)).sub(1f);
            FloatVector poly = m.fma(L8, L7);
            poly = m.fma(poly, FloatVector.broadcast(Simd.F, L6));
            poly = m.fma(poly, FloatVector.broadcast(Simd.F, L5));
            poly = m.fma(poly, FloatVector.broadcast(Simd.F, L4));
            poly = m.fma(poly, FloatVector.broadcast(Simd.F, L3));
            poly = m.fma(poly, FloatVector.broadcast(Simd.F, L2));
            poly = m.fma(poly, FloatVector.broadcast(Simd.F, L1));
            FloatVector el = m.mul(poly).mul(ev);                      // e log2(mantissa)
            FloatVector rounded = x.fma(ev, el).add(ROUND);            // n + ROUND, n = rint(e x + e log2 m)
            FloatVector negN = FloatVector.broadcast(Simd.F, ROUND).sub(rounded);
            FloatVector f = x.fma(ev, negN).add(el);                   // in [-1/2, 1/2]
            FloatVector q = f.fma(E6, E5);
            q = f.fma(q, FloatVector.broadcast(Simd.F, E4));
            q = f.fma(q, FloatVector.broadcast(Simd.F, E3));
            q = f.fma(q, FloatVector.broadcast(Simd.F, E2));
            q = f.fma(q, FloatVector.broadcast(Simd.F, E1));
            q = f.fma(q, FloatVector.broadcast(Simd.F, 1f));
            IntVector r = ((IntVector) q.reinterpretShape(Simd.I, 0))
                    .add(((IntVector) rounded.reinterpretShape(Simd.I, 0)).lanewise(LSHL, 23));
            // masks as integers (all ones or zero): Java 17 compiles float masks and blends slowly
            IntVector big = IntVector.broadcast(Simd.I, HIGH_BITS).sub(mag).lanewise(ASHR, 31);   // |a| > 2^60
            r = r.max(big.and(INF_BITS));
            if (signed) {
                IntVector nonzero = mag.min(1).neg();
                r = r.or(raw.and(Simd.SIGN_BITS)).and(nonzero);
            }
            ((FloatVector) r.reinterpretShape(Simd.F, 0)).intoArray(a, from + t);
        }
        for (; t < n; t++) {
            float v = a[from + t];
            float r = pow(v, e);
            a[from + t] = !signed ? r : v == 0f ? 0f : Math.copySign(r, v);
        }
    }

    /** The scalar twin of the vector loop of {@link #pow(float[], int, int, float, boolean)}: {@code |a|^e}, the same bits. */
    public static float pow(float a, float e) {
        int mag = Float.floatToRawIntBits(a) & Simd.ABS_BITS;
        if (mag > HIGH_BITS) {
            return Float.POSITIVE_INFINITY;
        }
        int bits = Math.max(mag, LOW_BITS);
        float x = Float.intBitsToFloat((bits >>> 23) | 0x4B000000) - EXP_BIAS;
        float t = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f800000) - 1f;
        float poly = Math.fma(t, L8, L7);
        poly = Math.fma(t, poly, L6);
        poly = Math.fma(t, poly, L5);
        poly = Math.fma(t, poly, L4);
        poly = Math.fma(t, poly, L3);
        poly = Math.fma(t, poly, L2);
        poly = Math.fma(t, poly, L1);
        float el = t * poly * e;
        float rounded = Math.fma(x, e, el) + ROUND;
        float negN = ROUND - rounded;
        float f = Math.fma(x, e, negN) + el;
        float q = Math.fma(f, E6, E5);
        q = Math.fma(f, q, E4);
        q = Math.fma(f, q, E3);
        q = Math.fma(f, q, E2);
        q = Math.fma(f, q, E1);
        q = Math.fma(f, q, 1f);
        return Float.intBitsToFloat(Float.floatToRawIntBits(q) + (Float.floatToRawIntBits(rounded) << 23));
    }
}
