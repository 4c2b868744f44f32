package org.addernet.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.addernet.engine.train.DecisionGrid;
import org.junit.jupiter.api.Test;

class DifferencePlotTest {
    private static final DecisionGrid BIG = Samples.disc(60, -30, 30, 10);
    private static final DecisionGrid SMALL = Samples.disc(60, -30, 30, 5);
    private static final int W = 400;
    private static final int H = 440;

    /** Pixel {x, y} of data point (x, y) in a W x H render over [-30, 30]^2. */
    private static int[] px(Rectangle plot, double x, double y) {
        double s = plot.width / 60.0;
        return new int[] {(int) Math.round(plot.x + (x + 30) * s), (int) Math.round(plot.y + (30 - y) * s)};
    }

    private static Rectangle plot() {
        return DifferencePlot.plotArea("t", "s", BIG, W, H);
    }

    @Test
    void imageHasTheRequestedSizeAndRoomForTheKey() {
        BufferedImage img = DifferencePlot.render("t", "s", BIG, SMALL, W, H);
        assertEquals(W, img.getWidth());
        assertEquals(H, img.getHeight());
        Rectangle plot = plot();
        assertTrue(plot.y + plot.height < H - 70, "key and tick labels fit under the plot: " + plot);
        assertTrue(plot.width > W / 2, plot.toString());
    }

    @Test
    void identicalModelsGiveAWhiteMap() {
        DecisionGrid confident = Samples.grid(60, -30, 30, (x, y) -> 0.8); // no boundary line either
        BufferedImage img = DifferencePlot.render("t", "s", confident, confident, W, H);
        Rectangle plot = plot();
        for (int y = plot.y + 1; y < plot.y + plot.height - 1; y += 3) {
            for (int x = plot.x + 1; x < plot.x + plot.width - 1; x += 3) {
                assertEquals(Palette.DIFFERENCE_ZERO.getRGB(), img.getRGB(x, y), "pixel " + x + ", " + y);
            }
        }
        assertTrue(Pixels.luma(img, plot.x + 5, plot.y + 5) > 240);
    }

    @Test
    void firstModelHigherIsPurpleAndSecondHigherGreen() {
        Rectangle plot = plot();
        BufferedImage aHigher = DifferencePlot.render("t", "s", BIG, SMALL, W, H);
        BufferedImage bHigher = DifferencePlot.render("t", "s", SMALL, BIG, W, H);
        float purple = Pixels.hue(Palette.DIFFERENCE_POSITIVE);
        float green = Pixels.hue(Palette.DIFFERENCE_NEGATIVE);
        for (int deg = 0; deg < 360; deg += 45) {
            double a = Math.toRadians(deg);
            int[] ring = px(plot, 7.5 * Math.cos(a), 7.5 * Math.sin(a)); // between the two boundaries
            assertTrue(Pixels.hueDistance(Pixels.hue(aHigher, ring[0], ring[1]), purple) < 0.03, "angle " + deg);
            assertTrue(Pixels.saturation(aHigher, ring[0], ring[1]) > 0.4);
            assertTrue(Pixels.hueDistance(Pixels.hue(bHigher, ring[0], ring[1]), green) < 0.03, "angle " + deg);
            int[] out = px(plot, 20 * Math.cos(a), 20 * Math.sin(a)); // both 0 there
            assertEquals(Palette.DIFFERENCE_ZERO.getRGB(), aHigher.getRGB(out[0], out[1]));
        }
        // the map's hues are neither class colour
        assertTrue(Pixels.hueDistance(purple, Pixels.hue(Palette.CLASS_1)) > 0.1);
        assertTrue(Pixels.hueDistance(green, Pixels.hue(Palette.CLASS_1)) > 0.1);
        assertTrue(Pixels.hueDistance(green, Pixels.hue(Palette.CLASS_0)) > 0.1);
    }

    @Test
    void boundariesAreSolidForTheFirstModelAndDashedForTheSecond() {
        Rectangle plot = plot();
        // smooth discs, so that the P = 0.5 lines lie on the circles r = 10 and r = 5 to a fraction of a pixel
        DecisionGrid big = Samples.grid(60, -30, 30, (x, y) -> Samples.sigmoid((10 - Math.hypot(x, y)) / 2));
        DecisionGrid small = Samples.grid(60, -30, 30, (x, y) -> Samples.sigmoid((5 - Math.hypot(x, y)) / 2));
        BufferedImage img = DifferencePlot.render("t", "s", big, small, W, H);
        double solid = darkFraction(img, plot, 10);
        double dashed = darkFraction(img, plot, 5);
        assertTrue(solid > 0.97, "solid line at radius 10 covers " + solid);
        assertTrue(dashed > 0.3 && dashed < 0.9, "dashed line at radius 5 covers " + dashed);
        assertTrue(darkFraction(img, plot, 15) < 0.01, "no line at radius 15");
    }

    /**
     * Share of 1-degree steps around the circle of {@code radius} where a line crosses: a dark grey
     * pixel within 2.5 pixels across the circle (along the radius, never along the line).
     */
    private static double darkFraction(BufferedImage img, Rectangle plot, double radius) {
        double s = plot.width / 60.0;
        int dark = 0;
        for (int deg = 0; deg < 360; deg++) {
            double a = Math.toRadians(deg);
            boolean hit = false;
            for (double off = -2.5; off <= 2.5 && !hit; off += 0.5) {
                double r = radius + off / s;
                int[] p = px(plot, r * Math.cos(a), r * Math.sin(a));
                // the line's ink: grey and dark, unlike the coloured map and the white halo beside it
                hit = Pixels.luma(img, p[0], p[1]) < 170 && Pixels.saturation(img, p[0], p[1]) < 0.12;
            }
            dark += hit ? 1 : 0;
        }
        return dark / 360.0;
    }

    @Test
    void keyUnderThePlotShowsBothEndsOfTheColourMap() {
        Rectangle plot = plot();
        BufferedImage img = DifferencePlot.render("t", "s", BIG, SMALL, W, H);
        int purple = 0;
        int green = 0;
        for (int y = plot.y + plot.height + 2; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (Pixels.saturation(img, x, y) > 0.4) {
                    float h = Pixels.hue(img, x, y);
                    purple += Pixels.hueDistance(h, Pixels.hue(Palette.DIFFERENCE_POSITIVE)) < 0.04 ? 1 : 0;
                    green += Pixels.hueDistance(h, Pixels.hue(Palette.DIFFERENCE_NEGATIVE)) < 0.04 ? 1 : 0;
                }
            }
        }
        assertTrue(purple > 30 && green > 30, "colour bar: purple " + purple + ", green " + green);
    }

    @Test
    void gridsOnDifferentLatticesAreRejected() {
        DecisionGrid coarse = Samples.disc(40, -30, 30, 10);
        var e = assertThrows(IllegalArgumentException.class,
                () -> DifferencePlot.render("t", "s", BIG, coarse, W, H));
        assertTrue(e.getMessage().contains("60 x 60") && e.getMessage().contains("40 x 40"), e.getMessage());
        DecisionGrid shifted = Samples.disc(60, -20, 40, 10);
        assertThrows(IllegalArgumentException.class, () -> DifferencePlot.render("t", "s", BIG, shifted, W, H));
        assertThrows(IllegalArgumentException.class, () -> DifferencePlot.render("t", "s", BIG, BIG, 50, 400));
    }

    @Test
    void narrowImagesStillHoldTheWholeKey() {
        BufferedImage img = DifferencePlot.render("t", null, "AdderNet", BIG, "Multi-layer perceptron", SMALL,
                DecisionPlot.MIN_SIZE, 140);
        // the key's text stays inside: the outermost columns carry no ink
        for (int y = 0; y < img.getHeight(); y++) {
            assertTrue(Pixels.luma(img, 0, y) > 240 && Pixels.luma(img, img.getWidth() - 1, y) > 240, "row " + y);
        }
    }
}
