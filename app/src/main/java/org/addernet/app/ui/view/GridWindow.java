package org.addernet.app.ui.view;

import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.addernet.app.ui.vm.Frame;
import org.addernet.app.ui.vm.WorkbenchViewModel;

/**
 * The figure view: the paper's Fig. 2, 3 or 4 replayed live, rows MLP and AdderNet, one column
 * per n, redrawn from each snapshot. Open while {@code gridView} is on.
 */
final class GridWindow {
    private final Stage stage = new Stage();
    private final ImageView view = new ImageView();
    private WritableImage image;

    GridWindow(Window owner, WorkbenchViewModel vm) {
        view.setId("figure-grid");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        stage.initOwner(owner);
        stage.setTitle("Figure view");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(view);
        pane.setMinSize(0, 0);
        pane.setStyle("-fx-background-color: white;");
        // the figure scales down with the window (never up: its pixels are drawn for 260 px panels)
        view.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> view.getImage() == null
                ? pane.getWidth() : Math.min(pane.getWidth(), view.getImage().getWidth()), pane.widthProperty(),
                view.imageProperty()));
        view.fitHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> view.getImage() == null
                ? pane.getHeight() : Math.min(pane.getHeight(), view.getImage().getHeight()), pane.heightProperty(),
                view.imageProperty()));
        stage.setScene(new Scene(pane, Math.min(1060, screen.getWidth() * 0.9), Math.min(820, screen.getHeight() * 0.9)));
        vm.figureNote().addListener((o, a, b) -> stage.setTitle("Figure view" + (b.isEmpty() ? "" : "  \u2014  main window: n = "
                + vm.settings.hidden.get())));
        stage.setOnHidden(e -> vm.panels.gridView.set(false));
        vm.frame().addListener((o, a, f) -> show(f));
        vm.panels.gridView.addListener((o, a, on) -> {
            if (on) {
                stage.show();
            } else {
                stage.hide();
            }
        });
        if (vm.panels.gridView.get()) {
            stage.show();
        }
        show(vm.frame().get());
    }

    private void show(Frame f) {
        if (f != null && f.grid() != null) {
            image = FxImages.toFx(f.grid(), image);
            view.setImage(image);
        }
    }

    Stage stage() {
        return stage;
    }
}
