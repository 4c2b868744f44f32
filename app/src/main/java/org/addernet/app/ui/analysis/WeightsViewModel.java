package org.addernet.app.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.addernet.app.lab.TrainedRuns;
import org.addernet.app.figures.ModelWeights;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.app.ui.session.SessionSnapshot;
import org.addernet.app.ui.vm.Activity;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.engine.nn.Parameter;

/**
 * Fig. 7's state and commands: the weights of every layer of the models to show, from the toy nets
 * of the running session or from the checkpoints of run folders (an AdderNet folder and a CNN
 * folder side by side), AdderNets first; and what the two panels show first: layer 3 (the
 * paper's figure) of the first AdderNet on the left and of the first other net on the right.
 */
final class WeightsViewModel {
    /** A panel's first choice: a model's label and one of its layers. */
    record Pick(String model, String layer) {
    }

    private final Supplier<SessionSnapshot> session;
    private final Activity work;
    private final ReadOnlyObjectWrapper<List<ModelWeights>> models = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Pick> left = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Pick> right = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper source =
            new ReadOnlyStringWrapper("No weights yet: take them from the session or open a run folder.");
    private final List<ModelWeights> fromFolders = new ArrayList<>();
    private final List<String> folders = new ArrayList<>();
    private boolean fromSession = true;

    WeightsViewModel(Supplier<SessionSnapshot> session, UiExecutor executor) {
        this.session = session;
        this.work = new Activity(executor);
    }

    Activity work() {
        return work;
    }

    /** The models whose layers the panels offer, AdderNets first (set after the picks). */
    ReadOnlyObjectProperty<List<ModelWeights>> models() {
        return models.getReadOnlyProperty();
    }

    /** What the left panel shows first (null: its first entry). */
    ReadOnlyObjectProperty<Pick> left() {
        return left.getReadOnlyProperty();
    }

    /** What the right panel shows first (null: its first entry). */
    ReadOnlyObjectProperty<Pick> right() {
        return right.getReadOnlyProperty();
    }

    /** Where the weights come from. */
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("The paper's Fig. 7: LeNet-5-BN's third "
            + "layer, AdderNet (left) against CNN (right). Take the session's toy nets or add run folders of "
            + "lenet5-bn-fashion-mnist-adder and -cnn.");

    ReadOnlyStringProperty source() {
        return source.getReadOnlyProperty();
    }

    /** The toy nets' layers, as the session holds them now. */
    void fromSession() {
        SessionSnapshot s = session.get();
        if (s == null || s.models().isEmpty()) {
            work.say("The session has no trained nets yet: press Play in the main window first.", true);
            return;
        }
        fromSession = true;
        List<ModelWeights> list = new ArrayList<>();
        for (ModelSnapshot m : s.models()) {
            list.add(new ModelWeights(m.label(), m.layerWeights()));
        }
        show(list, "the session at iteration " + s.iteration());
    }

    /**
     * Every weight layer of every trained run of a run folder (its checkpoints), off the FX thread;
     * added to the runs of folders opened before (an AdderNet folder and a CNN folder side by side),
     * replacing runs of the same name.
     */
    void open(Path dir) {
        work.run("Reading the checkpoints of " + dir, () -> read(dir), m -> {
            if (fromSession) {
                fromFolders.clear();
                folders.clear();
            }
            fromSession = false;
            for (ModelWeights w : m) {
                fromFolders.removeIf(x -> x.label().equals(w.label()));
                fromFolders.add(w);
            }
            folders.remove(dir.toString());
            folders.add(dir.toString());
            show(fromFolders, String.join(" and ", folders));
        });
    }

    private static List<ModelWeights> read(Path dir) throws IOException {
        List<ModelWeights> out = new ArrayList<>();
        for (TrainedRuns.Trained t : TrainedRuns.load(dir)) {
            Map<String, float[]> layers = new LinkedHashMap<>();
            int k = 0;
            for (Parameter p : t.parameters()) {
                if (p.isWeight()) {
                    k++;
                    layers.put("layer " + k + (p.kind() == Parameter.Kind.ADDER_FILTER ? " (adder)" : ""), p.value);
                }
            }
            out.add(new ModelWeights(t.id(), layers));
        }
        return out;
    }

    private void show(List<ModelWeights> list, String from) {
        // AdderNets on the left, the others on the right, as in Fig. 7
        List<ModelWeights> sorted = new ArrayList<>();
        list.stream().filter(m -> isAdder(m.label())).forEach(sorted::add);
        list.stream().filter(m -> !isAdder(m.label())).forEach(sorted::add);
        left.set(pick(sorted, true));
        right.set(pick(sorted, false));
        models.set(List.copyOf(sorted));
        source.set("Weights of " + from + ".");
        caption.set(fromSession ? "Shown: the main window's toy nets. The paper's Fig. 7 is LeNet-5-BN's third layer, "
                + "AdderNet (left) against CNN (right): add a run folder of lenet5-bn-fashion-mnist-adder and one of "
                + "-cnn to see it. A toy net's layers hold few weights (a verdict needs "
                + org.addernet.app.figures.FitReport.MIN_VERDICT + "). The prior of an L1 distance is the Laplace law, of "
                + "an L2 one the Gaussian: the better fit has the higher log-likelihood (lower AIC) and the smaller "
                + "Kolmogorov-Smirnov distance."
                : "Shown: the runs of " + from + ". The paper's Fig. 7: LeNet-5-BN's third layer, AdderNet (left) "
                + "against CNN (right). The prior of an L1 distance is the Laplace law, of an L2 one the Gaussian: the "
                + "better fit has the higher log-likelihood (lower AIC) and the smaller Kolmogorov-Smirnov distance.");
    }

    /** What the panels show and what the paper's figure is, under them. */
    ReadOnlyStringProperty caption() {
        return caption.getReadOnlyProperty();
    }

    private static boolean isAdder(String label) {
        return label.toLowerCase(Locale.ROOT).contains("adder");
    }

    /** Layer 3 (Fig. 7) of the first AdderNet ({@code adder}) or the first other net, or its last layer when shallower. */
    private static Pick pick(List<ModelWeights> list, boolean adder) {
        for (ModelWeights m : list) {
            if (isAdder(m.label()) == adder) {
                List<String> names = new ArrayList<>(m.layers().keySet());
                return new Pick(m.label(), names.size() >= 3 ? names.get(2) : names.get(names.size() - 1));
            }
        }
        return null;
    }
}
