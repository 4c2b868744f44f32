package org.addernet.app.ui.view;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.addernet.app.ui.analysis.AnalysisWindow;
import org.addernet.app.ui.vm.WorkbenchViewModel;

/** Assembles the window: menus and run bar on top, settings left, boundaries centre, charts below. */
public final class MainView {
    private final WorkbenchViewModel vm;
    private final Stage stage;
    private final BoundaryPane boundaries;
    private final ChartsPane charts;
    private final Scene scene;
    private GridWindow gridWindow;
    private AnalysisWindow analysisWindow;
    private org.addernet.app.ui.runs.ImageRunWindow imageRunWindow;
    private org.addernet.app.ui.runs.RunsWindow runsWindow;

    public MainView(WorkbenchViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
        this.boundaries = new BoundaryPane(vm);
        this.charts = new ChartsPane(vm);
        SplitPane split = new SplitPane(boundaries.node(), charts.node());
        split.setId("main-split");
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        BorderPane root = new BorderPane();
        root.setTop(new VBox(menus(), RunBar.build(vm)));
        root.setLeft(ControlsPane.build(vm));
        root.setCenter(split);
        scene = new Scene(root, 1440, 960);
        scene.getStylesheets().add(MainView.class.getResource("/org/addernet/app/ui/workbench.css").toExternalForm());
        // the charts get 36 % of the height and at least the 250 px their axes and legends need; the boundaries
        // the rest. Once the divider is dragged, the charts keep the height it gave them.
        double[] chartsHeight = {Double.NaN};
        boolean[] placing = {false};
        split.heightProperty().addListener((o, a, h) -> {
            double total = h.doubleValue();
            if (total <= 0) {
                return;
            }
            double want = Double.isNaN(chartsHeight[0]) ? Math.max(250, 0.36 * total) : chartsHeight[0];
            placing[0] = true;
            split.setDividerPositions(Math.max(0.3, Math.min(0.8, 1 - want / total)));
            placing[0] = false;
        });
        split.getDividers().get(0).positionProperty().addListener((o, a, p) -> {
            if (!placing[0] && split.getHeight() > 0 && split.isPressed()) {
                chartsHeight[0] = (1 - p.doubleValue()) * split.getHeight();
            }
        });
        vm.leaveFigureQuestion().addListener((o, a, q) -> {
            if (!q.isEmpty()) {
                javafx.application.Platform.runLater(() -> askLeaveFigure(q));
            }
        });
        vm.panels.gridView.addListener((o, a, on) -> {
            if (on && gridWindow == null) {
                gridWindow = new GridWindow(stage, vm);
            }
        });
        if (vm.panels.gridView.get()) {
            gridWindow = new GridWindow(stage, vm);
        }
        // closing the main window lets go of the queue: running items become interrupted and resume next time
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> closeRuns());
    }

    public Scene scene() {
        return scene;
    }

    /**
     * Sizes {@code stage} to the screen it opens on: all of it up to 1920 x 1200 (a projector's
     * 1024 x 768 included), centred beyond that.
     */
    public static void fitToScreen(Stage stage) {
        javafx.geometry.Rectangle2D b = javafx.stage.Screen.getPrimary().getVisualBounds();
        double w = Math.min(b.getWidth(), 1920);
        double h = Math.min(b.getHeight(), 1200);
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(b.getMinX() + (b.getWidth() - w) / 2);
        stage.setY(b.getMinY() + (b.getHeight() - h) / 2);
    }

    /** Asks whether to leave the figure for the n just typed; the answer goes to the view model. */
    private void askLeaveFigure(String question) {
        if (!vm.leaveFigureQuestion().get().equals(question)) {
            return;                        // answered meanwhile
        }
        ButtonType leave = new ButtonType("Leave the figure", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep the figure", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, leave, keep);
        a.initOwner(stage);
        a.setTitle("Leave the figure?");
        a.setHeaderText("Leave the figure?");
        a.getDialogPane().setId("leave-figure-dialog");
        a.getDialogPane().setMinWidth(520);
        a.showAndWait().ifPresentOrElse(b -> {
            if (b == leave) {
                vm.leaveFigure();
            } else {
                vm.keepFigure();
            }
        }, vm::keepFigure);
    }

    /** Writes the charts next to {@code file} (what File > Export > Charts does after its dialog). */
    java.util.List<Path> exportCharts(Path file, boolean svg) throws IOException {
        return charts.export(file, svg);
    }

    private MenuBar menus() {
        MenuItem gallery = item("Presets\u2026", "Shortcut+P", this::openGallery);
        gallery.setId("menu-gallery");
        MenuItem open = item("Open preset\u2026", "Shortcut+O", this::openPresetFile);
        MenuItem save = item("Save settings as preset\u2026", "Shortcut+S", this::savePreset);
        Menu export = new Menu("Export");
        export.getItems().addAll(
                item("Boundary panels as PNG\u2026", null, () -> exportBoundaries(false)),
                item("Boundary panels as SVG\u2026", null, () -> exportBoundaries(true)),
                item("Figure view as PNG\u2026", null, this::exportFigure),
                item("Charts as PNG\u2026", null, () -> exportCharts(false)),
                item("Charts as SVG\u2026", null, () -> exportCharts(true)),
                item("Metrics as CSV\u2026", null, this::exportMetrics),
                item("Settings as preset\u2026", null, this::savePreset));
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        Menu file = new Menu("File");
        file.getItems().addAll(gallery, open, save, new SeparatorMenuItem(), export, new SeparatorMenuItem(), quit);
        CheckMenuItem figure = new CheckMenuItem("Figure view");
        figure.setId("menu-figure");
        figure.selectedProperty().bindBidirectional(vm.panels.gridView);
        figure.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.gridHidden().isEmpty(), vm.frame()));
        Menu view = new Menu("View");
        view.getItems().add(figure);
        Menu run = new Menu("Run");
        run.getItems().addAll(item("Play / pause", "Shortcut+SPACE", vm::togglePlay), item("Step", "Shortcut+RIGHT", vm::step),
                item("Reset", "Shortcut+R", vm::reset));
        Menu analyses = new Menu("Analyses");
        analyses.setId("menu-analyses");
        analyses.getItems().addAll(
                analysis("Gradient norms (Table 1)", "tab-table1"),
                analysis("Weight distributions (Fig. 7)", "tab-weights-fit"),
                analysis("Filters (Fig. 5)", "tab-filters"),
                analysis("Features of LeNet++ (Fig. 1)", "tab-features"),
                analysis("Operation counts", "tab-ops"),
                analysis("Ablations (Tables 4-6)", "tab-ablations"),
                new SeparatorMenuItem(),
                analysis("Theorem lab: Lemma 2", "tab-lemma2"),
                analysis("Theorem lab: Theorem 4 (approximation rate)", "tab-theorem4"),
                analysis("Theorem lab: Lemma 5 / Theorem 6", "tab-lemma5"));
        MenuItem imageRuns = item("Image runs (LeNet, ResNet, VGG)…", null, this::openImageRuns);
        imageRuns.setId("menu-image-runs");
        MenuItem runs = item("Queue and history\u2026", null, this::openRuns);
        runs.setId("menu-runs");
        run.getItems().addAll(new SeparatorMenuItem(), imageRuns, runs);
        MenuBar bar = new MenuBar(file, run, view, analyses);
        bar.setId("menu-bar");
        return bar;
    }

    private MenuItem analysis(String text, String tabId) {
        MenuItem m = item(text, null, () -> openAnalysis(tabId));
        m.setId("menu-" + tabId);
        return m;
    }

    /** Opens the analyses window (one per main window) on the tab {@code tabId}. */
    public AnalysisWindow openAnalysis(String tabId) {
        if (analysisWindow == null) {
            analysisWindow = new AnalysisWindow(stage, vm::lastSnapshot);
        }
        analysisWindow.show(tabId);
        return analysisWindow;
    }

    /** Opens the image-runs window (one per main window). */
    public org.addernet.app.ui.runs.ImageRunWindow openImageRuns() {
        if (imageRunWindow == null) {
            imageRunWindow = new org.addernet.app.ui.runs.ImageRunWindow(stage);
        }
        imageRunWindow.show();
        return imageRunWindow;
    }

    /** Opens the queue-and-history window (one per main window; a new one after it was closed). */
    public org.addernet.app.ui.runs.RunsWindow openRuns() {
        if (runsWindow == null || runsWindow.isClosed()) {
            runsWindow = new org.addernet.app.ui.runs.RunsWindow(stage);
        }
        runsWindow.show();
        return runsWindow;
    }

    /** Closes the queue-and-history window, if open: its running items stop and resume next time. */
    public void closeRuns() {
        if (runsWindow != null) {
            runsWindow.close();
        }
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) {
            m.setAccelerator(KeyCombination.keyCombination(accel));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    void openGallery() {
        PresetGallery.show(stage, vm::loadPreset);
    }

    private void openPresetFile() {
        FileChooser fc = chooser("Open preset", "JSON preset", "*.json");
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            openPreset(f.toPath());
        }
    }

    /** Opens a preset file; a bad one shows a dialog with the exact problem and changes nothing. */
    void openPreset(Path file) {
        String error = vm.openPreset(file);
        if (error != null) {
            showError("Cannot open preset", error);
        }
    }

    private void savePreset() {
        FileChooser fc = chooser("Save settings as preset", "JSON preset", "*.json");
        fc.setInitialFileName(vm.settings.base().name() + ".json");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            try {
                vm.savePreset(f.toPath());
            } catch (IOException | RuntimeException e) {
                showError("Cannot save preset", f + ": " + e.getMessage());
            }
        }
    }

    private void exportBoundaries(boolean svg) {
        FileChooser fc = svg ? chooser("Export boundary panels", "SVG image", "*.svg") : chooser("Export boundary panels", "PNG image", "*.png");
        fc.setInitialFileName("boundaries" + (svg ? ".svg" : ".png"));
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            run(() -> Exports.boundaries(vm, f.toPath(), svg), "Cannot export");
        }
    }

    private void exportFigure() {
        FileChooser fc = chooser("Export figure view", "PNG image", "*.png");
        fc.setInitialFileName("figure.png");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            run(() -> Exports.figure(vm, f.toPath()), "Cannot export");
        }
    }

    private void exportCharts(boolean svg) {
        FileChooser fc = svg ? chooser("Export charts", "SVG image", "*.svg") : chooser("Export charts", "PNG image", "*.png");
        fc.setInitialFileName("charts" + (svg ? ".svg" : ".png"));
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            run(() -> charts.export(f.toPath(), svg), "Cannot export");
        }
    }

    private void exportMetrics() {
        FileChooser fc = chooser("Export metrics", "CSV", "*.csv");
        fc.setInitialFileName("metrics.csv");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            run(() -> vm.exportMetrics(f.toPath()), "Cannot export");
        }
    }

    private interface IoAction {
        Object run() throws IOException;
    }

    private void run(IoAction a, String title) {
        try {
            a.run();
        } catch (IOException | RuntimeException e) {
            showError(title, e.getMessage());
        }
    }

    private static FileChooser chooser(String title, String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, List.of(pattern)));
        return fc;
    }

    void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(stage);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setId("error-dialog");
        a.getDialogPane().setMinWidth(520);
        a.show();
    }
}
