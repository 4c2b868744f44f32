package org.addernet.app.ui.analysis;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.addernet.app.ui.view.Widgets;
import org.addernet.engine.analysis.Theorem4;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The theorem lab's Theorem 4 tab ({@link Theorem4ViewModel}): size, Run, Cancel, progress, Save;
 * a log-log chart of error against width per target and the fitted slopes beside the rates.
 */
final class Theorem4Tab {
    private final Theorem4ViewModel vm;
    private final GridPane charts = new GridPane();
    private final TableView<Theorem4.Slope> slopes = new TableView<>();
    private final Tab tab;
    private javafx.stage.Window owner;

    Theorem4Tab(Theorem4ViewModel vm) {
        this.vm = vm;
        ComboBox<String> size = new ComboBox<>();
        size.getItems().setAll(Theorem4ViewModel.QUICK, Theorem4ViewModel.FULL);
        size.valueProperty().bindBidirectional(vm.size);
        size.setId("thm4-size");
        Button run = new Button("Run");
        Button cancel = new Button("Cancel");
        Button save = new Button("Save figure and CSV\u2026");
        run.setId("thm4-run");
        cancel.setId("thm4-cancel");
        save.setId("thm4-save");
        run.disableProperty().bind(vm.busy());
        cancel.disableProperty().bind(vm.busy().not());
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.busy().get() || vm.result().get() == null
                || vm.result().get().fits().isEmpty(), vm.busy(), vm.result()));
        ProgressBar progress = new ProgressBar(0);
        progress.progressProperty().bind(vm.progress());
        progress.setId("thm4-progress");
        progress.setPrefWidth(260);
        Label status = Widgets.status(new Label(), vm.status(), vm.problem(), Widgets.PROBLEM_STYLE);
        status.setId("thm4-status");
        run.setOnAction(e -> vm.run());
        cancel.setOnAction(e -> vm.cancel());
        save.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder for theorem4.csv, theorem4-slopes.csv, theorem4.png and theorem4.svg");
            java.io.File f = dc.showDialog(owner);
            if (f != null) {
                vm.save(f.toPath());
            }
        });
        HBox top = new HBox(10, size, run, cancel, progress, save);
        top.setAlignment(Pos.CENTER_LEFT);
        TableColumn<Theorem4.Slope, String> target = column("target", s -> s.target().id());
        TableColumn<Theorem4.Slope, String> model = column("model", s -> s.model().label());
        TableColumn<Theorem4.Slope, String> slope = column("fitted slope", s -> String.format(Locale.ROOT, "%.2f",
                s.line().slope()));
        TableColumn<Theorem4.Slope, String> r2 = column("R\u00b2", s -> String.format(Locale.ROOT, "%.2f", s.line().r2()));
        slopes.getColumns().setAll(List.of(target, model, slope, r2));
        slopes.setId("thm4-slopes");
        // no wider than its longest target and model names need: on a 1024 x 700 projector the charts need the width
        slopes.setPrefWidth(424);
        slopes.setMinWidth(424);
        slopes.setMaxWidth(424);
        target.setPrefWidth(70);
        model.setPrefWidth(228);
        slope.setPrefWidth(54);
        slope.setText("slope");
        slopes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        charts.setHgap(8);
        charts.setVgap(8);
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(50);
            charts.getColumnConstraints().add(c);
            javafx.scene.layout.RowConstraints r = new javafx.scene.layout.RowConstraints();
            r.setPercentHeight(50);
            charts.getRowConstraints().add(r);
        }
        HBox.setHgrow(charts, Priority.ALWAYS);
        key.setId("thm4-key");
        // one key for the four charts, above the slopes table: their own legends, and the room above
        // them, go to the plots (on a 1024 x 700 projector the height is what they lack)
        VBox left = new VBox(6, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        key.setPrefWrapLength(slopes.getPrefWidth());
        key.setMaxWidth(slopes.getPrefWidth());
        VBox right = new VBox(8, key, slopes);
        VBox.setVgrow(slopes, Priority.ALWAYS);
        HBox body = new HBox(10, left, right);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label what = new Label("Theorem 4: a one-hidden-layer AdderNet of width n approximates an L1-Lipschitz target "
                + "with integrated squared error O(\u03b5\u00b2L\u00b2) once n grows like \u03b5^-(d+2), i.e. ISE falls at "
                + "least like n^(-2/(d+2)) = n^(-1/2) on the plane. Each net is fitted (centres by k-means, output "
                + "weights by least squares; the proof's own random construction in green) and its ISE measured "
                + "through the engine network's forward pass on a fine lattice. Slopes are fitted for n \u2265 8.");
        what.setWrapText(true);
        what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);     // all of it, the charts take the rest
        what.getStyleClass().add("caption");
        VBox root = new VBox(10, what, top, status, body);
        root.setPadding(new Insets(12));
        tab = new Tab("Theorem 4", root);
        tab.setId("tab-theorem4");
        vm.charts().addListener((o, a, b) -> showCharts(b));
        vm.result().addListener((o, a, b) -> slopes.getItems().setAll(b == null ? List.of() : b.slopes()));
    }

    Tab tab() {
        return tab;
    }

    Theorem4ViewModel vm() {
        return vm;
    }

    void setOwner(javafx.stage.Window w) {
        owner = w;
    }

    /** Charts shown. */
    int charts() {
        return charts.getChildren().size();
    }

    private void showCharts(List<JFreeChart> list) {
        charts.getChildren().clear();
        key.getChildren().clear();
        int k = 0;
        for (JFreeChart c : list) {
            if (k == 0) {
                showKey(c);
            }
            if (c.getLegend() != null) {
                c.getLegend().setVisible(false);
            }
            if (c.getPlot() instanceof org.jfree.chart.plot.XYPlot p && p.getRangeAxis() != null) {
                p.getRangeAxis().setLabel("ISE (log scale)");
            }
            ChartViewer v = new ChartViewer(c);
            v.setPrefSize(400, 300);
            v.setMinSize(200, 170);
            charts.add(v, k % 2, k / 2);
            k++;
        }
    }

    /** The key of the charts: each curve's style and name (without the chart's own slope), from the first chart's legend. */
    private void showKey(JFreeChart c) {
        var items = c.getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            var it = items.get(i);
            String name = it.getLabel().replaceFirst(", slope .*$", "");
            javafx.scene.shape.Line line = new javafx.scene.shape.Line(0, 0, 26, 0);
            line.setStrokeWidth(2.5);
            if (it.getLinePaint() instanceof java.awt.Color col) {
                line.setStroke(javafx.scene.paint.Color.rgb(col.getRed(), col.getGreen(), col.getBlue()));
            }
            if (it.getLineStroke() instanceof java.awt.BasicStroke bs && bs.getDashArray() != null) {
                for (float d : bs.getDashArray()) {
                    line.getStrokeDashArray().add((double) d);
                }
            }
            Label l = new Label(name, line);
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            key.getChildren().add(l);
        }
        Label iseNote = new Label("ISE: integrated squared error against the target");
        iseNote.getStyleClass().add("caption");
        key.getChildren().add(iseNote);
    }

    private final javafx.scene.layout.FlowPane key = new javafx.scene.layout.FlowPane(16, 4);

    private static TableColumn<Theorem4.Slope, String> column(String name,
                                                             java.util.function.Function<Theorem4.Slope, String> f) {
        TableColumn<Theorem4.Slope, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
