package org.addernet.app.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.FolderClaim;
import org.addernet.app.io.RunFiles;
import org.addernet.engine.analysis.Lemma2;
import org.addernet.engine.analysis.Lemma5;
import org.addernet.engine.analysis.Theorem4;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.train.RunStatus;

/**
 * The theorem lab headless, by name through {@code ./workbench run}: {@code theorem4} (the
 * approximation-rate experiment), {@code lemma2} and {@code lemma5} (the constructions checked on
 * random instances). Each writes its CSV files (and figure) and a {@code summary.json} with an
 * empty {@code runs} list into its folder, prints a table, and exits 1 when a check fails.
 */
public final class LabRuns {
    /** The lab experiments {@code ./workbench run NAME} knows, beside the presets. */
    public static final List<String> NAMES = List.of("theorem4", "lemma2", "lemma5");
    /** Most seeds per width of {@code theorem4} (every fit is kept for the figure). */
    public static final int MAX_THEOREM4_SEEDS = 100;
    /** Most seeds of the lemmas (10 random instances each). */
    public static final int MAX_LEMMA_SEEDS = 1000;

    private LabRuns() {
    }

    /**
     * Runs lab experiment {@code name} into {@code dir}; {@code seeds} is Theorem 4's seeds per
     * width (1 keeps the default, 3) and the number of random instances of the lemmas (times ten).
     * Returns the exit code.
     */
    public static int run(String name, Path dir, int seeds, PrintWriter out, PrintWriter err, AtomicBoolean cancel)
            throws IOException {
        int most = "theorem4".equals(name) ? MAX_THEOREM4_SEEDS : MAX_LEMMA_SEEDS;
        if (seeds < 1 || seeds > most) {
            throw new IllegalArgumentException("seeds " + seeds + ": " + name + " takes 1 to " + most + " seeds");
        }
        // the folder is claimed as every run's is: refused when another run holds it or its files are there
        try (FolderClaim claim = FolderClaim.claim(dir, false, "lab folder", null)) {
            claim.takeNotes().forEach(err::println);
            return runClaimed(name, dir, seeds, out, err, cancel);
        }
    }

    private static int runClaimed(String name, Path dir, int seeds, PrintWriter out, PrintWriter err,
                                  AtomicBoolean cancel) throws IOException {
        AtomicFiles.createFolder(dir);
        int code = switch (name) {
            case "theorem4" -> theorem4(dir, seeds, out, err, cancel);
            case "lemma2" -> lemma2(dir, seeds, out);
            case "lemma5" -> lemma5(dir, seeds, out);
            default -> throw new IllegalArgumentException("no lab experiment '" + name + "', expected one of " + NAMES);
        };
        AtomicFiles.writeString(dir.resolve(RunFiles.SUMMARY), "{\"preset\": \"" + name + "\", \"lab\": true, \"status\": \""
                + (code == 0 ? RunStatus.COMPLETED : code == 130 ? RunStatus.CANCELLED : RunStatus.FAILED).id() + "\", \"runs\": []}\n");
        out.println(dir.resolve(RunFiles.SUMMARY));
        return code;
    }

    private static int theorem4(Path dir, int seeds, PrintWriter out, PrintWriter err, AtomicBoolean cancel)
            throws IOException {
        Theorem4.Config c = Theorem4.Config.defaults();
        if (seeds > 1) {
            c = c.withWidths(c.widths(), seeds);
        }
        int[] last = {-1};
        Theorem4.Result r = Theorem4Run.run(c, dir, (done, total, label) -> {
            int pct = 100 * done / total;
            if (pct / 10 != last[0]) {
                last[0] = pct / 10;
                err.printf(Locale.ROOT, "theorem4: %d of %d fits (%s)%n", done, total, label);
                err.flush();
            }
        }, cancel::get);
        if (r.cancelled()) {
            err.println("theorem4: cancelled after " + r.fits().size() + " fits; nothing written");
            return 130;
        }
        out.printf(Locale.ROOT, "%-8s %-34s %8s %6s%n", "target", "model", "slope", "R^2");
        for (Theorem4.Slope s : r.slopes()) {
            out.printf(Locale.ROOT, "%-8s %-34s %8.2f %6.2f%n", s.target().id(), s.model().label(), s.line().slope(),
                    s.line().r2());
        }
        out.println("Theorem 4's rate for d = 2: slope -0.5 or steeper; " + dir.resolve(Theorem4Run.FIGURE));
        return 0;
    }

    /** Random Lemma 2 instances (t centres in the plane) against their two-layer AdderNets on the lattice. */
    private static int lemma2(Path dir, int seeds, PrintWriter out) throws IOException {
        StringBuilder csv = new StringBuilder("instance,units,max_abs_difference,bound_m,float_rounding_allowance\n");
        SplittableRandom rng = new SplittableRandom(1);
        double worst = 0;
        int n = 10 * seeds;
        for (int k = 0; k < n; k++) {
            int t = 1 + rng.nextInt(32);
            float[][] w = new float[t][2];
            double[] a = new double[t];
            double[] b = new double[t];
            for (int i = 0; i < t; i++) {
                w[i][0] = (float) (rng.nextDouble() * 6 - 3);
                w[i][1] = (float) (rng.nextDouble() * 6 - 3);
                a[i] = rng.nextDouble() * 4 - 2;
                b[i] = -rng.nextDouble() * 3;
            }
            Lemma2.Spec s = new Lemma2.Spec(w, a, b);
            Sequential net = Lemma2.network(s, 3);
            double diff = Lemma2.maxDifference(s, net, 101, 3);
            double m = Lemma2.bound(s, 3);
            // float32 sums of about t terms of size M: rounding of 4 t M ulp(1) at most
            double allowance = 4 * t * m * Math.ulp(1f);
            worst = Math.max(worst, diff / allowance);
            csv.append(String.format(Locale.ROOT, "%d,%d,%.3e,%.4g,%.3e%n", k + 1, t, diff, m, allowance));
        }
        AtomicFiles.writeString(dir.resolve("lemma2.csv"), csv.toString());
        boolean ok = worst <= 1;
        out.printf(Locale.ROOT, "Lemma 2: %d random instances (1-32 centres in [-3, 3]^2, 101 x 101 lattice): largest "
                + "|AdderNet - g| is %.2f of the float32 rounding allowance 4 t M ulp(1): %s%n", n, worst,
                ok ? "float rounding only" : "MORE THAN FLOAT ROUNDING");
        out.println(dir.resolve("lemma2.csv"));
        return ok ? 0 : 1;
    }

    /** Random Lemma 5 instances (0/1 layers) against their AdderNets, and Theorem 6's widths. */
    private static int lemma5(Path dir, int seeds, PrintWriter out) throws IOException {
        StringBuilder csv = new StringBuilder("instance,inputs_d,outputs_m,hidden_units,max_abs_difference\n");
        SplittableRandom rng = new SplittableRandom(2);
        double worst = 0;
        int n = 10 * seeds;
        for (int k = 0; k < n; k++) {
            int m = 1 + rng.nextInt(8);
            int d = 1 + rng.nextInt(16);
            double[] a = new double[m];
            boolean[][] b = new boolean[m][d];
            for (int i = 0; i < m; i++) {
                a[i] = rng.nextDouble() * 4 - 2;
                for (int j = 0; j < d; j++) {
                    b[i][j] = rng.nextBoolean();
                }
            }
            Sequential net = Lemma5.network(a, b, 4);
            double diff = Lemma5.maxDifference(a, b, net, 4, 1000, k);
            worst = Math.max(worst, diff);
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%.3e%n", k + 1, d, m, Lemma5.hiddenUnits(m), diff));
        }
        AtomicFiles.writeString(dir.resolve("lemma5.csv"), csv.toString());
        StringBuilder widths = new StringBuilder("d,adder_width_2(d+5),relu_width_d+4\n");
        for (int d = 1; d <= 20; d++) {
            int[] w = Lemma5.widthBounds(d);
            widths.append(d).append(',').append(w[0]).append(',').append(w[1]).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("theorem6-widths.csv"), widths.toString());
        boolean ok = worst < 1e-3;
        out.printf(Locale.ROOT, "Lemma 5: %d random 0/1 layers (d up to 16, m up to 8, 1,000 inputs each in (-4, 4)^d): "
                + "largest |AdderNet - C| %.2e: %s%n", n, worst, ok ? "float rounding only" : "MORE THAN FLOAT ROUNDING");
        out.println("Theorem 6: deep AdderNets of width 2(d + 5) are universal, ReLU nets of width d + 4 (theorem6-widths.csv)");
        out.println(dir.resolve("lemma5.csv"));
        return ok ? 0 : 1;
    }
}
