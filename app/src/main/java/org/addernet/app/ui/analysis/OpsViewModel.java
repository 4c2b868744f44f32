package org.addernet.app.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.addernet.engine.analysis.OpCounts;
import org.addernet.engine.model.ImageModels;

/**
 * Operation counts' state (Sec. 5.2-5.3): a zoo model's multiplications and additions per image
 * with the paper's convention, layer by layer, the paper's figures beside them, and latency and
 * energy estimates from per-operation costs the user sets (defaults: the paper's add 2 / mul 4
 * cycles; Horowitz's 45 nm 32-bit float energies, 0.9 pJ per addition and 3.7 pJ per
 * multiplication). Every input recounts at once (the counts are closed-form, no background work).
 */
final class OpsViewModel {
    final StringProperty model = new SimpleStringProperty("resnet20-adder");
    /** Hidden units and weight layers of the toy models, classes of the image nets. */
    final IntegerProperty hidden = new SimpleIntegerProperty(10);
    final IntegerProperty depth = new SimpleIntegerProperty(2);
    final IntegerProperty classes = new SimpleIntegerProperty(10);
    /** Costs as typed: latency in cycles, energy in pJ, per addition and per multiplication. */
    final StringProperty addCycles = new SimpleStringProperty("2");
    final StringProperty mulCycles = new SimpleStringProperty("4");
    final StringProperty addPj = new SimpleStringProperty("0.9");
    final StringProperty mulPj = new SimpleStringProperty("3.7");

    private final ReadOnlyObjectWrapper<OpCounts.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper toy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paper = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper estimates = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    OpsViewModel() {
        model.addListener((o, a, b) -> recount());
        for (IntegerProperty p : List.of(hidden, depth, classes)) {
            p.addListener((o, a, b) -> recount());
        }
        for (StringProperty p : List.of(addCycles, mulCycles, addPj, mulPj)) {
            p.addListener((o, a, b) -> showEstimates());
        }
        recount();
    }

    /** The models offered: the toy nets, then the image zoo. */
    static List<String> models() {
        List<String> names = new ArrayList<>(List.of("mlp", "adder"));
        names.addAll(ImageModels.NAMES);
        return names;
    }

    /** The counts, or null when the model and sizes are impossible ({@link #problem} says why). */
    ReadOnlyObjectProperty<OpCounts.Result> result() {
        return result.getReadOnlyProperty();
    }

    /** Whether the model is a toy net (hidden units and depth apply) or an image net (classes apply). */
    ReadOnlyBooleanProperty toy() {
        return toy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty totals() {
        return totals.getReadOnlyProperty();
    }

    ReadOnlyStringProperty paper() {
        return paper.getReadOnlyProperty();
    }

    ReadOnlyStringProperty estimates() {
        return estimates.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    void select(String name) {
        model.set(name);
    }

    private void recount() {
        String m = model.get();
        toy.set("mlp".equals(m) || "adder".equals(m));
        OpCounts.Result r;
        try {
            r = OpCounts.ofZoo(m, hidden.get(), depth.get(), classes.get());
            problem.set("");
        } catch (IllegalArgumentException e) {
            result.set(null);
            problem.set(e.getMessage());
            totals.set("");
            return;
        }
        result.set(r);
        long leftOutMul = 0;
        int leftOut = 0;
        for (OpCounts.LayerOps l : r.layers()) {
            if (!l.counted()) {
                leftOut++;
                leftOutMul += l.adder() ? 0 : l.macs();
            }
        }
        totals.set(String.format(Locale.ROOT, "%s: %s multiplications, %s additions per image%s", m,
                human(r.multiplications()), human(r.additions()), leftOut == 0 ? ""
                        : String.format(Locale.ROOT, " in the paper's convention, which leaves out the full-precision "
                        + "first and last layers: with them, %s multiplications more (%s, marked \"left out\" below)",
                        human(leftOutMul), leftOut == 1 ? "one layer" : leftOut + " layers")));
        long[] p = OpCounts.PAPER.get(m);
        paper.set(p == null ? "The paper gives no figure for this model."
                : String.format(Locale.ROOT, "The paper: %s multiplications, %s additions (differences: see README, "
                        + "Operation counts)", human(p[0]), human(p[1])));
        showEstimates();
    }

    private void showEstimates() {
        OpCounts.Result r = result.get();
        if (r == null) {
            return;
        }
        double[] v = new double[4];
        List<StringProperty> f = List.of(addCycles, mulCycles, addPj, mulPj);
        for (int i = 0; i < 4; i++) {
            String text = f.get(i).get();
            try {
                v[i] = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                v[i] = Double.NaN;
            }
            if (!(v[i] >= 0) || Double.isInfinite(v[i])) {
                estimates.set("");
                problem.set("'" + text + "' is not a cost: latencies and energies are finite numbers >= 0");
                return;
            }
        }
        problem.set("");
        estimates.set(String.format(Locale.ROOT, "latency estimate: %s cycles    energy estimate: %.3g \u00b5J per image",
                human(Math.round(r.latency(v[0], v[1]))), r.energy(v[2], v[3]) / 1e6));
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
