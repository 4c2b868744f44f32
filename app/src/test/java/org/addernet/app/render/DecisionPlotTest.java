package org.addernet.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.DecisionGrid;
import org.junit.jupiter.api.Test;

class DecisionPlotTest {
    /** P = 1 inside the circle of radius 10, 0 outside, over [-30, 30]^2, one cell per unit. */
    private static final DecisionGrid DISC = Samples.disc(60, -30, 30, 10);
    private static final DataSet NO_POINTS = new DataSet(new float[0], new int[0], 2, 2);

    @Test
    void imageHasTheRequestedSize() {
        BufferedImage img = DecisionPlot.render(new PanelSpec("t", "s", DISC, NO_POINTS, null), 420, 310);
        assertEquals(420, img.getWidth());
        assertEquals(310, img.getHeight());
    }

    @Test
    void centreHasClassOneHueAndCornerClassZeroHue() {
        var spec = new PanelSpec("AdderNet, n = 1", "train 1.000 / test 1.000", DISC, NO_POINTS, null);
        BufferedImage img = DecisionPlot.render(spec, 400, 400);
        Rectangle plot = DecisionPlot.plotArea(spec, 400, 400);
        int cx = (int) plot.getCenterX();
        int cy = (int) plot.getCenterY();
        assertTrue(Pixels.hueDistance(Pixels.hue(img, cx, cy), Pixels.hue(Palette.CLASS_1)) < 0.03,
                "centre hue " + Pixels.hue(img, cx, cy));
        assertTrue(Pixels.saturation(img, cx, cy) > 0.3, "centre should be clearly coloured");
        int x = plot.x + 3;
        int y = plot.y + 3;
        assertTrue(Pixels.hueDistance(Pixels.hue(img, x, y), Pixels.hue(Palette.CLASS_0)) < 0.03,
                "corner hue " + Pixels.hue(img, x, y));
        assertTrue(Pixels.saturation(img, x, y) > 0.3, "corner should be clearly coloured");
    }

    @Test
    void plotKeepsEqualUnitsAndLiesInsideTheImage() {
        var spec = new PanelSpec("title", "subtitle", DISC, NO_POINTS, null);
        Rectangle plot = DecisionPlot.plotArea(spec, 500, 320);
        assertTrue(Math.abs(plot.width - plot.height) <= 1, "square data gives a square plot: " + plot);
        assertTrue(new Rectangle(0, 0, 500, 320).contains(plot), plot.toString());
        assertTrue(plot.height > 320 / 2, "the plot should take most of the height: " + plot);
    }

    @Test
    void gridRowZeroIsDrawnAtTheBottom() {
        // P = 1 only in the lower half (y < 0), which holds grid rows 0 .. 29
        DecisionGrid lower = Samples.grid(60, -30, 30, (x, y) -> y < 0 ? 1 : 0);
        var spec = new PanelSpec("", "", lower, NO_POINTS, null);
        BufferedImage img = DecisionPlot.render(spec, 300, 300);
        Rectangle plot = DecisionPlot.plotArea(spec, 300, 300);
        int cx = (int) plot.getCenterX();
        int nearBottom = plot.y + plot.height - 5;
        int nearTop = plot.y + 5;
        assertTrue(Pixels.hueDistance(Pixels.hue(img, cx, nearBottom), Pixels.hue(Palette.CLASS_1)) < 0.03);
        assertTrue(Pixels.hueDistance(Pixels.hue(img, cx, nearTop), Pixels.hue(Palette.CLASS_0)) < 0.03);
    }

    @Test
    void boundaryIsADarkLineAtRadiusTenAndNowhereElse() {
        var spec = new PanelSpec("", "", DISC, NO_POINTS, null);
        BufferedImage img = DecisionPlot.render(spec, 400, 400);
        Rectangle plot = DecisionPlot.plotArea(spec, 400, 400);
        double pxPerUnit = plot.width / 60.0;
        for (int deg = 0; deg < 360; deg += 15) {
            double a = Math.toRadians(deg);
            assertTrue(darkAt(img, plot, pxPerUnit, 10 * Math.cos(a), 10 * Math.sin(a)),
                    "no boundary at radius 10, angle " + deg);
            assertFalse(darkAt(img, plot, pxPerUnit, 4 * Math.cos(a), 4 * Math.sin(a)),
                    "dark pixels inside the disc, angle " + deg);
            assertFalse(darkAt(img, plot, pxPerUnit, 18 * Math.cos(a), 18 * Math.sin(a)),
                    "dark pixels outside the disc, angle " + deg);
        }
    }

    private static boolean darkAt(BufferedImage img, Rectangle plot, double pxPerUnit, double x, double y) {
        int px = (int) Math.round(plot.x + (x + 30) * pxPerUnit);
        int py = (int) Math.round(plot.y + (30 - y) * pxPerUnit);
        return Pixels.darkNear(img, px, py, 3, 90);
    }

    @Test
    void onlyMisclassifiedPointsGetTheErrorRing() {
        // (0, 0) label 1 and (20, 20) label 0 are right; (5, 0) label 0 lies inside the disc: wrong
        DataSet train = Samples.points(new float[] {0, 0, 20, 20, 5, 0}, 1, 0, 0);
        // the test point (-20, 15) with label 1 lies outside the disc: wrong too
        DataSet test = Samples.points(new float[] {-20, 15, -20, -20}, 1, 0);
        var spec = new PanelSpec("", "", DISC, train, test);
        BufferedImage img = DecisionPlot.render(spec, 400, 400);
        Rectangle plot = DecisionPlot.plotArea(spec, 400, 400);
        double s = plot.width / 60.0;
        assertTrue(errorPixels(img, plot, s, 5, 0) > 10, "wrong training point not marked");
        assertTrue(errorPixels(img, plot, s, -20, 15) > 10, "wrong test point not marked");
        assertEquals(0, errorPixels(img, plot, s, 0, 0));
        assertEquals(0, errorPixels(img, plot, s, 20, 20));
        assertEquals(0, errorPixels(img, plot, s, -20, -20));
    }

    private static int errorPixels(BufferedImage img, Rectangle plot, double s, double x, double y) {
        int px = (int) Math.round(plot.x + (x + 30) * s);
        int py = (int) Math.round(plot.y + (30 - y) * s);
        return Pixels.colourNear(img, px, py, 12, Palette.ERROR, 40);
    }

    @Test
    void trainPointsAreFilledAndTestPointsHollow() {
        DataSet train = Samples.points(new float[] {20, 20}, 0);
        DataSet test = Samples.points(new float[] {-20, -20}, 0);
        var spec = new PanelSpec("", "", DISC, train, test);
        BufferedImage img = DecisionPlot.render(spec, 400, 400);
        Rectangle plot = DecisionPlot.plotArea(spec, 400, 400);
        double s = plot.width / 60.0;
        int tx = (int) Math.round(plot.x + 50 * s);
        int ty = (int) Math.round(plot.y + 10 * s);
        assertEquals(Palette.CLASS_0.getRGB(), img.getRGB(tx, ty), "training disc is filled with its class colour");
        int ux = (int) Math.round(plot.x + 10 * s);
        int uy = (int) Math.round(plot.y + 50 * s);
        assertTrue(Pixels.luma(img, ux, uy) > 240, "test ring has a white centre");
        assertTrue(Pixels.colourNear(img, ux, uy, 6, Palette.CLASS_0, 10) > 5, "test ring in the class colour");
    }

    @Test
    void titleAndSubtitleGoAboveThePlot() {
        var titled = new PanelSpec("AdderNet, n = 1", "train 0.995 / test 0.990", DISC, NO_POINTS, null);
        var bare = new PanelSpec("", "", DISC, NO_POINTS, null);
        Rectangle withText = DecisionPlot.plotArea(titled, 400, 400);
        Rectangle without = DecisionPlot.plotArea(bare, 400, 400);
        assertTrue(withText.y > without.y + 20, "room for two lines of text: " + withText + " vs " + without);
        BufferedImage img = DecisionPlot.render(titled, 400, 400);
        int dark = 0;
        for (int y = 0; y < withText.y - 2; y++) {
            for (int x = 0; x < 400; x++) {
                dark += Pixels.luma(img, x, y) < 100 ? 1 : 0;
            }
        }
        assertTrue(dark > 150, "title text should leave ink above the plot, got " + dark + " dark pixels");
    }

    @Test
    void pointsOutsideTheGridAreSkipped() {
        DataSet far = Samples.points(new float[] {100, 100}, 1);
        BufferedImage img = DecisionPlot.render(new PanelSpec("", "", DISC, far, null), 200, 200);
        assertEquals(200, img.getWidth());
    }

    @Test
    void rejectsTinySizesAndNonPlanarData() {
        var spec = new PanelSpec("", "", DISC, NO_POINTS, null);
        assertThrows(IllegalArgumentException.class, () -> DecisionPlot.render(spec, 40, 400));
        DataSet threeD = new DataSet(new float[] {1, 2, 3}, new int[] {0}, 3, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> new PanelSpec("", "", DISC, threeD, null));
        assertTrue(e.getMessage().contains("dim 3"), e.getMessage());
    }

    @Test
    void predictionUsesTheCellProbability() {
        assertEquals(1, DecisionPlot.predicted(DISC, 0, 0));
        assertEquals(0, DecisionPlot.predicted(DISC, 25, 0));
        assertEquals(0, DecisionPlot.predicted(DISC, 500, 500), "outside points use the nearest cell");
    }

    @Test
    void nanProbabilitiesRenderAsGrey() {
        float[] p = new float[16];
        java.util.Arrays.fill(p, Float.NaN);
        var grid = new DecisionGrid(4, -1, 1, -1, 1, p);
        var spec = new PanelSpec("diverged", "", grid, NO_POINTS, null);
        BufferedImage img = DecisionPlot.render(spec, 200, 200);
        Rectangle plot = DecisionPlot.plotArea(spec, 200, 200);
        assertEquals(new Color(Palette.heat(Double.NaN)),
                new Color(img.getRGB((int) plot.getCenterX(), (int) plot.getCenterY())));
        assertEquals(Palette.UNDEFINED, new Color(Palette.heat(Double.NaN)));
    }
}
