package org.addernet.app.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.engine.analysis.OpCounts;
import org.addernet.engine.model.ImageModels;

/**
 * Operation counts (Sec. 5.2-5.3): a zoo model's multiplications and additions per image with the
 * paper's convention, layer by layer, the paper's figures beside them, and latency and energy
 * estimates from per-operation costs the user sets (defaults: the paper's add 2 / mul 4 cycles;
 * Horowitz's 45 nm 32-bit float energies, 0.9 pJ per addition and 3.7 pJ per multiplication).
 */
final class OpsTab {
    private final ComboBox<String> model = new ComboBox<>();
    private final Spinner<Integer> hidden = new Spinner<>(1, 4096, 10);
    private final Spinner<Integer> depth = new Spinner<>(2, 64, 2);
    private final Spinner<Integer> classes = new Spinner<>(2, 1000, 10);
    private final TextField addCycles = new TextField("2");
    private final TextField mulCycles = new TextField("4");
    private final TextField addPj = new TextField("0.9");
    private final TextField mulPj = new TextField("3.7");
    private final TableView<OpCounts.LayerOps> table = new TableView<>();
    private final Label totals = new Label();
    private final Label paper = new Label();
    private final Label estimates = new Label();
    private final Label problem = new Label();
    private final Tab tab;
    private OpCounts.Result result;

    OpsTab() {
        List<String> names = new ArrayList<>(List.of("mlp", "adder"));
        names.addAll(ImageModels.NAMES);
        model.getItems().setAll(names);
        model.setId("ops-model");
        model.setValue("resnet20-adder");
        for (Spinner<Integer> s : List.of(hidden, depth, classes)) {
            s.setEditable(true);
            s.setPrefWidth(100);
            s.valueProperty().addListener((o, a, b) -> recount());
        }
        for (TextField f : List.of(addCycles, mulCycles, addPj, mulPj)) {
            f.setPrefColumnCount(5);
            f.textProperty().addListener((o, a, b) -> showEstimates());
        }
        addCycles.setId("ops-add-cycles");
        mulCycles.setId("ops-mul-cycles");
        model.valueProperty().addListener((o, a, b) -> recount());

        TableColumn<OpCounts.LayerOps, String> layer = column("layer", 330, l -> l.layer());
        TableColumn<OpCounts.LayerOps, String> kind = column("kind", 80, l -> l.adder() ? "adder" : "multiply");
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
        totals.setId("ops-totals");
        totals.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        paper.setId("ops-paper");
        estimates.setId("ops-estimates");
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
        recount();
    }

    Tab tab() {
        return tab;
    }

    private static TableColumn<OpCounts.LayerOps, String> column(String name, double width,
                                                               java.util.function.Function<OpCounts.LayerOps, String> f) {
        TableColumn<OpCounts.LayerOps, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    void select(String name) {
        model.setValue(name);
    }

    OpCounts.Result result() {
        return result;
    }

    private void recount() {
        String m = model.getValue();
        boolean toy = "mlp".equals(m) || "adder".equals(m);
        hidden.setDisable(!toy);
        depth.setDisable(!toy);
        classes.setDisable(toy);
        try {
            result = OpCounts.ofZoo(m, hidden.getValue(), depth.getValue(), classes.getValue());
            problem.setText("");
        } catch (IllegalArgumentException e) {
            result = null;
            problem.setText(e.getMessage());
            table.getItems().clear();
            totals.setText("");
            return;
        }
        table.getItems().setAll(result.layers());
        totals.setText(String.format(Locale.ROOT, "%s: %s multiplications, %s additions per image", m,
                human(result.multiplications()), human(result.additions())));
        long[] p = OpCounts.PAPER.get(m);
        paper.setText(p == null ? "The paper gives no figure for this model."
                : String.format(Locale.ROOT, "The paper: %s multiplications, %s additions (differences: see README, "
                        + "Operation counts)", human(p[0]), human(p[1])));
        showEstimates();
    }

    private void showEstimates() {
        if (result == null) {
            return;
        }
        double[] v = new double[4];
        TextField[] f = {addCycles, mulCycles, addPj, mulPj};
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(f[i].getText().strip());
            } catch (NumberFormatException e) {
                v[i] = Double.NaN;
            }
            if (!(v[i] >= 0) || Double.isInfinite(v[i])) {
                estimates.setText("");
                problem.setText("'" + f[i].getText() + "' is not a cost: latencies and energies are finite numbers >= 0");
                return;
            }
        }
        problem.setText("");
        estimates.setText(String.format(Locale.ROOT, "latency estimate: %s cycles    energy estimate: %.3g \u00b5J per image",
                human(Math.round(result.latency(v[0], v[1]))), result.energy(v[2], v[3]) / 1e6));
    }

    static String human(long v) {
        if (v >= 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2fG", v / 1e9);
        }
        if (v >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%.1fK", v / 1e3);
        }
        return String.format(Locale.ROOT, "%,d", v);
    }
}
