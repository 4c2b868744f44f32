package org.addernet.app.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.addernet.app.runner.FirstStepNorms;
import org.addernet.app.figures.GradientNormTableChart;
import org.addernet.app.ui.vm.Activity;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.datasets.image.DataRoots;
import org.addernet.presets.PresetLoader;
import org.jfree.chart.JFreeChart;

/**
 * Table 1's state and commands: LeNet-5-BN as AdderNet and as CNN take one step on the same batch
 * ({@link FirstStepNorms}, the {@code table1-gradient-norms} preset) and each layer's
 * filter-gradient norm stands beside the paper's; or a finished run folder's
 * {@code gradient-norms.csv}, with the norms over training from its runs' {@code metrics.csv}.
 */
final class GradientNormsViewModel {
    static final String TITLE = "Gradient norms at the first iteration";
    static final List<String> SETS = List.of("mnist", "fashion-mnist");

    /** A row of the table: a label and a norm per layer. */
    record Row(String label, boolean adder, boolean paper, double[] norms) {
    }

    /** The data set of Compute: one found by the data lookup when there is one. */
    final StringProperty set = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<List<Row>> rows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<JFreeChart> bars = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> training = new ReadOnlyObjectWrapper<>();
    private final Activity work;
    private Path dataRoot;

    GradientNormsViewModel(UiExecutor executor) {
        work = new Activity(executor);
        chooseSet();
        showRows(paperRows());
    }

    Activity work() {
        return work;
    }

    /** The table's rows: ours (when computed or read) and the paper's, AdderNets first. */
    ReadOnlyObjectProperty<List<Row>> rows() {
        return rows.getReadOnlyProperty();
    }

    /** The rows as bars per layer. */
    ReadOnlyObjectProperty<JFreeChart> bars() {
        return bars.getReadOnlyProperty();
    }

    /** The norms over training of an opened folder; null when there are none (the view hides it). */
    ReadOnlyObjectProperty<JFreeChart> training() {
        return training.getReadOnlyProperty();
    }

    /** A data root searched first (as {@code --data}); the set offered first is one found there. */
    void setDataRoot(Path root) {
        dataRoot = root;
        chooseSet();
    }

    private void chooseSet() {
        set.set(found("mnist") || !found("fashion-mnist") ? "mnist" : "fashion-mnist");
    }

    /** One step of both nets on the chosen set, off the FX thread. */
    void compute() {
        String id = set.get();
        Path root = dataRoot;
        work.run("Reading " + id + " and taking one step with each net", () -> FirstStepNorms.compute(
                PresetLoader.resolve("table1-gradient-norms", List.of("data.set=" + id)), root), result -> {
                    List<Row> r = new ArrayList<>();
                    for (FirstStepNorms.Row x : result) {
                        r.add(new Row(name(x.model()) + ", ours (" + id + ")", x.model().contains("adder"), false, x.norms()));
                    }
                    r.addAll(paperRows());
                    training.set(null);
                    showRows(sorted(r));
                });
    }

    /** A run folder: its top-level gradient-norms.csv and each run's metrics.csv. */
    void open(Path dir) {
        work.run("Reading " + dir, () -> GradientNormsFolder.read(dir), f -> {
            List<Row> r = new ArrayList<>(f.rows());
            r.addAll(paperRows());
            showRows(sorted(r));
            training.set(f.curves());
        });
    }

    /** Whether the data lookup finds set {@code id} (the default choice is a set that is there). */
    private boolean found(String id) {
        try {
            DataRoots.find(id, dataRoot, System.getenv(), Path.of(System.getProperty("user.home")));
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
        rows.set(List.copyOf(r));
        List<GradientNormTableChart.Series> s = new ArrayList<>();
        for (Row x : r) {
            s.add(new GradientNormTableChart.Series(x.label(), x.adder(), x.paper(), x.norms()));
        }
        bars.set(GradientNormTableChart.create(TITLE, s));
    }
}
