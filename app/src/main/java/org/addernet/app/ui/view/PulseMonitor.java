package org.addernet.app.ui.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes between pulses (an AnimationTimer asks for one every
 * frame, so a long gap is a pulse that took long or a blocked FX thread), and how much CPU time
 * the FX thread itself used in each gap (its own work, apart from the time a busy machine's other
 * threads and processes kept it waiting). Started when the system property
 * {@code workbench.pulseReport} names a file; the report is written on exit.
 */
public final class PulseMonitor extends AnimationTimer {
    private final Path out;
    private long last;
    private long longest;
    private long count;
    private long total;
    private final java.util.List<Long> gaps = new java.util.ArrayList<>();
    private final java.util.List<Long> cpu = new java.util.ArrayList<>();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long lastCpu;
    private volatile boolean measuring = true;
    private long measuringSince;

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
        Runtime.getRuntime().addShutdownHook(new Thread(m::write));   // also when killed, not only on close
        return m;
    }

    /** A monitor for tests: start() it, read {@link #longestMillis()}. */
    public static PulseMonitor forTest() {
        return new PulseMonitor(null);
    }

    /** Counts gaps only while {@code on} (e.g. while training runs), after a one-second settling time. */
    public void measureWhile(javafx.beans.value.ObservableBooleanValue on) {
        measuring = on.get();
        on.addListener((o, a, b) -> {
            measuring = b;
            measuringSince = System.nanoTime();
            last = 0;
        });
    }

    @Override
    public void handle(long now) {
        if (!measuring || now - measuringSince < 1_000_000_000L) {
            last = 0;
            return;
        }
        long c = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        if (last != 0) {
            long gap = now - last;
            longest = Math.max(longest, gap);
            total += gap;
            count++;
            gaps.add(gap);
            if (c >= 0 && lastCpu >= 0) {
                cpu.add(c - lastCpu);
            }
        }
        last = now;
        lastCpu = c;
    }

    /** The 99th percentile gap in milliseconds. */
    public double p99Millis() {
        return p99(gaps);
    }

    /** The 99th percentile of the FX thread's own CPU time per gap, in milliseconds. */
    public double cpuP99Millis() {
        return p99(cpu);
    }

    private static double p99(java.util.List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        java.util.List<Long> sorted = new java.util.ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * 0.99))) / 1e6;
    }

    private double cpuMeanMillis() {
        return cpu.isEmpty() ? 0 : cpu.stream().mapToLong(Long::longValue).sum() / 1e6 / cpu.size();
    }

    public double longestMillis() {
        return longest / 1e6;
    }

    public double meanMillis() {
        return count == 0 ? 0 : total / 1e6 / count;
    }

    void report() {
        stop();
        write();
    }

    private synchronized void write() {
        if (out != null) {
            try {
                Files.writeString(out, String.format(Locale.ROOT,
                        "pulses while training %d, mean gap %.1f ms, 99th percentile %.1f ms, longest gap %.1f ms; "
                                + "FX thread CPU per gap: mean %.1f ms, 99th percentile %.1f ms%n",
                        count, meanMillis(), p99Millis(), longestMillis(), cpuMeanMillis(), cpuP99Millis()));
            } catch (IOException e) {
                System.err.println("workbench: cannot write " + out + ": " + e.getMessage());
            }
        }
    }
}
