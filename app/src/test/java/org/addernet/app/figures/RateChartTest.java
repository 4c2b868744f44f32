package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The log-log error-against-width chart: means, fitted lines, references, legend. */
class RateChartTest {
    @Test
    void meansAreGeometricAndSkipWhatALogAxisCannotShow() {
        RateChart.Curve c = new RateChart.Curve("AdderNet", new double[] {4, 4, 1, 2, 2},
                new double[] {1e-2, 1e-4, 0.5, Double.NaN, 0}, Double.NaN, Double.NaN, 1, 4);
        List<double[]> m = RateChart.means(c);
        assertEquals(2, m.size(), "width 2 has no drawable error");
        assertArrayEquals(new double[] {1, 0.5}, m.get(0), 1e-15);
        assertArrayEquals(new double[] {4, 1e-3}, m.get(1), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> new RateChart.Curve("x", new double[] {1}, new double[] {}, 0, 0, 1, 1));
    }

    @Test
    void fittedLinesAndReferencesFollowTheirFormulas() {
        double slope = -1.5;
        double intercept = Math.log(0.2);
        RateChart.Curve adder = new RateChart.Curve("AdderNet (fitted)", new double[] {1, 8, 64},
                new double[] {0.3, 0.01, 0.0004}, slope, intercept, 8, 64);
        RateChart.Curve mlp = new RateChart.Curve("MLP (fitted)", new double[] {1, 8, 64},
                new double[] {0.3, 0.02, 0.001}, Double.NaN, Double.NaN, 8, 64);
        JFreeChart chart = RateChart.chart("t", "s", "ISE", List.of(adder, mlp),
                List.of(new RateChart.Reference("O(1/n)", -1, 8, 0.05, 64)));
        XYPlot plot = chart.getXYPlot();
        XYDataset d = plot.getDataset();
        // adder: runs, mean, fit; mlp: runs, mean (no fit); one reference
        assertEquals(6, d.getSeriesCount());
        assertEquals(0.2 * Math.pow(64, slope), d.getYValue(2, 1), 1e-15);
        assertEquals(0.05 / 8, d.getYValue(5, 1), 1e-15);
        List<String> legend = new ArrayList<>();
        for (int k = 0; k < plot.getLegendItems().getItemCount(); k++) {
            LegendItem item = plot.getLegendItems().get(k);
            legend.add(item.getLabel());
        }
        assertEquals(List.of("AdderNet (fitted), slope \u22121.50", "MLP (fitted)", "O(1/n)"), legend);
    }
}
