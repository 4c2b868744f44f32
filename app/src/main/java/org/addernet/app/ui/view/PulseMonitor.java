package org.addernet.app.ui.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes between pulses (an AnimationTimer asks for one every
 * frame, so a long gap is a pulse that took long or a blocked FX thread). Started when the
 * system property {@code workbench.pulseReport} names a file; the report is written on exit.
 */
public final class PulseMonitor extends AnimationTimer {
    private final Path out;
    private long last;
    private long longest;
    private long count;
    private long total;

    private PulseMonitor(Path out) {
        this.out = out;
    }

    static PulseMonitor startIfAsked() {
        String p = System.getProperty("workbench.pulseReport");
        if (p == null || p.isBlank()) {
            return null;
        }
        PulseMonitor m = new PulseMonitor(Path.of(p));
        m.start();
        return m;
    }

    /** A monitor for tests: start() it, read {@link #longestMillis()}. */
    public static PulseMonitor forTest() {
        return new PulseMonitor(null);
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            longest = Math.max(longest, gap);
            total += gap;
            count++;
        }
        last = now;
    }

    public double longestMillis() {
        return longest / 1e6;
    }

    public double meanMillis() {
        return count == 0 ? 0 : total / 1e6 / count;
    }

    void report() {
        stop();
        if (out != null) {
            try {
                Files.writeString(out, String.format(Locale.ROOT, "pulses %d, mean gap %.1f ms, longest gap %.1f ms%n",
                        count, meanMillis(), longestMillis()));
            } catch (IOException e) {
                System.err.println("workbench: cannot write " + out + ": " + e.getMessage());
            }
        }
    }
}
