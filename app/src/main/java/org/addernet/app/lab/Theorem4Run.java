package org.addernet.app.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.addernet.app.figures.Theorem4Figure;
import org.addernet.app.io.AtomicFiles;
import org.addernet.engine.analysis.Theorem4.Config;
import org.addernet.engine.analysis.Theorem4.Fit;
import org.addernet.engine.analysis.Theorem4.Result;
import org.addernet.engine.analysis.Theorem4.Slope;
import org.addernet.engine.analysis.Theorem4;

/**
 * Runs the Theorem 4 experiment ({@link Theorem4#run}) and writes into a folder, each file
 * atomically (a reader sees no half file):
 *
 * <ul>
 *   <li>{@value #ISE_CSV}: {@code target,model,n,seed,ise,train_mse,radius}, one row per fitted
 *   network (train_mse empty for the proof's construction, radius empty for the MLP);</li>
 *   <li>{@value #SLOPES_CSV}: {@code target,model,slope,intercept,r2,points,fit_from}, the
 *   least-squares line {@code ln ISE = intercept + slope ln n} through the widths &gt;= fit_from;</li>
 *   <li>{@value #FIGURE} (and {@value #FIGURE_SVG}): the log-log figure of {@link Theorem4Figure}.</li>
 * </ul>
 *
 * A cancelled run writes nothing and returns the partial result (its {@code cancelled()} set).
 * Runs on the calling thread; the window runs it off the FX thread.
 */
public final class Theorem4Run {
    public static final String ISE_CSV = "theorem4.csv";
    public static final String SLOPES_CSV = "theorem4-slopes.csv";
    public static final String FIGURE = "theorem4.png";
    public static final String FIGURE_SVG = "theorem4.svg";

    private Theorem4Run() {
    }

    /**
     * Runs {@code config}, reporting each finished fit to {@code listener} (may be null) and
     * polling {@code cancel} (may be null) before each fit, then writes the files into
     * {@code outDir} (created when missing) unless cancelled.
     */
    public static Result run(Config config, Path outDir, Theorem4.Listener listener, BooleanSupplier cancel)
            throws IOException {
        Result r = Theorem4.run(config, listener, cancel);
        if (!r.cancelled()) {
            write(r, outDir);
        }
        return r;
    }

    /** Writes the CSV files and the figures of {@code r} into {@code outDir}. */
    public static void write(Result r, Path outDir) throws IOException {
        AtomicFiles.writeString(outDir.resolve(ISE_CSV), iseCsv(r));
        AtomicFiles.writeString(outDir.resolve(SLOPES_CSV), slopesCsv(r));
        Theorem4Figure.writePng(r, outDir.resolve(FIGURE));
        Theorem4Figure.writeSvg(r, outDir.resolve(FIGURE_SVG));
    }

    /** The rows of {@value #ISE_CSV}. */
    public static String iseCsv(Result r) {
        StringBuilder b = new StringBuilder("target,model,n,seed,ise,train_mse,radius\n");
        for (Fit f : r.fits()) {
            b.append(f.target().id()).append(',').append(f.model().id()).append(',').append(f.width()).append(',')
                    .append(f.seed()).append(',').append(num(f.ise())).append(',').append(num(f.trainMse()))
                    .append(',').append(num(f.radius())).append('\n');
        }
        return b.toString();
    }

    /** The rows of {@value #SLOPES_CSV}. */
    public static String slopesCsv(Result r) {
        StringBuilder b = new StringBuilder("target,model,slope,intercept,r2,points,fit_from\n");
        for (Slope s : r.slopes()) {
            b.append(s.target().id()).append(',').append(s.model().id()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f", s.line().slope(), s.line().intercept(),
                            s.line().r2()))
                    .append(',').append(s.line().points()).append(',').append(r.config().fitFrom()).append('\n');
        }
        return b.toString();
    }

    /** A number in full precision; empty for NaN. */
    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9e", v);
    }
}
