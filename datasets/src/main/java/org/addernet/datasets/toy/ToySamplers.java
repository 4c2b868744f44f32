package org.addernet.datasets.toy;

import java.util.SplittableRandom;

/**
 * The point samplers, one per {@link ToySet}: each fills {@code xy} ([n, 2] row-major, modified)
 * and {@code labels} ([n], 0/1, modified) from {@code rng} at scale {@code s}. Coordinates are
 * rounded to float <em>before</em> a label is decided, so the stored floats satisfy the equation
 * exactly; radius tests compare squares (r &lt; 10 as x^2 + y^2 &lt; 100) to avoid sqrt rounding.
 */
final class ToySamplers {
    private ToySamplers() {
    }

    static void sample(ToySet set, double s, SplittableRandom rng, float[] xy, int[] labels) {
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            int k = 2 * i;
            switch (set) {
                case UNIT_BALL -> labels[i] = unitBall(s, rng, xy, k);
                case MULTI_BALL -> labels[i] = multiBall(s, rng, xy, k);
                case XOR -> labels[i] = xor(s, rng, xy, k);
                case MOONS -> labels[i] = moons(s, rng, xy, k, i % 2);
                case SPIRAL -> labels[i] = spiral(s, rng, xy, k, i % 2);
                case RINGS -> labels[i] = rings(s, rng, xy, k, i % 2);
                case CHECKERBOARD -> labels[i] = checkerboard(s, rng, xy, k);
                case BLOBS -> labels[i] = blobs(s, rng, xy, k, i % 6);
                default -> throw new IllegalStateException("no sampler for " + set);
            }
        }
    }

    /** Eq. 34 by rejection: draw N(0, s^2 I) until r &lt; 10 (label 1) or r &gt; 15 (label 0). */
    private static int unitBall(double s, SplittableRandom rng, float[] xy, int k) {
        while (true) {
            double r2 = put(xy, k, s * rng.nextGaussian(), s * rng.nextGaussian());
            if (r2 < 10 * 10) {
                return 1;
            }
            if (r2 > 15 * 15) {
                return 0;
            }
        }
    }

    /** Eq. 35: N(0, s^2 I); 1 if |p - (10,10)| &lt; 10 or |p - (-10,-10)| &lt; 10. */
    private static int multiBall(double s, SplittableRandom rng, float[] xy, int k) {
        put(xy, k, s * rng.nextGaussian(), s * rng.nextGaussian());
        double x = xy[k];
        double y = xy[k + 1];
        boolean inA = (x - 10) * (x - 10) + (y - 10) * (y - 10) < 100;
        boolean inB = (x + 10) * (x + 10) + (y + 10) * (y + 10) < 100;
        return inA || inB ? 1 : 0;
    }

    /** Eq. 36: N(0, s^2 I); 1 if x*y &gt;= 0. */
    private static int xor(double s, SplittableRandom rng, float[] xy, int k) {
        put(xy, k, s * rng.nextGaussian(), s * rng.nextGaussian());
        return (double) xy[k] * xy[k + 1] >= 0 ? 1 : 0;
    }

    /**
     * Upper moon s(cos t, sin t) is class 1, lower moon s(1 - cos t, 1/2 - sin t) class 0,
     * t ~ U[0, pi], both shifted by -s(1/2, 1/4) to centre them, plus N(0, (0.1 s)^2 I).
     */
    private static int moons(double s, SplittableRandom rng, float[] xy, int k, int label) {
        double t = Math.PI * rng.nextDouble();
        double u = label == 1 ? Math.cos(t) : 1 - Math.cos(t);
        double v = label == 1 ? Math.sin(t) : 0.5 - Math.sin(t);
        put(xy, k, s * (u - 0.5 + 0.1 * rng.nextGaussian()),
                s * (v - 0.25 + 0.1 * rng.nextGaussian()));
        return label;
    }

    /**
     * Arm {@code label}: r = 3 s t, theta = 3 pi t + pi label, t = sqrt(U[0,1]) (uniform along
     * the arm), plus N(0, (0.1 s)^2 I); neighbouring arms lie s apart.
     */
    private static int spiral(double s, SplittableRandom rng, float[] xy, int k, int label) {
        double t = Math.sqrt(rng.nextDouble());
        double r = 3 * s * t;
        double theta = 3 * Math.PI * t + Math.PI * label;
        put(xy, k, r * Math.cos(theta) + 0.1 * s * rng.nextGaussian(),
                r * Math.sin(theta) + 0.1 * s * rng.nextGaussian());
        return label;
    }

    /** Radius s (class 1) or 2 s (class 0) plus N(0, (0.15 s)^2), angle ~ U[0, 2 pi). */
    private static int rings(double s, SplittableRandom rng, float[] xy, int k, int label) {
        double r = s * ((label == 1 ? 1 : 2) + 0.15 * rng.nextGaussian());
        double theta = 2 * Math.PI * rng.nextDouble();
        put(xy, k, r * Math.cos(theta), r * Math.sin(theta));
        return label;
    }

    /** (x, y) ~ U[-2s, 2s]^2; 1 if floor(x/s) + floor(y/s) is even. */
    private static int checkerboard(double s, SplittableRandom rng, float[] xy, int k) {
        put(xy, k, s * (4 * rng.nextDouble() - 2), s * (4 * rng.nextDouble() - 2));
        long cell = (long) Math.floor(xy[k] / s) + (long) Math.floor(xy[k + 1] / s);
        return Math.floorMod(cell, 2L) == 0 ? 1 : 0;
    }

    /** Blob b of six: centre 2s(cos(b pi/3), sin(b pi/3)), N(0, (0.4 s)^2 I), label b mod 2. */
    private static int blobs(double s, SplittableRandom rng, float[] xy, int k, int blob) {
        double a = blob * Math.PI / 3;
        put(xy, k, s * (2 * Math.cos(a) + 0.4 * rng.nextGaussian()),
                s * (2 * Math.sin(a) + 0.4 * rng.nextGaussian()));
        return blob % 2 == 0 ? 1 : 0;
    }

    /** Stores (x, y) as floats at xy[k], xy[k+1]; returns x^2 + y^2 of the stored floats. */
    private static double put(float[] xy, int k, double x, double y) {
        float fx = (float) x;
        float fy = (float) y;
        xy[k] = fx;
        xy[k + 1] = fy;
        return (double) fx * fx + (double) fy * fy;
    }
}
