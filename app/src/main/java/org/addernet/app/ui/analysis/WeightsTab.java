package org.addernet.app.ui.analysis;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.figures.ModelWeights;
import org.addernet.app.figures.WeightHistogramChart;
import org.addernet.app.ui.charts.WeightHistogramPanel;
import org.addernet.app.ui.view.Widgets;

/**
 * Fig. 7's tab ({@link WeightsViewModel}): two weight-histogram panels side by side, each with its
 * own model / layer chooser, Laplace and Gaussian maximum-likelihood fits, log-likelihood, AIC, KS
 * and the verdict (LeNet-5-BN's third layer, AdderNet left and CNN right, is the paper's figure).
 */
final class WeightsTab {
    private final WeightsViewModel vm;
    private final WeightHistogramPanel left = new WeightHistogramPanel();
    private final WeightHistogramPanel right = new WeightHistogramPanel();
    private final Tab tab;
    private javafx.stage.Window owner;

    WeightsTab(WeightsViewModel vm) {
        this.vm = vm;
        Button fromSession = new Button("The session's toy nets");
        fromSession.setId("weights-session");
        fromSession.setOnAction(e -> vm.fromSession());
        Button open = Widgets.folderButton("Add a run folder\u2026", "weights-open",
                "A run folder of `workbench run` on an image preset", vm.work().busy(), () -> owner, vm::open,
                RunFolders::runsDir);
        Label source = new Label();
        source.textProperty().bind(vm.source());
        source.setId("weights-source");
        HBox top = new HBox(10, fromSession, open, source);
        top.setAlignment(Pos.CENTER_LEFT);
        Node l = left.node();
        Node r = right.node();
        l.setId("weights-left");
        r.setId("weights-right");
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox.setHgrow(r, Priority.ALWAYS);
        HBox panels = new HBox(10, l, r);
        VBox.setVgrow(panels, Priority.ALWAYS);
        Label note = new Label();
        note.setId("weights-caption");
        note.textProperty().bind(vm.caption());
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox root = new VBox(10, top, Widgets.status(new Label(), vm.work()), panels, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Weights (Fig. 7)", root);
        tab.setId("tab-weights-fit");
        vm.models().addListener((o, a, b) -> show(b));
    }

    Tab tab() {
        return tab;
    }

    WeightsViewModel vm() {
        return vm;
    }

    void setOwner(javafx.stage.Window w) {
        owner = w;
    }

    WeightHistogramPanel left() {
        return left;
    }

    WeightHistogramPanel right() {
        return right;
    }

    private void show(List<ModelWeights> models) {
        left.update(models);
        right.update(models);
        select(left, vm.left().get());
        select(right, vm.right().get());
    }

    /** The panel's entry of {@code p} (entries are "model / layer"; a repeated model's label carries a suffix). */
    private static void select(WeightHistogramPanel panel, WeightsViewModel.Pick p) {
        if (p == null) {
            return;
        }
        for (String c : panel.choices()) {
            if (c.startsWith(p.model()) && c.endsWith(WeightHistogramChart.SEPARATOR + p.layer())) {
                panel.select(c);
                return;
            }
        }
    }
}
