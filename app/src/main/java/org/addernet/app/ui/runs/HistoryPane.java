package org.addernet.app.ui.runs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
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
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunManifest;
import org.addernet.app.store.RunStore;
import org.addernet.engine.train.RunStatus;

/**
 * The history tab: every folder of the run store, newest first, filtered by preset, model and
 * status; damaged folders are listed with their reason. Compare hands the selected runs (or, with
 * none selected, every run shown) to the comparison.
 */
final class HistoryPane {
    static final String ANY = "any";
    private static final List<String> STATUSES = java.util.stream.Stream.of(RunStatus.COMPLETED, RunStatus.FAILED,
            RunStatus.CANCELLED, RunStatus.INTERRUPTED, RunStatus.RUNNING, RunStatus.QUEUED, RunStatus.DAMAGED)
            .map(RunStatus::id).toList();

    private final RunStore store;
    private final Consumer<List<RunInfo>> compare;
    private final ComboBox<String> presetFilter = new ComboBox<>();
    private final ComboBox<String> modelFilter = new ComboBox<>();
    private final ComboBox<String> statusFilter = new ComboBox<>();
    private final Button refresh = new Button("Refresh");
    private final Button compareButton = new Button("Compare");
    private final Label status = new Label();
    private final TableView<RunInfo> table = new TableView<>();
    private final ObservableList<RunInfo> rows = FXCollections.observableArrayList();
    private final VBox root;
    private List<RunInfo> all = List.of();
    private volatile boolean loading;
    private boolean again;
    private int generation;

    HistoryPane(RunStore store, Consumer<List<RunInfo>> compare) {
        this.store = store;
        this.compare = compare;
        presetFilter.setId("history-preset");
        modelFilter.setId("history-model");
        statusFilter.setId("history-status");
        refresh.setId("history-refresh");
        compareButton.setId("history-compare");
        status.setId("history-status-text");
        table.setId("history-table");
        for (ComboBox<String> c : List.of(presetFilter, modelFilter, statusFilter)) {
            c.getItems().setAll(ANY);
            c.setValue(ANY);
            c.valueProperty().addListener((o, a, b) -> showFiltered());
        }
        presetFilter.setPrefWidth(220);
        modelFilter.setPrefWidth(170);
        statusFilter.getItems().setAll(withAny(STATUSES));
        statusFilter.setValue(ANY);
        refresh.setOnAction(e -> refresh());
        compareButton.setOnAction(e -> compareChosen());
        status.getStyleClass().add("status");
        status.setWrapText(true);
        buildTable();
        HBox bar = new HBox(8, new Label("Preset"), presetFilter, new Label("Model"), modelFilter, new Label("Status"),
                statusFilter, refresh, compareButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Select several runs (Shift / Ctrl click) and Compare; with none selected, Compare takes "
                + "every run shown.");
        hint.getStyleClass().add("caption");
        root = new VBox(8, bar, hint, table, status);
        root.setPadding(new Insets(12));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private static List<String> withAny(List<String> values) {
        List<String> out = new ArrayList<>();
        out.add(ANY);
        out.addAll(values);
        return out;
    }

    Node node() {
        return root;
    }

    TableView<RunInfo> table() {
        return table;
    }

    boolean loading() {
        return loading;
    }

    /** Every folder the store listed at the last refresh. */
    List<RunInfo> all() {
        return all;
    }

    /** The folders shown (after the filters). */
    List<RunInfo> shown() {
        return List.copyOf(rows);
    }

    void filter(String preset, String model, String state) {
        presetFilter.setValue(preset == null ? ANY : preset);
        modelFilter.setValue(model == null ? ANY : model);
        statusFilter.setValue(state == null ? ANY : state);
    }

    private void buildTable() {
        table.setItems(rows);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet: queue a preset, or run one with ./workbench run."));
        table.getColumns().add(col("Run folder", 270, RunInfo::id));
        table.getColumns().add(col("Preset", 170, RunInfo::preset));
        table.getColumns().add(col("Settings", 200, RunInfo::settings));
        table.getColumns().add(col("Kind", 55, r -> r.kind() == null ? "" : r.kind()));
        table.getColumns().add(col("Models", 150, r -> String.join(", ", r.models())));
        table.getColumns().add(col("Seeds", 55, r -> r.isDamaged() ? "" : String.valueOf(r.seeds())));
        TableColumn<RunInfo, String> st = col("Status", 95, r -> r.status().id());
        st.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setStyle(empty || s == null ? "" : RunStatus.DAMAGED.id().equals(s)
                        ? "-fx-text-fill: #d0103a; -fx-font-weight: bold;" : QueuePane.stateStyle(s));
            }
        });
        table.getColumns().add(st);
        table.getColumns().add(col("Best test", 80, r -> r.bestTestAccuracy().isPresent()
                ? String.format(Locale.ROOT, "%.2f %%", 100 * r.bestTestAccuracy().getAsDouble()) : ""));
        table.getColumns().add(col("Source", 65, r -> r.source() == null ? "" : r.source()));
        TableColumn<RunInfo, String> ranOn = col("Ran on", 330, RunInfo::ranOn);
        ranOn.setCellFactory(c -> new TableCell<>() {       // which executor ran which task, in how many attempts
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                RunInfo r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(r == null || r.cluster() == null ? null
                        : new javafx.scene.control.Tooltip(String.join("\n", r.cluster().lines())));
            }
        });
        table.getColumns().add(ranOn);
        table.getColumns().add(col("Note", 360, r -> r.reason() == null ? "" : r.reason()));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private static TableColumn<RunInfo, String> col(String title, double width, java.util.function.Function<RunInfo, String> f) {
        TableColumn<RunInfo, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    /** Reads the store again off the FX thread (a refresh asked for while one runs follows it). */
    void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        int gen = ++generation;
        Thread t = new Thread(() -> {
            List<RunInfo> list;
            String problem = null;
            try {
                list = store.list();
            } catch (RuntimeException e) {
                list = List.of();
                problem = "cannot read " + store.runsDir() + ": " + e.getMessage();
            }
            List<RunInfo> read = list;
            String why = problem;
            Platform.runLater(() -> {
                if (gen == generation) {
                    show(read, why);
                }
                loading = false;
                if (again) {
                    again = false;
                    refresh();
                }
            });
        }, "history: list runs");
        t.setDaemon(true);
        t.start();
    }

    private void show(List<RunInfo> list, String problem) {
        all = List.copyOf(list);
        keepValues(presetFilter, RunStore.presets(all));
        keepValues(modelFilter, RunStore.models(all));
        showFiltered();
        long damaged = all.stream().filter(RunInfo::isDamaged).count();
        String text = all.size() + (all.size() == 1 ? " run" : " runs") + " in " + store.runsDir()
                + (damaged > 0 ? "; " + damaged + " damaged (see Note)" : "");
        status.setText(problem != null ? problem : text);
        status.setStyle(problem != null ? "-fx-text-fill: #d0103a;" : "");
    }

    private static void keepValues(ComboBox<String> box, List<String> values) {
        String keep = box.getValue();
        box.getItems().setAll(withAny(values));
        box.setValue(keep != null && box.getItems().contains(keep) ? keep : ANY);
    }

    private void showFiltered() {
        Set<java.nio.file.Path> selected = new HashSet<>();
        table.getSelectionModel().getSelectedItems().forEach(r -> selected.add(r.folder()));
        rows.setAll(RunStore.filter(all, value(presetFilter), value(modelFilter), value(statusFilter)));
        for (int i = 0; i < rows.size(); i++) {
            if (selected.contains(rows.get(i).folder())) {
                table.getSelectionModel().select(i);
            }
        }
    }

    private static String value(ComboBox<String> box) {
        String v = box.getValue();
        return v == null || ANY.equals(v) ? null : v;
    }

    /** The selected runs, or every run shown when none is selected. */
    List<RunInfo> chosen() {
        List<RunInfo> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        return sel.isEmpty() ? List.copyOf(rows) : sel;
    }

    void compareChosen() {
        List<RunInfo> c = chosen().stream().filter(r -> !r.isDamaged()).toList();
        if (c.isEmpty()) {
            status.setText("Nothing to compare: no readable run is shown or selected.");
            return;
        }
        compare.accept(c);
    }
}
