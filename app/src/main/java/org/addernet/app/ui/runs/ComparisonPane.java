package org.addernet.app.ui.runs;

import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.addernet.app.store.ComparisonTable;
import org.addernet.app.ui.runs.ComparisonViewModel.Export;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The comparison tab, a view over {@link ComparisonViewModel}: what is compared, each seed, the
 * exports; the four charts and the table of final metrics.
 */
final class ComparisonPane {
    private final ComparisonViewModel vm;
    private final TableView<ComparisonTable.Row> table = new TableView<>();
    private final VBox root;

    ComparisonPane(ComparisonViewModel vm) {
        this.vm = vm;
        Label what = new Label();
        what.textProperty().bind(vm.what());
        what.setId("compare-what");
        what.setStyle("-fx-font-weight: bold;");
        CheckBox eachSeed = new CheckBox("each seed");
        eachSeed.selectedProperty().bindBidirectional(vm.eachSeed);
        eachSeed.setId("compare-each-seed");
        Button csv = exportButton("Table as CSV\u2026", "compare-csv", Export.CSV, "CSV", "*.csv", "comparison.csv");
        Button latex = exportButton("Table as LaTeX\u2026", "compare-latex", Export.LATEX, "LaTeX", "*.tex", "comparison.tex");
        Button png = exportButton("Charts as PNG\u2026", "compare-png", Export.PNG, "PNG image", "*.png", "comparison.png");
        Button svg = exportButton("Charts as SVG\u2026", "compare-svg", Export.SVG, "SVG image", "*.svg", "comparison.svg");
        Label status = new Label();
        status.textProperty().bind(vm.status());
        status.setId("compare-status");
        status.setWrapText(true);
        status.getStyleClass().add("status");
        vm.tone().addListener((o, a, b) -> status.setStyle(switch (b) {
            case PLAIN -> "";
            case NOTE -> "-fx-text-fill: #b05a00;";
            case PROBLEM -> "-fx-text-fill: #d0103a;";
        }));
        table.setId("compare-table");
        buildTable();

        HBox bar = new HBox(10, what, eachSeed, csv, latex, png, svg);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label bests = new Label();
        bests.setId("compare-bests");
        bests.textProperty().bind(vm.bests());
        bests.setWrapText(true);
        bests.setStyle("-fx-font-weight: bold;");
        bests.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        bests.managedProperty().bind(vm.bests().isNotEmpty());
        // one chart at a time, as large as the tab allows (12 runs on a quarter of the window are spaghetti)
        TabPane charts = new TabPane(
                chartTab("Accuracy", vm.accuracy(), "compare-accuracy", true),
                chartTab("Training loss", vm.loss(), "compare-loss", true),
                chartTab("Gradient norms", vm.norms(), "compare-norms", true),
                chartTab("Final test accuracy", vm.bars(), "compare-bars", false));
        charts.setId("compare-charts");
        charts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        javafx.scene.layout.HBox smooth = org.addernet.app.ui.charts.SmoothingBar.build(vm.smoothing, "compare-smoothing");
        smooth.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        smooth.setPickOnBounds(false);
        smooth.disableProperty().bind(charts.getSelectionModel().selectedIndexProperty().isEqualTo(3));
        javafx.scene.layout.StackPane chartArea = new javafx.scene.layout.StackPane(charts, smooth);
        javafx.scene.layout.StackPane.setAlignment(smooth, Pos.TOP_RIGHT);
        chartArea.setMinHeight(220);
        VBox tickBox = new VBox(4);
        tickBox.setId("compare-ticks");
        tickBox.setPadding(new Insets(4));
        ScrollPane tickScroll = new ScrollPane(tickBox);
        tickScroll.setFitToWidth(true);
        tickScroll.setPrefWidth(230);
        tickScroll.setMinWidth(180);
        vm.ticks().addListener((o, a, b) -> showTicks(tickBox, b));
        HBox middle = new HBox(8, tickScroll, chartArea);
        HBox.setHgrow(chartArea, Priority.ALWAYS);
        table.setPrefHeight(170);
        table.setMinHeight(100);
        SplitPane body = new SplitPane(middle, table);
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        body.setDividerPositions(0.7);
        root = new VBox(6, bar, status, bests, body);
        root.setPadding(new Insets(10, 12, 12, 12));
        VBox.setVgrow(body, Priority.ALWAYS);
        vm.comparison().addListener((o, a, b) -> table.getItems().setAll(b.rows()));
    }

    /** The tick boxes: what to plot, by run folder, by model and by n. */
    private static void showTicks(VBox box, List<ComparisonViewModel.Tick> ticks) {
        box.getChildren().clear();
        String[][] kinds = {{"run", "Runs"}, {"model", "Models"}, {"n", "Hidden n"}};
        for (String[] k : kinds) {
            VBox items = new VBox(3);
            for (ComparisonViewModel.Tick t : ticks) {
                if (t.kind().equals(k[0])) {
                    CheckBox c = new CheckBox(t.label());
                    c.setId("tick-" + t.kind() + "-" + t.label().replaceAll("[^A-Za-z0-9.=-]", "_"));
                    c.selectedProperty().bindBidirectional(t.shown());
                    c.setMnemonicParsing(false);
                    c.setTooltip(new javafx.scene.control.Tooltip(t.value() == null ? t.label() : String.valueOf(t.value())));
                    items.getChildren().add(c);
                }
            }
            if (!items.getChildren().isEmpty()) {
                Label title = new Label(k[1]);
                title.setStyle("-fx-font-weight: bold;");
                box.getChildren().addAll(title, items);
            }
        }
    }

    private Tab chartTab(String title, ReadOnlyObjectProperty<JFreeChart> chart, String id, boolean curves) {
        ChartViewer v = viewer(chart, id);
        javafx.scene.Node content = v;
        if (curves) {
            org.addernet.app.ui.charts.ChartNode n = new org.addernet.app.ui.charts.ChartNode(chart.get(), v);
            content = n.interactive(vm.curveState, vm::xLabel, null);
        }
        Tab t = new Tab(title, content);
        t.setId("tab-" + id);
        return t;
    }

    private static ChartViewer viewer(ReadOnlyObjectProperty<JFreeChart> chart, String id) {
        ChartViewer v = new ChartViewer(chart.get());
        chart.addListener((o, a, b) -> v.setChart(b));
        v.setMinSize(200, 200);
        v.setPrefSize(640, 360);
        v.setId(id);
        return v;
    }

    Node node() {
        return root;
    }

    ComparisonViewModel vm() {
        return vm;
    }

    TableView<ComparisonTable.Row> table() {
        return table;
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
        table.getColumns().add(col("Best test (%)", 230, this::best));
        table.getColumns().add(col("Train acc. (%)", 150, r -> pm(r.trainMean(), r.trainSd(), 100, 2)));
        table.getColumns().add(col("Final loss", 150, r -> pm(r.lossMean(), r.lossSd(), 1, 4)));
        table.getColumns().add(col("Seconds", 80, r -> r.seconds() == null ? "\u2013"
                : String.format(Locale.ROOT, "%.2f", r.seconds())));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    /** A row's best logged test accuracy, where it was reached and, for a run that did not complete, its state. */
    private String best(ComparisonTable.Row r) {
        RunCurves.Meta m = vm.best(r);
        if (m == null || !Double.isFinite(m.best())) {
            return "\u2013";
        }
        return String.format(Locale.ROOT, "%.2f (%s %,.0f, seed %d%s)", 100 * m.best(), vm.xLabel(), m.bestX(), m.bestSeed(),
                m.bestStatus() == null || m.bestStatus() == org.addernet.engine.train.RunStatus.COMPLETED ? ""
                        : ", " + m.bestStatus().id());
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

    private Button exportButton(String text, String id, Export kind, String what, String pattern, String initial) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(text.replace("\u2026", ""));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, List.of(pattern)));
            fc.setInitialFileName(initial);
            File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                vm.save(kind, f.toPath());
            }
        });
        return b;
    }
}
