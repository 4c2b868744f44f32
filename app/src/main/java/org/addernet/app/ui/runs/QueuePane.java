package org.addernet.app.ui.runs;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.addernet.app.store.QueueItem;
import org.addernet.app.store.QueueListener;
import org.addernet.app.store.RunManifest;
import org.addernet.app.store.RunQueue;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;
import org.addernet.engine.train.RunStatus;

/**
 * The queue tab: a form that adds presets x setting sets (an optional sweep of one key) with a
 * number of seeds, how many run at once, Start / Pause, and the items with their progress; Cancel,
 * Up, Down, Retry and Remove act on the selected item. The queue's events (on its own thread) are
 * coalesced into at most one update of the table per FX pulse.
 */
final class QueuePane {
    private final RunQueue queue;
    private final Runnable onRunEnded;
    private final ComboBox<String> preset = new ComboBox<>();
    private final Button presetFile = new Button("File\u2026");
    private final Spinner<Integer> seeds = new Spinner<>(1, 100, 1);
    private final TextArea settings = new TextArea();
    private final TextField sweep = new TextField();
    private final TextField dataRoot = new TextField();
    private final Button add = new Button("Add to queue");
    private final Spinner<Integer> parallel;
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final RunOnViewModel runOn = new RunOnViewModel();
    private final Label message = new Label();
    private final Label summary = new Label();
    private final TableView<QueueItem> table = new TableView<>();
    private final ObservableList<QueueItem> rows = FXCollections.observableArrayList();
    private final Button cancel = new Button("Cancel");
    private final Button up = new Button("Up");
    private final Button down = new Button("Down");
    private final Button retry = new Button("Retry");
    private final Button remove = new Button("Remove");
    private final AtomicReference<List<QueueItem>> pending = new AtomicReference<>();
    private final QueueListener listener;
    private final VBox root;
    private Map<String, RunStatus> lastStates = new HashMap<>();
    private volatile boolean closed;

    /**
     * @param queue      the open queue, or null when it could not be opened ({@code problem} says why)
     * @param onRunEnded called on the FX thread when an item completes, fails or is cancelled
     */
    QueuePane(RunQueue queue, String problem, Runnable onRunEnded) {
        this.queue = queue;
        this.onRunEnded = onRunEnded;
        int cores = Runtime.getRuntime().availableProcessors();
        parallel = new Spinner<>(1, Math.max(16, 2 * cores), queue == null ? RunQueue.defaultParallel() : queue.parallel());
        ids();
        preset.setEditable(true);
        preset.getItems().setAll(PresetLoader.BUNDLED);
        preset.setValue("fig2-unit-ball");
        preset.setPrefWidth(300);
        preset.setTooltip(new Tooltip("a bundled preset, a preset file, or several bundled names separated by spaces"));
        seeds.setEditable(true);
        digitsOnly(seeds);
        seeds.setPrefWidth(90);
        settings.setPromptText("overrides, one per line or separated by spaces, e.g. training.iterations=3000 runs.hidden=[2]");
        settings.setPrefRowCount(2);
        settings.setPrefColumnCount(40);
        settings.setWrapText(true);
        sweep.setPromptText("optional sweep of one key, e.g. training.lr=0.05,0.1,0.2 or runs.hidden=[1],[2],[3]");
        sweep.setPrefColumnCount(40);
        dataRoot.setPromptText("image sets only (optional; also $ADDERNET_DATA, ~/.addernet/data)");
        dataRoot.setPrefColumnCount(40);
        message.setWrapText(true);
        summary.getStyleClass().add("status");
        parallel.setEditable(true);
        digitsOnly(parallel);
        parallel.setPrefWidth(80);
        parallel.setTooltip(new Tooltip("runs at once; default half the cores (" + RunQueue.defaultParallel() + ")"));

        presetFile.setOnAction(e -> chooseFile());
        add.setOnAction(e -> add());
        add.setDefaultButton(false);
        start.setOnAction(e -> start());
        pause.setOnAction(e -> pause());
        cancel.setOnAction(e -> act(q -> q.cancel(selectedId())));
        up.setOnAction(e -> act(q -> q.move(selectedId(), -1)));
        down.setOnAction(e -> act(q -> q.move(selectedId(), 1)));
        retry.setOnAction(e -> act(q -> q.retry(selectedId())));
        remove.setOnAction(e -> act(q -> q.remove(selectedId())));
        parallel.valueProperty().addListener((o, a, b) -> {
            if (queue != null && b != null && b >= 1 && b != queue.parallel()) {
                queue.setParallel(b);
                updateSummary();
            }
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, bold("Preset"), new HBox(6, preset, presetFile, new Label("Seeds"), seeds));
        form.addRow(1, bold("Settings"), settings);
        form.addRow(2, bold("Sweep"), sweep);
        form.addRow(3, bold("Data root"), new HBox(8, dataRoot, add));
        form.addRow(4, bold("Run on"), new RunOnChoice(runOn).node());
        GridPane.setHgrow(settings, Priority.ALWAYS);

        buildTable();
        HBox runBar = new HBox(8, start, pause, new Label("Runs at once"), parallel, summary);
        runBar.setAlignment(Pos.CENTER_LEFT);
        HBox itemBar = new HBox(8, new Label("Selected item:"), cancel, up, down, retry, remove);
        itemBar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, form, message, runBar, table, itemBar);
        root.setPadding(new Insets(12));
        VBox.setVgrow(table, Priority.ALWAYS);

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateButtons());
        if (queue == null) {
            say(problem, true);
            for (Node n : List.of(add, start, pause, parallel, preset, presetFile, seeds, settings, sweep, dataRoot)) {
                n.setDisable(true);
            }
            listener = null;
        } else {
            listener = (all, changed) -> {
                if (pending.getAndSet(all) == null) {
                    Platform.runLater(this::flush);
                }
            };
            queue.addListener(listener);
            List<String> warnings = queue.warnings();
            if (!warnings.isEmpty()) {
                say(String.join("\n", warnings), true);
            }
            apply(queue.items());
        }
        updateButtons();
    }

    /** Typing in a spinner's field: digits only (a letter would reach the spinner's converter and throw). */
    private static void digitsOnly(Spinner<Integer> s) {
        s.getEditor().setTextFormatter(new javafx.scene.control.TextFormatter<>(c ->
                c.getControlNewText().matches("\\d{0,4}") ? c : null));
    }

    private void ids() {
        preset.setId("queue-preset");
        presetFile.setId("queue-preset-file");
        seeds.setId("queue-seeds");
        settings.setId("queue-settings");
        sweep.setId("queue-sweep");
        dataRoot.setId("queue-data");
        add.setId("queue-add");
        parallel.setId("queue-parallel");
        start.setId("queue-start");
        pause.setId("queue-pause");
        message.setId("queue-message");
        summary.setId("queue-summary");
        table.setId("queue-table");
        cancel.setId("queue-cancel");
        up.setId("queue-up");
        down.setId("queue-down");
        retry.setId("queue-retry");
        remove.setId("queue-remove");
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    Node node() {
        return root;
    }

    TableView<QueueItem> table() {
        return table;
    }

    /** The items as the table shows them. */
    List<QueueItem> items() {
        return List.copyOf(rows);
    }

    Spinner<Integer> parallelSpinner() {
        return parallel;
    }

    /** Where the queue's items run (tests, screenshots). */
    RunOnViewModel runOn() {
        return runOn;
    }

    String message() {
        return message.getText();
    }

    /** Fills the form (tests, screenshots). */
    void fill(String presetText, int seedCount, String settingsText, String sweepText, Path data) {
        preset.getEditor().setText(presetText);
        preset.setValue(presetText);
        seeds.getValueFactory().setValue(seedCount);
        settings.setText(settingsText);
        sweep.setText(sweepText == null ? "" : sweepText);
        dataRoot.setText(data == null ? "" : data.toString());
    }

    void select(String id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                table.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    private void buildTable() {
        table.setItems(rows);
        table.setPlaceholder(new Label("The queue is empty: add a preset above."));
        table.getColumns().add(text("#", 50, QueueItem::id));
        table.getColumns().add(text("Preset", 190, QueueItem::presetName));
        table.getColumns().add(text("Settings", 200, i -> String.join(" ", i.overrides())));
        table.getColumns().add(text("Seeds", 60, i -> String.valueOf(i.seeds())));
        TableColumn<QueueItem, String> state = text("State", 100, i -> i.state().id());
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s);
                setStyle(empty || s == null ? "" : stateStyle(s));
            }
        });
        table.getColumns().add(state);
        TableColumn<QueueItem, QueueItem> progress = new TableColumn<>("Progress");
        progress.setPrefWidth(150);
        progress.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar(0);
            private final Label pct = new Label();
            private final HBox box = new HBox(6, bar, pct);

            {
                bar.setPrefWidth(95);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(QueueItem it, boolean empty) {
                super.updateItem(it, empty);
                if (empty || it == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(it.progress());
                pct.setText(String.format(Locale.ROOT, "%.0f%%", 100 * it.progress()));
                setGraphic(box);
            }
        });
        table.getColumns().add(progress);
        table.getColumns().add(text("What", 360, i -> i.error() != null && i.state() != RunStatus.RUNNING
                ? i.error() : i.progressText()));
        table.getColumns().add(text("Run folder", 300, i -> i.runFolder() == null ? "" : i.runFolder().getFileName().toString()));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // the whole text of an item (a long error, the run folder's path) as the row's tooltip
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(QueueItem it, boolean empty) {
                super.updateItem(it, empty);
                if (empty || it == null) {
                    setTooltip(null);
                    return;
                }
                StringBuilder sb = new StringBuilder(it.id() + "  " + it.preset());
                if (!it.overrides().isEmpty()) {
                    sb.append("\n--set ").append(String.join(" ", it.overrides()));
                }
                if (it.error() != null) {
                    sb.append("\n").append(it.error());
                } else if (!it.progressText().isEmpty()) {
                    sb.append("\n").append(it.progressText());
                }
                if (it.runFolder() != null) {
                    sb.append("\n").append(it.runFolder());
                }
                Tooltip tip = new Tooltip(sb.toString());
                tip.setWrapText(true);
                tip.setMaxWidth(700);
                setTooltip(tip);
            }
        });
    }

    static String stateStyle(String id) {
        if (!RunStatus.ids().contains(id)) {
            return "";
        }
        return switch (RunStatus.fromId(id)) {
            case COMPLETED -> "-fx-text-fill: #1b7f3b;";
            case FAILED -> "-fx-text-fill: #d0103a; -fx-font-weight: bold;";
            case CANCELLED -> "-fx-text-fill: #7a5a00;";
            case RUNNING -> "-fx-text-fill: #0867a8; -fx-font-weight: bold;";
            case INTERRUPTED -> "-fx-text-fill: #8a4fb0;";
            default -> "";
        };
    }

    private static TableColumn<QueueItem, String> text(String title, double width,
                                                       java.util.function.Function<QueueItem, String> f) {
        TableColumn<QueueItem, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("A preset file to queue");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON preset", "*.json"));
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        File f = fc.showOpenDialog(w);
        if (f != null) {
            preset.setValue(f.getAbsolutePath());
        }
    }

    /** Adds presets x setting sets x seeds from the form; a bad entry is one line in red, nothing added. */
    void add() {
        if (queue == null) {
            return;
        }
        String where = runOn.applyTo(queue);      // the items that start from now on run there
        if (where != null) {
            say(where, true);
            return;
        }
        String presetText = preset.isEditable() && preset.getEditor().getText() != null
                && !preset.getEditor().getText().isBlank() ? preset.getEditor().getText() : preset.getValue();
        try {
            List<String> presets = Overrides.presets(presetText);
            List<List<String>> sets = Overrides.settingSets(Overrides.split(settings.getText()), sweep.getText());
            String d = dataRoot.getText() == null ? "" : dataRoot.getText().strip();
            Integer n = seeds.getValue();
            if (n == null || n < 1) {
                throw new IllegalArgumentException("Seeds: expected a whole number >= 1");
            }
            List<QueueItem> added = queue.addAll(presets, sets, n, d.isEmpty() ? null : Path.of(d));
            say("Added " + added.size() + (added.size() == 1 ? " item: " : " items: ")
                    + String.join(", ", added.stream().map(QueueItem::id).toList())
                    + (queue.isStarted() ? "" : " (the queue is paused: Start runs them)"), false);
        } catch (java.nio.file.InvalidPathException e) {
            say("Data root: '" + dataRoot.getText() + "': not a path (" + e.getReason() + ")", true);
        } catch (PresetException | IllegalArgumentException | IllegalStateException e) {
            say(e.getMessage(), true);
        }
    }

    void start() {
        if (queue != null) {
            String problem = runOn.applyTo(queue);
            if (problem != null) {
                say(problem, true);
                return;
            }
            queue.start();
            updateSummary();
        }
    }

    void pause() {
        if (queue != null) {
            queue.pause();
            updateSummary();
        }
    }

    private String selectedId() {
        QueueItem it = table.getSelectionModel().getSelectedItem();
        return it == null ? null : it.id();
    }

    private interface QueueAction {
        boolean run(RunQueue q);
    }

    private void act(QueueAction a) {
        if (queue == null || selectedId() == null) {
            return;
        }
        if (!a.run(queue)) {
            say("Nothing to do for " + selectedId() + " in its state (" + table.getSelectionModel().getSelectedItem().state()
                    + ")", true);
        } else {
            say("", false);
        }
    }

    private void say(String text, boolean problem) {
        message.setText(text == null ? "" : text);
        message.setStyle(problem ? "-fx-text-fill: #d0103a; -fx-font-weight: bold;" : "-fx-text-fill: #4a5563;");
    }

    private void flush() {
        List<QueueItem> all = pending.getAndSet(null);
        if (all != null && !closed) {
            apply(all);
        }
    }

    /** Shows {@code all}, keeping the selected item selected; tells the history when items ended. */
    private void apply(List<QueueItem> all) {
        String keep = selectedId();
        rows.setAll(all);
        if (keep != null) {
            select(keep);
        }
        boolean ended = false;
        Map<String, RunStatus> states = new HashMap<>();
        for (QueueItem it : all) {
            states.put(it.id(), it.state());
            RunStatus before = lastStates.get(it.id());
            if (it.isDone() && it.state() != before && before != null) {
                ended = true;
            }
        }
        lastStates = states;
        updateButtons();
        updateSummary();
        if (ended && onRunEnded != null) {
            onRunEnded.run();
        }
    }

    private void updateButtons() {
        QueueItem it = table.getSelectionModel().getSelectedItem();
        boolean none = it == null || queue == null;
        cancel.setDisable(none || it.isDone());
        up.setDisable(none || rows.indexOf(it) <= 0);
        down.setDisable(none || rows.indexOf(it) >= rows.size() - 1);
        retry.setDisable(none || !(it.state() == RunStatus.FAILED || it.state() == RunStatus.CANCELLED));
        remove.setDisable(none || it.state() == RunStatus.RUNNING);
    }

    private void updateSummary() {
        if (queue == null) {
            start.setDisable(true);
            pause.setDisable(true);
            return;
        }
        boolean started = queue.isStarted();
        start.setDisable(started);
        pause.setDisable(!started);
        long running = rows.stream().filter(i -> i.state() == RunStatus.RUNNING).count();
        long waiting = rows.stream().filter(QueueItem::isPending).count();
        long done = rows.stream().filter(i -> i.state() == RunStatus.COMPLETED).count();
        List<String> parts = new ArrayList<>();
        parts.add(started ? "started" : "paused");
        parts.add(running + " running");
        parts.add(waiting + " waiting");
        parts.add(done + " completed");
        summary.setText(String.join(", ", parts) + "   (home: " + queue.store().home() + ")");
    }

    /** Stops listening (the queue is being closed). */
    void dispose() {
        closed = true;
        runOn.dispose();
        if (queue != null && listener != null) {
            queue.removeListener(listener);
        }
    }
}
