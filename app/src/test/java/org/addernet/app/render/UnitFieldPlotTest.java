package org.addernet.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.addernet.engine.train.DecisionGrid;
import org.junit.jupiter.api.Test;

class UnitFieldPlotTest {
    private static final int R = 20;

    /** An adder unit's response -(|x - cx| + |y - cy|) on the R x R lattice of [0, R]^2 (cell centres at k + 0.5). */
    private static float[] adderUnit(double cx, double cy) {
        return Samples.grid(R, 0, R, (x, y) -> -(Math.abs(x - cx) + Math.abs(y - cy))).prob();
    }

    /** Image pixel {x, y} of lattice cell (i, j) in a thumbnail of {@code size} (1-pixel frame). */
    private static int[] cellPixel(int i, int j, int size) {
        double inner = size - 2;
        return new int[] {(int) (1 + (i + 0.5) / R * inner), (int) (1 + (1 - (j + 0.5) / R) * inner)};
    }

    /** {x, y} of the darkest (or, with {@code palest}, the lightest) pixel inside the frame. */
    private static int[] extreme(BufferedImage img, boolean palest) {
        int[] best = null;
        double bestLuma = palest ? -1 : 256;
        for (int y = 1; y < img.getHeight() - 1; y++) {
            for (int x = 1; x < img.getWidth() - 1; x++) {
                double l = Pixels.luma(img, x, y);
                if (palest ? l > bestLuma : l < bestLuma) {
                    bestLuma = l;
                    best = new int[] {x, y};
                }
            }
        }
        return best;
    }

    @Test
    void thumbnailHasTheRequestedSizeAndAGreyFrame() {
        BufferedImage img = UnitFieldPlot.thumbnail(adderUnit(5.5, 5.5), R, 72);
        assertEquals(72, img.getWidth());
        assertEquals(72, img.getHeight());
        int frame = img.getRGB(0, 0);
        assertEquals(frame, img.getRGB(71, 71));
        assertEquals(frame, img.getRGB(36, 0));
        assertEquals(frame, img.getRGB(0, 36));
        Color c = new Color(frame);
        assertTrue(c.getRed() == c.getGreen() && c.getGreen() == c.getBlue(), "neutral grey frame " + c);
    }

    @Test
    void darkestPixelSitsAtTheFieldMaximumAndPalestAtItsMinimum() {
        int size = 100;
        // maximum at cell (14, 5): right of the middle, low (row 0 is the bottom of the image)
        BufferedImage img = UnitFieldPlot.thumbnail(adderUnit(14.5, 5.5), R, size);
        int[] dark = extreme(img, false);
        int[] expected = cellPixel(14, 5, size);
        double cell = (size - 2.0) / R;
        assertTrue(Math.abs(dark[0] - expected[0]) <= cell && Math.abs(dark[1] - expected[1]) <= cell,
                "darkest pixel " + Arrays.toString(dark) + ", maximum at " + Arrays.toString(expected));
        double darkest = Pixels.luma(img, dark[0], dark[1]);
        assertTrue(Math.abs(darkest - luma(Palette.field(1))) < 8, "the maximum gets the darkest colour: " + darkest);
        // the minimum is the farthest cell, the top-left corner
        int[] pale = extreme(img, true);
        assertTrue(pale[0] < cell && pale[1] < cell, "palest pixel " + Arrays.toString(pale));
        double palest = Pixels.luma(img, pale[0], pale[1]);
        assertTrue(Math.abs(palest - luma(Palette.field(0))) < 8, "the minimum gets the palest colour: " + palest);
    }

    private static double luma(int rgb) {
        Color c = new Color(rgb);
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    @Test
    void colourIsNormalisedToTheUnitsOwnRange() {
        float[] f = adderUnit(7.5, 12.5);
        float[] scaled = new float[f.length];
        for (int k = 0; k < f.length; k++) {
            scaled[k] = 250 * f[k] + 1000; // a different range, the same shape
        }
        BufferedImage a = UnitFieldPlot.thumbnail(f, R, 64);
        BufferedImage b = UnitFieldPlot.thumbnail(scaled, R, 64);
        int differ = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                Color ca = new Color(a.getRGB(x, y));
                Color cb = new Color(b.getRGB(x, y));
                if (Math.abs(ca.getRed() - cb.getRed()) + Math.abs(ca.getGreen() - cb.getGreen())
                        + Math.abs(ca.getBlue() - cb.getBlue()) > 3) {
                    differ++;
                }
            }
        }
        assertEquals(0, differ, "scaling and shifting a field must not change its picture");
    }

    @Test
    void constantFieldIsFlatInTheMiddleColour() {
        float[] f = new float[R * R];
        Arrays.fill(f, -3.25f);
        BufferedImage img = UnitFieldPlot.thumbnail(f, R, 40);
        for (int y = 1; y < 39; y++) {
            for (int x = 1; x < 39; x++) {
                assertEquals(Palette.field(0.5), img.getRGB(x, y) & 0xFFFFFF, "pixel " + x + ", " + y);
            }
        }
        BufferedImage large = UnitFieldPlot.large("flat", f, Samples.disc(R, 0, R, 3), null, 200);
        assertEquals(200, large.getWidth());
    }

    @Test
    void nanCellsAreGreyAndLeaveTheRestNormalised() {
        float[] f = adderUnit(10, 10);
        for (int j = R - 4; j < R; j++) {
            for (int i = 0; i < 4; i++) {
                f[j * R + i] = Float.NaN; // top-left block
            }
        }
        BufferedImage img = UnitFieldPlot.thumbnail(f, R, 100);
        int[] nan = cellPixel(1, R - 2, 100);
        assertEquals(Palette.UNDEFINED.getRGB(), img.getRGB(nan[0], nan[1]));
        int[] middle = cellPixel(10, 10, 100);
        assertTrue(Pixels.luma(img, middle[0], middle[1]) < 80, "the maximum is still dark");
        float[] allNan = new float[R * R];
        Arrays.fill(allNan, Float.NaN);
        assertEquals(Palette.UNDEFINED.getRGB(), UnitFieldPlot.thumbnail(allNan, R, 30).getRGB(15, 15));
    }

    @Test
    void largeShowsTheCentreAndAColourBar() {
        DecisionGrid lattice = Samples.disc(R, 0, R, 3);
        float[] f = adderUnit(6.5, 13.5);
        BufferedImage without = UnitFieldPlot.large("unit 1", f, lattice, null, 300);
        BufferedImage with = UnitFieldPlot.large("unit 1", f, lattice, new float[] {6.5f, 13.5f}, 300);
        assertEquals(300, with.getWidth());
        assertEquals(300, with.getHeight());
        int differ = 0;
        int whiteNear = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                if (with.getRGB(x, y) != without.getRGB(x, y)) {
                    differ++;
                    whiteNear += Pixels.luma(with, x, y) > 245 ? 1 : 0;
                }
            }
        }
        assertTrue(differ > 40 && differ < 1000, "a small marker, got " + differ + " changed pixels");
        assertTrue(whiteNear > 10, "the marker is white on the dark maximum");
        // the bar right of the plot holds the darkest and the palest colour
        assertTrue(countColour(with, 220, Palette.field(1)) > 5, "dark end of the bar");
        assertTrue(countColour(with, 220, Palette.field(0)) > 5, "pale end of the bar");
        BufferedImage outside = UnitFieldPlot.large("unit 1", f, lattice, new float[] {500, 10}, 300);
        int edge = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                edge += outside.getRGB(x, y) != without.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(edge > 20, "a centre beyond the bounds shows at the edge");
    }

    /** Pixels right of column {@code fromX} within 6 per channel of {@code rgb}. */
    private static int countColour(BufferedImage img, int fromX, int rgb) {
        Color c = new Color(rgb);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = fromX; x < img.getWidth(); x++) {
                Color p = new Color(img.getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) <= 6 && Math.abs(p.getGreen() - c.getGreen()) <= 6
                        && Math.abs(p.getBlue() - c.getBlue()) <= 6) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void badShapesAreRejectedWithBothNumbers() {
        var e = assertThrows(IllegalArgumentException.class, () -> UnitFieldPlot.thumbnail(new float[10], 4, 32));
        assertTrue(e.getMessage().contains("16") && e.getMessage().contains("10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnitFieldPlot.thumbnail(new float[16], 4, 4));
        DecisionGrid lattice = Samples.disc(R, 0, R, 3);
        assertThrows(IllegalArgumentException.class,
                () -> UnitFieldPlot.large("t", new float[16], lattice, null, 200));
        assertThrows(IllegalArgumentException.class,
                () -> UnitFieldPlot.large("t", adderUnit(1, 1), lattice, new float[] {1, 2, 3}, 200));
    }

    @Test
    void barLabelsUseTheFieldsScale() {
        assertEquals("-41.2", ColourBar.format(-41.234, 40));
        assertEquals("0.53", ColourBar.format(0.5312, 1));
        assertEquals("0.00421", ColourBar.format(0.00421, 0.004));
        assertEquals("0.0", ColourBar.format(-0.0001, 40), "no negative zero");
    }
}
