package org.addernet.app.ui.view;

import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
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
        stage.initOwner(owner);
        stage.setTitle("Figure view");
        stage.setScene(new Scene(new ScrollPane(view), 1060, 820));
        stage.setOnHidden(e -> vm.gridView.set(false));
        vm.frame().addListener((o, a, f) -> show(f));
        vm.gridView.addListener((o, a, on) -> {
            if (on) {
                stage.show();
            } else {
                stage.hide();
            }
        });
        if (vm.gridView.get()) {
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
