package org.addernet.app.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.addernet.app.figures.Theorem4Figure;
import org.addernet.app.lab.Theorem4Run;
import org.addernet.engine.analysis.Theorem4;
import org.jfree.chart.fx.ChartViewer;

/**
 * The theorem lab's Theorem 4: one-hidden-layer AdderNets and MLPs of width n = 1 ... 256 fitted to
 * Lipschitz targets on a square, their integrated squared error against n on log-log axes with the
 * fitted slopes beside the O(1/sqrt n) rate of the theorem (d = 2) and O(1/n) ({@link Theorem4}).
 */
final class Theorem4Tab {
    static final String QUICK = "quick: n up to 64, one seed (seconds)";
    static final String FULL = "full: n up to 256, three seeds (about a minute)";

    private final ComboBox<String> size = new ComboBox<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final GridPane charts = new GridPane();
    private final TableView<Theorem4.Slope> slopes = new TableView<>();
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final Button save = new Button("Save figure and CSV\u2026");
    private final Tab tab;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean busy;
    private volatile Theorem4.Result result;
    private javafx.stage.Window owner;

    Theorem4Tab() {
        size.getItems().setAll(QUICK, FULL);
        size.setValue(QUICK);
        size.setId("thm4-size");
        run.setId("thm4-run");
        cancel.setId("thm4-cancel");
        save.setId("thm4-save");
        progress.setId("thm4-progress");
        progress.setPrefWidth(260);
        status.setId("thm4-status");
        cancel.setDisable(true);
        save.setDisable(true);
        run.setOnAction(e -> start(FULL.equals(size.getValue()) ? Theorem4.Config.defaults() : Theorem4.Config.quick()));
        cancel.setOnAction(e -> cancelled.set(true));
        save.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder for theorem4.csv, theorem4-slopes.csv, theorem4.png and theorem4.svg");
            java.io.File f = dc.showDialog(owner);
            if (f != null) {
                save(f.toPath());
            }
        });
        HBox top = new HBox(10, size, run, cancel, progress, save);
        top.setAlignment(Pos.CENTER_LEFT);
        TableColumn<Theorem4.Slope, String> target = column("target", s -> s.target().id());
        TableColumn<Theorem4.Slope, String> model = column("model", s -> s.model().label());
        TableColumn<Theorem4.Slope, String> slope = column("fitted slope", s -> String.format(Locale.ROOT, "%.2f",
                s.line().slope()));
        TableColumn<Theorem4.Slope, String> r2 = column("R\u00b2", s -> String.format(Locale.ROOT, "%.2f", s.line().r2()));
        slopes.getColumns().setAll(List.of(target, model, slope, r2));
        slopes.setId("thm4-slopes");
        slopes.setPrefWidth(470);
        slopes.setMinWidth(420);
        target.setPrefWidth(70);
        model.setPrefWidth(220);
        slope.setPrefWidth(95);
        slopes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        charts.setHgap(8);
        charts.setVgap(8);
        HBox.setHgrow(charts, Priority.ALWAYS);
        HBox body = new HBox(10, charts, slopes);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label what = new Label("Theorem 4: a one-hidden-layer AdderNet of width n approximates an L1-Lipschitz target "
                + "with integrated squared error O(\u03b5\u00b2L\u00b2) once n grows like \u03b5^-(d+2), i.e. ISE falls at "
                + "least like n^(-2/(d+2)) = n^(-1/2) on the plane. Each net is fitted (centres by k-means, output "
                + "weights by least squares; the proof's own random construction in green) and its ISE measured "
                + "through the engine network's forward pass on a fine lattice. Slopes are fitted for n \u2265 8.");
        what.setWrapText(true);
        what.getStyleClass().add("caption");
        VBox root = new VBox(10, what, top, status, body);
        root.setPadding(new Insets(12));
        tab = new Tab("Theorem 4", root);
        tab.setId("tab-theorem4");
        status.setText("Press Run: the quick setting takes seconds.");
    }

    Tab tab() {
        return tab;
    }

    void setOwner(javafx.stage.Window w) {
        owner = w;
    }

    Theorem4.Result result() {
        return result;
    }

    boolean busy() {
        return busy;
    }

    int charts() {
        return charts.getChildren().size();
    }

    private static TableColumn<Theorem4.Slope, String> column(String name,
                                                             java.util.function.Function<Theorem4.Slope, String> f) {
        TableColumn<Theorem4.Slope, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** Runs {@code config} off the FX thread; progress per fit; charts and slopes at the end. */
    void start(Theorem4.Config config) {
        if (busy) {
            return;
        }
        busy = true;
        cancelled.set(false);
        run.setDisable(true);
        cancel.setDisable(false);
        save.setDisable(true);
        progress.setProgress(0);
        status.setStyle("");
        status.setText("Fitting " + config.fits() + " nets\u2026");
        Thread t = new Thread(() -> {
            Theorem4.Result r;
            try {
                r = Theorem4.run(config, (done, total, label) -> Platform.runLater(() -> {
                    progress.setProgress(done / (double) total);
                    status.setText(String.format(Locale.ROOT, "%d of %d fits: %s", done, total, label));
                }), cancelled::get);
            } catch (RuntimeException e) {
                Platform.runLater(() -> finish(null, Background.message(e)));
                return;
            }
            Platform.runLater(() -> finish(r, null));
        }, "theorem 4");
        t.setDaemon(true);
        t.start();
    }

    /** On the FX thread; {@code busy} turns false last, once everything is shown. */
    private void finish(Theorem4.Result r, String problem) {
        run.setDisable(false);
        cancel.setDisable(true);
        if (problem != null) {
            status.setStyle("-fx-text-fill: #d0103a;");
            status.setText(problem);
            busy = false;
            return;
        }
        save.setDisable(r.fits().isEmpty());
        charts.getChildren().clear();
        int k = 0;
        for (Theorem4.Target target : r.config().targets()) {
            ChartViewer v = new ChartViewer(Theorem4Figure.chart(r, target));
            v.setPrefSize(400, 300);
            v.setMinSize(240, 200);
            charts.add(v, k % 2, k / 2);
            k++;
        }
        List<Theorem4.Slope> s = new ArrayList<>(r.slopes());
        slopes.getItems().setAll(s);
        status.setText(r.cancelled() ? "Cancelled after " + r.fits().size() + " fits: the charts show those."
                : r.fits().size() + " fits done. Slopes below -0.5 beat the theorem's n^(-1/2) bound; -1 is O(1/n).");
        result = r;
        busy = false;
    }

    void save(Path dir) {
        if (result == null) {
            return;
        }
        try {
            Theorem4Run.write(result, dir);
            status.setText("Written to " + dir + ": " + Theorem4Run.ISE_CSV + ", " + Theorem4Run.SLOPES_CSV + ", "
                    + Theorem4Run.FIGURE + ", " + Theorem4Run.FIGURE_SVG);
        } catch (IOException | RuntimeException e) {
            status.setStyle("-fx-text-fill: #d0103a;");
            status.setText("Cannot write to " + dir + ": " + Background.message(e));
        }
    }
}
