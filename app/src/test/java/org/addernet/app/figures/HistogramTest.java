package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void binsSpanTheRangeAndTheAreaIsOne() {
        // 0, 1, 1, 2, 4 in 4 bins of width 1 over [0, 4]: counts 1, 2, 1, 1 (the max goes into the last bin)
        Histogram h = Histogram.of(new double[] {1, 0, 4, 2, 1, Double.NaN}, 4);
        assertEquals(0, h.lo());
        assertEquals(1, h.width());
        assertEquals(4, h.hi());
        assertEquals(5, h.count());
        assertArrayEquals(new double[] {0.2, 0.4, 0.2, 0.2}, h.density(), 1e-12);
    }

    @Test
    void equalValuesGetAUnitRangeAndEmptyInputAnEmptyHistogram() {
        Histogram h = Histogram.of(new double[] {3, 3, 3}, 10);
        assertEquals(2.5, h.lo(), 1e-12);
        assertEquals(3.5, h.hi(), 1e-12);
        double area = 0;
        for (double d : h.density()) {
            area += d * h.width();
        }
        assertEquals(1, area, 1e-12);
        Histogram empty = Histogram.of(new double[] {Double.NaN}, 5);
        assertEquals(0, h.outside());
        assertEquals(0, empty.count());
        assertArrayEquals(new double[5], empty.density());
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 0));
    }

    @Test
    void longTailsAreTrimmedToTheCentralQuantiles() {
        // 1000 values 0..999 plus one far outlier: the 0.1 % / 99.9 % quantiles are 1 and 999
        double[] x = new double[1001];
        for (int i = 0; i < 1000; i++) {
            x[i] = i;
        }
        x[1000] = 1e6;
        Histogram h = Histogram.of(x, 10, 0.001);
        assertEquals(1, h.lo());
        assertEquals(999, h.hi(), 1e-9);
        assertEquals(2, h.outside()); // 0 and 1e6
        double area = 0;
        for (double d : h.density()) {
            area += d * h.width();
        }
        assertEquals(999.0 / 1001, area, 1e-12);
        // without long tails the full range is kept
        Histogram full = Histogram.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5, 0.1);
        assertEquals(0, full.lo());
        assertEquals(9, full.hi(), 1e-12);
        assertEquals(0, full.outside());
    }
}
