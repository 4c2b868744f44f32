package org.addernet.app.render;

import java.util.Locale;

/** "Nice" axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten. */
final class Ticks {
    private Ticks() {
    }

    /** A step near {@code (max - min) / target} from the 1-2-2.5-5 series. */
    static double step(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double frac = raw / mag;
        double nice = frac <= 1 ? 1 : frac <= 2 ? 2 : frac <= 2.5 ? 2.5 : frac <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** The multiples of {@code step} within [{@code min}, {@code max}], ascending. */
    static double[] values(double min, double max, double step) {
        double eps = step * 1e-9;
        long first = (long) Math.ceil((min - eps) / step);
        long last = (long) Math.floor((max + eps) / step);
        int n = (int) Math.max(0, Math.min(50, last - first + 1));
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double v = (first + k) * step;
            out[k] = v == 0 ? 0 : v; // no "-0"
        }
        return out;
    }

    /** {@code v} with as many decimals as {@code step} needs ("10", "2.5", "0.25"). */
    static String format(double v, double step) {
        int decimals = 0;
        while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
                > 1e-6 * Math.pow(10, decimals)) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
