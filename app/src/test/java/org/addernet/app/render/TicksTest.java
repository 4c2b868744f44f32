package org.addernet.app.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void stepsComeFromTheOneTwoFiveSeries() {
        assertEquals(10, Ticks.step(-30, 30, 6), 1e-12);
        assertEquals(20, Ticks.step(-40, 40, 5), 1e-12);
        assertEquals(0.25, Ticks.step(0, 1, 4), 1e-12);
        assertEquals(2, Ticks.next(1), 1e-12);
        assertEquals(2.5, Ticks.next(2), 1e-12);
        assertEquals(5, Ticks.next(2.5), 1e-12);
        assertEquals(10, Ticks.next(5), 1e-12);
        assertEquals(0.2, Ticks.next(0.1), 1e-12);
    }

    @Test
    void valuesAreTheMultiplesInsideTheRange() {
        assertArrayEquals(new double[] {-30, -20, -10, 0, 10, 20, 30}, Ticks.values(-30, 30, 10), 1e-12);
        assertArrayEquals(new double[] {-20, 0, 20}, Ticks.values(-35, 35, 20), 1e-12);
    }

    @Test
    void labelsCarryOnlyTheNeededDecimals() {
        assertEquals("20", Ticks.format(20, 10));
        assertEquals("-40", Ticks.format(-40, 20));
        assertEquals("7.5", Ticks.format(7.5, 2.5));
        assertEquals("0.25", Ticks.format(0.25, 0.25));
        assertEquals("0.4", Ticks.format(0.4, 0.2));
        assertEquals("0", Ticks.format(0, 1));
    }
}
