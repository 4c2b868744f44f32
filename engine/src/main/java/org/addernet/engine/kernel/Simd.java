package org.addernet.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape every Vector API kernel uses, picked once per JVM: the machine's widest
 * ({@link FloatVector#SPECIES_PREFERRED}: 16 floats with AVX-512, 8 with AVX2), or a narrower one
 * named by the system property {@value #BITS_PROPERTY} ({@code 128}, {@code 256} or {@code 512},
 * never wider than the machine's), so that an AVX-512 machine can run the AVX2 code path
 * (the kernel tests run once each way). A width above the machine's is taken as the machine's.
 *
 * <p>The packed layouts of {@link Panels} follow from it: a strip is {@link #W} = 2 vectors of
 * columns and a block {@link #MR} = 4 rows.
 */
public final class Simd {
    /** System property that narrows the vector shape, in bits. */
    public static final String BITS_PROPERTY = "addernet.simd.bits";

    static final VectorSpecies<Float> F = species(System.getProperty(BITS_PROPERTY));
    static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    /** Floats per vector. */
    static final int L = F.length();
    /** Columns per packed strip: two vectors. */
    static final int W = 2 * L;
    /** {@code log2(W)}: W is a power of two. */
    static final int LOG_W = Integer.numberOfTrailingZeros(W);
    /** Rows per packed block of broadcast operands. */
    static final int MR = 4;

    static final int ABS_BITS = 0x7fffffff;
    static final int SIGN_BITS = 0x80000000;
    static final int ONE_BITS = 0x3f800000;

    private Simd() {
    }

    static VectorSpecies<Float> species(String bits) {
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        if (bits == null || bits.isBlank()) {
            return preferred;
        }
        int b;
        try {
            b = Integer.parseInt(bits.trim());
        } catch (NumberFormatException e) {
            b = -1;
        }
        if (b != 128 && b != 256 && b != 512) {
            throw new IllegalArgumentException(BITS_PROPERTY + " must be 128, 256 or 512, got '" + bits + "'");
        }
        if (b >= preferred.vectorBitSize()) {
            return preferred;                  // never wider than the machine's: 512 on AVX2 is 256
        }
        return VectorSpecies.of(float.class, VectorShape.forBitSize(b));
    }

    /** Bits per vector in use. */
    public static int bits() {
        return F.vectorBitSize();
    }

    /** Floats per vector in use. */
    public static int lanes() {
        return L;
    }

    /** One line for reports: {@code 512-bit vectors (16 floats)}. */
    public static String describe() {
        return bits() + "-bit vectors (" + L + " floats)";
    }

    /**
     * The first {@link #L} floats of {@code scratch} (a vector's lanes, stored) summed in a fixed
     * order, pairwise, so that the result is the same in the interpreter and in every compiled form
     * ({@code reduceLanes} leaves the order of a float sum open). Overwrites scratch.
     */
    static float sumLanes(float[] scratch) {
        int n = L;
        while (n > 1) {
            n >>= 1;
            for (int k = 0; k < n; k++) {
                scratch[k] += scratch[k + n];
            }
        }
        return scratch[0];
    }
}
