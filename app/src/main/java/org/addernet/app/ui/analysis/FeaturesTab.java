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

/**
 * Fig. 1's tab ({@link FeaturesViewModel}): Open and the number of test images; the scatter,
 * AdderNet against CNN (clusters around class centres against angular sectors), and its numbers.
 */
final class FeaturesTab {
    private final FeaturesViewModel vm;
    private final ImageView view = new ImageView();
    private final Tab tab;
    private javafx.stage.Window owner;

    FeaturesTab(FeaturesViewModel vm) {
        this.vm = vm;
        Button open = Widgets.folderButton("Open a run folder\u2026", "features-open",
                "A run folder of `workbench run fig1-features-fashion-mnist`", vm.work().busy(), () -> owner, vm::open,
                RunFolders::runsDir);
        Spinner<Integer> limit = Widgets.spinner(100, 10_000, 100, vm.limit);
        limit.setEditable(true);
        limit.setPrefWidth(100);
        limit.setId("features-limit");
        view.setId("features-image");
        view.setPreserveRatio(true);
        Label numbers = new Label();
        numbers.textProperty().bind(vm.numbers());
        numbers.setId("features-numbers");
        numbers.setStyle("-fx-font-family: monospace;");
        HBox top = new HBox(10, open, new Label("test images"), limit);
        top.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(view);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label note = new Label("The paper's Fig. 1: LeNet++ with a 2-D feature layer. A CNN's features separate by "
                + "angle (correlation is a cosine for normalised vectors); an AdderNet's cluster around class centres "
                + "(the L1 distance to a template). Train one with ./workbench run fig1-features-fashion-mnist, then "
                + "open its folder here (or ./workbench features DIR).");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox root = new VBox(10, top, Widgets.status(new Label(), vm.work()), numbers, scroll, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Features (Fig. 1)", root);
        tab.setId("tab-features");
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

    FeaturesViewModel vm() {
        return vm;
    }

    void setOwner(javafx.stage.Window w) {
        owner = w;
    }

    ImageView view() {
        return view;
    }
}
