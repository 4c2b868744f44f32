package org.addernet.app.figures;

import java.awt.Color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The comparison's overlaid curves: the mean over seeds, series per group and seed, colours per group. */
class RunCurvesChartTest {
    private static final double NaN = Double.NaN;

    private static RunCurvesChart.Trace trace(long seed, double[] x, double[] loss, double[] train, double[] test,
                                              double[] g1, double[] g2) {
        return new RunCurvesChart.Trace(seed, x, loss, train, test, List.of("layer1", "layer2"), new double[][] {g1, g2});
    }

    private static final RunCurvesChart.Trace A = trace(1, new double[] {1, 100, 200}, new double[] {0.8, 0.5, 0.3},
            new double[] {0.5, 0.7, 0.9}, new double[] {0.4, NaN, 0.95}, new double[] {1, 0.5, 0.1},
            new double[] {2, 1, 0});
    private static final RunCurvesChart.Trace B = trace(2, new double[] {1, 100}, new double[] {0.6, 0.3},
            new double[] {0.6, 0.8}, new double[] {0.5, 0.8}, new double[] {3, 1.5}, new double[] {4, 2});

    @Test
    void theMeanIsPointwiseOverTheSeedsWithAFiniteValueThere() {
        RunCurvesChart.Trace m = RunCurvesChart.mean(List.of(A, B));
        assertArrayEquals(new double[] {1, 100, 200}, m.x());
        assertArrayEquals(new double[] {0.7, 0.4, 0.3}, m.loss(), 1e-12);
        assertArrayEquals(new double[] {0.55, 0.75, 0.9}, m.train(), 1e-12);
        // at x = 100 only B has a test accuracy; at x = 200 only A (B stopped at 100)
        assertArrayEquals(new double[] {0.45, 0.8, 0.95}, m.test(), 1e-12);
        assertArrayEquals(new double[] {2, 1, 0.1}, m.norms()[0], 1e-12);
        assertArrayEquals(new double[] {3, 1.5, 0}, m.norms()[1], 1e-12);
        assertEquals(List.of("layer1", "layer2"), m.layers());
        assertEquals(A, RunCurvesChart.mean(List.of(A)), "one seed is its own mean");
        assertThrows(IllegalArgumentException.class, () -> RunCurvesChart.mean(List.of()));
        assertThrows(IllegalArgumentException.class, () -> trace(1, new double[] {1, 2}, new double[] {1},
                new double[] {1, 2}, new double[] {1, 2}, new double[] {1, 2}, new double[] {1, 2}));
    }

    private static XYSeriesCollection data(JFreeChart c) {
        return (XYSeriesCollection) ((XYPlot) c.getPlot()).getDataset();
    }

    private static List<String> keys(JFreeChart c) {
        List<String> out = new ArrayList<>();
        for (Object k : data(c).getSeries()) {
            out.add(String.valueOf(((XYSeries) k).getKey()));
        }
        return out;
    }

    @Test
    void oneCurvePerGroupOrPerSeedInPercentWithTheGroupsColour() {
        List<RunCurvesChart.Group> groups = List.of(new RunCurvesChart.Group("fig2 adder n=2", List.of(A, B)),
                new RunCurvesChart.Group("fig4 adder n=2", List.of(B)));
        JFreeChart acc = RunCurvesChart.accuracy(groups, "iteration", false);
        assertEquals(List.of("fig2 adder n=2 test", "fig2 adder n=2 train", "fig4 adder n=2 test", "fig4 adder n=2 train"),
                keys(acc));
        XYSeries test = data(acc).getSeries(0);
        assertEquals(3, test.getItemCount());
        assertEquals(45.0, test.getY(0).doubleValue(), 1e-9, "percent");
        assertEquals("iteration", ((XYPlot) acc.getPlot()).getDomainAxis().getLabel());
        // two adder groups: both AdderNet blue, in two shades and two dash patterns
        var r = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) ((XYPlot) acc.getPlot()).getRenderer();
        assertEquals(ModelPalette.BLUE.dark(), r.getSeriesPaint(0));
        assertEquals(ModelPalette.BLUE.light(), r.getSeriesPaint(2));
        assertNotEquals(r.getSeriesStroke(0), r.getSeriesStroke(2), "and their dashes differ");
        assertEquals(((Color) r.getSeriesPaint(0)).getRGB() & 0xFFFFFF, ((Color) r.getSeriesPaint(1)).getRGB() & 0xFFFFFF,
                "test and train of a group share its colour (training faint)");

        JFreeChart each = RunCurvesChart.accuracy(groups, "epoch", true);
        assertEquals(List.of("fig2 adder n=2 seed 1 test", "fig2 adder n=2 seed 1 train", "fig2 adder n=2 seed 2 test",
                "fig2 adder n=2 seed 2 train", "fig4 adder n=2 seed 2 test", "fig4 adder n=2 seed 2 train"), keys(each));
        assertEquals(2, data(each).getSeries(0).getItemCount(), "seed 1's NaN test accuracy is skipped");

        JFreeChart loss = RunCurvesChart.loss(groups, "iteration", false);
        assertEquals(List.of("fig2 adder n=2", "fig4 adder n=2"), keys(loss));
        assertEquals(0.4, data(loss).getSeries(0).getY(1).doubleValue(), 1e-12);

        JFreeChart norms = RunCurvesChart.gradientNorms(groups, "iteration", false);
        assertEquals(List.of("fig2 adder n=2 layer1", "fig2 adder n=2 layer2", "fig4 adder n=2 layer1",
                "fig4 adder n=2 layer2"), keys(norms));
        assertEquals(2, data(norms).getSeries(1).getItemCount(), "a zero norm cannot be drawn on a log axis");
        XYSeriesCollection zeros = (XYSeriesCollection) ((XYPlot) norms.getPlot()).getDataset(Curves.ZEROS);
        assertEquals("fig2 adder n=2 layer2" + Curves.ZERO_SUFFIX, zeros.getSeriesKey(0), "it is marked on the floor");
        assertEquals(1, zeros.getSeries(0).getItemCount());
        assertTrue(Curves.subtitles(norms).contains(Curves.ZERO_NOTE), "and the chart says what the marks mean");
        assertTrue(((XYPlot) norms.getPlot()).getFixedLegendItems().getItemCount() == 4);
    }

    @Test
    void nothingChosenDrawsEmptyCharts() {
        assertEquals(0, data(RunCurvesChart.accuracy(List.of(), "iteration", false)).getSeriesCount());
        assertEquals(0, data(RunCurvesChart.gradientNorms(List.of(), "iteration", true)).getSeriesCount());
    }
}
