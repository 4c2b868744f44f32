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
import javafx.scene.layout.GridPane;
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
        scale.setWrapText(true);
        VBox centre = new VBox(10, maps, key(), scale, difference, problem);
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
        // axes: x1 along the bottom, x2 up the left, ticks at the whole numbers of [-3, 3]
        javafx.scene.layout.Pane yTicks = new javafx.scene.layout.Pane();
        javafx.scene.layout.Pane xTicks = new javafx.scene.layout.Pane();
        yTicks.setPrefSize(26, SIZE + 2);
        yTicks.setMinWidth(26);
        xTicks.setPrefSize(SIZE + 2, 18);
        double extent = Lemma2ViewModel.EXTENT;
        for (int v = (int) -extent; v <= extent; v++) {
            double f = (v + extent) / (2 * extent);
            Label xl = new Label(String.valueOf(v));
            xl.getStyleClass().add("caption");
            xl.relocate(1 + f * SIZE - 4, 0);
            xTicks.getChildren().add(xl);
            Label yl = new Label(String.valueOf(v));
            yl.getStyleClass().add("caption");
            yl.relocate(v < 0 ? 2 : 10, 1 + (1 - f) * SIZE - 8);
            yTicks.getChildren().add(yl);
        }
        Label x1 = new Label("x\u2081");
        Label x2 = new Label("x\u2082");
        GridPane grid = new GridPane();
        grid.add(x2, 0, 0);
        grid.add(yTicks, 0, 1);
        grid.add(stack, 1, 1);
        grid.add(xTicks, 1, 2);
        grid.add(x1, 1, 3);
        GridPane.setHalignment(x1, javafx.geometry.HPos.CENTER);
        grid.setHgap(2);
        VBox box = new VBox(4, t, grid);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** The colour key of both maps: -peak (green) through 0 (white) to +peak (purple), with the values. */
    private HBox key() {
        int w = 300;
        int h = 14;
        javafx.scene.image.WritableImage bar = new javafx.scene.image.WritableImage(w, h);
        for (int x = 0; x < w; x++) {
            int argb = 0xFF000000 | org.addernet.app.render.Palette.difference(2.0 * x / (w - 1) - 1);
            for (int y = 0; y < h; y++) {
                bar.getPixelWriter().setArgb(x, y, argb);
            }
        }
        ImageView barView = new ImageView(bar);
        barView.setId("lemma2-key");
        Label lo = new Label();
        Label hi = new Label();
        lo.textProperty().bind(vm.peak().asString(Locale.ROOT, "-%.3g"));
        hi.textProperty().bind(vm.peak().asString(Locale.ROOT, "+%.3g"));
        Label mid = new Label("0");
        StackPane barBox = new StackPane(barView, mid);
        mid.setStyle("-fx-font-size: 10px;");
        Label what = new Label("value of g(X) and of the network's output");
        what.getStyleClass().add("caption");
        HBox key = new HBox(6, lo, barBox, hi, what);
        key.setAlignment(Pos.CENTER_LEFT);
        return key;
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
