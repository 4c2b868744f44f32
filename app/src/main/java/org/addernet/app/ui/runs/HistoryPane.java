package org.addernet.app.ui.runs;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
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
import org.addernet.engine.train.RunStatus;
import org.addernet.app.ui.view.Widgets;

/**
 * The history tab, a view over {@link HistoryViewModel}: the filters, Refresh and Compare, the run
 * folders (several can be selected) and the store's status line.
 */
final class HistoryPane {
    private final HistoryViewModel vm;
    private final TableView<RunInfo> table = new TableView<>();
    private final ObservableList<RunInfo> rows = FXCollections.observableArrayList();
    private final VBox root;

    HistoryPane(HistoryViewModel vm) {
        this.vm = vm;
        ComboBox<String> presetFilter = filter(vm.presetFilter, vm.presets(), "history-preset");
        ComboBox<String> modelFilter = filter(vm.modelFilter, vm.models(), "history-model");
        ComboBox<String> statusFilter = filter(vm.statusFilter, null, "history-status");
        statusFilter.getItems().setAll(HistoryViewModel.STATUSES);
        presetFilter.setPrefWidth(220);
        modelFilter.setPrefWidth(170);
        Button refresh = new Button("Refresh");
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button compare = new Button("Compare");
        compare.setId("history-compare");
        compare.setOnAction(e -> vm.compare(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Label status = Widgets.status(new Label(), vm.status(), vm.problem(), "-fx-text-fill: #d0103a;");
        status.setId("history-status-text");
        status.getStyleClass().add("status");
        status.setWrapText(true);
        table.setId("history-table");
        buildTable();
        HBox bar = new HBox(8, new Label("Preset"), presetFilter, new Label("Model"), modelFilter, new Label("Status"),
                statusFilter, refresh, compare);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Select several runs (Shift / Ctrl click) and Compare; with none selected, Compare takes "
                + "every run shown.");
        hint.getStyleClass().add("caption");
        root = new VBox(8, bar, hint, table, status);
        root.setPadding(new Insets(12));
        VBox.setVgrow(table, Priority.ALWAYS);
        vm.shown().addListener((o, a, b) -> showRows(b));
    }

    /** A filter box showing and setting {@code value}, its choices from {@code choices} (null: fixed). */
    private static ComboBox<String> filter(StringProperty value, ObservableValue<List<String>> choices, String id) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        if (choices != null) {
            c.getItems().setAll(choices.getValue());
            choices.addListener((o, a, b) -> {
                String keep = value.get();
                c.getItems().setAll(b);
                c.setValue(keep);
            });
        }
        c.valueProperty().bindBidirectional(value);
        return c;
    }

    Node node() {
        return root;
    }

    HistoryViewModel vm() {
        return vm;
    }

    TableView<RunInfo> table() {
        return table;
    }

    /** The folders as the table shows them, keeping the selected ones selected. */
    private void showRows(List<RunInfo> list) {
        // the folder names whole: as wide as the longest
        double w = 270;
        for (RunInfo r : list) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(r.id());
            w = Math.max(w, t.getLayoutBounds().getWidth() + 24);
        }
        table.getColumns().get(0).setPrefWidth(Math.min(w, 520));
        Set<Path> selected = new HashSet<>();
        table.getSelectionModel().getSelectedItems().forEach(r -> selected.add(r.folder()));
        rows.setAll(list);
        for (int i = 0; i < rows.size(); i++) {
            if (selected.contains(rows.get(i).folder())) {
                table.getSelectionModel().select(i);
            }
        }
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
        TableColumn<RunInfo, String> best = col("Best test (%)", 190, HistoryViewModel::bestText);
        best.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isEmpty() ? null : new javafx.scene.control.Tooltip(
                        "Each model's best test accuracy; an epoch run's best epoch, also of a run that did not complete"));
            }
        });
        table.getColumns().add(best);
        table.getColumns().add(col("Source", 65, HistoryViewModel::sourceText));
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
}
