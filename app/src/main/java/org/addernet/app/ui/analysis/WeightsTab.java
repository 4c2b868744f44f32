package org.addernet.app.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.figures.ModelWeights;
import org.addernet.app.figures.WeightHistogramChart;
import org.addernet.app.lab.TrainedRuns;
import org.addernet.app.ui.charts.WeightHistogramPanel;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.app.ui.session.SessionSnapshot;
import org.addernet.engine.nn.Parameter;

/**
 * Fig. 7 for any layer of any model: two weight-histogram panels side by side (each with its own
 * model / layer chooser, Laplace and Gaussian maximum-likelihood fits, log-likelihood, AIC, KS and
 * the verdict), fed from the toy nets of the running session or from the checkpoints of a run
 * folder (LeNet-5-BN's third layer, AdderNet left and CNN right, is the paper's figure).
 */
final class WeightsTab {
    private final WeightHistogramPanel left = new WeightHistogramPanel();
    private final WeightHistogramPanel right = new WeightHistogramPanel();
    private final Label source = new Label("No weights yet: take them from the session or open a run folder.");
    private final Label status = new Label();
    private final Background work = new Background(status);
    private final Supplier<SessionSnapshot> session;
    private final Tab tab;
    private javafx.stage.Window owner;

    WeightsTab(Supplier<SessionSnapshot> session) {
        this.session = session;
        Button fromSession = new Button("The session's toy nets");
        fromSession.setId("weights-session");
        fromSession.setOnAction(e -> fromSession());
        Button open = work.folderButton("Add a run folder\u2026", "weights-open",
                "A run folder of `workbench run` on an image preset", () -> owner, this::open);
        source.setId("weights-source");
        HBox top = new HBox(10, fromSession, open, source);
        top.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.Node l = left.node();
        javafx.scene.Node r = right.node();
        l.setId("weights-left");
        r.setId("weights-right");
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox.setHgrow(r, Priority.ALWAYS);
        HBox panels = new HBox(10, l, r);
        VBox.setVgrow(panels, Priority.ALWAYS);
        Label note = new Label("The paper's Fig. 7: LeNet-5-BN's third layer, AdderNet (left) against CNN (right). The "
                + "prior of an L1 distance is the Laplace law, of an L2 one the Gaussian: the better fit has the higher "
                + "log-likelihood (lower AIC) and the smaller Kolmogorov-Smirnov distance.");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox root = new VBox(10, top, status, panels, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Weights (Fig. 7)", root);
        tab.setId("tab-weights-fit");
    }

    Tab tab() {
        return tab;
    }

    void setOwner(javafx.stage.Window w) {
        owner = w;
    }

    boolean busy() {
        return work.busy.get();
    }

    WeightHistogramPanel left() {
        return left;
    }

    WeightHistogramPanel right() {
        return right;
    }

    /** The toy nets' layers, as the session holds them now. */
    void fromSession() {
        SessionSnapshot s = session.get();
        if (s == null || s.models().isEmpty()) {
            work.say("The session has no trained nets yet: press Play in the main window first.", true);
            return;
        }
        fromSession = true;
        List<ModelWeights> models = new ArrayList<>();
        for (ModelSnapshot m : s.models()) {
            models.add(new ModelWeights(m.label(), m.layerWeights()));
        }
        show(models, "the session at iteration " + s.iteration());
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

    private final List<ModelWeights> fromFolders = new ArrayList<>();
    private final List<String> folders = new ArrayList<>();
    private boolean fromSession = true;

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

    private void show(List<ModelWeights> models, String from) {
        // AdderNets on the left, the others on the right, as in Fig. 7
        List<ModelWeights> sorted = new ArrayList<>();
        models.stream().filter(m -> isAdder(m.label())).forEach(sorted::add);
        models.stream().filter(m -> !isAdder(m.label())).forEach(sorted::add);
        left.update(sorted);
        right.update(sorted);
        String a = pick(sorted, true);
        String b = pick(sorted, false);
        if (a != null) {
            left.select(a);
        }
        if (b != null) {
            right.select(b);
        }
        source.setText("Weights of " + from + ".");
    }

    private static boolean isAdder(String label) {
        return label.toLowerCase(java.util.Locale.ROOT).contains("adder");
    }

    /** Layer 3 (Fig. 7) of the first AdderNet ({@code adder}) or the first other net, or its last layer when shallower. */
    private String pick(List<ModelWeights> models, boolean adder) {
        for (ModelWeights m : models) {
            if (isAdder(m.label()) == adder) {
                List<String> names = new ArrayList<>(m.layers().keySet());
                String layer = names.size() >= 3 ? names.get(2) : names.get(names.size() - 1);
                for (String c : left.choices()) {
                    if (c.startsWith(m.label()) && c.endsWith(WeightHistogramChart.SEPARATOR + layer)) {
                        return c;
                    }
                }
            }
        }
        return null;
    }
}
