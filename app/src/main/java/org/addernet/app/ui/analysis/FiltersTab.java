package org.addernet.app.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.render.FilterFigure;
import org.addernet.app.lab.TrainedRuns;
import org.addernet.app.ui.view.FxImages;

/**
 * Fig. 5: the filters of a trained convolution layer (the first by default) of every run of a run
 * folder as images, one row per run.
 */
final class FiltersTab {
    private final ImageView view = new ImageView();
    private final Spinner<Integer> layer = new Spinner<>(1, 64, 1);
    private final Label status = new Label();
    private final Background work = new Background(status);
    private final Tab tab;
    private javafx.stage.Window owner;
    private Path dir;

    FiltersTab() {
        Button open = work.folderButton("Open a run folder\u2026", "filters-open",
                "A run folder of `workbench run` on an image preset", () -> owner, this::open);
        layer.setEditable(true);
        layer.setId("filters-layer");
        layer.valueProperty().addListener((o, a, b) -> {
            if (dir != null) {
                open(dir);
            }
        });
        view.setId("filters-image");
        HBox top = new HBox(10, open, new Label("weight layer"), layer);
        top.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(view);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label note = new Label("The paper's Fig. 5: LeNet-5-BN's first-layer filters, AdderNet against CNN. Both learn "
                + "edge and blob detectors; the adder filters match patches by L1 distance, the CNN's by correlation. "
                + "Only convolutions over 1 or 3 channels can be drawn.");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox root = new VBox(10, top, status, scroll, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Filters (Fig. 5)", root);
        tab.setId("tab-filters");
        status.setText("Open a run folder of an image preset (e.g. lenet5-bn-fashion-mnist-adder) to see its filters.");
    }

    Tab tab() {
        return tab;
    }

    void setOwner(javafx.stage.Window w) {
        owner = w;
    }

    ImageView view() {
        return view;
    }

    /** Draws the chosen layer's filters of every run under {@code folder}, off the FX thread. */
    void open(Path folder) {
        dir = folder;
        int k = layer.getValue();
        work.run("Reading the checkpoints of " + folder, () -> {
            List<FilterFigure.Row> rows = new ArrayList<>();
            try {
                for (TrainedRuns.Trained t : TrainedRuns.load(folder)) {
                    rows.add(t.filterRow(k));
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage().replace("--layer", "weight layer"), e);
            }
            return FilterFigure.render(rows, k);
        }, img -> view.setImage(FxImages.toFx(img, null)));
    }
}
