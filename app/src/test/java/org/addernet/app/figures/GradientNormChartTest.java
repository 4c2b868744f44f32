package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.addernet.engine.train.StepMetrics;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class GradientNormChartTest {
    private static XYSeriesCollection data(GradientNormChart c) {
        return (XYSeriesCollection) c.chart().getXYPlot().getDataset();
    }

    @Test
    void oneSeriesPerModelAndLayerOnALogAxis() {
        GradientNormChart c = new GradientNormChart();
        c.update(Synthetic.twoModels(100, 10));
        XYPlot plot = c.chart().getXYPlot();
        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        XYSeriesCollection d = data(c);
        assertEquals(4, d.getSeriesCount());
        assertEquals(List.of("AdderNet n=3 layer1", "AdderNet n=3 layer2", "MLP n=3 layer1", "MLP n=3 layer2"),
                List.of(d.getSeriesKey(0), d.getSeriesKey(1), d.getSeriesKey(2), d.getSeriesKey(3)));
        for (int s = 0; s < 4; s++) {
            assertEquals(100, d.getItemCount(s));
        }
        // layers of one model: same family, different shade and stroke
        assertNotEquals(plot.getRenderer().getSeriesPaint(0), plot.getRenderer().getSeriesPaint(1));
        assertNotEquals(plot.getRenderer().getSeriesStroke(0), plot.getRenderer().getSeriesStroke(1));
        assertEquals(4, plot.getLegendItems().getItemCount());
    }

    @Test
    void zeroNegativeAndNonFiniteNormsAreSkipped() {
        List<String> names = List.of("layer1", "layer2");
        List<StepMetrics> h = List.of(
                new StepMetrics(1, 1, 0.5, Double.NaN, 0.1, 1, names, new double[] {0.5, 0}),
                new StepMetrics(2, 1, 0.5, Double.NaN, 0.1, 1, names, new double[] {Double.NaN, 1e-3}),
                new StepMetrics(3, 1, 0.5, Double.NaN, 0.1, 1, names, new double[] {-1, Double.POSITIVE_INFINITY}),
                new StepMetrics(4, 1, 0.5, Double.NaN, 0.1, 1, names, new double[] {1e-4, 2e-3}));
        GradientNormChart c = new GradientNormChart();
        c.update(List.of(new ModelCurves("AdderNet n=1", h)));
        assertEquals(2, data(c).getItemCount(0));
        assertEquals(2, data(c).getItemCount(1));
        assertEquals(4.0, data(c).getXValue(0, 1));
        assertEquals(1e-3, data(c).getYValue(1, 0));
        c.chart().createBufferedImage(500, 400); // a log axis over 1e-4..2e-3 renders
    }

    @Test
    void secondUpdateAppendsOnlyNewPointsAndShrinkStartsOver() {
        List<ModelCurves> full = Synthetic.twoModels(60, 10);
        GradientNormChart c = new GradientNormChart();
        c.update(Synthetic.prefix(full, 20));
        XYSeries first = data(c).getSeries(0);
        assertEquals(20, first.getItemCount());
        c.update(full);
        assertSame(first, data(c).getSeries(0));
        assertEquals(60, first.getItemCount());
        c.update(Synthetic.prefix(full, 3));
        assertEquals(3, data(c).getItemCount(0));
        assertEquals(3, data(c).getItemCount(3));
    }

    @Test
    void newLayerNamesRebuildAndManyLayersCondenseTheLegend() {
        GradientNormChart c = new GradientNormChart();
        c.update(List.of(new ModelCurves("MLP", List.of())));
        assertEquals(0, data(c).getSeriesCount());
        List<String> names = new ArrayList<>();
        double[] g = new double[8];
        for (int k = 0; k < 8; k++) {
            names.add("conv" + (k + 1));
            g[k] = Math.pow(10, -k / 2.0);
        }
        List<StepMetrics> h = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            h.add(new StepMetrics(i, 1, 0.5, Double.NaN, 0.1, 1, names, g));
        }
        c.update(List.of(new ModelCurves("LeNet-5-BN CNN", h), new ModelCurves("LeNet-5-BN AdderNet", h)));
        assertEquals(16, data(c).getSeriesCount());
        assertEquals("LeNet-5-BN AdderNet conv8", data(c).getSeriesKey(15));
        assertEquals(5, data(c).getItemCount(15));
        assertEquals(2, c.chart().getXYPlot().getLegendItems().getItemCount());
    }
}
