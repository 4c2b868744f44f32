package org.addernet.app.render;

import java.util.Locale;

/** "Nice" axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten. */
public final class Ticks {
    private Ticks() {
    }

    /** A step near {@code (max - min) / target} from the 1-2-2.5-5 series. */
    public static double step(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double frac = raw / mag;
        double nice = frac <= 1 ? 1 : frac <= 2 ? 2 : frac <= 2.5 ? 2.5 : frac <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** The next larger step of the series: 1 -> 2 -> 2.5 -> 5 -> 10 (times a power of ten). */
    public static double next(double step) {
        double mag = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double frac = step / mag;
        double nice = frac < 1.5 ? 2 : frac < 2.25 ? 2.5 : frac < 3.5 ? 5 : 10;
        return nice * mag;
    }

    /** The multiples of {@code step} within [{@code min}, {@code max}], ascending. */
    public static double[] values(double min, double max, double step) {
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

    /**
     * {@code v} with as many decimals as {@code step} needs: "10", "2.5", "0.25"; a step that is
     * not from the series (e.g. an axis length) gets the decimals of its leading digit.
     */
    public static String format(double v, double step) {
        double log = Math.log10(Math.abs(step));
        int decimals = (int) Math.max(0, Math.ceil(-log - 1e-9));
        double mantissa = Math.abs(step) / Math.pow(10, Math.floor(log + 1e-9));
        if (Math.abs(mantissa - 2.5) < 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 8) + "f", v);
    }
}
