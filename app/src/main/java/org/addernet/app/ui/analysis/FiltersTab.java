package org.addernet.app.ui.analysis;

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
import org.addernet.app.ui.view.FxImages;
import org.addernet.app.ui.view.Widgets;

/** Fig. 5's tab ({@link FiltersViewModel}): Open, the weight layer, the filters as one image. */
final class FiltersTab {
    private final FiltersViewModel vm;
    private final ImageView view = new ImageView();
    private final Tab tab;
    private javafx.stage.Window owner;

    FiltersTab(FiltersViewModel vm) {
        this.vm = vm;
        Button open = Widgets.folderButton("Open a run folder\u2026", "filters-open",
                "A run folder of `workbench run` on an image preset", vm.work().busy(), () -> owner, vm::open,
                RunFolders::runsDir);
        Spinner<Integer> layer = Widgets.spinner(1, 64, 1, vm.layer);
        layer.setEditable(true);
        layer.setId("filters-layer");
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
        VBox root = new VBox(10, top, Widgets.status(new Label(), vm.work()), scroll, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Filters (Fig. 5)", root);
        tab.setId("tab-filters");
        // a tab is not empty while the store has something to show: the newest run, when first turned to
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                vm.openNewest();
            }
        });
        vm.figure().addListener((o, a, b) -> view.setImage(b == null ? null : FxImages.toFx(b, null)));
    }

    Tab tab() {
        return tab;
    }

    FiltersViewModel vm() {
        return vm;
    }

    void setOwner(javafx.stage.Window w) {
        owner = w;
    }

    ImageView view() {
        return view;
    }
}
