package org.addernet.app.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.addernet.app.render.Legend;
import org.addernet.app.render.UnitFieldPlot;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.app.ui.vm.Frame;
import org.addernet.app.ui.vm.FrameRenderer;
import org.addernet.app.ui.vm.WorkbenchViewModel;

/**
 * The centre: the drawing toggles and the key to the panels' marks, then one decision-boundary
 * panel per model side by side (same data, same seed) and the optional difference map, each with
 * its accuracies, a note over it when the model stopped learning (under it when some units died), and a strip of its hidden units'
 * response fields (hover one to see it large). The panels are sized to the space they get: side by
 * side from a 1024 x 700 window up, larger on a larger one. Images arrive rendered; this only
 * copies pixels.
 */
final class BoundaryPane {
    /** Room under a panel's image: accuracies, a note, the unit strip (pixels). */
    private static final double UNDER = 84;
    /** Width of the column of toggles and key beside the panels. */
    private static final double SIDE = 150;

    private final WorkbenchViewModel vm;
    private final HBox panels = new HBox(14);
    private final ImageView difference = new ImageView();
    private final VBox differenceBox;
    private final List<PanelView> views = new ArrayList<>();
    private final ImageView legend = new ImageView();
    private final VBox header;
    private final StackPane root;
    private WritableImage differenceImage;

    BoundaryPane(WorkbenchViewModel vm) {
        this.vm = vm;
        difference.setId("difference");
        legend.setId("legend");
        CheckBox discretize = toggle("discretize", "Discretize", vm.panels.discretize, "Class regions only, no probability shading");
        CheckBox test = toggle("show-test", "Test points", vm.panels.showTest, "Draw the held-out points as rings");
        CheckBox diff = toggle("show-difference", "Difference map", vm.panels.showDifference, "P(AdderNet) - P(MLP) on the plane");
        CheckBox centres = toggle("show-centres", "Adder centres W_i", vm.panels.showCentres, "Each AdderNet hidden unit's centre on the plane");
        Label points = note("points-note", vm.pointsNote(), "caption");
        points.setMaxWidth(SIDE);
        Label key = new Label("Key");
        key.getStyleClass().add("side-title");
        legend.setImage(FxImages.toFx(Legend.column(12f), null));
        double side = Math.max(SIDE, legend.getImage().getWidth() + 2);
        // beside the panels, not above them: on a projector's 1024 x 700 the height is what they lack
        header = new VBox(6, discretize, test, diff, centres, key, legend, points);
        header.setPrefWidth(side);
        header.setMinWidth(side);
        header.setMaxWidth(side);
        differenceBox = new VBox(4, difference);
        differenceBox.visibleProperty().bind(vm.panels.showDifference);
        differenceBox.managedProperty().bind(vm.panels.showDifference);
        panels.getChildren().add(differenceBox);
        panels.setAlignment(Pos.TOP_LEFT);
        HBox content = new HBox(14, panels, header);
        content.setPadding(new Insets(8, 10, 6, 10));
        // the content never asks for room: the panels are sized to what the split pane gives
        root = new StackPane(content);
        root.setId("boundaries");
        StackPane.setAlignment(content, Pos.TOP_LEFT);
        root.setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
        root.widthProperty().addListener((o, a, b) -> fit());
        root.heightProperty().addListener((o, a, b) -> fit());
        vm.panels.showDifference.addListener((o, a, b) -> fit());
        vm.frame().addListener((o, a, f) -> {
            long t0 = System.nanoTime();
            show(f);
            if (Boolean.getBoolean("workbench.debugTiming")) {
                System.err.printf("panels update %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            }
        });
    }

    Region node() {
        return root;
    }

    private static CheckBox toggle(String id, String text, javafx.beans.property.BooleanProperty p, String tip) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        c.setTooltip(new Tooltip(tip));
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.setMnemonicParsing(false);        // "W_i" is a subscript, not a mnemonic
        return c;
    }

    private static Label note(String id, javafx.beans.value.ObservableStringValue text, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** How many panels stand side by side: one per model shown, and the difference map when it is on. */
    private int columns() {
        Frame f = vm.frame().get();
        int models = f == null ? 2 : Math.max(1, f.panels().size());
        return models + (vm.panels.showDifference.get() && models == 2 ? 1 : 0);
    }

    /** Fits the panels to the space: as large as fits side by side and above their captions. */
    private void fit() {
        double w = root.getWidth() - 20 - header.getWidth() - 14;
        double h = root.getHeight() - 14;
        if (w <= 0 || root.getHeight() <= 0) {
            return;
        }
        int k = columns();
        double across = (w - 14 * (k - 1)) / k;
        // what stands under a panel grows with it (the unit strip's thumbnails) and with its notes:
        // two rounds settle it (the second side is never larger than the first)
        double side = Math.min(across, h - under(Math.min(across, h)));
        side = Math.min(across, h - under(side));
        int px = (int) Math.floor(side / 10) * 10;      // steps of 10 px: a resize redraws now and then, not each pixel
        vm.panels.setPanelSize(px);
    }

    /** The side of a unit thumbnail under a panel {@code width} wide (as {@link PanelView#show} sizes them). */
    private static int thumb(double width) {
        return (int) Math.max(32, Math.min(FrameRenderer.THUMB, width / 7));
    }

    /**
     * The height under a panel {@code width} wide: {@link #UNDER} with 32 px thumbnails, plus larger
     * thumbnails, the strip's scroll bar when they overflow, a second line of accuracies where one is
     * too narrow and the tallest note with its spacing.
     */
    private double under(double width) {
        int t = thumb(width);
        double most = 0;
        for (PanelView v : views) {
            double extra = Math.max(0, v.accuracy.prefHeight(width) - v.accuracy.prefHeight(-1));
            if (v.note.isManaged()) {
                extra += v.note.prefHeight(width) + 3;
            }
            if (v.thumbs.size() * (t + 4.0) > width) {
                extra += 14;                               // the strip scrolls
            }
            most = Math.max(most, extra);
        }
        return UNDER + (t - 32) + most;
    }

    private void show(Frame f) {
        if (f == null) {
            return;
        }
        int before = views.size();
        int thumbsBefore = views.stream().mapToInt(v -> v.thumbs.size()).sum();
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
        if (before != views.size() || thumbsBefore != views.stream().mapToInt(v -> v.thumbs.size()).sum()) {
            fit();
        }
    }

    /** One model's boundary, accuracies, note and unit strip. */
    private final class PanelView {
        final VBox box;
        final ImageView boundary = new ImageView();
        final HBox units = new HBox(4);
        final ScrollPane unitScroll = new ScrollPane(units);
        final Label unitsLabel = new Label();
        final Label accuracy = new Label();
        final Label note = new Label();
        final Label banner = new Label();
        WritableImage image;
        final List<ImageView> thumbs = new ArrayList<>();
        final List<WritableImage> thumbImages = new ArrayList<>();
        ModelSnapshot model;

        PanelView(int index) {
            boundary.setId("boundary-" + index);
            units.setId("units-" + index);
            unitScroll.setFitToHeight(true);
            unitScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            unitScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
            unitScroll.getStyleClass().add("unit-strip");
            unitsLabel.getStyleClass().add("caption");
            accuracy.getStyleClass().add("accuracy");
            accuracy.setMinHeight(Region.USE_PREF_SIZE);
            accuracy.setWrapText(true);                       // test accuracy on a second line, never cut off
            accuracy.textProperty().addListener((o, a, b) -> {
                if (a == null || a.length() != b.length()) {     // e.g. 99.9 % -> 100.0 %: it may need a line more
                    javafx.application.Platform.runLater(BoundaryPane.this::fit);
                }
            });
            note.getStyleClass().add("model-note");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);          // every line of it (fit() makes room)
            note.managedProperty().bind(note.textProperty().isNotEmpty());
            note.visibleProperty().bind(note.managedProperty());
            note.textProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(BoundaryPane.this::fit));
            // a model that stopped learning (dead, diverged) says so over its frozen picture, where it is
            // seen first and takes no room from the panels; other notes (dead units) stand under it
            banner.getStyleClass().addAll("model-banner");
            banner.setWrapText(true);
            banner.setMouseTransparent(true);
            banner.visibleProperty().bind(banner.textProperty().isNotEmpty());
            StackPane picture = new StackPane(boundary, banner);
            StackPane.setAlignment(banner, Pos.TOP_CENTER);
            StackPane.setMargin(banner, new Insets(28, 10, 0, 10));
            box = new VBox(3, picture, accuracy, note, unitsLabel, unitScroll);
        }

        void show(Frame.Panel p) {
            model = p.model();
            String kind = p.model().spec().kind();
            boundary.setId("boundary-" + kind);
            accuracy.setId("accuracy-" + kind);
            note.setId("note-" + kind);
            var last = p.model().last();
            String pText = "adder".equals(kind) && last != null
                    ? String.format(java.util.Locale.ROOT, "p = %.2f  \u00b7  ", last.p()) : "";
            // no break inside "train 88.0 %" or "test 87.0 %" (no-break spaces): a narrow panel puts test on a second line
            accuracy.setText(("train " + FrameRenderer.percent(p.model().trainAccuracy())).replace(' ', '\u00a0')
                    + "  \u00b7  " + ("test " + FrameRenderer.percent(p.model().testAccuracy())).replace(' ', '\u00a0'));
            note.setText(p.stopped() ? "" : p.note());
            banner.setText(p.stopped() ? p.note() : "");
            banner.setId("banner-" + kind);
            image = FxImages.toFx(p.boundary(), image);
            boundary.setImage(image);
            double w = image.getWidth();
            box.setMaxWidth(w);
            box.setPrefWidth(w);
            accuracy.setMaxWidth(w);
            note.setMaxWidth(w);
            banner.setMaxWidth(w - 20);
            banner.setMaxHeight(Region.USE_PREF_SIZE);      // a box round the text, not over the whole picture
            double top = Math.max(28, Math.round(w * 0.12));   // below the panel's title, which grows with it
            if (StackPane.getMargin(banner) == null || StackPane.getMargin(banner).getTop() != top) {
                StackPane.setMargin(banner, new Insets(top, 10, 0, 10));
            }
            unitScroll.setMaxWidth(w);
            unitScroll.setPrefViewportWidth(w);
            int thumb = thumb(w);
            unitsLabel.setText(pText + (p.thumbnails().isEmpty() ? "" : "first-layer units"));
            while (thumbs.size() > p.thumbnails().size()) {
                units.getChildren().remove(thumbs.remove(thumbs.size() - 1));
                thumbImages.remove(thumbImages.size() - 1);
            }
            while (thumbs.size() < p.thumbnails().size()) {
                int unit = thumbs.size();
                ImageView iv = new ImageView();
                iv.setPreserveRatio(true);
                Tooltip tip = new Tooltip();
                tip.setShowDelay(Duration.millis(150));
                ImageView large = new ImageView();
                tip.setGraphic(large);
                tip.setOnShowing(e -> large.setImage(largeField(unit)));
                Tooltip.install(iv, tip);
                iv.setOnMouseEntered(e -> iv.setOpacity(0.8));
                iv.setOnMouseExited(e -> iv.setOpacity(1));
                thumbs.add(iv);
                thumbImages.add(null);
                units.getChildren().add(iv);
            }
            for (int u = 0; u < thumbs.size(); u++) {
                thumbImages.set(u, FxImages.toFx(p.thumbnails().get(u), thumbImages.get(u)));
                thumbs.get(u).setImage(thumbImages.get(u));
                thumbs.get(u).setFitWidth(thumb);
            }
            unitScroll.setPrefViewportHeight(thumbs.isEmpty() ? 0 : thumb);
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

    /** The node of the panels (tests). */
    Node panelsNode() {
        return panels;
    }
}
