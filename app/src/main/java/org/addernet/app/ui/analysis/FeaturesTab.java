package org.addernet.app.ui.analysis;

import java.nio.file.Path;
import java.util.Locale;
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
import org.addernet.app.lab.FeatureScatter;
import org.addernet.app.lab.FeatureStats;
import org.addernet.app.ui.view.FxImages;
import org.addernet.engine.model.FeatureProbe;

/**
 * Fig. 1: the 2-D features of a trained LeNet++ (run folder of {@code fig1-features-*}) scattered by
 * class, AdderNet against CNN: clusters around class centres against angular sectors, with the
 * numbers that back the picture (nearest class mean by L1 / L2 distance against nearest by angle).
 */
final class FeaturesTab {
    private final ImageView view = new ImageView();
    private final Spinner<Integer> limit = new Spinner<>(100, 10_000, 2000, 100);
    private final Label numbers = new Label();
    private final Label status = new Label();
    private final Background work = new Background(status);
    private final Tab tab;
    private javafx.stage.Window owner;
    private Path dataRoot;
    private FeatureScatter.Loaded loaded;

    FeaturesTab() {
        Button open = work.folderButton("Open a run folder\u2026", "features-open",
                "A run folder of `workbench run fig1-features-fashion-mnist`", () -> owner, this::open);
        limit.setEditable(true);
        limit.setPrefWidth(100);
        limit.setId("features-limit");
        view.setId("features-image");
        view.setPreserveRatio(true);
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
        VBox root = new VBox(10, top, status, numbers, scroll, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Features (Fig. 1)", root);
        tab.setId("tab-features");
        status.setText("Open a run folder of fig1-features-fashion-mnist (or -mnist) to scatter its features.");
    }

    Tab tab() {
        return tab;
    }

    void setOwner(javafx.stage.Window w) {
        owner = w;
    }

    void setDataRoot(Path root) {
        dataRoot = root;
    }

    ImageView view() {
        return view;
    }

    FeatureScatter.Loaded loaded() {
        return loaded;
    }

    boolean busy() {
        return work.busy.get();
    }

    String status() {
        return status.getText();
    }

    /** Features of the runs in {@code dir} on the first test images, off the FX thread. */
    void open(Path dir) {
        int n = limit.getValue();
        Path root = dataRoot;
        work.run("Reading " + dir + " and " + n + " test images", () -> {
            FeatureScatter.Loaded l = FeatureScatter.fromRun(dir, root, n);
            return new Object[] {l, FeatureScatter.render(l.features(), FeatureScatter.classNames(l.set()),
                    "2-D features of LeNet++ on " + l.set().id() + " (" + n + " test images)")};
        }, r -> {
            loaded = (FeatureScatter.Loaded) r[0];
            view.setImage(FxImages.toFx((java.awt.image.BufferedImage) r[1], null));
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %9s %13s %13s %13s%n", "run",
                    "accuracy", "nearest L1", "nearest L2", "nearest angle"));
            for (FeatureProbe.Features f : loaded.features()) {
                FeatureStats.Separation s = FeatureStats.separation(f);
                sb.append(String.format(Locale.ROOT, "%-24s %8.1f%% %12.1f%% %12.1f%% %12.1f%%%n", f.label(),
                        100 * s.accuracy(), 100 * s.nearestMeanL1(), 100 * s.nearestMeanL2(), 100 * s.nearestAngle()));
            }
            numbers.setText(sb.toString().stripTrailing());
        });
    }
}
