package org.addernet.app.ui.analysis;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import org.addernet.app.ui.analysis.Lemma2ViewModel.Centre;
import org.addernet.app.ui.analysis.Lemma2ViewModel.Field;
import org.addernet.app.ui.view.FxImages;

/**
 * The theorem lab's Lemma 2 tab ({@link Lemma2ViewModel}): click a map to place a centre with
 * a = +1, right-click for a = -1, edit W_i, a_i and b_i in the table; g(X) beside the network's
 * output, with the centres marked on both.
 */
final class Lemma2Tab {
    static final int SIZE = 400;

    private final Lemma2ViewModel vm;
    private final TableView<Centre> table;
    private final ImageView gView = new ImageView();
    private final ImageView netView = new ImageView();
    private final Pane gMarks = new Pane();
    private final Pane netMarks = new Pane();
    private final Tab tab;

    Lemma2Tab(Lemma2ViewModel vm) {
        this.vm = vm;
        table = new TableView<>(vm.centres());
        table.setEditable(true);
        table.setId("lemma2-table");
        table.getColumns().setAll(List.of(column(Field.X), column(Field.Y), column(Field.A), column(Field.B)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefWidth(330);
        VBox.setVgrow(table, Priority.ALWAYS);
        Button remove = new Button("Remove selected");
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedItem()));
        Button reset = new Button("Example");
        reset.setOnAction(e -> vm.example());
        Label difference = new Label();
        difference.textProperty().bind(vm.difference());
        difference.setId("lemma2-difference");
        difference.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        difference.setWrapText(true);
        Label problem = new Label();
        problem.textProperty().bind(vm.problem());
        problem.setStyle("-fx-text-fill: #d0103a;");
        Label how = new Label("Click a map to add a centre with a = +1, right-click for a = -1; edit W_i, a_i and b_i in "
                + "the table (double-click a cell). Up to " + Lemma2ViewModel.MAX_UNITS + " centres in [-3, 3]\u00b2.");
        how.setWrapText(true);
        how.getStyleClass().add("caption");
        Label construction = new Label("The network (eqs. 6-8): adder layer 2\u2192t with the centres as filters "
                + "(-||W_i - X||\u2081), batch norm's affine map with scale -|a_i| and shift |a_i| b_i, ReLU, a second "
                + "adder layer t\u21921 with filters \u2213M (M bounds every hidden unit on the square), and an affine "
                + "map with scale -1 and shift -tM. No multiplication by a weight anywhere.");
        construction.setWrapText(true);
        construction.getStyleClass().add("caption");
        VBox side = new VBox(8, how, table, new HBox(8, remove, reset), construction);
        side.setPrefWidth(340);
        HBox maps = new HBox(16, map("g(X), computed directly", gView, gMarks, "lemma2-g"),
                map("the two-layer AdderNet's output", netView, netMarks, "lemma2-net"));
        Label scale = new Label();
        scale.textProperty().bind(vm.scale());
        scale.getStyleClass().add("caption");
        VBox centre = new VBox(10, maps, scale, difference, problem);
        HBox root = new HBox(16, side, centre);
        root.setPadding(new Insets(12));
        tab = new Tab("Lemma 2", root);
        tab.setId("tab-lemma2");
        vm.g().addListener((o, a, b) -> gView.setImage(FxImages.toFx(b, null)));
        vm.net().addListener((o, a, b) -> netView.setImage(FxImages.toFx(b, null)));
        vm.centres().addListener((javafx.collections.ListChangeListener<Centre>) c -> showMarks());
        gView.setImage(FxImages.toFx(vm.g().get(), null));
        netView.setImage(FxImages.toFx(vm.net().get(), null));
        showMarks();
    }

    Tab tab() {
        return tab;
    }

    Lemma2ViewModel vm() {
        return vm;
    }

    private VBox map(String title, ImageView view, Pane marks, String id) {
        view.setFitWidth(SIZE);
        view.setFitHeight(SIZE);
        view.setSmooth(true);
        view.setId(id);
        marks.setPrefSize(SIZE, SIZE);
        marks.setMaxSize(SIZE, SIZE);
        marks.setPickOnBounds(true);
        marks.setOnMouseClicked(e -> vm.click(e.getX(), e.getY(), SIZE, e.getButton() == MouseButton.SECONDARY));
        StackPane stack = new StackPane(view, marks);
        stack.setStyle("-fx-border-color: #c0c4c8;");
        stack.setMaxSize(SIZE + 2, SIZE + 2);
        Label t = new Label(title);
        t.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(4, t, stack);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private TableColumn<Centre, Double> column(Field field) {
        TableColumn<Centre, Double> c = new TableColumn<>(field.title);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleObjectProperty<>(field.of(d.getValue())));
        c.setCellFactory(TextFieldTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(Locale.ROOT, "%.3g", v);
            }

            @Override
            public Double fromString(String s) {
                try {
                    double v = Double.parseDouble(s.strip());
                    return Double.isFinite(v) ? v : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }));
        c.setOnEditCommit(e -> {
            if (!vm.edit(e.getTablePosition().getRow(), field, e.getNewValue())) {
                table.refresh();
            }
        });
        c.setSortable(false);
        return c;
    }

    private void showMarks() {
        marks(gMarks);
        marks(netMarks);
    }

    private void marks(Pane pane) {
        double extent = Lemma2ViewModel.EXTENT;
        pane.getChildren().clear();
        for (Centre c : vm.centres()) {
            Circle dot = new Circle((c.x() + extent) / (2 * extent) * SIZE, (extent - c.y()) / (2 * extent) * SIZE, 5);
            dot.setFill(c.a() > 0 ? Color.web("#762a83") : Color.web("#1b7837"));
            dot.setStroke(Color.WHITE);
            dot.setStrokeWidth(1.5);
            dot.setMouseTransparent(true);
            pane.getChildren().add(dot);
        }
    }
}
