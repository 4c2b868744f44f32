package org.addernet.app.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.store.ComparisonTable;
import org.addernet.app.store.RunInfo;
import org.addernet.app.figures.ChartExport;
import org.addernet.app.figures.ComparisonChart;
import org.addernet.app.figures.CurveState;
import org.addernet.app.figures.RunCurvesChart;
import org.addernet.app.ui.vm.UiExecutor;
import org.jfree.chart.JFreeChart;

/**
 * The comparison's state and commands: the runs chosen in the history, their curves overlaid
 * (accuracy, training loss, gradient norms; the mean over seeds or {@link #eachSeed}), the final
 * metrics with mean and sample standard deviation over seeds ({@link ComparisonTable}) as a table
 * and as a chart ({@link ComparisonChart}); exports of the table as CSV and LaTeX, of the charts as
 * PNG and SVG. The runs' metrics are read off the FX thread.
 */
public final class ComparisonViewModel {
    static final int EXPORT_W = 900;
    static final int EXPORT_H = 520;

    /** How the status line reads: plain, a note on what the curves leave out, or a problem. */
    enum Tone { PLAIN, NOTE, PROBLEM }

    /** One trace per seed instead of the mean over seeds. */
    public final BooleanProperty eachSeed = new SimpleBooleanProperty(false);
    /** The curve charts' smoothing weight (0 = raw). */
    public final DoubleProperty smoothing = new SimpleDoubleProperty(0);
    /** The legend entries the reader hid and the smoothing, kept through redraws. */
    public final CurveState curveState = new CurveState();

    /**
     * One tick box of the choice of what to plot: a run folder, a model or a hidden size n. A
     * group of runs is drawn (curves, bar, table row) when its folder, its model and its n are
     * ticked.
     *
     * @param kind  {@code run}, {@code model} or {@code n}
     * @param value the folder, the model's name or n (null for conv nets)
     */
    public record Tick(String kind, String label, Object value, BooleanProperty shown) {
    }

    private final UiExecutor executor;
    private final ReadOnlyStringWrapper what = new ReadOnlyStringWrapper("Choose runs in the history and press Compare.");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.PLAIN);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ComparisonTable> comparison =
            new ReadOnlyObjectWrapper<>(new ComparisonTable(List.of()));
    private final ReadOnlyObjectWrapper<JFreeChart> accuracy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> loss = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> norms = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> bars = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Tick>> ticks = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper bests = new ReadOnlyStringWrapper("");
    private ComparisonTable fullTable = new ComparisonTable(List.of());
    private List<RunInfo> runs = List.of();
    private RunCurves.Loaded curves = new RunCurves.Loaded(null, "iteration", List.of(), List.of());
    private int generation;

    public ComparisonViewModel(UiExecutor executor) {
        this.executor = executor;
        eachSeed.addListener((o, a, b) -> drawCharts());
        smoothing.addListener((o, a, b) -> {
            curveState.setSmoothing(Math.max(0, Math.min(CurveState.MAX_SMOOTHING, b.doubleValue())));
            applyCurveState();
        });
        drawCharts();
    }

    /** The tick boxes of the runs, models and n compared (all ticked after {@link #show}). */
    public ReadOnlyObjectProperty<List<Tick>> ticks() {
        return ticks.getReadOnlyProperty();
    }

    /** The best test accuracy of each model among the runs drawn, with where and when it was reached. */
    public ReadOnlyStringProperty bests() {
        return bests.getReadOnlyProperty();
    }

    /** Ticks or unticks every box of {@code kind} whose label is {@code label} (tests, screenshots). */
    void tick(String kind, String label, boolean on) {
        for (Tick t : ticks.get()) {
            if (t.kind().equals(kind) && t.label().equals(label)) {
                t.shown().set(on);
            }
        }
    }

    /** The best logged test accuracy of the group of a table row, or null (the table's "best" column). */
    RunCurves.Meta best(ComparisonTable.Row r) {
        for (RunCurves.Meta m : curves.metas()) {
            if (m.preset().equals(r.preset()) && m.settings().equals(r.settings()) && m.model().equals(r.model())
                    && java.util.Objects.equals(m.hidden(), r.hidden())) {
                return m;
            }
        }
        return null;
    }

    /** The x-axis name of the runs compared: iteration (toy runs) or epoch (image runs). */
    String xLabel() {
        return curves.xLabel();
    }

    /** How many folders and runs are compared. */
    public ReadOnlyStringProperty what() {
        return what.getReadOnlyProperty();
    }

    /** Notes on the comparison, or what an export did. */
    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Tone> tone() {
        return tone.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    /** The final metrics' table (its rows are the table's rows). */
    public ReadOnlyObjectProperty<ComparisonTable> comparison() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> accuracy() {
        return accuracy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> loss() {
        return loss.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> norms() {
        return norms.getReadOnlyProperty();
    }

    /** The final test accuracy per group, as bars. */
    public ReadOnlyObjectProperty<JFreeChart> bars() {
        return bars.getReadOnlyProperty();
    }

    /** The folders compared. */
    List<RunInfo> runs() {
        return runs;
    }

    /** Notes on what the curves leave out (another kind of run, a missing metrics.csv). */
    List<String> notes() {
        return curves.notes();
    }

    /** Compares {@code chosen}: reads their metrics off the FX thread, then shows curves, table and chart. */
    public void show(List<RunInfo> chosen) {
        int gen = ++generation;
        loading.set(true);
        runs = List.copyOf(chosen);
        long records = chosen.stream().mapToLong(r -> r.runs().size()).sum();
        what.set(chosen.size() + (chosen.size() == 1 ? " folder, " : " folders, ") + records
                + (records == 1 ? " run" : " runs"));
        say("Reading the runs' metrics\u2026", Tone.PLAIN);
        executor.submit(() -> new Read(ComparisonTable.of(chosen), RunCurves.load(chosen)), r -> {
            if (gen != generation) {
                return;
            }
            fullTable = r.table();
            curves = r.curves();
            makeTicks();
            refilter();
            List<String> notes = new ArrayList<>(r.curves().notes());
            if (r.table().rows().stream().anyMatch(x -> x.seeds() < x.runs())) {
                notes.add(0, "Seeds a/b: a completed of b runs; only completed runs enter the means.");
            }
            say(String.join("\n", notes), r.curves().notes().isEmpty() ? Tone.PLAIN : Tone.NOTE);
            loading.set(false);
        }, e -> {
            if (gen == generation) {
                say("Cannot read the runs' metrics: " + e.getMessage(), Tone.PROBLEM);
                loading.set(false);
            }
        });
    }

    private record Read(ComparisonTable table, RunCurves.Loaded curves) {
    }

    private void makeTicks() {
        List<Tick> out = new ArrayList<>();
        for (RunInfo r : runs) {
            // the preset and the folder's time (yyyyMMdd-HHmmss-preset): the whole name is the tooltip
            String time = r.id().matches("\\d{8}-\\d{6}-.*") ? " (" + r.id().substring(9, 11) + ":" + r.id().substring(11, 13)
                    + ":" + r.id().substring(13, 15) + ")" : "";
            out.add(new Tick("run", r.preset() + (r.settings().isEmpty() ? "" : " [" + r.settings() + "]") + time,
                    r.folder(), new SimpleBooleanProperty(true)));
        }
        java.util.LinkedHashSet<String> models = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<Integer> ns = new java.util.LinkedHashSet<>();
        for (ComparisonTable.Row row : fullTable.rows()) {
            models.add(row.model());
            ns.add(row.hidden());
        }
        for (String m : models) {
            out.add(new Tick("model", m, m, new SimpleBooleanProperty(true)));
        }
        List<Integer> sorted = new ArrayList<>(ns);
        sorted.sort(java.util.Comparator.nullsLast(Integer::compare));
        for (Integer n : sorted) {
            out.add(new Tick("n", n == null ? "\u2013 (conv)" : "n = " + n, n, new SimpleBooleanProperty(true)));
        }
        for (Tick t : out) {
            t.shown().addListener((o, a, b) -> refilter());
        }
        ticks.set(List.copyOf(out));
    }

    private boolean ticked(String kind, Object value) {
        for (Tick t : ticks.get()) {
            if (t.kind().equals(kind) && java.util.Objects.equals(t.value(), value)) {
                return t.shown().get();
            }
        }
        return true;
    }

    private boolean shown(RunCurves.Meta m) {
        return m.folders().stream().anyMatch(f -> ticked("run", f)) && ticked("model", m.model())
                && ticked("n", m.hidden());
    }

    /** Table, bars and curves of what is ticked; the bests among them. */
    private void refilter() {
        List<RunInfo> folders = runs.stream().filter(r -> ticked("run", r.folder())).toList();
        List<ComparisonTable.Row> rows = ComparisonTable.of(folders).rows().stream()
                .filter(r -> ticked("model", r.model()) && ticked("n", r.hidden())).toList();
        comparison.set(new ComparisonTable(rows));
        drawCharts();
        bests.set(bestsText());
    }

    private String bestsText() {
        java.util.Map<String, RunCurves.Meta> best = new java.util.LinkedHashMap<>();
        for (RunCurves.Meta m : curves.metas()) {
            if (shown(m) && Double.isFinite(m.best())) {
                RunCurves.Meta had = best.get(m.model());
                if (had == null || m.best() > had.best()) {
                    best.put(m.model(), m);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (var e : best.entrySet()) {
            RunCurves.Meta m = e.getValue();
            parts.add(String.format(java.util.Locale.ROOT, "%s %.2f %% (%s%s, seed %d, %s %,.0f%s)", e.getKey(),
                    100 * m.best(), m.preset(), m.hidden() == null ? "" : " n=" + m.hidden(), m.bestSeed(), curves.xLabel(),
                    m.bestX(), m.bestStatus() == null || m.bestStatus() == org.addernet.engine.train.RunStatus.COMPLETED
                            ? "" : ", " + m.bestStatus().id() + " run"));
        }
        return parts.isEmpty() ? "" : "Best test accuracy per model: " + String.join("  \u00b7  ", parts);
    }

    private void drawCharts() {
        boolean each = eachSeed.get();
        List<RunCurvesChart.Group> groups = new ArrayList<>();
        for (int i = 0; i < curves.groups().size(); i++) {
            if (i >= curves.metas().size() || shown(curves.metas().get(i))) {
                groups.add(curves.groups().get(i));
            }
        }
        accuracy.set(RunCurvesChart.accuracy(groups, curves.xLabel(), each));
        loss.set(RunCurvesChart.loss(groups, curves.xLabel(), each));
        norms.set(RunCurvesChart.gradientNorms(groups, curves.xLabel(), each));
        bars.set(ComparisonChart.create("Final test accuracy", comparison.get().bars()));
        applyCurveState();
    }

    /** Brings the three curve charts to the hidden entries and the smoothing. */
    void applyCurveState() {
        for (JFreeChart c : List.of(accuracy.get(), loss.get(), norms.get())) {
            if (c != null) {
                org.addernet.app.figures.Curves.apply(c, curveState);
            }
        }
    }

    /** Writes the table as CSV ({@link ComparisonTable#csv()}). */
    void exportCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, comparison.get().csv());
    }

    /** Writes the table as a LaTeX booktabs tabular ({@link ComparisonTable#latex()}). */
    void exportLatex(Path file) throws IOException {
        AtomicFiles.writeString(file, comparison.get().latex());
    }

    /**
     * Writes the four charts beside {@code file}: {@code <name>-accuracy}, {@code -loss},
     * {@code -gradient-norms}, {@code -final-accuracy} with the extension {@code .png} or {@code .svg}.
     */
    List<Path> exportCharts(Path file, boolean asSvg) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.(png|svg)$", "");
        String ext = asSvg ? ".svg" : ".png";
        List<Path> out = new ArrayList<>();
        String[] suffix = {"-accuracy", "-loss", "-gradient-norms", "-final-accuracy"};
        JFreeChart[] charts = {accuracy.get(), loss.get(), norms.get(), bars.get()};
        for (int i = 0; i < charts.length; i++) {
            Path p = file.resolveSibling(name + suffix[i] + ext);
            if (asSvg) {
                ChartExport.svg(charts[i], p, EXPORT_W, EXPORT_H);
            } else {
                ChartExport.png(charts[i], p, EXPORT_W, EXPORT_H);
            }
            out.add(p);
        }
        return out;
    }

    /** What an export writes. */
    enum Export {
        CSV, LATEX, PNG, SVG;

        boolean charts() {
            return this == PNG || this == SVG;
        }
    }

    /** Exports as {@code kind} to {@code file}; the status says what was written, or why not. */
    void save(Export kind, Path file) {
        try {
            switch (kind) {
                case CSV -> exportCsv(file);
                case LATEX -> exportLatex(file);
                case PNG, SVG -> exportCharts(file, kind == Export.SVG);
            }
            say("Wrote " + (kind.charts() ? "the charts beside " : "") + file, Tone.PLAIN);
        } catch (IOException | RuntimeException e) {
            say("Cannot write " + file + ": " + e.getMessage(), Tone.PROBLEM);
        }
    }

    private void say(String text, Tone t) {
        status.set(text);
        tone.set(t);
    }
}
