package org.addernet.app.render;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Pixel probes for the render tests. */
final class Pixels {
    private Pixels() {
    }

    static float hue(BufferedImage img, int x, int y) {
        Color c = new Color(img.getRGB(x, y));
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[0];
    }

    static float saturation(BufferedImage img, int x, int y) {
        Color c = new Color(img.getRGB(x, y));
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[1];
    }

    static float hue(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[0];
    }

    /** Distance between two hues on the colour circle, in [0, 0.5]. */
    static float hueDistance(float a, float b) {
        float d = Math.abs(a - b) % 1f;
        return Math.min(d, 1 - d);
    }

    /** Rec. 601 luma of the pixel, 0..255. */
    static double luma(BufferedImage img, int x, int y) {
        Color c = new Color(img.getRGB(x, y));
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    /** Whether some pixel within {@code radius} of (x, y) has luma below {@code maxLuma}. */
    static boolean darkNear(BufferedImage img, int x, int y, int radius, double maxLuma) {
        return countNear(img, x, y, radius, (px, py) -> luma(img, px, py) < maxLuma) > 0;
    }

    /** Pixels within {@code radius} of (x, y) within {@code tolerance} of colour {@code c} per channel. */
    static int colourNear(BufferedImage img, int x, int y, int radius, Color c, int tolerance) {
        return countNear(img, x, y, radius, (px, py) -> {
            Color p = new Color(img.getRGB(px, py));
            return Math.abs(p.getRed() - c.getRed()) <= tolerance && Math.abs(p.getGreen() - c.getGreen()) <= tolerance
                    && Math.abs(p.getBlue() - c.getBlue()) <= tolerance;
        });
    }

    /** Pixels in the rectangle [x0, x1) x [y0, y1) exactly equal to {@code c}. */
    static int countExact(BufferedImage img, int x0, int y0, int x1, int y1, Color c) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    interface PixelTest {
        boolean test(int x, int y);
    }

    private static int countNear(BufferedImage img, int x, int y, int radius, PixelTest t) {
        int n = 0;
        for (int py = Math.max(0, y - radius); py <= Math.min(img.getHeight() - 1, y + radius); py++) {
            for (int px = Math.max(0, x - radius); px <= Math.min(img.getWidth() - 1, x + radius); px++) {
                if (t.test(px, py)) {
                    n++;
                }
            }
        }
        return n;
    }
}
