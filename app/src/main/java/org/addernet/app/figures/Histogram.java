package org.addernet.app.figures;

import java.util.Arrays;

/**
 * Equal-width bins over a sample's range, as a density: bin i holds count_i / (n w), n counting
 * every finite value, so the bar areas sum to the share of values inside the bins (1 without a
 * trimmed tail).
 *
 * <p>Bins are [lo + i w, lo + (i + 1) w); the last one also holds its right edge. Non-finite
 * values are ignored. When all values are equal the range is widened to (at least) one unit around
 * them; with no finite value the histogram is empty ({@code count == 0}, all densities 0 over
 * [0, 1]).
 *
 * @param lo      left edge of bin 0
 * @param width   width of each bin
 * @param density per bin: count / (n w)
 * @param count   n, the number of finite values
 * @param outside how many of them lie outside the bins (trimmed tails)
 */
record Histogram(double lo, double width, double[] density, int count, int outside) {
    /** Trim the tails only if the central range is shorter than this share of the full range. */
    static final double TRIM_WHEN = 0.7;

    /** Bins all finite values of {@code x} into {@code bins} (at least 1) equal-width bins over their range. */
    static Histogram of(double[] x, int bins) {
        return of(x, bins, 0);
    }

    /**
     * Like {@link #of(double[], int)}, but when the central part of the sample, between its
     * {@code tail} and {@code 1 - tail} quantiles, spans less than {@value #TRIM_WHEN} of the full
     * range (heavy tails, e.g. Laplace-like weights), the bins cover only that part so that the
     * peak keeps its shape; the values beyond count in {@code outside}.
     */
    static Histogram of(double[] x, int bins, double tail) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        if (!(tail >= 0 && tail < 0.5)) {
            throw new IllegalArgumentException("tail must be in [0, 0.5), got " + tail);
        }
        double[] v = finiteSorted(x);
        int n = v.length;
        if (n == 0) {
            return new Histogram(0, 1.0 / bins, new double[bins], 0, 0);
        }
        double min = v[0];
        double max = v[n - 1];
        if (tail > 0) {
            double qlo = v[(int) Math.floor(tail * (n - 1))];
            double qhi = v[(int) Math.ceil((1 - tail) * (n - 1))];
            if (qhi > qlo && qhi / 2 - qlo / 2 < TRIM_WHEN * (max / 2 - min / 2)) {
                min = qlo;
                max = qhi;
            }
        }
        if (!(max > min)) {
            // all values equal: one unit around them (wider for huge values, so the bins have width)
            double half = Math.max(0.5, Math.abs(min) * 1e-3);
            min -= half;
            max += half;
        }
        double w = max / bins - min / bins; // finite even when max - min overflows
        double[] counts = new double[bins];
        int outside = 0;
        for (double xi : v) {
            if (xi < min || xi > max) {
                outside++;
            } else {
                int i = (int) ((xi - min) / w);
                counts[Math.min(bins - 1, i)]++;
            }
        }
        for (int i = 0; i < bins; i++) {
            counts[i] /= n * w;
        }
        return new Histogram(min, w, counts, n, outside);
    }

    int bins() {
        return density.length;
    }

    /** Right edge of the last bin. */
    double hi() {
        return lo + width * density.length;
    }

    private static double[] finiteSorted(double[] x) {
        double[] v = new double[x.length];
        int m = 0;
        for (double xi : x) {
            if (Double.isFinite(xi)) {
                v[m++] = xi;
            }
        }
        v = m == v.length ? v : Arrays.copyOf(v, m);
        Arrays.sort(v);
        return v;
    }
}
