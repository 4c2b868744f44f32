package org.addernet.datasets.toy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ToySpecTest {

    private static void assertRejected(Executable build, String field, String value,
                                       String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        String m = e.getMessage();
        assertTrue(m.contains(field), m);
        assertTrue(m.contains(value), m);
        assertTrue(m.contains(expected), m);
    }

    @Test
    void rejectsTooFewSamples() {
        assertRejected(() -> new ToySpec(ToySet.XOR, 1, 10, 0, 0.2, 1), "samples", "1", ">= 2");
        assertRejected(() -> new ToySpec(ToySet.XOR, -5, 10, 0, 0.2, 1), "samples", "-5", ">= 2");
    }

    @Test
    void rejectsNonPositiveOrNonFiniteSpread() {
        assertRejected(() -> new ToySpec(ToySet.XOR, 10, 0, 0, 0.2, 1), "spread", "0.0", "positive");
        assertRejected(() -> new ToySpec(ToySet.XOR, 10, -2, 0, 0.2, 1), "spread", "-2.0", "positive");
        assertRejected(() -> new ToySpec(ToySet.XOR, 10, Double.NaN, 0, 0.2, 1),
                "spread", "NaN", "positive");
        assertRejected(() -> new ToySpec(ToySet.XOR, 10, Double.POSITIVE_INFINITY, 0, 0.2, 1),
                "spread", "Infinity", "finite");
    }

    @Test
    void rejectsLabelNoiseOutsideZeroToHalf() {
        assertRejected(() -> new ToySpec(ToySet.XOR, 10, 10, -0.1, 0.2, 1),
                "labelNoise", "-0.1", "[0, 0.5]");
        assertRejected(() -> new ToySpec(ToySet.XOR, 10, 10, 0.6, 0.2, 1),
                "labelNoise", "0.6", "[0, 0.5]");
        assertDoesNotThrow(() -> new ToySpec(ToySet.XOR, 10, 10, 0.5, 0.2, 1));
    }

    @Test
    void rejectsTestFractionOutsideOpenUnitInterval() {
        assertRejected(() -> new ToySpec(ToySet.XOR, 10, 10, 0, 0, 1), "testFraction", "0.0", "(0, 1)");
        assertRejected(() -> new ToySpec(ToySet.XOR, 10, 10, 0, 1, 1), "testFraction", "1.0", "(0, 1)");
        assertRejected(() -> new ToySpec(ToySet.XOR, 10, 10, 0, Double.NaN, 1),
                "testFraction", "NaN", "(0, 1)");
    }

    @Test
    void rejectsMissingSet() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new ToySpec(null, 10, 10, 0, 0.2, 1));
        assertTrue(e.getMessage().contains("set"), e.getMessage());
    }

    @Test
    void ofUsesTheSetsDefaults() {
        ToySpec spec = ToySpec.of(ToySet.MULTI_BALL, 500, 7);
        assertEquals(new ToySpec(ToySet.MULTI_BALL, 500, 15, 0, ToySpec.DEFAULT_TEST_FRACTION, 7), spec);
        assertEquals(8, spec.withSeed(8).seed());
        assertEquals(0.1, spec.withLabelNoise(0.1).labelNoise());
    }
}
