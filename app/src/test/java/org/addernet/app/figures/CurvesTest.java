package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.addernet.engine.train.StepMetrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** Hiding, smoothing, reading values and zeros on a log axis, on the live and the comparison charts. */
class CurvesTest {
    private static XYPlot lossPlot(LossAccuracyChart c) {
        return (XYPlot) ((CombinedDomainXYPlot) c.chart().getPlot()).getSubplots().get(0);
    }

    private static XYPlot accuracyPlot(LossAccuracyChart c) {
        return (XYPlot) ((CombinedDomainXYPlot) c.chart().getPlot()).getSubplots().get(1);
    }

    @Test
    void hidingALegendEntryHidesItsCurvesAndGreysTheEntry() {
        LossAccuracyChart c = new LossAccuracyChart();
        c.update(Synthetic.twoModels(50, 10));
        CurveState st = new CurveState();
        assertEquals(List.of("AdderNet n=3", "MLP n=3", "test accuracy (thick)", "train accuracy (thin)"),
                Curves.groups(c.chart()).stream().map(Curves.LegendGroup::label).toList());
        assertTrue(st.toggle("MLP n=3"));
        Curves.apply(c.chart(), st);
        assertTrue(lossPlot(c).getRenderer().isSeriesVisible(0), "AdderNet's loss stays");
        assertFalse(lossPlot(c).getRenderer().isSeriesVisible(1), "MLP's loss goes");
        assertFalse(accuracyPlot(c).getRenderer().isSeriesVisible(2), "and its train accuracy");
        assertFalse(accuracyPlot(c).getRenderer().isSeriesVisible(3), "and its test accuracy");
        LegendItem mlp = c.chart().getPlot().getLegendItems().get(1);
        assertEquals(Curves.HIDDEN, mlp.getLabelPaint(), "still in the legend, greyed, to be clicked again");
        st.toggle("train accuracy (thin)");
        Curves.apply(c.chart(), st);
        assertFalse(accuracyPlot(c).getRenderer().isSeriesVisible(0), "a style entry hides that curve of every model");
        assertTrue(accuracyPlot(c).getRenderer().isSeriesVisible(1));
        c.update(Synthetic.twoModels(80, 10));             // the chart grows: the state is applied again
        Curves.apply(c.chart(), st);
        assertFalse(lossPlot(c).getRenderer().isSeriesVisible(1));
        st.toggle("MLP n=3");
        st.toggle("train accuracy (thin)");
        Curves.apply(c.chart(), st);
        for (int s = 0; s < 4; s++) {
            assertTrue(accuracyPlot(c).getRenderer().isSeriesVisible(s));
        }
        BufferedImage img = c.chart().createBufferedImage(800, 500);
        assertEquals(800, img.getWidth());
    }

    @Test
    void smoothingIsADebiasedMovingAverageDrawnOverTheFaintRawCurve() {
        LossAccuracyChart c = new LossAccuracyChart();
        c.update(Synthetic.twoModels(50, 10));
        CurveState st = new CurveState();
        st.setSmoothing(0.6);
        Curves.apply(c.chart(), st);
        XYPlot p = lossPlot(c);
        SmoothedDataset sd = assertInstanceOf(SmoothedDataset.class, p.getDataset(0));
        XYDataset raw = p.getDataset(Curves.RAW);
        assertEquals(raw, sd.raw());
        assertInstanceOf(Curves.FaintRenderer.class, p.getRenderer(Curves.RAW));
        // by hand: s1 = y1 (debiased), s2 = (0.6 * 0.4 y1 + 0.4 y2) / (1 - 0.36)
        double y1 = raw.getYValue(0, 0);
        double y2 = raw.getYValue(0, 1);
        assertEquals(y1, sd.getYValue(0, 0), 1e-12);
        assertEquals((0.24 * y1 + 0.4 * y2) / 0.64, sd.getYValue(0, 1), 1e-12);
        c.update(Synthetic.twoModels(60, 10));              // appended points are smoothed too
        assertEquals(60, sd.getItemCount(0));
        assertTrue(Double.isFinite(sd.getYValue(0, 59)));
        // a hidden entry hides its faint raw curve too (the raw dataset sits past getDatasetCount())
        st.toggle("AdderNet n=3");
        Curves.apply(c.chart(), st);
        for (int s = 0; s < raw.getSeriesCount(); s++) {
            boolean adder = String.valueOf(raw.getSeriesKey(s)).startsWith("AdderNet");
            assertEquals(!adder, p.getRenderer(Curves.RAW).isSeriesVisible(s), "raw " + raw.getSeriesKey(s));
            assertEquals(!adder, p.getRenderer(0).isSeriesVisible(s), "smoothed " + raw.getSeriesKey(s));
        }
        st.toggle("AdderNet n=3");
        st.setSmoothing(0);
        Curves.apply(c.chart(), st);
        assertFalse(p.getDataset(0) instanceof SmoothedDataset, "back to the raw curves");
        assertNull(p.getDataset(Curves.RAW));
    }

    @Test
    void theReadoutGivesEachShownCurvesValueAtTheNearestLoggedStep() {
        LossAccuracyChart c = new LossAccuracyChart();
        List<ModelCurves> m = Synthetic.twoModels(50, 10);
        c.update(m);
        List<Curves.Reading> r = Curves.readout(c.chart(), 203);
        assertEquals(200, r.get(0).x());
        assertEquals("AdderNet n=3", r.get(0).series());
        assertEquals(m.get(0).history().get(19).loss(), r.get(0).y(), 1e-12);
        String text = Curves.text(r, "iteration");
        assertTrue(text.startsWith("iteration 200\nloss:\n  AdderNet n=3  "), text);
        assertTrue(text.contains("accuracy:"), text);
        assertTrue(text.contains(" %"), "accuracies in percent: " + text);
        CurveState st = new CurveState();
        st.toggle("AdderNet n=3");
        Curves.apply(c.chart(), st);
        assertTrue(Curves.readout(c.chart(), 203).stream().noneMatch(x -> x.series().startsWith("AdderNet")),
                "hidden curves are not read");
    }

    private static List<StepMetrics> dying(int steps) {
        List<StepMetrics> h = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            double g = i <= steps / 2 ? 0.1 / i : 0;
            h.add(new StepMetrics(i * 10L, 0.6, 0.5, Double.NaN, 0.1, 1, List.of("layer1", "layer2"),
                    new double[] {g, g / 2}));
        }
        return h;
    }

    @Test
    void zeroNormsAreMarkedOnTheFloorOfTheLogAxisAndSaidInTheChart() {
        GradientNormChart c = new GradientNormChart();
        c.update(List.of(new ModelCurves("MLP n=1", dying(20))));
        XYPlot p = c.chart().getXYPlot();
        XYDataset zeros = p.getDataset(Curves.ZEROS);
        assertEquals(2, zeros.getSeriesCount());
        assertEquals("MLP n=1 layer1" + Curves.ZERO_SUFFIX, zeros.getSeriesKey(0));
        assertEquals(10, zeros.getItemCount(0), "iterations 110 to 200 are exactly 0");
        assertEquals(110, zeros.getXValue(0, 0));
        assertTrue(Curves.subtitles(c.chart()).contains(Curves.ZERO_NOTE));
        assertTrue(p.getRangeAxis().getRange().getLowerBound() > 0, "the zeros take no part in the log range");
        List<Curves.Reading> r = Curves.readout(c.chart(), 150);
        assertEquals(0, r.get(0).y(), "a zero reads 0");
        assertTrue(Curves.text(r, "iteration").contains("MLP n=1 layer1  0"));
        // drawn: triangles in the series colour along the bottom of the plot
        BufferedImage img = c.chart().createBufferedImage(700, 420);
        Color layer1 = (Color) ((XYLineAndShapeRenderer) p.getRenderer()).getSeriesPaint(0);
        boolean found = false;
        for (int y = 300; y < 420 && !found; y++) {
            for (int x = 0; x < 700 && !found; x++) {
                found = (img.getRGB(x, y) & 0xFFFFFF) == (layer1.getRGB() & 0xFFFFFF);
            }
        }
        assertTrue(found, "a marker in layer1's colour near the floor");
        c.update(List.of(new ModelCurves("MLP n=1", dying(20).subList(0, 8))));
        assertFalse(Curves.subtitles(c.chart()).contains(Curves.ZERO_NOTE), "no zeros, no note");
    }

    @Test
    void twelveModelsGetTwelveDistinctStylesFamilyByHue() {
        List<String> labels = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 5, 8, 13}) {
            labels.add("MLP n=" + n);
            labels.add("AdderNet n=" + n);
        }
        List<ModelPalette.Style> st = ModelPalette.styles(labels);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < st.size(); i++) {
            String look = st.get(i).color().getRGB() + " " + java.util.Arrays.toString(st.get(i).dash());
            assertTrue(seen.add(look), "style " + i + " repeats: " + look);
            Color c = st.get(i).color();
            boolean blue = c.getBlue() > c.getRed();
            assertEquals(labels.get(i).startsWith("AdderNet"), blue, labels.get(i) + " in its family's hue: " + c);
        }
        assertNotEquals(st.get(0).color(), st.get(2).color(), "MLP n=1 and n=2 differ in shade");
        assertNotEquals(java.util.Arrays.toString(st.get(0).dash()), java.util.Arrays.toString(st.get(2).dash()),
                "and in dash");
        JFreeChart chart = new LossAccuracyChart().chart();
        assertTrue(chart.getPlot() instanceof CombinedDomainXYPlot);
    }
}
