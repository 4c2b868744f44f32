package org.addernet.app.ui.runs;

import java.io.File;
import java.util.List;
import java.util.Locale;
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
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.addernet.app.store.QueueItem;
import org.addernet.engine.train.RunStatus;
import org.addernet.app.store.RunQueue;
import org.addernet.app.ui.view.Widgets;
import org.addernet.presets.PresetLoader;

/**
 * The queue tab, a view over {@link QueueViewModel}: the form (preset, seeds, settings, sweep,
 * data root), Start / Pause and runs at once, the items with their progress, and the selected
 * item's Cancel, Up, Down, Retry and Remove.
 */
final class QueuePane {
    private final QueueViewModel vm;
    private final TableView<QueueItem> table = new TableView<>();
    private final ObservableList<QueueItem> rows = FXCollections.observableArrayList();
    private final Spinner<Integer> parallel;
    private final VBox root;
    private boolean syncing;

    QueuePane(QueueViewModel vm) {
        this.vm = vm;
        ComboBox<String> preset = new ComboBox<>();
        preset.setEditable(true);
        preset.getItems().setAll(PresetLoader.BUNDLED);
        preset.setValue(vm.preset.get());
        preset.getEditor().textProperty().bindBidirectional(vm.preset);
        preset.setPrefWidth(300);
        preset.setTooltip(new Tooltip("a bundled preset, a preset file, or several bundled names separated by spaces"));
        Button presetFile = new Button("File\u2026");
        Spinner<Integer> seeds = Widgets.spinner(1, 100, 1, vm.seeds);
        seeds.setEditable(true);
        digitsOnly(seeds);
        seeds.setPrefWidth(90);
        TextArea settings = new TextArea();
        settings.textProperty().bindBidirectional(vm.settings);
        settings.setPromptText("overrides, one per line or separated by spaces, e.g. training.iterations=3000 runs.hidden=[2]");
        settings.setPrefRowCount(2);
        settings.setPrefColumnCount(40);
        settings.setWrapText(true);
        TextField sweep = new TextField();
        sweep.textProperty().bindBidirectional(vm.sweep);
        sweep.setPromptText("optional sweep of one key, e.g. training.lr=0.05,0.1,0.2 or runs.hidden=[1],[2],[3]");
        sweep.setPrefColumnCount(40);
        TextField dataRoot = new TextField();
        dataRoot.textProperty().bindBidirectional(vm.dataRoot);
        dataRoot.setPromptText("image sets only (optional; also $ADDERNET_DATA, ~/.addernet/data)");
        dataRoot.setPrefColumnCount(40);
        Label message = Widgets.status(new Label(), vm.message(), vm.problem(), "-fx-text-fill: #d0103a; -fx-font-weight: bold;",
                "-fx-text-fill: #4a5563;");
        message.setWrapText(true);
        Label summary = new Label();
        summary.textProperty().bind(vm.summary());
        summary.getStyleClass().add("status");
        int cores = Runtime.getRuntime().availableProcessors();
        parallel = Widgets.spinner(1, Math.max(16, 2 * cores), 1, vm.parallel);
        parallel.setEditable(true);
        digitsOnly(parallel);
        parallel.setPrefWidth(80);
        parallel.setTooltip(new Tooltip("runs at once; default half the cores (" + RunQueue.defaultParallel() + ")"));
        Button add = button("Add to queue", "queue-add", vm::add);
        Button start = button("Start", "queue-start", vm::start);
        Button pause = button("Pause", "queue-pause", vm::pause);
        Button cancel = button("Cancel", "queue-cancel", vm::cancelSelected);
        Button up = button("Up", "queue-up", vm::up);
        Button down = button("Down", "queue-down", vm::down);
        Button retry = button("Retry", "queue-retry", vm::retry);
        Button remove = button("Remove", "queue-remove", vm::remove);
        presetFile.setOnAction(e -> chooseFile());
        preset.setId("queue-preset");
        presetFile.setId("queue-preset-file");
        seeds.setId("queue-seeds");
        settings.setId("queue-settings");
        sweep.setId("queue-sweep");
        dataRoot.setId("queue-data");
        parallel.setId("queue-parallel");
        message.setId("queue-message");
        summary.setId("queue-summary");
        table.setId("queue-table");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, bold("Preset"), new HBox(6, preset, presetFile, new Label("Seeds"), seeds));
        form.addRow(1, bold("Settings"), settings);
        form.addRow(2, bold("Sweep"), sweep);
        form.addRow(3, bold("Data root"), new HBox(8, dataRoot, add));
        form.addRow(4, bold("Run on"), new RunOnChoice(vm.runOn).node());
        GridPane.setHgrow(settings, Priority.ALWAYS);

        buildTable();
        HBox runBar = new HBox(8, start, pause, new Label("Runs at once"), parallel, summary);
        runBar.setAlignment(Pos.CENTER_LEFT);
        HBox itemBar = new HBox(8, new Label("Selected item:"), cancel, up, down, retry, remove);
        itemBar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, form, message, runBar, table, itemBar);
        root.setPadding(new Insets(12));
        VBox.setVgrow(table, Priority.ALWAYS);

        cancel.disableProperty().bind(vm.canCancel().not());
        up.disableProperty().bind(vm.canUp().not());
        down.disableProperty().bind(vm.canDown().not());
        retry.disableProperty().bind(vm.canRetry().not());
        remove.disableProperty().bind(vm.canRemove().not());
        start.setDisable(!vm.available());
        pause.setDisable(!vm.available());
        if (vm.available()) {
            start.disableProperty().bind(vm.canStart().not());
            pause.disableProperty().bind(vm.canPause().not());
        } else {
            for (Node n : List.of(add, parallel, preset, presetFile, seeds, settings, sweep, dataRoot)) {
                n.setDisable(true);
            }
        }
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.selected.set(b == null ? null : b.id());
            }
        });
        vm.items().addListener((o, a, b) -> showItems(b));
        showItems(vm.items().get());
    }

    /** Typing in a spinner's field: digits only (a letter would reach the spinner's converter and throw). */
    private static void digitsOnly(Spinner<Integer> s) {
        s.getEditor().setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,4}") ? c : null));
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    Node node() {
        return root;
    }

    QueueViewModel vm() {
        return vm;
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
        return vm.runOn;
    }

    /** Fills the form (tests, screenshots). */
    void fill(String presetText, int seedCount, String settingsText, String sweepText, java.nio.file.Path data) {
        vm.fill(presetText, seedCount, settingsText, sweepText, data);
    }

    /** Selects the row of item {@code id}. */
    void select(String id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                table.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    /** Shows {@code all}, keeping the selected item selected. */
    private void showItems(List<QueueItem> all) {
        syncing = true;
        try {
            rows.setAll(all);
            String keep = vm.selected.get();
            if (keep != null) {
                select(keep);
            }
        } finally {
            syncing = false;
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
        TableColumn<QueueItem, String> folder = text("Run folder", 300,
                i -> i.runFolder() == null ? "" : i.runFolder().getFileName().toString());
        table.getColumns().add(folder);
        // the folder names whole: as wide as the longest
        rows.addListener((javafx.collections.ListChangeListener<QueueItem>) c -> {
            double w = 300;
            for (QueueItem it : rows) {
                if (it.runFolder() != null) {
                    w = Math.max(w, new javafx.scene.text.Text(it.runFolder().getFileName().toString())
                            .getLayoutBounds().getWidth() + 24);
                }
            }
            folder.setPrefWidth(Math.min(w, 520));
        });
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // the whole text of an item (a long error, the run folder's path) as the row's tooltip
        table.setRowFactory(t -> new TableRow<>() {
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

    /** The colour of a state's id in the tables (the history's too). */
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
            vm.preset.set(f.getAbsolutePath());
        }
    }
}
