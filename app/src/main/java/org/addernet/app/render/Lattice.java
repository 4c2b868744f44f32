package org.addernet.app.render;

import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.function.DoubleToIntFunction;
import org.addernet.engine.train.DecisionGrid;

/**
 * Turns values on an R x R lattice into pixels: a colour image of the values and the pixel paths
 * of their iso-lines, with data y growing upwards (lattice row 0 at the bottom of the image).
 */
final class Lattice {
    private Lattice() {
    }

    /**
     * A {@code w} x {@code h} RGB image of {@code values} ([n, n] row-major, row 0 = bottom)
     * stretched over the whole image: each pixel centre takes the value bilinearly interpolated
     * between the four nearest cell centres (held constant beyond the outermost centres) and
     * {@code colour} turns it into 0xRRGGBB. A NaN corner makes the pixel NaN.
     */
    static BufferedImage image(float[] values, int n, int w, int h, DoubleToIntFunction colour) {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int last = Math.max(0, n - 2);
        for (int row = 0; row < h; row++) {
            // continuous lattice row of this pixel's centre; image row 0 is the top, yMax
            double gy = clamp((1 - (row + 0.5) / h) * n - 0.5, 0, n - 1);
            int j0 = Math.min((int) gy, last);
            double fy = n == 1 ? 0 : gy - j0;
            for (int col = 0; col < w; col++) {
                double gx = clamp((col + 0.5) / w * n - 0.5, 0, n - 1);
                int i0 = Math.min((int) gx, last);
                double fx = n == 1 ? 0 : gx - i0;
                double v;
                if (n == 1) {
                    v = values[0];
                } else {
                    double bottom = values[j0 * n + i0] * (1 - fx) + values[j0 * n + i0 + 1] * fx;
                    double top = values[(j0 + 1) * n + i0] * (1 - fx) + values[(j0 + 1) * n + i0 + 1] * fx;
                    v = bottom * (1 - fy) + top * fy;
                }
                px[row * w + col] = colour.applyAsInt(v);
            }
        }
        return img;
    }

    /** {@code grid}'s iso-line P = {@code level} as a pixel path over {@code plot}, one subpath per curve. */
    static Path2D isoLine(DecisionGrid grid, double level, Rectangle plot) {
        var path = new Path2D.Double();
        for (double[] xy : Contour.polylines(grid, level)) {
            path.moveTo(Axes.toPx(grid, plot, xy[0]), Axes.toPy(grid, plot, xy[1]));
            for (int k = 2; k < xy.length; k += 2) {
                path.lineTo(Axes.toPx(grid, plot, xy[k]), Axes.toPy(grid, plot, xy[k + 1]));
            }
        }
        return path;
    }

    /** Whether (x, y) lies within {@code grid}'s bounds, edges included. */
    static boolean inside(DecisionGrid grid, double x, double y) {
        return x >= grid.xMin() && x <= grid.xMax() && y >= grid.yMin() && y <= grid.yMax();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
