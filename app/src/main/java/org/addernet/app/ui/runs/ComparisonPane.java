package org.addernet.app.ui.runs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.store.ComparisonTable;
import org.addernet.app.store.RunInfo;
import org.addernet.app.figures.ChartExport;
import org.addernet.app.figures.ComparisonChart;
import org.addernet.app.figures.RunCurvesChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The comparison of the runs chosen in the history: their curves overlaid (accuracy, training
 * loss, gradient norms; mean over seeds or each seed), the final metrics with mean and sample
 * standard deviation over seeds ({@link ComparisonTable}) as a table and as a chart
 * ({@link ComparisonChart}); the table exports as CSV and LaTeX, the charts as PNG and SVG.
 */
final class ComparisonPane {
    static final int EXPORT_W = 900;
    static final int EXPORT_H = 520;

    private final Label what = new Label("Choose runs in the history and press Compare.");
    private final CheckBox eachSeed = new CheckBox("each seed");
    private final Button csv = new Button("Table as CSV\u2026");
    private final Button latex = new Button("Table as LaTeX\u2026");
    private final Button png = new Button("Charts as PNG\u2026");
    private final Button svg = new Button("Charts as SVG\u2026");
    private final Label status = new Label();
    private final ChartViewer accuracyView;
    private final ChartViewer lossView;
    private final ChartViewer normsView;
    private final ChartViewer barsView;
    private final TableView<ComparisonTable.Row> table = new TableView<>();
    private final VBox root;
    private volatile boolean loading;
    private List<RunInfo> runs = List.of();
    private ComparisonTable comparison = new ComparisonTable(List.of());
    private RunCurves.Loaded curves = new RunCurves.Loaded(null, "iteration", List.of(), List.of());
    private JFreeChart accuracy;
    private JFreeChart loss;
    private JFreeChart norms;
    private JFreeChart bars;
    private int generation;

    ComparisonPane() {
        what.setId("compare-what");
        eachSeed.setId("compare-each-seed");
        csv.setId("compare-csv");
        latex.setId("compare-latex");
        png.setId("compare-png");
        svg.setId("compare-svg");
        status.setId("compare-status");
        table.setId("compare-table");
        what.setStyle("-fx-font-weight: bold;");
        status.setWrapText(true);
        status.getStyleClass().add("status");
        drawCharts();
        accuracyView = viewer(accuracy);
        lossView = viewer(loss);
        normsView = viewer(norms);
        barsView = viewer(bars);
        accuracyView.setId("compare-accuracy");
        lossView.setId("compare-loss");
        normsView.setId("compare-norms");
        barsView.setId("compare-bars");
        eachSeed.selectedProperty().addListener((o, a, b) -> {
            drawCharts();
            showCharts();
        });
        csv.setOnAction(e -> save("Table as CSV", "CSV", "*.csv", "comparison.csv", this::exportCsv));
        latex.setOnAction(e -> save("Table as LaTeX", "LaTeX", "*.tex", "comparison.tex", this::exportLatex));
        png.setOnAction(e -> save("Charts as PNG", "PNG image", "*.png", "comparison.png", f -> exportCharts(f, false)));
        svg.setOnAction(e -> save("Charts as SVG", "SVG image", "*.svg", "comparison.svg", f -> exportCharts(f, true)));
        buildTable();

        HBox bar = new HBox(10, what, eachSeed, csv, latex, png, svg);
        bar.setAlignment(Pos.CENTER_LEFT);
        GridPane charts = new GridPane();
        charts.setHgap(8);
        charts.setVgap(8);
        charts.add(accuracyView, 0, 0);
        charts.add(lossView, 1, 0);
        charts.add(normsView, 0, 1);
        charts.add(barsView, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            charts.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            charts.getRowConstraints().add(r);
        }
        table.setPrefHeight(190);
        table.setMinHeight(120);
        root = new VBox(8, bar, status, charts, table);
        root.setPadding(new Insets(10, 12, 12, 12));
        VBox.setVgrow(charts, Priority.ALWAYS);
    }

    private static ChartViewer viewer(JFreeChart chart) {
        ChartViewer v = new ChartViewer(chart);
        v.setMinSize(200, 200);
        v.setPrefSize(640, 360);
        return v;
    }

    Node node() {
        return root;
    }

    boolean loading() {
        return loading;
    }

    List<RunInfo> runs() {
        return runs;
    }

    ComparisonTable comparison() {
        return comparison;
    }

    TableView<ComparisonTable.Row> table() {
        return table;
    }

    JFreeChart accuracyChart() {
        return accuracy;
    }

    JFreeChart lossChart() {
        return loss;
    }

    JFreeChart normsChart() {
        return norms;
    }

    JFreeChart barsChart() {
        return bars;
    }

    /** Notes on what the curves leave out (another kind of run, a missing metrics.csv). */
    List<String> notes() {
        return curves.notes();
    }

    void setEachSeed(boolean on) {
        eachSeed.setSelected(on);
    }

    private void buildTable() {
        table.setItems(FXCollections.observableArrayList());
        table.setPlaceholder(new Label("No completed runs chosen."));
        table.getColumns().add(col("Preset", 170, ComparisonTable.Row::preset));
        table.getColumns().add(col("Settings", 230, ComparisonTable.Row::settings));
        table.getColumns().add(col("Model", 130, ComparisonTable.Row::model));
        table.getColumns().add(col("n", 45, r -> r.hidden() == null ? "\u2013" : String.valueOf(r.hidden())));
        table.getColumns().add(col("Seeds", 60, r -> r.seeds() == r.runs() ? String.valueOf(r.seeds())
                : r.seeds() + "/" + r.runs()));
        table.getColumns().add(col("Test acc. (%)", 150, r -> pm(r.testMean(), r.testSd(), 100, 2)));
        table.getColumns().add(col("Train acc. (%)", 150, r -> pm(r.trainMean(), r.trainSd(), 100, 2)));
        table.getColumns().add(col("Final loss", 150, r -> pm(r.lossMean(), r.lossSd(), 1, 4)));
        table.getColumns().add(col("Seconds", 80, r -> r.seconds() == null ? "\u2013"
                : String.format(Locale.ROOT, "%.2f", r.seconds())));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    /** {@code mean ± sd} in the table: the mean alone for one seed, a dash for none. */
    static String pm(Double mean, Double sd, double scale, int decimals) {
        if (mean == null) {
            return "\u2013";
        }
        String f = "%." + decimals + "f";
        String m = String.format(Locale.ROOT, f, mean * scale);
        return sd == null ? m : m + " \u00b1 " + String.format(Locale.ROOT, f, sd * scale);
    }

    private static TableColumn<ComparisonTable.Row, String> col(String title, double width,
                                                                java.util.function.Function<ComparisonTable.Row, String> f) {
        TableColumn<ComparisonTable.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    /** Compares {@code chosen}: reads their metrics off the FX thread, then shows curves, table and chart. */
    void show(List<RunInfo> chosen) {
        int gen = ++generation;
        loading = true;
        runs = List.copyOf(chosen);
        long records = chosen.stream().mapToLong(r -> r.runs().size()).sum();
        what.setText(chosen.size() + (chosen.size() == 1 ? " folder, " : " folders, ") + records
                + (records == 1 ? " run" : " runs"));
        status.setText("Reading the runs' metrics\u2026");
        status.setStyle("");
        Thread t = new Thread(() -> {
            ComparisonTable tab = ComparisonTable.of(chosen);
            RunCurves.Loaded loaded = RunCurves.load(chosen);
            Platform.runLater(() -> {
                if (gen != generation) {
                    return;
                }
                comparison = tab;
                curves = loaded;
                table.getItems().setAll(tab.rows());
                drawCharts();
                showCharts();
                List<String> notes = new ArrayList<>(loaded.notes());
                if (tab.rows().stream().anyMatch(r -> r.seeds() < r.runs())) {
                    notes.add(0, "Seeds a/b: a completed of b runs; only completed runs enter the means.");
                }
                status.setText(String.join("\n", notes));
                status.setStyle(loaded.notes().isEmpty() ? "" : "-fx-text-fill: #b05a00;");
                loading = false;
            });
        }, "comparison: read metrics");
        t.setDaemon(true);
        t.start();
    }

    private void drawCharts() {
        boolean each = eachSeed.isSelected();
        accuracy = RunCurvesChart.accuracy(curves.groups(), curves.xLabel(), each);
        loss = RunCurvesChart.loss(curves.groups(), curves.xLabel(), each);
        norms = RunCurvesChart.gradientNorms(curves.groups(), curves.xLabel(), each);
        bars = ComparisonChart.create("Final test accuracy", comparison.bars());
    }

    private void showCharts() {
        if (accuracyView == null) {
            return;
        }
        accuracyView.setChart(accuracy);
        lossView.setChart(loss);
        normsView.setChart(norms);
        barsView.setChart(bars);
    }

    /** Writes the table as CSV ({@link ComparisonTable#csv()}). */
    void exportCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, comparison.csv());
    }

    /** Writes the table as a LaTeX booktabs tabular ({@link ComparisonTable#latex()}). */
    void exportLatex(Path file) throws IOException {
        AtomicFiles.writeString(file, comparison.latex());
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
        JFreeChart[] charts = {accuracy, loss, norms, bars};
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

    private interface Writer {
        void write(Path file) throws IOException;
    }

    private void save(String title, String what, String pattern, String initial, Writer w) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, List.of(pattern)));
        fc.setInitialFileName(initial);
        File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            w.write(f.toPath());
            status.setText("Wrote " + (pattern.equals("*.png") || pattern.equals("*.svg") ? "the charts beside " : "") + f);
            status.setStyle("");
        } catch (IOException | RuntimeException e) {
            status.setText("Cannot write " + f + ": " + e.getMessage());
            status.setStyle("-fx-text-fill: #d0103a;");
        }
    }
}
