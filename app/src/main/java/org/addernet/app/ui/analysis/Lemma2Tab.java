package org.addernet.app.ui.analysis;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import org.addernet.app.render.Palette;
import org.addernet.engine.analysis.Lemma2;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;

/**
 * The theorem lab's Lemma 2: the user places centres W_i with weights a_i and biases b_i on the
 * plane (click: a = +1, right-click: a = -1, edit in the table); the tab builds the two-layer
 * AdderNet of eqs. 6-8 from the engine's own layers and draws g(X) = sum a_i ReLU(||W_i - X||_1 +
 * b_i), computed directly, beside the network's output, with their largest difference over the
 * lattice (float rounding only).
 */
final class Lemma2Tab {
    static final double EXTENT = 3;
    static final int RESOLUTION = 161;
    static final int SIZE = 400;
    static final int MAX_UNITS = 32;

    /** One centre W_i = (x, y) with its a_i and b_i. */
    static final class Centre {
        double x;
        double y;
        double a;
        double b;

        Centre(double x, double y, double a, double b) {
            this.x = x;
            this.y = y;
            this.a = a;
            this.b = b;
        }
    }

    private final ObservableList<Centre> centres = FXCollections.observableArrayList();
    private final TableView<Centre> table = new TableView<>(centres);
    private final ImageView gView = new ImageView();
    private final ImageView netView = new ImageView();
    private final Pane gMarks = new Pane();
    private final Pane netMarks = new Pane();
    private final Label difference = new Label();
    private final Label scale = new Label();
    private final Label problem = new Label();
    private final Tab tab;
    private double maxDifference = Double.NaN;

    Lemma2Tab() {
        centres.addAll(new Centre(-1, -1, 1, -1), new Centre(1.2, 0.6, -1.5, -0.8), new Centre(0.4, -1.6, 0.8, -0.5));
        table.setEditable(true);
        table.setId("lemma2-table");
        table.getColumns().setAll(List.of(column("W_i x", c -> c.x, (c, v) -> c.x = clamp(v)),
                column("W_i y", c -> c.y, (c, v) -> c.y = clamp(v)), column("a_i", c -> c.a, (c, v) -> c.a = v),
                column("b_i", c -> c.b, (c, v) -> c.b = v)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefWidth(330);
        VBox.setVgrow(table, Priority.ALWAYS);
        Button remove = new Button("Remove selected");
        remove.setOnAction(e -> {
            Centre c = table.getSelectionModel().getSelectedItem();
            if (c != null && centres.size() > 1) {
                centres.remove(c);
                rebuild();
            }
        });
        Button reset = new Button("Example");
        reset.setOnAction(e -> {
            centres.setAll(new Centre(-1, -1, 1, -1), new Centre(1.2, 0.6, -1.5, -0.8), new Centre(0.4, -1.6, 0.8, -0.5));
            rebuild();
        });
        difference.setId("lemma2-difference");
        difference.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        difference.setWrapText(true);
        problem.setStyle("-fx-text-fill: #d0103a;");
        Label how = new Label("Click a map to add a centre with a = +1, right-click for a = -1; edit W_i, a_i and b_i in "
                + "the table (double-click a cell). Up to " + MAX_UNITS + " centres in [-3, 3]\u00b2.");
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
        scale.getStyleClass().add("caption");
        VBox centre = new VBox(10, maps, scale, difference, problem);
        HBox root = new HBox(16, side, centre);
        root.setPadding(new Insets(12));
        tab = new Tab("Lemma 2", root);
        tab.setId("tab-lemma2");
        rebuild();
    }

    Tab tab() {
        return tab;
    }

    /** The largest |network - g| over the lattice, after the last rebuild. */
    double maxDifference() {
        return maxDifference;
    }

    int units() {
        return centres.size();
    }

    /** Adds a centre at plane coordinates (x, y), as a click does. */
    void add(double x, double y, double a) {
        if (centres.size() >= MAX_UNITS) {
            problem.setText("At most " + MAX_UNITS + " centres: remove one first.");
            return;
        }
        centres.add(new Centre(clamp(x), clamp(y), a, -1));
        rebuild();
    }

    private VBox map(String title, ImageView view, Pane marks, String id) {
        view.setFitWidth(SIZE);
        view.setFitHeight(SIZE);
        view.setSmooth(true);
        view.setId(id);
        marks.setPrefSize(SIZE, SIZE);
        marks.setMaxSize(SIZE, SIZE);
        marks.setPickOnBounds(true);
        marks.setOnMouseClicked(e -> {
            double x = -EXTENT + 2 * EXTENT * e.getX() / SIZE;
            double y = EXTENT - 2 * EXTENT * e.getY() / SIZE;
            add(x, y, e.getButton() == MouseButton.SECONDARY ? -1 : 1);
        });
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(view, marks);
        stack.setStyle("-fx-border-color: #c0c4c8;");
        stack.setMaxSize(SIZE + 2, SIZE + 2);
        Label t = new Label(title);
        t.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(4, t, stack);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private static double clamp(double v) {
        return Math.max(-EXTENT, Math.min(EXTENT, v));
    }

    private interface Setter {
        void set(Centre c, double v);
    }

    private TableColumn<Centre, Double> column(String name, java.util.function.ToDoubleFunction<Centre> get, Setter set) {
        TableColumn<Centre, Double> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleObjectProperty<>(get.applyAsDouble(d.getValue())));
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
            if (e.getNewValue() == null) {
                problem.setText("'" + name + "' needs a finite number; the value is unchanged.");
                table.refresh();
                return;
            }
            set.set(e.getRowValue(), e.getNewValue());
            rebuild();
        });
        c.setSortable(false);
        return c;
    }

    /** Builds the network of the current centres, evaluates both maps and the difference. */
    void rebuild() {
        problem.setText("");
        int t = centres.size();
        float[][] w = new float[t][];
        double[] a = new double[t];
        double[] b = new double[t];
        for (int i = 0; i < t; i++) {
            Centre c = centres.get(i);
            w[i] = new float[] {(float) c.x, (float) c.y};
            a[i] = c.a;
            b[i] = c.b;
        }
        Lemma2.Spec spec = new Lemma2.Spec(w, a, b);
        Sequential net = Lemma2.network(spec, EXTENT);
        maxDifference = Lemma2.maxDifference(spec, net, RESOLUTION, EXTENT);
        double[] g = new double[RESOLUTION * RESOLUTION];
        double[] out = new double[RESOLUTION * RESOLUTION];
        float[] x = new float[2 * RESOLUTION];
        float[] point = new float[2];
        double peak = 1e-12;
        for (int row = 0; row < RESOLUTION; row++) {
            double yy = EXTENT - 2 * EXTENT * row / (RESOLUTION - 1);       // image row 0 at the top
            for (int col = 0; col < RESOLUTION; col++) {
                x[col] = (float) (-EXTENT + 2 * EXTENT * col / (RESOLUTION - 1));
                x[RESOLUTION + col] = (float) yy;
            }
            Tensor y = net.forward(Tensor.wrap(x, 2, RESOLUTION), false);
            for (int col = 0; col < RESOLUTION; col++) {
                point[0] = x[col];
                point[1] = (float) yy;
                g[row * RESOLUTION + col] = Lemma2.g(spec, point);
                out[row * RESOLUTION + col] = y.data[col];
                peak = Math.max(peak, Math.abs(g[row * RESOLUTION + col]));
            }
        }
        gView.setImage(image(g, peak));
        netView.setImage(image(out, peak));
        marks(gMarks);
        marks(netMarks);
        scale.setText(String.format(Locale.ROOT, "Colour: purple above 0, green below, white at 0; both maps on one "
                + "scale, |value| up to %.3g. Lattice %d \u00d7 %d over [-3, 3]\u00b2.", peak, RESOLUTION, RESOLUTION));
        difference.setText(String.format(Locale.ROOT, "%d hidden units. Largest |AdderNet(X) - g(X)| on the lattice: "
                + "%.2e (%.1e of the largest |g|): float rounding only.", t, maxDifference, maxDifference / peak));
    }

    private static WritableImage image(double[] v, double peak) {
        int[] argb = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            argb[i] = 0xFF000000 | Palette.difference(v[i] / peak);
        }
        WritableImage img = new WritableImage(RESOLUTION, RESOLUTION);
        img.getPixelWriter().setPixels(0, 0, RESOLUTION, RESOLUTION, PixelFormat.getIntArgbInstance(), argb, 0, RESOLUTION);
        return img;
    }

    private void marks(Pane pane) {
        pane.getChildren().clear();
        for (Centre c : centres) {
            Circle dot = new Circle((c.x + EXTENT) / (2 * EXTENT) * SIZE, (EXTENT - c.y) / (2 * EXTENT) * SIZE, 5);
            dot.setFill(c.a > 0 ? Color.web("#762a83") : Color.web("#1b7837"));
            dot.setStroke(Color.WHITE);
            dot.setStrokeWidth(1.5);
            dot.setMouseTransparent(true);
            pane.getChildren().add(dot);
        }
    }
}
