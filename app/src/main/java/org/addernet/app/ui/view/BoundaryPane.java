package org.addernet.app.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.addernet.app.render.UnitFieldPlot;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.app.ui.vm.Frame;
import org.addernet.app.ui.vm.WorkbenchViewModel;

/**
 * The centre: one decision-boundary panel per model (same data, same seed), each with a strip of
 * its hidden units' response fields (hover one to see it large), the optional difference map,
 * and the drawing toggles. Images arrive rendered; this only copies pixels.
 */
final class BoundaryPane {
    private final WorkbenchViewModel vm;
    private final FlowPane panels = new FlowPane(14, 10);
    private final ImageView difference = new ImageView();
    private final List<PanelView> views = new ArrayList<>();
    private WritableImage differenceImage;
    private final VBox root;

    BoundaryPane(WorkbenchViewModel vm) {
        this.vm = vm;
        difference.setId("difference");
        CheckBox discretize = toggle("discretize", "Discretize", vm.discretize, "Class regions only, no probability shading");
        CheckBox test = toggle("show-test", "Test points", vm.showTest, "Draw the held-out points as rings");
        CheckBox diff = toggle("show-difference", "Difference map", vm.showDifference, "P(AdderNet) - P(MLP) on the plane");
        CheckBox centres = toggle("show-centres", "Adder centres W_i", vm.showCentres, "Each AdderNet hidden unit's centre on the plane");
        HBox options = new HBox(16, discretize, test, diff, centres);
        options.setAlignment(Pos.CENTER_LEFT);
        VBox diffBox = new VBox(4, difference);
        diffBox.visibleProperty().bind(vm.showDifference);
        diffBox.managedProperty().bind(vm.showDifference);
        panels.getChildren().add(diffBox);
        root = new VBox(8, options, panels);
        root.setPadding(new Insets(8));
        vm.frame().addListener((o, a, f) -> {
            long t0 = System.nanoTime();
            show(f);
            if (Boolean.getBoolean("workbench.debugTiming")) {
                System.err.printf("panels update %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            }
        });
    }

    VBox node() {
        return root;
    }

    private static CheckBox toggle(String id, String text, javafx.beans.property.BooleanProperty p, String tip) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        c.setTooltip(new Tooltip(tip));
        return c;
    }

    private void show(Frame f) {
        if (f == null) {
            return;
        }
        while (views.size() > f.panels().size()) {
            panels.getChildren().remove(views.remove(views.size() - 1).box);
        }
        while (views.size() < f.panels().size()) {
            PanelView v = new PanelView(views.size());
            views.add(v);
            panels.getChildren().add(views.size() - 1, v.box);
        }
        for (int k = 0; k < f.panels().size(); k++) {
            views.get(k).show(f.panels().get(k));
        }
        if (f.difference() != null) {
            differenceImage = FxImages.toFx(f.difference(), differenceImage);
            difference.setImage(differenceImage);
        } else {
            difference.setImage(null);    // e.g. one model diverged, or only one model trains
        }
    }

    /** One model's boundary and unit strip. */
    private final class PanelView {
        final VBox box;
        final ImageView boundary = new ImageView();
        final FlowPane units = new FlowPane(4, 4);
        final Label unitsLabel = new Label();
        final Label accuracy = new Label();
        WritableImage image;
        final List<ImageView> thumbs = new ArrayList<>();
        final List<WritableImage> thumbImages = new ArrayList<>();
        ModelSnapshot model;

        PanelView(int index) {
            boundary.setId("boundary-" + index);
            units.setId("units-" + index);
            units.setPrefWrapLength(340);
            units.setMaxWidth(340);
            unitsLabel.getStyleClass().add("caption");
            accuracy.getStyleClass().add("accuracy");
            box = new VBox(4, boundary, accuracy, unitsLabel, units);
        }

        void show(Frame.Panel p) {
            model = p.model();
            boundary.setId("boundary-" + p.model().spec().kind());
            accuracy.setId("accuracy-" + p.model().spec().kind());
            var last = p.model().last();
            String pText = "adder".equals(p.model().spec().kind()) && last != null
                    ? String.format(java.util.Locale.ROOT, " \u00B7 p %.2f", last.p()) : "";
            accuracy.setText(String.format(java.util.Locale.ROOT, "train %.3f \u00B7 test %.3f%s \u00B7 %s",
                    p.model().trainAccuracy(), p.model().testAccuracy(), pText, p.model().status()));
            image = FxImages.toFx(p.boundary(), image);
            boundary.setImage(image);
            unitsLabel.setText(p.thumbnails().isEmpty() ? "" : "first-layer units of the " + p.model().label()
                    + " (hover to enlarge)");
            while (thumbs.size() > p.thumbnails().size()) {
                units.getChildren().remove(thumbs.remove(thumbs.size() - 1));
                thumbImages.remove(thumbImages.size() - 1);
            }
            while (thumbs.size() < p.thumbnails().size()) {
                int unit = thumbs.size();
                ImageView iv = new ImageView();
                Tooltip tip = new Tooltip();
                tip.setShowDelay(Duration.millis(150));
                ImageView large = new ImageView();
                tip.setGraphic(large);
                tip.setOnShowing(e -> large.setImage(largeField(unit)));
                Tooltip.install(iv, tip);
                thumbs.add(iv);
                thumbImages.add(null);
                units.getChildren().add(iv);
            }
            for (int u = 0; u < thumbs.size(); u++) {
                thumbImages.set(u, FxImages.toFx(p.thumbnails().get(u), thumbImages.get(u)));
                thumbs.get(u).setImage(thumbImages.get(u));
            }
        }

        WritableImage largeField(int unit) {
            ModelSnapshot m = model;
            if (m == null || unit >= m.unitFields().length || m.grid() == null) {
                return null;
            }
            float[] centre = m.centres() != null && unit < m.centres().length ? m.centres()[unit] : null;
            var g = m.grid();
            int r = m.fieldResolution();
            var lattice = new org.addernet.engine.train.DecisionGrid(r, g.xMin(), g.xMax(), g.yMin(), g.yMax(),
                    new float[r * r]);   // the fields' own lattice (coarser than the boundary's)
            return FxImages.toFx(UnitFieldPlot.large(m.label() + ", unit " + (unit + 1), m.unitFields()[unit],
                    lattice, centre, 320), null);
        }
    }
}
