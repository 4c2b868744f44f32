package org.addernet.app.ui.analysis;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.ui.view.Widgets;
import org.addernet.engine.analysis.OpCounts;

/** The operation counts' tab ({@link OpsViewModel}): model, sizes and costs; totals, the paper's figures, the layers. */
final class OpsTab {
    private final OpsViewModel vm;
    private final TableView<OpCounts.LayerOps> table = new TableView<>();
    private final Tab tab;

    OpsTab(OpsViewModel vm) {
        this.vm = vm;
        ComboBox<String> model = new ComboBox<>();
        model.getItems().setAll(OpsViewModel.models());
        model.setId("ops-model");
        model.valueProperty().bindBidirectional(vm.model);
        Spinner<Integer> hidden = Widgets.spinner(1, 4096, 1, vm.hidden);
        Spinner<Integer> depth = Widgets.spinner(2, 64, 1, vm.depth);
        Spinner<Integer> classes = Widgets.spinner(2, 1000, 1, vm.classes);
        for (Spinner<Integer> s : List.of(hidden, depth, classes)) {
            s.setEditable(true);
            s.setPrefWidth(100);
        }
        hidden.disableProperty().bind(vm.toy().not());
        depth.disableProperty().bind(vm.toy().not());
        classes.disableProperty().bind(vm.toy());
        TextField addCycles = cost(vm.addCycles);
        TextField mulCycles = cost(vm.mulCycles);
        TextField addPj = cost(vm.addPj);
        TextField mulPj = cost(vm.mulPj);
        addCycles.setId("ops-add-cycles");
        mulCycles.setId("ops-mul-cycles");

        TableColumn<OpCounts.LayerOps, String> layer = column("layer", 330, l -> l.layer());
        TableColumn<OpCounts.LayerOps, String> kind = column("kind", 110, l -> l.adder() ? "adder"
                : l.counted() ? "multiply" : "multiply (full precision)");
        TableColumn<OpCounts.LayerOps, String> macs = column("MACs", 120, l -> String.format(Locale.ROOT, "%,d", l.macs()));
        TableColumn<OpCounts.LayerOps, String> mul = column("#Mul", 120,
                l -> l.counted() ? String.format(Locale.ROOT, "%,d", l.multiplications()) : "(left out)");
        TableColumn<OpCounts.LayerOps, String> add = column("#Add", 120,
                l -> l.counted() ? String.format(Locale.ROOT, "%,d", l.additions()) : "(left out)");
        table.getColumns().setAll(List.of(layer, kind, macs, mul, add));
        table.setId("ops-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Model"), model, new Label("hidden units (toy)"), hidden, new Label("weight layers (toy)"),
                depth, new Label("classes (image nets)"), classes);
        form.addRow(1, new Label("add latency (cycles)"), addCycles, new Label("mul latency (cycles)"), mulCycles,
                new Label("add energy (pJ)"), addPj, new Label("mul energy (pJ)"), mulPj);
        Label totals = bound("ops-totals", vm.totals());
        totals.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        totals.setWrapText(true);
        Label paper = bound("ops-paper", vm.paper());
        Label estimates = bound("ops-estimates", vm.estimates());
        Label problem = bound(null, vm.problem());
        problem.setStyle("-fx-text-fill: #d0103a;");
        Label note = new Label("The paper's convention: a convolution or fully-connected layer of m multiply-accumulates "
                + "costs m multiplications and m additions; an adder layer of m accumulates costs 2m additions "
                + "(subtract, accumulate) and no multiplication. Batch norm, activations and pooling are left out, and "
                + "for the CIFAR nets also the full-precision first and last layers (Sec. 5.3). Default energies: "
                + "M. Horowitz, \"Computing's energy problem\", ISSCC 2014 (45 nm, 32-bit float).");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox box = new VBox(10, form, totals, paper, estimates, problem, table, note);
        box.setPadding(new Insets(12));
        tab = new Tab("Operation counts", box);
        tab.setId("tab-ops");
        vm.result().addListener((o, a, b) -> showLayers(b));
        showLayers(vm.result().get());
    }

    Tab tab() {
        return tab;
    }

    OpsViewModel vm() {
        return vm;
    }

    private static TextField cost(StringProperty p) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(p);
        f.setPrefColumnCount(5);
        return f;
    }

    private static Label bound(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.textProperty().bind(text);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }

    private void showLayers(OpCounts.Result r) {
        if (r == null) {
            table.getItems().clear();
        } else {
            table.getItems().setAll(r.layers());
        }
    }

    private static TableColumn<OpCounts.LayerOps, String> column(String name, double width,
                                                               java.util.function.Function<OpCounts.LayerOps, String> f) {
        TableColumn<OpCounts.LayerOps, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
