package org.addernet.app.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Small helpers of the image benchmarks: repeated timing with a median, and random fills. */
final class Timer {
    private Timer() {
    }

    /** Median, best and count of a set of timed repetitions, in milliseconds. */
    record Sample(double medianMs, double bestMs, int reps) {
    }

    /**
     * Runs {@code body} untimed {@code warmups} times and then while one more call (as long as the
     * last) ends within {@code warmupSeconds} of the start; then timed until at least
     * {@code minReps} calls and {@code seconds} have passed (at most {@link BenchBudget#MAX_REPS}
     * calls); {@code before} (may be null) runs untimed before every call.
     */
    static Sample time(Runnable body, Runnable before, int warmups, int minReps, double seconds) {
        return time(body, before, warmups, 0, minReps, seconds);
    }

    static Sample time(Runnable body, Runnable before, int warmups, double warmupSeconds, int minReps,
                       double seconds) {
        long warmStart = System.nanoTime();
        long last = 0;
        // past the least number of calls, warm up while another call still ends within warmupSeconds
        for (int w = 0; w < warmups || System.nanoTime() - warmStart + last <= warmupSeconds * 1e9; w++) {
            if (before != null) {
                before.run();
            }
            long t0 = System.nanoTime();
            body.run();
            last = System.nanoTime() - t0;
        }
        double[] ms = new double[Math.max(minReps, 16)];
        int n = 0;
        long start = System.nanoTime();
        while (n < BenchBudget.MAX_REPS && (n < minReps || System.nanoTime() - start < seconds * 1e9)) {
            if (before != null) {
                before.run();
            }
            long t0 = System.nanoTime();
            body.run();
            long t1 = System.nanoTime();
            if (n == ms.length) {
                ms = Arrays.copyOf(ms, 2 * n);
            }
            ms[n++] = (t1 - t0) / 1e6;
        }
        return summarise(ms, n);
    }

    static Sample summarise(double[] ms, int n) {
        double[] s = Arrays.copyOf(ms, n);
        Arrays.sort(s);
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Sample(median, s[0], n);
    }

    /** Fills {@code a} uniformly in [-scale, scale). */
    static float[] fill(float[] a, SplittableRandom r, double scale) {
        for (int k = 0; k < a.length; k++) {
            a[k] = (float) ((r.nextDouble() * 2 - 1) * scale);
        }
        return a;
    }
}
