package org.addernet.app.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.addernet.app.runner.MetricsCsv;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunManifest;
import org.addernet.app.figures.RunCurvesChart;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.StepMetrics;
import org.addernet.engine.train.RunStatus;

/**
 * Reads the curves of chosen run folders for the comparison: every (seed, model, n) run of a
 * folder keeps its {@code <folder>/<run id>/metrics.csv} (one row per logged step for toy runs, per
 * epoch for image runs). Runs are grouped as {@link org.addernet.app.store.ComparisonTable} groups
 * them, by (preset, settings, model, n), one trace per seed (the first completed record of a seed
 * wins, as in the table). Toy and image runs have different x axes (iterations, epochs): when the
 * choice holds both, the curves are those of the kind of the first chosen folder and the other
 * kind is named in {@link Loaded#notes()}.
 */
final class RunCurves {
    /**
     * @param kind   {@code toy} or {@code image} (null when nothing was read)
     * @param xLabel {@code iteration} or {@code epoch}
     * @param groups in order of first appearance
     * @param notes  what could not be drawn and why, one line each
     */
    record Loaded(String kind, String xLabel, List<RunCurvesChart.Group> groups, List<String> notes, List<Meta> metas) {
        Loaded(String kind, String xLabel, List<RunCurvesChart.Group> groups, List<String> notes) {
            this(kind, xLabel, groups, notes, List.of());
        }
    }

    /**
     * What a group is, beside its curves: its table row's key, the folders its runs come from, and
     * its best logged test accuracy over every seed and every logged x, whatever the run's state (a
     * cancelled epoch run's best epoch counts).
     *
     * @param best       the best test accuracy (0 to 1), NaN when none was logged
     * @param bestX      the epoch or iteration it was logged at
     * @param bestStatus the state of the run it belongs to
     */
    record Meta(String preset, String settings, String model, Integer hidden, java.util.Set<Path> folders, double best,
                double bestX, long bestSeed, RunStatus bestStatus) {
    }

    private RunCurves() {
    }

    static Loaded load(List<RunInfo> folders) {
        List<String> notes = new ArrayList<>();
        String kind = null;
        for (RunInfo f : folders) {
            if (!f.isDamaged() && !f.runs().isEmpty() && f.kind() != null) {
                kind = f.kind();
                break;
            }
        }
        boolean many = folders.stream().map(RunInfo::preset).distinct().count() > 1;
        boolean manySettings = folders.stream().map(RunInfo::settings).distinct().count() > 1;
        Map<List<Object>, String> labels = new LinkedHashMap<>();
        Map<List<Object>, Map<Long, RunRecord>> chosen = new LinkedHashMap<>();
        Map<List<Object>, Map<Long, Path>> where = new LinkedHashMap<>();
        int otherKind = 0;
        for (RunInfo f : folders) {
            if (f.isDamaged() || f.runs().isEmpty()) {
                continue;
            }
            if (kind != null && !kind.equals(f.kind())) {
                otherKind++;
                continue;
            }
            for (RunRecord r : f.runs()) {
                List<Object> key = Arrays.asList(f.preset(), f.settings(), r.model(), r.hidden());
                labels.computeIfAbsent(key, k -> label(f, r, many, manySettings));
                Map<Long, RunRecord> bySeed = chosen.computeIfAbsent(key, k -> new LinkedHashMap<>());
                RunRecord had = bySeed.get(r.seed());
                if (had == null || (had.status() != RunStatus.COMPLETED && r.status() == RunStatus.COMPLETED)) {
                    bySeed.put(r.seed(), r);
                    where.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.seed(), f.folder());
                }
            }
        }
        if (otherKind > 0) {
            notes.add(otherKind + " chosen folder" + (otherKind == 1 ? " holds" : "s hold") + " "
                    + (RunManifest.IMAGE.equals(kind) ? "toy" : "image") + " runs, whose x axis differs: "
                    + "their curves are left out (the table has them)");
        }
        List<RunCurvesChart.Group> groups = new ArrayList<>();
        List<Meta> metas = new ArrayList<>();
        for (var e : chosen.entrySet()) {
            List<RunCurvesChart.Trace> traces = new ArrayList<>();
            List<Long> seeds = new ArrayList<>(e.getValue().keySet());
            seeds.sort(Long::compare);
            double best = Double.NaN;
            double bestX = Double.NaN;
            long bestSeed = 0;
            RunStatus bestStatus = null;
            for (long seed : seeds) {
                RunRecord r = e.getValue().get(seed);
                Path csv = where.get(e.getKey()).get(seed).resolve(r.id()).resolve("metrics.csv");
                try {
                    RunCurvesChart.Trace t = read(csv, seed);
                    if (t != null) {
                        traces.add(t);
                        for (int i = 0; i < t.x().length; i++) {
                            if (Double.isFinite(t.test()[i]) && !(t.test()[i] <= best)) {
                                best = t.test()[i];
                                bestX = t.x()[i];
                                bestSeed = seed;
                                bestStatus = r.status();
                            }
                        }
                    }
                } catch (IOException | RuntimeException ex) {
                    notes.add(ex.getMessage() == null ? csv + ": " + ex : ex.getMessage());
                }
            }
            if (!traces.isEmpty()) {
                groups.add(new RunCurvesChart.Group(labels.get(e.getKey()), traces));
                List<Object> k = e.getKey();
                metas.add(new Meta((String) k.get(0), (String) k.get(1), (String) k.get(2), (Integer) k.get(3),
                        java.util.Set.copyOf(where.get(k).values()), best, bestX, bestSeed, bestStatus));
            }
        }
        return new Loaded(kind, RunManifest.IMAGE.equals(kind) ? "epoch" : "iteration", groups, notes, metas);
    }

    /** A run's label on the charts: preset and settings (when the choice holds several), model and n. */
    static String label(RunInfo f, RunRecord r, boolean withPreset, boolean withSettings) {
        StringBuilder sb = new StringBuilder();
        if (withPreset) {
            sb.append(f.preset()).append(' ');
        }
        if (withSettings && !f.settings().isEmpty()) {
            sb.append('[').append(f.settings()).append("] ");
        }
        sb.append(r.model());
        if (r.hidden() != null) {
            sb.append(" n=").append(r.hidden());
        }
        return sb.toString();
    }

    /** One run's metrics.csv as a trace; null when the run logged nothing (no file: it never trained). */
    static RunCurvesChart.Trace read(Path csv, long seed) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return null;
        }
        if (MetricsCsv.isEpochs(csv)) {
            List<EpochMetrics> rows = MetricsCsv.parseEpochs(csv);      // checked first: bytes that are not UTF-8 are named
            String head;
            try (var lines = Files.lines(csv)) {
                head = lines.findFirst().orElse("");
            }
            int n = rows.size();
            int layers = rows.isEmpty() ? 0 : rows.get(0).gradNorms().length;
            List<String> names = new ArrayList<>();
            for (String h : head.split(",")) {
                if (h.startsWith("grad_norm_")) {
                    names.add(h.substring("grad_norm_".length()));
                }
            }
            while (names.size() < layers) {
                names.add("layer" + (names.size() + 1));
            }
            return trace(seed, names, rows.stream().map(m -> new Point(m.epoch(), m.loss(), m.trainAccuracy(),
                    m.testAccuracy(), m.gradNorms())).toList());
        }
        List<StepMetrics> rows = MetricsCsv.parseSteps(csv);
        List<String> names = rows.isEmpty() ? List.of() : rows.get(0).layerNames();
        return trace(seed, names, rows.stream().map(m -> new Point(m.iteration(), m.loss(), m.trainAccuracy(),
                m.testAccuracy(), m.gradNorms())).toList());
    }

    /** One logged row of either kind of run: its x (epoch or iteration) and what the charts draw. */
    private record Point(double x, double loss, double train, double test, double[] gradNorms) {
    }

    private static RunCurvesChart.Trace trace(long seed, List<String> names, List<Point> rows) {
        int n = rows.size();
        double[] x = new double[n];
        double[] loss = new double[n];
        double[] train = new double[n];
        double[] test = new double[n];
        double[][] norms = new double[names.size()][n];
        for (int i = 0; i < n; i++) {
            Point m = rows.get(i);
            x[i] = m.x();
            loss[i] = m.loss();
            train[i] = m.train();
            test[i] = m.test();
            double[] g = m.gradNorms();
            for (int l = 0; l < names.size(); l++) {
                norms[l][i] = l < g.length ? g[l] : Double.NaN;
            }
        }
        return new RunCurvesChart.Trace(seed, x, loss, train, test, names, norms);
    }
}
