package org.addernet.app.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.addernet.engine.model.FeatureProbe.Features;
import org.addernet.engine.model.FeatureProbe.Window;

/**
 * The numbers behind the paper's Fig. 1: how the classes of a LeNet++'s 2-D features lie in the
 * plane ({@link #separation}), and the square of the plane worth showing ({@link #window}).
 */
public final class FeatureStats {
    private FeatureStats() {
    }

    /**
     * How the classes are laid out in the feature plane: the share of images whose nearest class
     * mean is their own class, measured with the l1 distance, the l2 distance, and by angle about
     * the origin (the class mean whose direction is closest to the feature's); and the network's
     * own accuracy for comparison. Clusters around centres score high on the distances; angular
     * sectors score high by angle and lower by distance, since points far out along a sector are
     * nearer the means of neighbouring sectors than the mean of their own. {@code radialShare} is
     * the share of the within-class variance (pooled over all images) that lies along the ray from
     * the origin through the class mean: about 1/2 for round clusters, near 1 for classes spread out
     * along their rays.
     */
    public record Separation(double nearestMeanL1, double nearestMeanL2, double nearestAngle, double radialShare,
                             double accuracy) {
    }

    /**
     * The square shown: the features' 0.2 % to 99.8 % quantiles on each axis (a few far outliers
     * would squeeze the rest into a corner), the origin, the class means and the adder centres,
     * widened to a square with a margin.
     */
    public static Window window(Features f) {
        double[] xs = quantiles(f.x());
        double[] ys = quantiles(f.y());
        double x0 = Math.min(xs[0], 0);
        double x1 = Math.max(xs[1], 0);
        double y0 = Math.min(ys[0], 0);
        double y1 = Math.max(ys[1], 0);
        List<double[]> marks = new ArrayList<>(Arrays.asList(f.classMeans()));
        if (f.centres() != null) {
            for (float[] c : f.centres()) {
                marks.add(new double[] {c[0], c[1]});
            }
        }
        for (double[] m : marks) {
            if (Double.isFinite(m[0]) && Double.isFinite(m[1])) {
                x0 = Math.min(x0, m[0]);
                x1 = Math.max(x1, m[0]);
                y0 = Math.min(y0, m[1]);
                y1 = Math.max(y1, m[1]);
            }
        }
        double half = Math.max(Math.max(x1 - x0, y1 - y0) / 2, 1e-6) * 1.06;
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        return new Window(cx - half, cx + half, cy - half, cy + half);
    }

    private static double[] quantiles(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        int lo = (int) Math.floor(0.002 * (s.length - 1));
        int hi = (int) Math.ceil(0.998 * (s.length - 1));
        return new double[] {s[lo], s[hi]};
    }

    /** The numbers behind the picture (see {@link Separation}). */
    public static Separation separation(Features f) {
        double[][] m = f.classMeans();
        int l1 = 0;
        int l2 = 0;
        int angle = 0;
        for (int i = 0; i < f.size(); i++) {
            double x = f.x()[i];
            double y = f.y()[i];
            int b1 = -1;
            int b2 = -1;
            int ba = -1;
            double d1 = Double.POSITIVE_INFINITY;
            double d2 = Double.POSITIVE_INFINITY;
            double cos = Double.NEGATIVE_INFINITY;
            double norm = Math.hypot(x, y);
            for (int c = 0; c < m.length; c++) {
                if (Double.isNaN(m[c][0])) {
                    continue;
                }
                double dx = x - m[c][0];
                double dy = y - m[c][1];
                double a1 = Math.abs(dx) + Math.abs(dy);
                double a2 = dx * dx + dy * dy;
                double mn = Math.hypot(m[c][0], m[c][1]);
                double cs = norm == 0 || mn == 0 ? -1 : (x * m[c][0] + y * m[c][1]) / (norm * mn);
                if (a1 < d1) {
                    d1 = a1;
                    b1 = c;
                }
                if (a2 < d2) {
                    d2 = a2;
                    b2 = c;
                }
                if (cs > cos) {
                    cos = cs;
                    ba = c;
                }
            }
            int t = f.labels()[i];
            l1 += b1 == t ? 1 : 0;
            l2 += b2 == t ? 1 : 0;
            angle += ba == t ? 1 : 0;
        }
        double n = f.size();
        return new Separation(l1 / n, l2 / n, angle / n, radialShare(f, m), f.accuracy());
    }

    private static double radialShare(Features f, double[][] m) {
        double radial = 0;
        double total = 0;
        for (int i = 0; i < f.size(); i++) {
            double[] c = m[f.labels()[i]];
            double len = Math.hypot(c[0], c[1]);
            if (len == 0) {
                continue;
            }
            double dx = f.x()[i] - c[0];
            double dy = f.y()[i] - c[1];
            double along = (dx * c[0] + dy * c[1]) / len;
            radial += along * along;
            total += dx * dx + dy * dy;
        }
        return total == 0 ? Double.NaN : radial / total;
    }
}
