package org.addernet.app.runner;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress bar of an epoch run:
 * {@code lenet5-bn-adder-s1  epoch 3/20 [#######.......]  52%  2,031 img/s  ETA 0:14 (run 8:45)}.
 * On a terminal it is redrawn in place (carriage return) at most 4 times a second; otherwise (a
 * log file, CI) a line is printed every 30 seconds.
 */
public final class Progress {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean interactive;
    private final String id;
    private final int epochs;
    private final long steps;
    private final int batch;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintStream out, boolean interactive, String id, int epochs, long steps, int batch) {
        this.out = out;
        this.interactive = interactive;
        this.id = id;
        this.epochs = epochs;
        this.steps = steps;
        this.batch = batch;
        this.lastDraw = System.nanoTime();
    }

    /** After step {@code done} (1-based) of epoch {@code epoch} (0-based), {@code secs} into the epoch. */
    void update(int epoch, long done, double secs) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        long every = interactive ? 250_000_000L : 30_000_000_000L;
        if (now - lastDraw < every && done < steps) {
            return;
        }
        lastDraw = now;
        out.print((interactive ? "\r" : "") + line(epoch, done, secs) + (interactive ? "" : "\n"));
        out.flush();
        drawn = interactive;
    }

    /** The bar's text (without line ending). */
    String line(int epoch, long done, double secs) {
        double rate = secs > 0 ? done * batch / secs : 0;
        double perStep = done > 0 ? secs / done : 0;
        double epochLeft = (steps - done) * perStep;
        double runLeft = epochLeft + (epochs - epoch - 1) * steps * perStep;
        int filled = (int) (WIDTH * done / steps);
        return String.format(Locale.ROOT, "  %s  epoch %d/%d [%s%s] %3d%%  %,.0f img/s  ETA %s (run %s)", id, epoch + 1,
                epochs, "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * done / steps, rate, clock(epochLeft),
                clock(runLeft));
    }

    /** Ends a bar drawn in place so that the next line starts clean. */
    void clear() {
        if (out != null && drawn) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
            drawn = false;
        }
    }

    /** {@code m:ss} or {@code h:mm:ss}. */
    public static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
