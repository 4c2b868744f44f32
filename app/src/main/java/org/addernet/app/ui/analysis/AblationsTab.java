package org.addernet.app.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.render.TableFigure;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runners;
import org.addernet.app.runner.SweepRunner;
import org.addernet.app.runner.SweepSummary;
import org.addernet.app.runner.SweepTable;
import org.addernet.app.store.RunStore;
import org.addernet.app.ui.view.FxImages;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;

/**
 * Tables 4-6 (the ablations: full-precision gradient x L2-to-L1 x adaptive learning rate; eta;
 * the length of p's decay): a sweep preset runs variant by variant off the FX thread into the run
 * store, and the table, laid out like the paper's with its values beside ours, fills in as each
 * variant ends.
 */
final class AblationsTab {
    private final ComboBox<String> preset = new ComboBox<>();
    private final Spinner<Integer> seeds = new Spinner<>(1, 10, 1);
    private final TextField settings = new TextField();
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();
    private final TableView<List<String>> table = new TableView<>();
    private final ImageView figure = new ImageView();
    private final Tab tab;
    private volatile SweepRunner runner;
    private volatile boolean busy;
    private volatile SweepTable shown;
    private volatile SweepSummary summary;
    private Path dataRoot;
    private Path out;

    AblationsTab() {
        List<String> sweeps = new ArrayList<>();
        for (String name : PresetLoader.BUNDLED) {
            if (name.matches("table[456]-.*")) {
                sweeps.add(name);
            }
        }
        preset.getItems().setAll(sweeps);
        preset.setValue(sweeps.contains("table4-toy") ? "table4-toy" : sweeps.isEmpty() ? null : sweeps.get(0));
        preset.setId("ablation-preset");
        settings.setPromptText("overrides, e.g. training.iterations=2000");
        settings.setPrefColumnCount(24);
        seeds.setPrefWidth(80);
        seeds.setEditable(true);
        run.setId("ablation-run");
        cancel.setId("ablation-cancel");
        cancel.setDisable(true);
        status.setId("ablation-status");
        status.setWrapText(true);
        table.setId("ablation-table");
        table.setPrefHeight(230);
        figure.setId("ablation-figure");
        figure.setPreserveRatio(true);
        figure.setFitWidth(1100);
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> {
            SweepRunner r = runner;
            if (r != null) {
                r.cancel();
                status.setText("Cancelling after the current step\u2026");
            }
        });
        HBox top = new HBox(10, new Label("Sweep"), preset, new Label("seeds"), seeds, settings, run, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(figure);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label note = new Label("Table 4: the three training techniques of the paper switched on and off (8 columns); "
                + "Table 5: the adaptive learning rate's eta; Table 6: how long p decays from 2 to 1. The toy sweeps take "
                + "seconds to minutes; the LeNet-5-BN ones train each variant for a few epochs on Fashion-MNIST (the "
                + "-mnist presets have the paper's settings). Runs go to the run store like ./workbench run.");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox root = new VBox(10, top, status, table, scroll, note);
        root.setPadding(new Insets(12));
        tab = new Tab("Ablations (Tables 4-6)", root);
        tab.setId("tab-ablations");
        status.setText("Choose a sweep and press Run.");
    }

    Tab tab() {
        return tab;
    }

    void setDataRoot(Path root) {
        dataRoot = root;
    }

    boolean busy() {
        return busy;
    }

    SweepTable table() {
        return shown;
    }

    SweepSummary summary() {
        return summary;
    }

    Path out() {
        return out;
    }

    String status() {
        return status.getText();
    }

    void select(String name, String overrides, int n) {
        preset.setValue(name);
        settings.setText(overrides);
        seeds.getValueFactory().setValue(n);
    }

    /** Runs the chosen sweep into a new run-store folder, off the FX thread. */
    void start() {
        if (busy) {
            return;
        }
        Preset p;
        List<String> sets = new ArrayList<>();
        for (String s : settings.getText().trim().split("\\s+")) {
            if (!s.isBlank()) {
                sets.add(s);
            }
        }
        try {
            p = PresetLoader.resolve(preset.getValue(), sets);
            out = RunStore.atDefaultHome().createRunFolder(p.name());
        } catch (PresetException e) {
            say(e.getMessage().replaceFirst("^--set ", ""), true);
            return;
        } catch (IOException e) {
            say("Cannot make a run folder: " + e.getMessage(), true);
            return;
        }
        busy = true;
        summary = null;
        run.setDisable(true);
        cancel.setDisable(false);
        say("Running " + p.name() + " into " + out, false);
        // a sweep preset: the factory's sweep runner
        SweepRunner r = (SweepRunner) Runners.create(p, RunRequest.of(p, preset.getValue(), sets, seeds.getValue(), out)
                .withDataRoot(dataRoot), RunLog.NONE);
        r.observe(new RunObserver() {
            @Override
            public void sweepStarted(SweepTable t) {
                Platform.runLater(() -> show(t));
            }

            @Override
            public void variantStarted(int index, int total, Preset.Variant variant, Preset merged) {
                Platform.runLater(() -> say(String.format("Variant %d of %d: %s", index + 1, total, variant.id()), false));
            }

            @Override
            public void variantFinished(int index, int total, SweepTable t) {
                Platform.runLater(() -> show(t));
            }
        });
        runner = r;
        Path dir = out;
        Thread t = new Thread(() -> {
            String done;
            SweepSummary s = null;
            try {
                s = r.run();
                done = (r.isCancelled() ? "Cancelled; the variants done so far are in the table. " : "Done. ")
                        + "Folder: " + dir;
            } catch (IOException | RuntimeException e) {
                done = "Cannot run " + p.name() + ": " + Background.message(e);
            }
            String text = done;
            SweepSummary fin = s;
            Platform.runLater(() -> {
                runner = null;
                run.setDisable(false);
                cancel.setDisable(true);
                if (r.table() != null) {
                    show(r.table());
                }
                say(text, fin == null);
                summary = fin;
                busy = false;
            });
        }, "sweep");
        t.setDaemon(true);
        t.start();
    }

    private void say(String text, boolean problem) {
        status.setText(text);
        status.setStyle(problem ? "-fx-text-fill: #d0103a;" : "");
    }

    private void show(SweepTable t) {
        shown = t;
        List<List<String>> grid = t.grid();
        List<TableColumn<List<String>, String>> cols = new ArrayList<>();
        for (int c = 0; c < grid.get(0).size(); c++) {
            int cc = c;
            TableColumn<List<String>, String> col = new TableColumn<>(grid.get(0).get(c));
            col.setCellValueFactory(d -> new ReadOnlyStringWrapper(cc < d.getValue().size() ? d.getValue().get(cc) : ""));
            col.setSortable(false);
            col.setPrefWidth(c == 0 ? 230 : 110);
            cols.add(col);
        }
        table.getColumns().setAll(cols);
        table.getItems().setAll(grid.subList(1, grid.size()));
        figure.setImage(FxImages.toFx(TableFigure.render(t.figureSpec()), null));
    }
}
