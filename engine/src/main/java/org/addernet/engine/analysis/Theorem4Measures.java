package org.addernet.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.tensor.Tensor;

/**
 * What {@link Theorem4} measures of its networks: the integrated squared error
 * {@code int (f - A)^2 dmu} by the midpoint rule on a lattice of {@code [-1, 1]^2}, and each
 * curve's rate as the slope of a least-squares line through {@code (ln n, ln ISE)}.
 */
final class Theorem4Measures {
    private Theorem4Measures() {
    }

    /** The slope of every (target, model) curve with at least two widths &gt;= fitFrom. */
    static List<Theorem4.Slope> slopes(Theorem4.Config c, List<Theorem4.Fit> fits) {
        List<Theorem4.Slope> out = new ArrayList<>();
        for (Theorem4.Target t : c.targets()) {
            for (Theorem4.Model m : c.models()) {
                List<double[]> pts = new ArrayList<>();
                for (Theorem4.Fit f : fits) {
                    if (f.target() == t && f.model() == m && f.width() >= c.fitFrom() && f.ise() > 0
                            && Double.isFinite(f.ise())) {
                        pts.add(new double[] {Math.log(f.width()), Math.log(f.ise())});
                    }
                }
                if (pts.stream().mapToDouble(p -> p[0]).distinct().count() >= 2) {
                    double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
                    double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
                    out.add(new Theorem4.Slope(t, m, fitLine(x, y)));
                }
            }
        }
        return out;
    }

    /** Ordinary least squares {@code y = a + b x}; needs two distinct x. */
    static Theorem4.Line fitLine(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a line needs at least two points, as many x as y");
        }
        int k = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= k;
        my /= k;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < k; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("a line needs two distinct x values");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double r2 = syy > 0 ? sxy * sxy / (sxx * syy) : 1;
        return new Theorem4.Line(slope, intercept, r2, k);
    }

    /**
     * {@code int (f - A)^2 dmu} with mu uniform on {@code [-1, 1]^2}: the mean of the squared
     * difference over the midpoints of a {@code lattice x lattice} grid of cells, A evaluated by the
     * network's forward pass (evaluation mode) in batches.
     */
    static double ise(Theorem4.Target f, Layer net, int lattice) {
        int total = lattice * lattice;
        int chunk = Math.min(total, Math.max(lattice, 4096 / lattice * lattice));
        double h = 2.0 / lattice;
        double sum = 0;
        for (int start = 0; start < total; start += chunk) {
            int b = Math.min(chunk, total - start);
            float[] x = new float[2 * b];
            double[] fx = new double[b];
            for (int k = 0; k < b; k++) {
                int cell = start + k;
                double px = -1 + (cell % lattice + 0.5) * h;
                double py = -1 + (cell / lattice + 0.5) * h;
                x[k] = (float) px;
                x[b + k] = (float) py;
                // f at the point the network sees, so the float rounding of the input does not count
                fx[k] = f.value(x[k], x[b + k]);
            }
            Tensor out = net.forward(Tensor.wrap(x, 2, b), false);
            if (out.rank() != 2 || out.dim(0) != 1 || out.dim(1) != b) {
                throw new IllegalArgumentException("the network must map [2, B] to [1, B], got " + out);
            }
            double part = 0;
            for (int k = 0; k < b; k++) {
                double e = fx[k] - out.data[k];
                part += e * e;
            }
            sum += part;
        }
        return sum / total;
    }

    /** The same midpoint rule for two plain functions: {@code mean over the lattice of (f - g)^2}. */
    static double ise(DoubleBinaryOperator f, DoubleBinaryOperator g, int lattice) {
        double h = 2.0 / lattice;
        double sum = 0;
        for (int r = 0; r < lattice; r++) {
            double y = -1 + (r + 0.5) * h;
            double row = 0;
            for (int c = 0; c < lattice; c++) {
                double x = -1 + (c + 0.5) * h;
                double e = f.applyAsDouble(x, y) - g.applyAsDouble(x, y);
                row += e * e;
            }
            sum += row;
        }
        return sum / ((double) lattice * lattice);
    }
}
