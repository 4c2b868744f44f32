package org.addernet.app.ui.runs;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.addernet.app.ui.runs.TestImages.StripItem;
import org.addernet.app.ui.view.FxImages;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.presets.PresetLoader;
import org.jfree.chart.fx.ChartViewer;

/**
 * The image-runs window (Run > Image runs), a view over {@link ImageRunViewModel}: preset,
 * overrides and data root; Check, Start, Cancel, Resume; progress; the estimate or the refusal;
 * accuracy and loss per epoch, the confusion matrix and the strip of test images; the runner's log.
 * Closing the window cancels a run (its last checkpoint stays).
 */
public final class ImageRunWindow {
    private final ImageRunViewModel vm;
    private final Stage stage = new Stage();
    private final ConfusionView confusion = new ConfusionView(330);
    private final FlowPane strip = new FlowPane(6, 6);
    private final TextArea log = new TextArea();
    /** What the reader hides on the epoch curves (kept as the charts are redrawn each epoch). */
    private final org.addernet.app.figures.CurveState curves = new org.addernet.app.figures.CurveState();

    public ImageRunWindow(Window owner) {
        this(owner, new ImageRunViewModel(UiExecutor.javafx()));
    }

    ImageRunWindow(Window owner, ImageRunViewModel vm) {
        this.vm = vm;
        ComboBox<String> preset = new ComboBox<>();
        preset.getItems().setAll(PresetLoader.BUNDLED_IMAGE);
        preset.valueProperty().bindBidirectional(vm.preset);
        preset.setId("image-preset");
        TextField settings = field(vm.overrides, "overrides, e.g. training.epochs=3 data.trainLimit=20000", 28,
                "image-settings");
        TextField dataRoot = field(vm.dataRoot, "data root (optional; also $ADDERNET_DATA, ~/.addernet/data)", 22,
                "image-data");
        Button check = button("Check", "image-check", vm::check);
        Button start = button("Start", "image-start", vm::start);
        Button cancel = button("Cancel", "image-cancel", vm::cancel);
        Button resume = button("Resume a run folder\u2026", "image-resume", () -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("An epoch run folder to continue");
            java.nio.file.Path runs = org.addernet.app.store.RunStore.atDefaultHome().runsDir();
            if (java.nio.file.Files.isDirectory(runs)) {
                dc.setInitialDirectory(runs.toFile());
            }
            java.io.File f = dc.showDialog(stage);
            if (f != null) {
                vm.resume(f.toPath());
            }
        });
        check.disableProperty().bind(vm.checking().or(vm.running()));
        start.disableProperty().bind(vm.checking().or(vm.running()));
        resume.disableProperty().bind(vm.running());
        cancel.disableProperty().bind(vm.running().not());
        Label estimate = label(vm.estimate(), "image-estimate");
        Label refusal = label(vm.refusal(), "image-refusal");
        refusal.setStyle("-fx-text-fill: #d0103a; -fx-font-weight: bold;");
        Label status = label(vm.status(), "image-status");
        ProgressBar progress = new ProgressBar(0);
        progress.progressProperty().bind(vm.live().progress());
        progress.setId("image-progress");
        progress.setPrefWidth(320);
        Label progressText = new Label();
        progressText.textProperty().bind(vm.live().progressText());
        progressText.setId("image-progress-text");
        strip.setId("image-strip");
        Label presetLabel = new Label("Preset");
        Label dataLabel = new Label("Data");
        for (javafx.scene.layout.Region r : List.of(presetLabel, dataLabel, check, start, cancel, resume, preset)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);     // the fields and the progress give way first
        }
        progress.setMinWidth(100);
        progressText.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);   // whole: the bar gives way to it
        settings.setMinWidth(120);
        dataRoot.setMinWidth(100);
        HBox.setHgrow(settings, Priority.ALWAYS);
        HBox row1 = new HBox(8, presetLabel, preset, settings, dataLabel, dataRoot);
        row1.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(8, check, start, cancel, resume, progress, progressText);
        row2.setAlignment(Pos.CENTER_LEFT);
        ChartViewer accuracy = new ChartViewer(vm.live().accuracy().get());
        ChartViewer loss = new ChartViewer(vm.live().loss().get());
        vm.live().accuracy().addListener((o, a, b) -> {
            accuracy.setChart(b);
            org.addernet.app.figures.Curves.apply(b, curves);
        });
        vm.live().loss().addListener((o, a, b) -> {
            loss.setChart(b);
            org.addernet.app.figures.Curves.apply(b, curves);
        });
        accuracy.setPrefSize(560, 260);
        loss.setPrefSize(460, 260);
        accuracy.setMinSize(300, 240);
        loss.setMinSize(260, 240);
        var accNode = new org.addernet.app.ui.charts.ChartNode(accuracy.getChart(), accuracy)
                .interactive(curves, "epoch", null);
        var lossNode = new org.addernet.app.ui.charts.ChartNode(loss.getChart(), loss).interactive(curves, "epoch", null);
        HBox.setHgrow(accNode, Priority.ALWAYS);
        HBox.setHgrow(lossNode, Priority.ALWAYS);
        HBox charts = new HBox(8, accNode, lossNode);
        Label epochTime = label(vm.live().epochTime(), "image-epoch-time");
        epochTime.getStyleClass().add("caption");
        Label stripTitle = new Label("Test images: predicted / true (red: wrong)");
        stripTitle.setStyle("-fx-font-weight: bold;");
        Label confusionTitle = new Label("Confusion matrix on the test set: % of each true class (hover: counts)");
        confusionTitle.setStyle("-fx-font-weight: bold;");
        // the title wraps over the matrix's width rather than run on beside the test images
        confusionTitle.setWrapText(true);
        confusionTitle.setMaxWidth(confusion.node().prefWidth(-1));
        confusionTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox left = new VBox(6, confusionTitle, confusion.node());
        VBox right = new VBox(6, stripTitle, strip);
        HBox.setHgrow(right, Priority.ALWAYS);
        strip.setPrefWrapLength(560);
        log.setEditable(false);
        log.setPrefRowCount(5);
        log.setId("image-log");
        log.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        vm.live().log().addListener((o, a, b) -> {
            log.setText(b);
            log.appendText("");            // scrolled to the newest line
        });
        // the controls and the progress stay on top and the log at the bottom; only the results between scroll
        VBox top = new VBox(8, row1, row2, estimate, epochTime, refusal, status);
        top.setPadding(new Insets(12, 12, 6, 12));
        VBox results = new VBox(8, charts, new HBox(16, left, right));
        results.setPadding(new Insets(6, 12, 6, 12));
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        javafx.scene.control.TitledPane logPane = new javafx.scene.control.TitledPane("Log", log);
        logPane.setAnimated(false);
        // folded below 1100 px of screen height (a projector, a 1600 x 1000 laptop): the confusion matrix
        // under the charts then shows whole without scrolling on the larger of them
        logPane.setExpanded(javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() >= 1100);
        logPane.setId("image-log-pane");
        javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(scroll);
        root.setTop(top);
        root.setBottom(logPane);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1240, screen.getWidth()), Math.min(960, screen.getHeight()));
        var css = ImageRunWindow.class.getResource("/org/addernet/app/ui/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.initOwner(owner);
        stage.setTitle("Image runs");
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.cancel());
        vm.live().confusion().addListener((o, a, b) -> confusion.show(b.counts(), b.names()));
        vm.live().strip().addListener((o, a, b) -> showStrip(b));
        confusion.show(vm.live().confusion().get().counts(), vm.live().confusion().get().names());
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** The window's state and commands. */
    public ImageRunViewModel vm() {
        return vm;
    }

    ConfusionView confusion() {
        return confusion;
    }

    int stripSize() {
        return strip.getChildren().size();
    }

    private static TextField field(javafx.beans.property.StringProperty p, String prompt, int columns, String id) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(p);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        f.setId(id);
        return f;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label label(javafx.beans.value.ObservableStringValue text, String id) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setId(id);
        l.setWrapText(true);
        l.managedProperty().bind(l.textProperty().isNotEmpty());     // an empty line takes no room
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    private void showStrip(List<StripItem> items) {
        strip.getChildren().clear();
        for (StripItem s : items) {
            ImageView v = new ImageView(FxImages.toFx(s.image(), null));
            v.setFitWidth(72);
            v.setFitHeight(72);
            v.setSmooth(false);
            Label l = new Label(s.predicted() + " /\n" + s.truth());
            l.setMaxWidth(86);
            l.setWrapText(true);
            l.setAlignment(Pos.CENTER);
            l.setTextAlignment(TextAlignment.CENTER);
            l.setStyle("-fx-font-size: 11px;" + (s.correct() ? "" : " -fx-text-fill: #d0103a;"));
            VBox box = new VBox(2, v, l);
            box.setAlignment(Pos.CENTER);
            box.setPrefWidth(88);
            strip.getChildren().add(box);
        }
    }
}
