package org.addernet.app.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.addernet.app.figures.ComparisonChart;
import org.addernet.app.runner.RunRecord;
import org.addernet.engine.train.RunStatus;

/**
 * The history's comparison: the final metrics of the chosen run folders, one row per (preset,
 * settings, model, n) with mean and spread over seeds, exported as CSV or as a LaTeX
 * {@code booktabs} table.
 *
 * <p>Rules: only completed runs enter the means (a diverged, failed or cancelled run is counted
 * in {@code runs} but not in {@code seeds}); each seed counts once per row (the same preset and
 * seed give the same numbers, so a repeat would only shrink the spread): the first completed
 * record of a seed wins, the store lists the newest first. The spread is the sample standard
 * deviation (n - 1 in the denominator), undefined (null, blank) for fewer than two seeds. A
 * completed epoch run continued from a checkpoint that was already at its end has no training
 * accuracy; the training mean is over the runs that have one.
 *
 * @param rows in order of first appearance
 */
public record ComparisonTable(List<Row> rows) {
    /**
     * One row.
     *
     * @param settings the run folders' {@code --set} settings ("" for none)
     * @param hidden   hidden units n (null for conv nets)
     * @param seeds    distinct seeds with a completed run (the n of the means)
     * @param runs     records in the row, whatever their status (one per seed)
     * @param seconds  mean training time of the completed runs
     * @param tests    the test accuracies the means are made of, one per seed in seed order (for dot plots)
     */
    public record Row(String preset, String settings, String model, Integer hidden, int seeds, int runs,
                      Double testMean, Double testSd, Double trainMean, Double trainSd, Double lossMean, Double lossSd,
                      Double seconds, List<Double> tests) {
        public Row {
            tests = List.copyOf(tests);
        }
    }

    public ComparisonTable {
        rows = List.copyOf(rows);
    }

    /** The rows as the comparison chart draws them, one bar each. */
    public List<ComparisonChart.Bar> bars() {
        return rows.stream().map(r -> new ComparisonChart.Bar(r.preset(), r.settings(), r.hidden(), r.model(),
                r.testMean(), r.testSd(), r.seeds(), r.tests())).toList();
    }

    /** Every run of {@code folders} (damaged folders and folders without a summary add nothing). */
    public static ComparisonTable of(List<RunInfo> folders) {
        return of(folders, null);
    }

    /** The runs of {@code folders} that trained {@code model} (null: every model). */
    public static ComparisonTable of(List<RunInfo> folders, String model) {
        Map<List<Object>, Map<Long, RunRecord>> groups = new LinkedHashMap<>();
        for (RunInfo f : folders) {
            for (RunRecord r : f.runs()) {
                if (model != null && !model.equals(r.model())) {
                    continue;
                }
                List<Object> key = java.util.Arrays.asList(f.preset(), f.settings(), r.model(), r.hidden());
                Map<Long, RunRecord> bySeed = groups.computeIfAbsent(key, k -> new LinkedHashMap<>());
                RunRecord had = bySeed.get(r.seed());
                if (had == null || (!completed(had) && completed(r))) {
                    bySeed.put(r.seed(), r);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (var e : groups.entrySet()) {
            List<Object> k = e.getKey();
            List<RunRecord> all = List.copyOf(e.getValue().values());
            List<RunRecord> ok = all.stream().filter(ComparisonTable::completed)
                    .sorted(java.util.Comparator.comparingLong(RunRecord::seed)).toList();
            List<Double> test = values(ok, RunRecord::testAccuracy);
            List<Double> train = values(ok, RunRecord::trainAccuracy);
            List<Double> loss = values(ok, RunRecord::finalLoss);
            List<Double> secs = ok.stream().map(RunRecord::seconds).toList();
            rows.add(new Row((String) k.get(0), (String) k.get(1), (String) k.get(2), (Integer) k.get(3), ok.size(),
                    all.size(), mean(test), sd(test), mean(train), sd(train), mean(loss), sd(loss), mean(secs), test));
        }
        return new ComparisonTable(rows);
    }

    private static boolean completed(RunRecord r) {
        return r.status() == RunStatus.COMPLETED;
    }

    private static List<Double> values(List<RunRecord> rs, java.util.function.Function<RunRecord, Double> f) {
        return rs.stream().map(f).filter(Objects::nonNull).filter(Double::isFinite).toList();
    }

    static Double mean(List<Double> v) {
        if (v.isEmpty()) {
            return null;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.size();
    }

    /** Sample standard deviation; null for fewer than two values. */
    static Double sd(List<Double> v) {
        if (v.size() < 2) {
            return null;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.size() - 1));
    }

    /** CSV (RFC 4180 quoting): accuracies as fractions with 6 decimals, blank where undefined. */
    public String csv() {
        StringBuilder sb = new StringBuilder("preset,settings,model,hidden,seeds,runs,test_mean,test_sd,train_mean,"
                + "train_sd,loss_mean,loss_sd,seconds_mean\n");
        for (Row r : rows) {
            sb.append(csvField(r.preset())).append(',').append(csvField(r.settings())).append(',')
                    .append(csvField(r.model())).append(',').append(r.hidden() == null ? "" : r.hidden()).append(',')
                    .append(r.seeds()).append(',').append(r.runs()).append(',')
                    .append(num(r.testMean(), 6)).append(',').append(num(r.testSd(), 6)).append(',')
                    .append(num(r.trainMean(), 6)).append(',').append(num(r.trainSd(), 6)).append(',')
                    .append(num(r.lossMean(), 6)).append(',').append(num(r.lossSd(), 6)).append(',')
                    .append(num(r.seconds(), 3)).append('\n');
        }
        return sb.toString();
    }

    /**
     * A LaTeX {@code tabular} with {@code booktabs} rules (the document needs the booktabs package):
     * accuracies in percent with two decimals as the paper prints them, {@code mean $\pm$ sd}
     * (the mean alone for one seed, a dash for none), the settings column only when some row has
     * settings; every text cell escaped ({@code _} becomes {@code \_}, and so on).
     */
    public String latex() {
        boolean withSettings = rows.stream().anyMatch(r -> !r.settings().isEmpty());
        StringBuilder sb = new StringBuilder();
        sb.append("% AdderNet Workbench: final metrics, mean $\\pm$ sample standard deviation over seeds\n");
        sb.append("% needs \\usepackage{booktabs}\n");
        sb.append("\\begin{tabular}{l").append(withSettings ? "l" : "").append("lrrrrrr}\n");
        sb.append("\\toprule\n");
        sb.append("Preset & ").append(withSettings ? "Settings & " : "")
                .append("Model & $n$ & Seeds & Test acc.\\ (\\%) & Train acc.\\ (\\%) & Final loss & Seconds \\\\\n");
        sb.append("\\midrule\n");
        for (Row r : rows) {
            sb.append(escape(r.preset())).append(" & ");
            if (withSettings) {
                sb.append(r.settings().isEmpty() ? "--" : "\\texttt{" + escape(r.settings()) + "}").append(" & ");
            }
            sb.append(escape(r.model())).append(" & ").append(r.hidden() == null ? "--" : r.hidden()).append(" & ")
                    .append(r.seeds() == r.runs() ? String.valueOf(r.seeds()) : r.seeds() + "/" + r.runs()).append(" & ")
                    .append(pm(r.testMean(), r.testSd(), 100, 2)).append(" & ")
                    .append(pm(r.trainMean(), r.trainSd(), 100, 2)).append(" & ")
                    .append(pm(r.lossMean(), r.lossSd(), 1, 4)).append(" & ")
                    .append(r.seconds() == null ? "--" : String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .append(" \\\\\n");
        }
        sb.append("\\bottomrule\n");
        sb.append("\\end{tabular}\n");
        return sb.toString();
    }

    /** Escapes LaTeX's special characters in running text. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String pm(Double mean, Double sd, double scale, int decimals) {
        if (mean == null) {
            return "--";
        }
        String f = "%." + decimals + "f";
        String m = String.format(Locale.ROOT, f, mean * scale);
        return sd == null ? m : "$" + m + " \\pm " + String.format(Locale.ROOT, f, sd * scale) + "$";
    }

    private static String num(Double v, int decimals) {
        return v == null ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String csvField(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
