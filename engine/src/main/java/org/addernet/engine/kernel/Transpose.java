package org.addernet.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShuffle;

/**
 * Transposes of 16 x 16 blocks of floats in registers (AVX-512's 16 lanes), for the channels-last
 * copies of {@link Im2col#padChannelsLast}: 16 planes' runs of 16 pixels become 16 pixels' runs of
 * 16 planes. Values are moved, never computed, so the copy is the same whichever way it is made.
 * Only at 16 lanes: the 8 x 8 form with 8 lanes (AVX2) measured slower than the scalar copy (6-13
 * against 4-6 us an image), and splitting the 16 x 16 butterfly into two methods through a buffer
 * slower too (5-6 against 2.4-3.2 us).
 */
final class Transpose {
    private static final int STAGES = Integer.numberOfTrailingZeros(Simd.L);
    /** Per butterfly stage s (lane distance d = 2^s): lane l reads lane l - d, and l + d. */
    @SuppressWarnings("unchecked")
    private static final VectorShuffle<Float>[] DOWN = new VectorShuffle[STAGES];
    @SuppressWarnings("unchecked")
    private static final VectorShuffle<Float>[] UP = new VectorShuffle[STAGES];
    /** Per stage, L ints: all ones on the lanes whose bit s is set. */
    private static final int[] MASKS = new int[STAGES * Simd.L];

    static {
        for (int s = 0; s < STAGES; s++) {
            int d = 1 << s;
            int[] down = new int[Simd.L];
            int[] up = new int[Simd.L];
            for (int l = 0; l < Simd.L; l++) {
                down[l] = (l - d + Simd.L) % Simd.L;
                up[l] = (l + d) % Simd.L;
                MASKS[s * Simd.L + l] = (l & d) != 0 ? -1 : 0;
            }
            DOWN[s] = VectorShuffle.fromArray(Simd.F, down, 0);
            UP[s] = VectorShuffle.fromArray(Simd.F, up, 0);
        }
    }

    private Transpose() {
    }

    /** Whether {@link #planesToPixels} applies: 16 lanes. */
    static boolean available() {
        return Simd.L == 16;
    }

    /**
     * Planes {@code c0 .. c0 + L - 1} of the [C, hw] image at {@code x[xOff ..]}, pixels
     * {@code q0 .. q0 + L - 1}: writes pixel {@code q0 + r}'s L values at {@code out[dst[r] + c0]}.
     */
    static void planesToPixels(float[] x, int xOff, int hw, int c0, int q0, float[] out, int[] dst) {
        block16(x, xOff + c0 * hw + q0, hw, out, dst, c0);
    }

    /**
     * 16 planes x 16 pixels: row r (plane r, 16 consecutive pixels) at {@code x[src + r hw]};
     * writes pixel r's 16 values (one per plane) at {@code out[dst[r] + dOff]}. A butterfly over
     * lane distances 1, 2, 4, 8, each step a lane rotation and two integer masks.
     */
    private static void block16(float[] x, int src, int hw, float[] out, int[] dst, int dOff) {
        IntVector a0 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 0 * hw).reinterpretShape(Simd.I, 0);
        IntVector a1 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 1 * hw).reinterpretShape(Simd.I, 0);
        IntVector a2 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 2 * hw).reinterpretShape(Simd.I, 0);
        IntVector a3 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 3 * hw).reinterpretShape(Simd.I, 0);
        IntVector a4 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 4 * hw).reinterpretShape(Simd.I, 0);
        IntVector a5 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 5 * hw).reinterpretShape(Simd.I, 0);
        IntVector a6 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 6 * hw).reinterpretShape(Simd.I, 0);
        IntVector a7 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 7 * hw).reinterpretShape(Simd.I, 0);
        IntVector a8 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 8 * hw).reinterpretShape(Simd.I, 0);
        IntVector a9 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 9 * hw).reinterpretShape(Simd.I, 0);
        IntVector a10 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 10 * hw).reinterpretShape(Simd.I, 0);
        IntVector a11 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 11 * hw).reinterpretShape(Simd.I, 0);
        IntVector a12 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 12 * hw).reinterpretShape(Simd.I, 0);
        IntVector a13 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 13 * hw).reinterpretShape(Simd.I, 0);
        IntVector a14 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 14 * hw).reinterpretShape(Simd.I, 0);
        IntVector a15 = (IntVector) FloatVector.fromArray(Simd.F, x, src + 15 * hw).reinterpretShape(Simd.I, 0);
        IntVector m1 = IntVector.fromArray(Simd.I, MASKS, 0 * Simd.L);
        IntVector n1 = m1.not();
        IntVector b1 = a0.and(n1).or(((IntVector) ((FloatVector) a1.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[0]).reinterpretShape(Simd.I, 0)).and(m1));
        IntVector b2 = a1.and(m1).or(((IntVector) ((FloatVector) a0.reinterpretShape(Simd.F, 0))
                .rearrange(UP[0]).reinterpretShape(Simd.I, 0)).and(n1));
        IntVector b3 = a2.and(n1).or(((IntVector) ((FloatVector) a3.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[0]).reinterpretShape(Simd.I, 0)).and(m1));
        IntVector b4 = a3.and(m1).or(((IntVector) ((FloatVector) a2.reinterpretShape(Simd.F, 0))
                .rearrange(UP[0]).reinterpretShape(Simd.I, 0)).and(n1));
        IntVector b5 = a4.and(n1).or(((IntVector) ((FloatVector) a5.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[0]).reinterpretShape(Simd.I, 0)).and(m1));
        IntVector b6 = a5.and(m1).or(((IntVector) ((FloatVector) a4.reinterpretShape(Simd.F, 0))
                .rearrange(UP[0]).reinterpretShape(Simd.I, 0)).and(n1));
        IntVector b7 = a6.and(n1).or(((IntVector) ((FloatVector) a7.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[0]).reinterpretShape(Simd.I, 0)).and(m1));
        IntVector b8 = a7.and(m1).or(((IntVector) ((FloatVector) a6.reinterpretShape(Simd.F, 0))
                .rearrange(UP[0]).reinterpretShape(Simd.I, 0)).and(n1));
        IntVector b9 = a8.and(n1).or(((IntVector) ((FloatVector) a9.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[0]).reinterpretShape(Simd.I, 0)).and(m1));
        IntVector b10 = a9.and(m1).or(((IntVector) ((FloatVector) a8.reinterpretShape(Simd.F, 0))
                .rearrange(UP[0]).reinterpretShape(Simd.I, 0)).and(n1));
        IntVector b11 = a10.and(n1).or(((IntVector) ((FloatVector) a11.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[0]).reinterpretShape(Simd.I, 0)).and(m1));
        IntVector b12 = a11.and(m1).or(((IntVector) ((FloatVector) a10.reinterpretShape(Simd.F, 0))
                .rearrange(UP[0]).reinterpretShape(Simd.I, 0)).and(n1));
        IntVector b13 = a12.and(n1).or(((IntVector) ((FloatVector) a13.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[0]).reinterpretShape(Simd.I, 0)).and(m1));
        IntVector b14 = a13.and(m1).or(((IntVector) ((FloatVector) a12.reinterpretShape(Simd.F, 0))
                .rearrange(UP[0]).reinterpretShape(Simd.I, 0)).and(n1));
        IntVector b15 = a14.and(n1).or(((IntVector) ((FloatVector) a15.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[0]).reinterpretShape(Simd.I, 0)).and(m1));
        IntVector b16 = a15.and(m1).or(((IntVector) ((FloatVector) a14.reinterpretShape(Simd.F, 0))
                .rearrange(UP[0]).reinterpretShape(Simd.I, 0)).and(n1));
        IntVector m2 = IntVector.fromArray(Simd.I, MASKS, 1 * Simd.L);
        IntVector n2 = m2.not();
        IntVector b17 = b1.and(n2).or(((IntVector) ((FloatVector) b3.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[1]).reinterpretShape(Simd.I, 0)).and(m2));
        IntVector b18 = b3.and(m2).or(((IntVector) ((FloatVector) b1.reinterpretShape(Simd.F, 0))
                .rearrange(UP[1]).reinterpretShape(Simd.I, 0)).and(n2));
        IntVector b19 = b2.and(n2).or(((IntVector) ((FloatVector) b4.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[1]).reinterpretShape(Simd.I, 0)).and(m2));
        IntVector b20 = b4.and(m2).or(((IntVector) ((FloatVector) b2.reinterpretShape(Simd.F, 0))
                .rearrange(UP[1]).reinterpretShape(Simd.I, 0)).and(n2));
        IntVector b21 = b5.and(n2).or(((IntVector) ((FloatVector) b7.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[1]).reinterpretShape(Simd.I, 0)).and(m2));
        IntVector b22 = b7.and(m2).or(((IntVector) ((FloatVector) b5.reinterpretShape(Simd.F, 0))
                .rearrange(UP[1]).reinterpretShape(Simd.I, 0)).and(n2));
        IntVector b23 = b6.and(n2).or(((IntVector) ((FloatVector) b8.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[1]).reinterpretShape(Simd.I, 0)).and(m2));
        IntVector b24 = b8.and(m2).or(((IntVector) ((FloatVector) b6.reinterpretShape(Simd.F, 0))
                .rearrange(UP[1]).reinterpretShape(Simd.I, 0)).and(n2));
        IntVector b25 = b9.and(n2).or(((IntVector) ((FloatVector) b11.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[1]).reinterpretShape(Simd.I, 0)).and(m2));
        IntVector b26 = b11.and(m2).or(((IntVector) ((FloatVector) b9.reinterpretShape(Simd.F, 0))
                .rearrange(UP[1]).reinterpretShape(Simd.I, 0)).and(n2));
        IntVector b27 = b10.and(n2).or(((IntVector) ((FloatVector) b12.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[1]).reinterpretShape(Simd.I, 0)).and(m2));
        IntVector b28 = b12.and(m2).or(((IntVector) ((FloatVector) b10.reinterpretShape(Simd.F, 0))
                .rearrange(UP[1]).reinterpretShape(Simd.I, 0)).and(n2));
        IntVector b29 = b13.and(n2).or(((IntVector) ((FloatVector) b15.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[1]).reinterpretShape(Simd.I, 0)).and(m2));
        IntVector b30 = b15.and(m2).or(((IntVector) ((FloatVector) b13.reinterpretShape(Simd.F, 0))
                .rearrange(UP[1]).reinterpretShape(Simd.I, 0)).and(n2));
        IntVector b31 = b14.and(n2).or(((IntVector) ((FloatVector) b16.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[1]).reinterpretShape(Simd.I, 0)).and(m2));
        IntVector b32 = b16.and(m2).or(((IntVector) ((FloatVector) b14.reinterpretShape(Simd.F, 0))
                .rearrange(UP[1]).reinterpretShape(Simd.I, 0)).and(n2));
        IntVector m4 = IntVector.fromArray(Simd.I, MASKS, 2 * Simd.L);
        IntVector n4 = m4.not();
        IntVector b33 = b17.and(n4).or(((IntVector) ((FloatVector) b21.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[2]).reinterpretShape(Simd.I, 0)).and(m4));
        IntVector b34 = b21.and(m4).or(((IntVector) ((FloatVector) b17.reinterpretShape(Simd.F, 0))
                .rearrange(UP[2]).reinterpretShape(Simd.I, 0)).and(n4));
        IntVector b35 = b19.and(n4).or(((IntVector) ((FloatVector) b23.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[2]).reinterpretShape(Simd.I, 0)).and(m4));
        IntVector b36 = b23.and(m4).or(((IntVector) ((FloatVector) b19.reinterpretShape(Simd.F, 0))
                .rearrange(UP[2]).reinterpretShape(Simd.I, 0)).and(n4));
        IntVector b37 = b18.and(n4).or(((IntVector) ((FloatVector) b22.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[2]).reinterpretShape(Simd.I, 0)).and(m4));
        IntVector b38 = b22.and(m4).or(((IntVector) ((FloatVector) b18.reinterpretShape(Simd.F, 0))
                .rearrange(UP[2]).reinterpretShape(Simd.I, 0)).and(n4));
        IntVector b39 = b20.and(n4).or(((IntVector) ((FloatVector) b24.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[2]).reinterpretShape(Simd.I, 0)).and(m4));
        IntVector b40 = b24.and(m4).or(((IntVector) ((FloatVector) b20.reinterpretShape(Simd.F, 0))
                .rearrange(UP[2]).reinterpretShape(Simd.I, 0)).and(n4));
        IntVector b41 = b25.and(n4).or(((IntVector) ((FloatVector) b29.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[2]).reinterpretShape(Simd.I, 0)).and(m4));
        IntVector b42 = b29.and(m4).or(((IntVector) ((FloatVector) b25.reinterpretShape(Simd.F, 0))
                .rearrange(UP[2]).reinterpretShape(Simd.I, 0)).and(n4));
        IntVector b43 = b27.and(n4).or(((IntVector) ((FloatVector) b31.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[2]).reinterpretShape(Simd.I, 0)).and(m4));
        IntVector b44 = b31.and(m4).or(((IntVector) ((FloatVector) b27.reinterpretShape(Simd.F, 0))
                .rearrange(UP[2]).reinterpretShape(Simd.I, 0)).and(n4));
        IntVector b45 = b26.and(n4).or(((IntVector) ((FloatVector) b30.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[2]).reinterpretShape(Simd.I, 0)).and(m4));
        IntVector b46 = b30.and(m4).or(((IntVector) ((FloatVector) b26.reinterpretShape(Simd.F, 0))
                .rearrange(UP[2]).reinterpretShape(Simd.I, 0)).and(n4));
        IntVector b47 = b28.and(n4).or(((IntVector) ((FloatVector) b32.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[2]).reinterpretShape(Simd.I, 0)).and(m4));
        IntVector b48 = b32.and(m4).or(((IntVector) ((FloatVector) b28.reinterpretShape(Simd.F, 0))
                .rearrange(UP[2]).reinterpretShape(Simd.I, 0)).and(n4));
        IntVector m8 = IntVector.fromArray(Simd.I, MASKS, 3 * Simd.L);
        IntVector n8 = m8.not();
        IntVector b49 = b33.and(n8).or(((IntVector) ((FloatVector) b41.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[3]).reinterpretShape(Simd.I, 0)).and(m8));
        IntVector b50 = b41.and(m8).or(((IntVector) ((FloatVector) b33.reinterpretShape(Simd.F, 0))
                .rearrange(UP[3]).reinterpretShape(Simd.I, 0)).and(n8));
        IntVector b51 = b35.and(n8).or(((IntVector) ((FloatVector) b43.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[3]).reinterpretShape(Simd.I, 0)).and(m8));
        IntVector b52 = b43.and(m8).or(((IntVector) ((FloatVector) b35.reinterpretShape(Simd.F, 0))
                .rearrange(UP[3]).reinterpretShape(Simd.I, 0)).and(n8));
        IntVector b53 = b37.and(n8).or(((IntVector) ((FloatVector) b45.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[3]).reinterpretShape(Simd.I, 0)).and(m8));
        IntVector b54 = b45.and(m8).or(((IntVector) ((FloatVector) b37.reinterpretShape(Simd.F, 0))
                .rearrange(UP[3]).reinterpretShape(Simd.I, 0)).and(n8));
        IntVector b55 = b39.and(n8).or(((IntVector) ((FloatVector) b47.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[3]).reinterpretShape(Simd.I, 0)).and(m8));
        IntVector b56 = b47.and(m8).or(((IntVector) ((FloatVector) b39.reinterpretShape(Simd.F, 0))
                .rearrange(UP[3]).reinterpretShape(Simd.I, 0)).and(n8));
        IntVector b57 = b34.and(n8).or(((IntVector) ((FloatVector) b42.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[3]).reinterpretShape(Simd.I, 0)).and(m8));
        IntVector b58 = b42.and(m8).or(((IntVector) ((FloatVector) b34.reinterpretShape(Simd.F, 0))
                .rearrange(UP[3]).reinterpretShape(Simd.I, 0)).and(n8));
        IntVector b59 = b36.and(n8).or(((IntVector) ((FloatVector) b44.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[3]).reinterpretShape(Simd.I, 0)).and(m8));
        IntVector b60 = b44.and(m8).or(((IntVector) ((FloatVector) b36.reinterpretShape(Simd.F, 0))
                .rearrange(UP[3]).reinterpretShape(Simd.I, 0)).and(n8));
        IntVector b61 = b38.and(n8).or(((IntVector) ((FloatVector) b46.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[3]).reinterpretShape(Simd.I, 0)).and(m8));
        IntVector b62 = b46.and(m8).or(((IntVector) ((FloatVector) b38.reinterpretShape(Simd.F, 0))
                .rearrange(UP[3]).reinterpretShape(Simd.I, 0)).and(n8));
        IntVector b63 = b40.and(n8).or(((IntVector) ((FloatVector) b48.reinterpretShape(Simd.F, 0))
                .rearrange(DOWN[3]).reinterpretShape(Simd.I, 0)).and(m8));
        IntVector b64 = b48.and(m8).or(((IntVector) ((FloatVector) b40.reinterpretShape(Simd.F, 0))
                .rearrange(UP[3]).reinterpretShape(Simd.I, 0)).and(n8));
        ((FloatVector) b49.reinterpretShape(Simd.F, 0)).intoArray(out, dst[0] + dOff);
        ((FloatVector) b51.reinterpretShape(Simd.F, 0)).intoArray(out, dst[1] + dOff);
        ((FloatVector) b53.reinterpretShape(Simd.F, 0)).intoArray(out, dst[2] + dOff);
        ((FloatVector) b55.reinterpretShape(Simd.F, 0)).intoArray(out, dst[3] + dOff);
        ((FloatVector) b57.reinterpretShape(Simd.F, 0)).intoArray(out, dst[4] + dOff);
        ((FloatVector) b59.reinterpretShape(Simd.F, 0)).intoArray(out, dst[5] + dOff);
        ((FloatVector) b61.reinterpretShape(Simd.F, 0)).intoArray(out, dst[6] + dOff);
        ((FloatVector) b63.reinterpretShape(Simd.F, 0)).intoArray(out, dst[7] + dOff);
        ((FloatVector) b50.reinterpretShape(Simd.F, 0)).intoArray(out, dst[8] + dOff);
        ((FloatVector) b52.reinterpretShape(Simd.F, 0)).intoArray(out, dst[9] + dOff);
        ((FloatVector) b54.reinterpretShape(Simd.F, 0)).intoArray(out, dst[10] + dOff);
        ((FloatVector) b56.reinterpretShape(Simd.F, 0)).intoArray(out, dst[11] + dOff);
        ((FloatVector) b58.reinterpretShape(Simd.F, 0)).intoArray(out, dst[12] + dOff);
        ((FloatVector) b60.reinterpretShape(Simd.F, 0)).intoArray(out, dst[13] + dOff);
        ((FloatVector) b62.reinterpretShape(Simd.F, 0)).intoArray(out, dst[14] + dOff);
        ((FloatVector) b64.reinterpretShape(Simd.F, 0)).intoArray(out, dst[15] + dOff);
    }
}
