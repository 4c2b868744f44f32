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
import javafx.beans.property.SimpleBooleanProperty;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.store.ComparisonTable;
import org.addernet.app.store.RunInfo;
import org.addernet.app.figures.ChartExport;
import org.addernet.app.figures.ComparisonChart;
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
    private List<RunInfo> runs = List.of();
    private RunCurves.Loaded curves = new RunCurves.Loaded(null, "iteration", List.of(), List.of());
    private int generation;

    public ComparisonViewModel(UiExecutor executor) {
        this.executor = executor;
        eachSeed.addListener((o, a, b) -> drawCharts());
        drawCharts();
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
            comparison.set(r.table());
            curves = r.curves();
            drawCharts();
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

    private void drawCharts() {
        boolean each = eachSeed.get();
        accuracy.set(RunCurvesChart.accuracy(curves.groups(), curves.xLabel(), each));
        loss.set(RunCurvesChart.loss(curves.groups(), curves.xLabel(), each));
        norms.set(RunCurvesChart.gradientNorms(curves.groups(), curves.xLabel(), each));
        bars.set(ComparisonChart.create("Final test accuracy", comparison.get().bars()));
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
