package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.addernet.engine.train.StepMetrics;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class LossAccuracyChartTest {
    private static XYPlot subplot(LossAccuracyChart c, int i) {
        CombinedDomainXYPlot p = assertInstanceOf(CombinedDomainXYPlot.class, c.chart().getPlot());
        return p.getSubplots().get(i);
    }

    private static XYSeriesCollection loss(LossAccuracyChart c) {
        return (XYSeriesCollection) subplot(c, 0).getDataset();
    }

    private static XYSeriesCollection accuracy(LossAccuracyChart c) {
        return (XYSeriesCollection) subplot(c, 1).getDataset();
    }

    @Test
    void oneLossSeriesAndTwoAccuracySeriesPerModel() {
        LossAccuracyChart c = new LossAccuracyChart();
        c.update(Synthetic.twoModels(100, 10));
        assertEquals(2, loss(c).getSeriesCount());
        assertEquals(4, accuracy(c).getSeriesCount());
        assertEquals("AdderNet n=3", loss(c).getSeriesKey(0));
        assertEquals(100, loss(c).getItemCount(1));
        assertEquals(100, accuracy(c).getItemCount(0)); // train
        assertEquals(50, accuracy(c).getItemCount(1)); // test, measured every other log; NaN skipped
        assertEquals(10.0, loss(c).getXValue(0, 0));
        assertEquals(1000.0, loss(c).getXValue(0, 99));
        Color adder = (Color) subplot(c, 0).getRenderer().getSeriesPaint(0);
        Color mlp = (Color) subplot(c, 0).getRenderer().getSeriesPaint(1);
        assertEquals(ModelPalette.BLUE.base(), adder);
        assertEquals(ModelPalette.ORANGE.base(), mlp);
        LegendItemCollection legend = c.chart().getPlot().getLegendItems();
        assertEquals(List.of("AdderNet n=3", "MLP n=3", "test accuracy (thick)", "train accuracy (thin)"), labels(legend));
    }

    @Test
    void secondUpdateAppendsOnlyNewPoints() {
        List<ModelCurves> full = Synthetic.twoModels(100, 10);
        LossAccuracyChart c = new LossAccuracyChart();
        c.update(Synthetic.prefix(full, 40));
        XYSeries adderLoss = loss(c).getSeries(0);
        assertEquals(40, adderLoss.getItemCount());
        AtomicInteger events = new AtomicInteger();
        adderLoss.addChangeListener(e -> events.incrementAndGet());
        // the same iterations with other losses: already drawn points must not be re-read
        List<ModelCurves> altered = new ArrayList<>();
        for (ModelCurves m : full) {
            List<StepMetrics> h = new ArrayList<>();
            for (StepMetrics s : m.history()) {
                h.add(new StepMetrics(s.iteration(), 123.0, s.trainAccuracy(), s.testAccuracy(), s.lr(), s.p(),
                        s.layerNames(), s.gradNorms()));
            }
            altered.add(new ModelCurves(m.label(), h));
        }
        c.update(altered);
        assertSame(adderLoss, loss(c).getSeries(0));
        assertEquals(100, adderLoss.getItemCount());
        assertEquals(1, events.get(), "one change event per series and update");
        assertNotEquals(123.0, adderLoss.getY(39).doubleValue());
        assertEquals(123.0, adderLoss.getY(40).doubleValue());
        c.update(altered); // nothing new: nothing changes
        assertEquals(100, adderLoss.getItemCount());
        assertEquals(1, events.get());
    }

    @Test
    void shrunkOrReplacedHistoryStartsOver() {
        List<ModelCurves> full = Synthetic.twoModels(100, 10);
        LossAccuracyChart c = new LossAccuracyChart();
        c.update(full);
        c.update(Synthetic.prefix(full, 5)); // a new run under the same labels
        assertEquals(5, loss(c).getItemCount(0));
        assertEquals(5, loss(c).getItemCount(1));
        // same length, other iterations: a different run
        List<ModelCurves> other = List.of(new ModelCurves("AdderNet n=3", Synthetic.history(5, 7, 0.7, 0.9, 1, 9)),
                full.get(1));
        c.update(other);
        assertEquals(5, loss(c).getItemCount(0));
        assertEquals(7.0, loss(c).getXValue(0, 0));
        assertEquals(100, loss(c).getItemCount(1));
    }

    @Test
    void changedLabelsRebuildTheSeries() {
        LossAccuracyChart c = new LossAccuracyChart();
        c.update(Synthetic.twoModels(30, 10));
        List<StepMetrics> h = Synthetic.history(12, 10, 0.7, 0.9, 1, 5);
        c.update(List.of(new ModelCurves("AdderNet n=10", h)));
        assertEquals(1, loss(c).getSeriesCount());
        assertEquals("AdderNet n=10", loss(c).getSeriesKey(0));
        assertEquals(12, loss(c).getItemCount(0));
        assertEquals(2, accuracy(c).getSeriesCount());
        // repeated labels get distinct keys
        c.update(List.of(new ModelCurves("MLP", h), new ModelCurves("MLP", h)));
        assertEquals("MLP (2)", loss(c).getSeriesKey(1));
        c.update(List.of());
        assertEquals(0, loss(c).getSeriesCount());
        assertEquals(0, c.chart().getPlot().getLegendItems().getItemCount());
    }

    @Test
    void nonFiniteLossIsSkippedAndTheChartStillRenders() {
        List<StepMetrics> h = new ArrayList<>(Synthetic.history(10, 10, 0.7, 0.9, 1, 5));
        StepMetrics last = h.get(9);
        h.add(new StepMetrics(110, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, 0.1, 1, last.layerNames(),
                last.gradNorms()));
        LossAccuracyChart c = new LossAccuracyChart();
        c.update(List.of(new ModelCurves("AdderNet n=1", h)));
        assertEquals(10, loss(c).getItemCount(0));
        BufferedImage img = c.chart().createBufferedImage(640, 480);
        assertEquals(640, img.getWidth());
    }

    @Test
    void longHistoriesUpdateIncrementally() {
        List<ModelCurves> full = Synthetic.twoModels(10_000, 1);
        LossAccuracyChart c = new LossAccuracyChart();
        for (int n = 100; n <= 10_000; n += 100) {
            c.update(Synthetic.prefix(full, n));
        }
        assertEquals(10_000, loss(c).getItemCount(0));
        assertEquals(10_000, accuracy(c).getItemCount(2));
        assertTrue(subplot(c, 1).getRangeAxis().getUpperBound() >= 1.0);
    }

    static List<String> labels(LegendItemCollection legend) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            out.add(legend.get(i).getLabel());
        }
        return out;
    }
}
