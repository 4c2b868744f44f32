package org.addernet.app.ui.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.FirstStepNorms;
import org.addernet.app.runner.MetricsCsv;
import org.addernet.app.figures.GradientNormTableChart;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.presets.PresetLoader;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Table 1: LeNet-5-BN as AdderNet and as CNN take one step on the same batch ({@link
 * FirstStepNorms}, the {@code table1-gradient-norms} preset), and each layer's filter-gradient norm
 * is shown beside the paper's; or a finished run folder's {@code gradient-norms.csv}, with the norms
 * over training from its runs' {@code metrics.csv}.
 */
final class GradientNormsTab {
    /** A row of the table: a label and a norm per layer. */
    record Row(String label, boolean adder, boolean paper, double[] norms) {
    }

    private final ComboBox<String> set = new ComboBox<>();
    private final TableView<Row> table = new TableView<>();
    private final ChartViewer bars = new ChartViewer(GradientNormTableChart.create("Gradient norms at the first iteration",
            List.of()));
    private final ChartViewer training = new ChartViewer(null);
    private final Label status = new Label();
    private final Background work = new Background(status);
    private final Tab tab;
    private final javafx.stage.Window[] owner = {null};
    private List<Row> rows = List.of();

    GradientNormsTab() {
        set.getItems().setAll("mnist", "fashion-mnist");
        chooseSet();
        set.setId("table1-set");
        Button compute = new Button("Compute the first step");
        compute.setId("table1-compute");
        compute.setDefaultButton(true);
        compute.disableProperty().bind(work.busy);
        compute.setOnAction(e -> compute());
        Button open = work.folderButton("Open a run folder\u2026", "table1-open",
                "A run folder of `workbench run table1-gradient-norms`", () -> owner[0], this::open);
        HBox top = new HBox(10, new Label("Data set"), set, compute, open);
        top.setAlignment(Pos.CENTER_LEFT);
        table.setId("table1-table");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        bars.setPrefSize(560, 340);
        training.setPrefSize(560, 340);
        HBox.setHgrow(bars, Priority.ALWAYS);
        HBox.setHgrow(training, Priority.ALWAYS);
        HBox charts = new HBox(10, bars, training);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label note = new Label("Each layer's filter-gradient L2 norm at iteration 1, before adaptive scaling, both nets on "
                + "the same batch (the preset table1-gradient-norms: LeNet-5-BN, batch 256, seed 1). The AdderNet's norms "
                + "are orders of magnitude smaller and uneven across layers: what eq. 33's adaptive learning rate "
                + "corrects. The paper reports the first three layers on MNIST.");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox root = new VBox(10, top, status, table, charts, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Gradient norms (Table 1)", root);
        tab.setId("tab-table1");
        training.setVisible(false);
        training.managedProperty().bind(training.visibleProperty());
        showRows(paperRows());
    }

    Tab tab() {
        return tab;
    }

    void setOwner(javafx.stage.Window w) {
        owner[0] = w;
    }

    List<Row> rows() {
        return rows;
    }

    boolean busy() {
        return work.busy.get();
    }

    String status() {
        return status.getText();
    }

    /** A data root searched first (as {@code --data}); the set offered first is one found there. */
    void setDataRoot(Path root) {
        dataRoot = root;
        chooseSet();
    }

    private void chooseSet() {
        set.setValue(found("mnist") || !found("fashion-mnist") ? "mnist" : "fashion-mnist");
    }

    private Path dataRoot;

    /** One step of both nets on the chosen set, off the FX thread. */
    void compute() {
        String id = set.getValue();
        Path root = dataRoot;
        work.run("Reading " + id + " and taking one step with each net", () -> FirstStepNorms.compute(
                PresetLoader.resolve("table1-gradient-norms", List.of("data.set=" + id)), root), result -> {
                    List<Row> r = new ArrayList<>();
                    for (FirstStepNorms.Row x : result) {
                        r.add(new Row(name(x.model()) + ", ours (" + id + ")", x.model().contains("adder"), false, x.norms()));
                    }
                    r.addAll(paperRows());
                    training.setVisible(false);
                    showRows(sorted(r));
                });
    }

    /** A run folder: its top-level gradient-norms.csv and each run's metrics.csv. */
    void open(Path dir) {
        work.run("Reading " + dir, () -> read(dir), r -> {
            showRows(sorted(r.rows()));
            training.setChart(r.curves());
            training.setVisible(r.curves() != null);
        });
    }

    private record Folder(List<Row> rows, JFreeChart curves) {
    }

    private static Folder read(Path dir) throws IOException {
        Path csv = dir.resolve(RunFiles.GRADIENT_NORMS);
        if (!Files.isRegularFile(csv)) {
            throw new IOException(dir + ": no " + RunFiles.GRADIENT_NORMS + " (run `./workbench run table1-gradient-norms` "
                    + "or another image preset first)");
        }
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).startsWith("run,model,layer1")) {
            throw new IOException(csv + ": line 1: expected the header run,model,layer1,..., found '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            if (c.length < 3) {
                throw new IOException(csv + ": line " + (i + 1) + ": expected run,model and a norm per layer");
            }
            double[] n = new double[c.length - 2];
            for (int k = 0; k < n.length; k++) {
                try {
                    n[k] = Double.parseDouble(c[k + 2]);
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": line " + (i + 1) + ", layer" + (k + 1) + ": expected a number, found '"
                            + c[k + 2] + "'");
                }
            }
            rows.add(new Row(c[0] + " (" + dir.getFileName() + ")", c[1].contains("adder"), false, n));
        }
        rows.addAll(paperRows());
        return new Folder(rows, curves(dir));
    }

    /** Each run's per-layer norms after every epoch (metrics.csv), on a log axis; null when there is none. */
    private static JFreeChart curves(Path dir) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir)) {
            runs = s.filter(d -> Files.isRegularFile(d.resolve("metrics.csv"))).sorted().toList();
        }
        for (Path run : runs) {
            List<EpochMetrics> m = MetricsCsv.parseEpochs(run.resolve("metrics.csv"));
            if (m.isEmpty()) {
                continue;
            }
            for (int k = 0; k < m.get(0).gradNorms().length; k++) {
                XYSeries s = new XYSeries(run.getFileName() + " layer " + (k + 1));
                for (EpochMetrics e : m) {
                    if (e.gradNorms()[k] > 0) {
                        s.add(e.epoch(), e.gradNorms()[k]);
                    }
                }
                data.addSeries(s);
            }
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        LogAxis y = new LogAxis("gradient L2 norm (log scale)");
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.#####"));
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(new java.awt.Color(0xE2, 0xE4, 0xE7));
        plot.setDomainGridlinePaint(new java.awt.Color(0xE2, 0xE4, 0xE7));
        JFreeChart chart = new JFreeChart("Over training: norms at each epoch's last step",
                new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        return chart;
    }

    /** Whether the data lookup finds set {@code id} (the default choice is a set that is there). */
    private boolean found(String id) {
        try {
            org.addernet.datasets.image.DataRoots.find(id, dataRoot, System.getenv(), Path.of(System.getProperty("user.home")));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<Row> paperRows() {
        return List.of(new Row("AdderNet, the paper (MNIST)", true, true, FirstStepNorms.PAPER.get("lenet5-bn-adder")),
                new Row("CNN, the paper (MNIST)", false, true, FirstStepNorms.PAPER.get("lenet5-bn-cnn")));
    }

    /** AdderNets first, each of ours followed by the paper's row of the same net. */
    private static List<Row> sorted(List<Row> r) {
        List<Row> out = new ArrayList<>();
        for (boolean adder : new boolean[] {true, false}) {
            r.stream().filter(x -> x.adder() == adder && !x.paper()).forEach(out::add);
            r.stream().filter(x -> x.adder() == adder && x.paper()).forEach(out::add);
        }
        return out;
    }

    /** Four significant digits without trailing zeros: 0.0009, 0.2261, 0.003173. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String name(String model) {
        return model.contains("adder") ? "AdderNet" : "CNN";
    }

    private void showRows(List<Row> r) {
        rows = List.copyOf(r);
        int layers = r.stream().mapToInt(x -> x.norms().length).max().orElse(0);
        List<TableColumn<Row, String>> cols = new ArrayList<>();
        TableColumn<Row, String> label = new TableColumn<>("model");
        label.setPrefWidth(300);
        label.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().label()));
        cols.add(label);
        for (int k = 0; k < layers; k++) {
            int kk = k;
            TableColumn<Row, String> c = new TableColumn<>("layer " + (k + 1));
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(kk < d.getValue().norms().length
                    ? number(d.getValue().norms()[kk]) : ""));
            c.setSortable(false);
            cols.add(c);
        }
        table.getColumns().setAll(cols);
        table.getItems().setAll(r);
        List<GradientNormTableChart.Series> s = new ArrayList<>();
        for (Row x : r) {
            s.add(new GradientNormTableChart.Series(x.label(), x.adder(), x.paper(), x.norms()));
        }
        bars.setChart(GradientNormTableChart.create("Gradient norms at the first iteration", s));
    }
}
