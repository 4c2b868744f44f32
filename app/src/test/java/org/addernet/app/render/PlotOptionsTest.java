package org.addernet.app.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.DecisionGrid;
import org.junit.jupiter.api.Test;

/** {@link DecisionPlot#render(PanelSpec, int, int, PlotOptions)}: the workbench's view switches. */
class PlotOptionsTest {
    /** P = 1 inside the circle of radius 10, smooth across it, over [-30, 30]^2. */
    private static final DecisionGrid DISC = Samples.grid(60, -30, 30,
            (x, y) -> Samples.sigmoid((10 - Math.hypot(x, y)) / 2));
    private static final DataSet NO_POINTS = new DataSet(new float[0], new int[0], 2, 2);
    private static final PanelSpec BARE = new PanelSpec("t", "s", DISC, NO_POINTS, null);
    private static final int SIZE = 400;

    private static BufferedImage render(PanelSpec spec, PlotOptions options) {
        return DecisionPlot.render(spec, SIZE, SIZE, options);
    }

    private static PlotOptions withCentres(float[]... centres) {
        return PlotOptions.defaults().withCentres(centres, null);
    }

    /** Pixel {x, y} of data point (x, y) in a {@link #SIZE} render of {@code spec}. */
    private static int[] px(PanelSpec spec, double x, double y) {
        Rectangle plot = DecisionPlot.plotArea(spec, SIZE, SIZE);
        double s = plot.width / 60.0;
        return new int[] {(int) Math.round(plot.x + (x + 30) * s), (int) Math.round(plot.y + (30 - y) * s)};
    }

    private static int differing(BufferedImage a, BufferedImage b, int cx, int cy, int radius) {
        int n = 0;
        for (int y = cy - radius; y <= cy + radius; y++) {
            for (int x = cx - radius; x <= cx + radius; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void defaultsShadeAndShowEverything() {
        PlotOptions d = PlotOptions.defaults();
        assertEquals(new PlotOptions(false, true, true, true, null, null), d);
        assertNull(d.centres());
        assertEquals(0, d.centreCount());
    }

    @Test
    void threeArgumentRenderIsTheDefaultOptions() {
        DataSet pts = Samples.points(new float[] {0, 0, 5, 0, 20, 20}, 1, 0, 0);
        var spec = new PanelSpec("AdderNet", "train", DISC, pts, pts);
        BufferedImage plain = DecisionPlot.render(spec, 300, 300);
        BufferedImage viaOptions = DecisionPlot.render(spec, 300, 300, PlotOptions.defaults());
        assertEquals(0, differing(plain, viaOptions, 150, 150, 149));
    }

    @Test
    void discretizeLeavesOnlyTheTwoRegionColoursAwayFromTheBoundary() {
        Rectangle plot = DecisionPlot.plotArea(BARE, SIZE, SIZE);
        BufferedImage flat = render(BARE, PlotOptions.defaults().withDiscretize(true));
        BufferedImage shaded = render(BARE, PlotOptions.defaults());
        double s = plot.width / 60.0;
        Set<Integer> flatColours = new HashSet<>();
        Set<Integer> shadedColours = new HashSet<>();
        for (int y = plot.y; y < plot.y + plot.height; y++) {
            for (int x = plot.x; x < plot.x + plot.width; x++) {
                double r = Math.hypot((x + 0.5 - plot.x) / s - 30, 30 - (y + 0.5 - plot.y) / s);
                if (Math.abs(r - 10) < 1.5) {
                    continue; // the boundary line and its antialiased edge
                }
                int rgb = flat.getRGB(x, y) & 0xFFFFFF;
                flatColours.add(rgb);
                shadedColours.add(shaded.getRGB(x, y) & 0xFFFFFF);
                Color expected = Palette.region(r < 10 ? 1 : 0);
                assertEquals(expected.getRGB() & 0xFFFFFF, rgb, "pixel " + x + ", " + y + " at radius " + r);
            }
        }
        assertEquals(2, flatColours.size());
        assertTrue(shadedColours.size() > 20, "the shaded map has gradients, got " + shadedColours.size());
    }

    @Test
    void hiddenPointsAndRingsAreNotDrawn() {
        // (5, 0) label 0 lies inside the disc: misclassified; (20, 20) label 0 is right
        DataSet train = Samples.points(new float[] {5, 0, 20, 20}, 0, 0);
        var spec = new PanelSpec("", "", DISC, train, null);
        int[] wrong = px(spec, 5, 0);
        int[] right = px(spec, 20, 20);
        BufferedImage all = render(spec, PlotOptions.defaults());
        BufferedImage noRings = render(spec, new PlotOptions(false, true, true, false, null, null));
        BufferedImage noTrain = render(spec, new PlotOptions(false, false, true, true, null, null));
        assertTrue(Pixels.colourNear(all, wrong[0], wrong[1], 12, Palette.ERROR, 40) > 10);
        assertEquals(0, Pixels.colourNear(noRings, wrong[0], wrong[1], 12, Palette.ERROR, 40));
        assertEquals(Palette.CLASS_0.getRGB(), noRings.getRGB(right[0], right[1]), "the point itself stays");
        assertEquals(0, Pixels.colourNear(noTrain, wrong[0], wrong[1], 12, Palette.ERROR, 40),
                "no ring around a hidden point");
        assertEquals(0, differing(noTrain, render(new PanelSpec("", "", DISC, NO_POINTS, null),
                PlotOptions.defaults()), right[0], right[1], 8), "hidden training point leaves the map alone");
    }

    @Test
    void centreIsDrawnAsAWhiteMarkerWithADarkOutline() {
        // (15, -15) lies in the class-0 region, far from the boundary
        int[] c = px(BARE, 15, -15);
        BufferedImage without = render(BARE, PlotOptions.defaults());
        BufferedImage with = render(BARE, withCentres(new float[] {15, -15}));
        assertTrue(differing(with, without, c[0], c[1], 10) > 60, "marker pixels around the centre");
        assertTrue(Pixels.colourNear(with, c[0], c[1], 8, Color.WHITE, 8) > 10, "white fill");
        assertTrue(Pixels.darkNear(with, c[0], c[1], 8, 60), "dark outline or dot");
        int[] far = px(BARE, -20, 20);
        assertEquals(0, differing(with, without, far[0], far[1], 10), "nothing changes away from it");
    }

    @Test
    void everyCentreGetsItsOwnMarker() {
        int[] second = px(BARE, -15, 15);
        BufferedImage one = render(BARE, withCentres(new float[] {15, -15}));
        BufferedImage two = render(BARE, withCentres(new float[] {15, -15}, new float[] {-15, 15}));
        assertTrue(differing(two, one, second[0], second[1], 10) > 60);
    }

    @Test
    void centreBeyondThePlotShowsAtTheEdgeTowardsIt() {
        Rectangle plot = DecisionPlot.plotArea(BARE, SIZE, SIZE);
        BufferedImage without = render(BARE, PlotOptions.defaults());
        // far to the right, level with the middle: a marker at the right edge's middle
        BufferedImage right = render(BARE, withCentres(new float[] {100, 0}));
        int cy = (int) plot.getCenterY();
        assertTrue(differing(right, without, plot.x + plot.width - 8, cy, 7) > 30, "no marker at the right edge");
        assertEquals(0, differing(right, without, plot.x + 8, cy, 7), "nothing at the left edge");
        assertTrue(Pixels.colourNear(right, plot.x + plot.width - 8, cy, 7, Color.WHITE, 8) > 5);
        // far below and left: a marker in the bottom-left corner
        BufferedImage corner = render(BARE, withCentres(new float[] {-90, -90}));
        assertTrue(differing(corner, without, plot.x + 8, plot.y + plot.height - 8, 7) > 30,
                "no marker in the bottom-left corner");
        assertEquals(0, differing(corner, without, plot.x + plot.width - 8, plot.y + 8, 7));
    }

    @Test
    void nonFiniteCentresAreSkipped() {
        BufferedImage without = render(BARE, PlotOptions.defaults());
        BufferedImage nan = render(BARE, withCentres(new float[] {Float.NaN, 0},
                new float[] {0, Float.NEGATIVE_INFINITY}));
        assertEquals(0, differing(nan, without, SIZE / 2, SIZE / 2, SIZE / 2 - 1));
    }

    @Test
    void centreKeyAddsInkInTheBottomLeftCorner() {
        Rectangle plot = DecisionPlot.plotArea(BARE, SIZE, SIZE);
        float[][] c = {{15, -15}};
        BufferedImage noKey = render(BARE, PlotOptions.defaults().withCentres(c, null));
        BufferedImage key = render(BARE, PlotOptions.defaults().withCentres(c, "hidden-unit centres"));
        assertTrue(differing(key, noKey, plot.x + 40, plot.y + plot.height - 12, 10) > 40);
        assertEquals(0, differing(key, noKey, plot.x + plot.width - 40, plot.y + 40, 10));
    }

    @Test
    void centresAreCopiedAndChecked() {
        float[][] c = {{1, 2}};
        var o = PlotOptions.defaults().withCentres(c, "W");
        c[0][0] = 99;
        assertArrayEquals(new float[] {1, 2}, o.centres()[0]);
        o.centres()[0][0] = 42;
        assertArrayEquals(new float[] {1, 2}, o.centres()[0], "the accessor hands out a copy");
        assertEquals(PlotOptions.defaults().withCentres(new float[][] {{1, 2}}, "W"), o);
        assertFalse(o.equals(PlotOptions.defaults().withCentres(new float[][] {{1, 3}}, "W")));
        var e = assertThrows(IllegalArgumentException.class,
                () -> PlotOptions.defaults().withCentres(new float[][] {{1, 2}, {1, 2, 3}}, null));
        assertTrue(e.getMessage().contains("centre 1") && e.getMessage().contains("3"), e.getMessage());
        assertThrows(NullPointerException.class, () -> DecisionPlot.render(BARE, SIZE, SIZE, null));
    }
}
