package org.addernet.app.cli;

import org.addernet.app.io.IoText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.render.Png;
import org.addernet.app.store.ComparisonTable;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunStore;
import org.addernet.app.store.WorkbenchHome;
import org.addernet.app.figures.ComparisonChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.addernet.engine.train.RunStatus;

/**
 * {@code workbench runs [--home DIR] [--preset P] [--model M] [--status S] [--compare] [--csv F]
 * [--latex F] [--png F] [FOLDER...]}: the run store's history, filtered, and the comparison of the
 * chosen runs (mean and spread over seeds) as text, CSV, LaTeX and a bar chart.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the run store ($ADDERNET_HOME/runs, newest first) or the given run folders; compare "
                + "their final metrics over seeds and export the table as CSV, LaTeX or a PNG bar chart.")
public final class RunsCommand implements Callable<Integer> {
    private static final List<RunStatus> STATUSES = List.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.COMPLETED,
            RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.INTERRUPTED, RunStatus.DAMAGED);

    @Parameters(paramLabel = "FOLDER", arity = "0..*", description = "run folders to read instead of the whole store")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--home", paramLabel = "DIR", description = "workbench home (default: $ADDERNET_HOME, else ~/.addernet)")
    Path home;

    @Option(names = "--preset", paramLabel = "NAME", description = "only runs of this preset")
    String preset;

    @Option(names = "--model", paramLabel = "MODEL", description = "only runs that trained this model (mlp, adder, "
            + "lenet5-bn-adder, ...); the comparison keeps only its rows")
    String model;

    @Option(names = "--status", paramLabel = "STATUS", description = "only runs with this status: " + "completed, failed, "
            + "cancelled, interrupted, running, queued, damaged")
    String status;

    @Option(names = "--compare", description = "print the comparison table (mean and sample sd over seeds)")
    boolean compare;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the comparison table as CSV")
    Path csv;

    @Option(names = "--latex", paramLabel = "FILE", description = "write the comparison table as a LaTeX booktabs tabular")
    Path latex;

    @Option(names = "--png", paramLabel = "FILE", description = "draw the comparison's test accuracies as bars")
    Path png;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Final test accuracy", description = "chart title")
    String title;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1200x560", description = "chart pixels (default 1200x560)")
    String size;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (status != null && STATUSES.stream().noneMatch(s -> s.id().equals(status))) {
            err.println("workbench runs: --status " + status + ": expected one of "
                    + String.join(", ", STATUSES.stream().map(RunStatus::id).toList()));
            return 2;
        }
        int[] wh = parseSize(size);
        if (wh == null) {
            err.println("workbench runs: --size " + size + ": expected WIDTHxHEIGHT within 400x300 .. 8000x8000");
            return 2;
        }
        for (var o : new Object[][] {{"--csv", csv}, {"--latex", latex}, {"--png", png}}) {
            String problem = o[1] == null ? null : OutputFile.problem((String) o[0], (Path) o[1]);
            if (problem != null) {
                err.println("workbench runs: " + problem);
                return 2;
            }
        }
        List<RunInfo> runs;
        if (folders.isEmpty()) {
            RunStore store = new RunStore(WorkbenchHome.resolve(home));
            runs = store.list();
        } else {
            runs = new ArrayList<>();
            for (Path f : folders) {
                if (!Files.isDirectory(f)) {
                    err.println("workbench runs: " + f + ": no such folder");
                    return 2;
                }
                runs.add(RunStore.read(f));
            }
        }
        runs = RunStore.filter(runs, preset, model, status);
        boolean export = csv != null || latex != null || png != null;
        if (!compare && !export) {
            printList(out, runs);
            return 0;
        }
        ComparisonTable table = ComparisonTable.of(runs, model);
        if (table.rows().stream().noneMatch(r -> r.seeds() > 0)) {
            err.println("workbench runs: nothing to compare: no completed run among the " + runs.size()
                    + " run folder" + (runs.size() == 1 ? "" : "s") + " that match");
            return 2;
        }
        if (compare) {
            printTable(out, table);
        }
        try {
            if (csv != null) {
                AtomicFiles.writeString(csv, table.csv());
                out.println(csv);
            }
            if (latex != null) {
                AtomicFiles.writeString(latex, table.latex());
                out.println(latex);
            }
            if (png != null) {
                Png.write(ComparisonChart.create(title, table.bars()).createBufferedImage(wh[0], wh[1]), png);
                out.println(png);
            }
        } catch (IOException e) {
            err.println("workbench runs: " + IoText.message(e));
            return 1;
        }
        return 0;
    }

    private static int[] parseSize(String s) {
        String[] p = s.split("x");
        try {
            int w = Integer.parseInt(p[0]);
            int h = Integer.parseInt(p[1]);
            return p.length == 2 && w >= 400 && h >= 300 && w <= 8000 && h <= 8000 ? new int[] {w, h} : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void printList(PrintWriter out, List<RunInfo> runs) {
        if (runs.isEmpty()) {
            out.println("no runs");
            return;
        }
        out.println(String.format(Locale.ROOT, "%-44s %-11s %-5s %-5s %-9s  %s", "run", "status", "kind", "seeds",
                "best test", "preset / settings / reason"));
        for (RunInfo r : runs) {
            String best = r.bestTestAccuracy().isPresent()
                    ? String.format(Locale.ROOT, "%.4f", r.bestTestAccuracy().getAsDouble()) : "-";
            String what = r.preset() + (r.settings().isEmpty() ? "" : "  " + r.settings())
                    + (r.reason() == null ? "" : "  (" + r.reason() + ")");
            out.println(String.format(Locale.ROOT, "%-44s %-11s %-5s %5s %9s  %s", r.id(), r.status(),
                    r.kind() == null ? "-" : r.kind(), r.seeds() == 0 ? "-" : r.seeds(), best, what));
            if (r.cluster() != null) {                // where a cluster ran its tasks, and in how many attempts
                out.println("    ran on " + r.ranOn());
            }
        }
    }

    private static void printTable(PrintWriter out, ComparisonTable t) {
        // the preset column as wide as its longest name (a sweep's variants: table4-...-fp-adaptive)
        int w = Math.max(28, t.rows().stream().mapToInt(r -> r.preset().length()).max().orElse(0));
        String row = "%-" + w + "s %-16s %4s %5s  %-17s %-17s %-17s %8s  %s";
        out.println(String.format(Locale.ROOT, row, "preset", "model", "n",
                "seeds", "test acc (%)", "train acc (%)", "final loss", "seconds", "settings"));
        for (ComparisonTable.Row r : t.rows()) {
            out.println(String.format(Locale.ROOT, row, r.preset(), r.model(),
                    r.hidden() == null ? "-" : r.hidden(), r.seeds() == r.runs() ? r.seeds() : r.seeds() + "/" + r.runs(),
                    pm(r.testMean(), r.testSd(), 100, 2), pm(r.trainMean(), r.trainSd(), 100, 2),
                    pm(r.lossMean(), r.lossSd(), 1, 4), r.seconds() == null ? "-" : String.format(Locale.ROOT, "%.2f",
                            r.seconds()), r.settings()));
        }
    }

    private static String pm(Double m, Double sd, double scale, int d) {
        if (m == null) {
            return "-";
        }
        String f = "%." + d + "f";
        return String.format(Locale.ROOT, f, m * scale) + (sd == null ? "" : " \u00b1 " + String.format(Locale.ROOT, f, sd * scale));
    }
}
