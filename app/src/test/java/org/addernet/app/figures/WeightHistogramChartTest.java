package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class WeightHistogramChartTest {
    private static final ModelWeights ADDER = Synthetic.laplaceWeights("AdderNet n=3", 20_000, 11);
    private static final ModelWeights MLP = Synthetic.gaussianWeights("MLP n=3", 20_000, 12);

    @Test
    void choicesNameModelAndLayerAndTheFirstIsShown() {
        WeightHistogramChart p = new WeightHistogramChart();
        assertNull(p.selected());
        assertEquals(List.of(), p.fits());
        p.update(List.of(ADDER, MLP));
        assertEquals(List.of("AdderNet n=3 / layer1", "AdderNet n=3 / layer2", "MLP n=3 / layer1", "MLP n=3 / layer2"),
                p.choices());
        assertEquals("AdderNet n=3 / layer1", p.selected());
        XYPlot plot = p.chart().getXYPlot();
        assertTrue(plot.getRenderer(0) instanceof XYBarRenderer);
        IntervalXYDataset bars = (IntervalXYDataset) plot.getDataset(0);
        assertEquals(WeightHistogramChart.BINS, bars.getItemCount(0));
        double area = 0;
        for (int i = 0; i < bars.getItemCount(0); i++) {
            area += bars.getYValue(0, i) * (bars.getEndXValue(0, i) - bars.getStartXValue(0, i));
        }
        // density-normalised; Laplace tails beyond the central 99.8 % are left out of the bins
        assertEquals(1, area, 2 * WeightHistogramChart.TAIL + 1e-9, "density-normalised");
        assertTrue(bars.getSeriesKey(0).toString().contains("beyond the x range"), bars.getSeriesKey(0).toString());
        XYDataset curves = plot.getDataset(1);
        assertEquals(2, curves.getSeriesCount());
        assertTrue(curves.getSeriesKey(0).toString().startsWith("Laplace fit"));
        assertTrue(curves.getSeriesKey(1).toString().startsWith("Gaussian fit"));
        assertEquals(DistributionFit.LAPLACE, DistributionFit.better(p.fits().get(0), p.fits().get(1)));
        assertTrue(p.summary().contains("Laplace fits better"), p.summary());
        assertTrue(p.chart().getTitle().getText().endsWith("AdderNet n=3 / layer1"));
    }

    @Test
    void selectionIsKeptWhileItExists() {
        WeightHistogramChart p = new WeightHistogramChart();
        p.update(List.of(ADDER, MLP));
        p.select("MLP n=3 / layer1");
        assertTrue(p.summary().contains("Gaussian fits better"), p.summary());
        List<DistributionFit.Fit> fits = p.fits();
        p.update(List.of(ADDER, MLP)); // same arrays: nothing recomputed
        assertEquals("MLP n=3 / layer1", p.selected());
        assertSame(fits, p.fits());
        p.update(List.of(Synthetic.gaussianWeights("MLP n=3", 1000, 5))); // new weights, same layer
        assertEquals("MLP n=3 / layer1", p.selected());
        assertEquals("weights (n = 1,000)", p.chart().getXYPlot().getDataset(0).getSeriesKey(0));
        p.update(List.of(ADDER)); // gone: the first entry
        assertEquals("AdderNet n=3 / layer1", p.selected());
        assertThrows(IllegalArgumentException.class, () -> p.select("MLP n=3 / layer1"));
        p.update(List.of());
        assertNull(p.selected());
        assertEquals(0, p.chart().getXYPlot().getDataset(0).getSeriesCount());
    }

    @Test
    void degenerateLayerShowsBarsButNoFit() {
        WeightHistogramChart p = new WeightHistogramChart();
        p.update(List.of(new ModelWeights("AdderNet n=1", Map.of("layer1", new float[] {0.25f, 0.25f, 0.25f}))));
        assertEquals(1, p.chart().getXYPlot().getDataset(0).getSeriesCount());
        assertEquals(0, p.chart().getXYPlot().getDataset(1).getSeriesCount());
        assertTrue(p.summary().contains("all 3 weights equal 0.25"), p.summary());
        p.chart().createBufferedImage(400, 300);
        p.update(List.of(new ModelWeights("AdderNet n=1", Map.of("layer1", new float[] {Float.NaN, 1f, 2f}))));
        assertEquals(2, p.chart().getXYPlot().getDataset(1).getSeriesCount());
        assertTrue(p.summary().contains("1 non-finite weights left out"), p.summary());
    }
}
