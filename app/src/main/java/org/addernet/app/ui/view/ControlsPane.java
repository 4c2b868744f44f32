package org.addernet.app.ui.view;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.addernet.app.render.Palette;
import org.addernet.app.ui.vm.DrawnPoints;
import org.addernet.app.ui.vm.ModelMode;
import org.addernet.app.ui.vm.NumberInput;
import org.addernet.app.ui.vm.SettingsViewModel;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.datasets.toy.ToyData;
import org.addernet.datasets.toy.ToySet;
import org.addernet.datasets.toy.ToySets;
import org.addernet.datasets.toy.ToySpec;

/** The left panel: data, model, training and AdderNet settings, each bound to the view model. */
final class ControlsPane {
    /** Width of a wrapped note under the settings (fits the settings column with its scroll bar). */
    static final double NOTE_WIDTH = 230;

    private ControlsPane() {
    }

    static ScrollPane build(WorkbenchViewModel vm) {
        SettingsViewModel s = vm.settings;
        VBox box = new VBox(6,
                section("Data", data(vm, s), true),
                section("Model", model(vm, s), true),
                section("Training", training(s), true),
                section("AdderNet", adder(s), true));
        box.setPadding(new Insets(6));
        // the settings scroll on their own: the boundaries and charts keep their place
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("settings-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(292);
        scroll.setMinWidth(292);
        scroll.setMaxWidth(292);
        scroll.getStyleClass().add("controls");
        return scroll;
    }

    private static TitledPane section(String title, Node content, boolean expanded) {
        TitledPane t = new TitledPane(title, content);
        t.setExpanded(expanded);
        t.setAnimated(false);
        return t;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(5);
        g.setPadding(new Insets(4));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    /** A numeric setting's row: label, checked field, and under it the reason while the entry is invalid. */
    private static void number(GridPane g, SettingsViewModel s, String path, String id, String tip) {
        NumberInput in = s.input(path);
        NumberField f = new NumberField(in, id, tip);
        row(g, in.name(), f.field(), null);
        GridPane.setHgrow(f.field(), Priority.ALWAYS);
        g.add(f.reason(), 0, g.getRowCount(), 2, 1);
        keepWhole(g, f.reason());
    }

    /**
     * Gives the row of {@code note} (a wrapped label spanning both columns) the height of all its
     * lines at {@link #NOTE_WIDTH}: a grid sizes a spanning row by its label's one-line height, and
     * the lines beyond would be cut off or drawn over the next row.
     */
    private static void keepWhole(GridPane g, Label note) {
        int row = GridPane.getRowIndex(note);
        while (g.getRowConstraints().size() <= row) {
            g.getRowConstraints().add(new javafx.scene.layout.RowConstraints());
        }
        g.getRowConstraints().get(row).minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> note.isManaged() && !note.getText().isEmpty() ? note.prefHeight(NOTE_WIDTH) : 0,
                note.textProperty(), note.managedProperty(), note.fontProperty()));
    }

    private static void row(GridPane g, String label, Node control, String tip) {
        int r = g.getRowCount();
        Label l = new Label(label);
        l.setLabelFor(control);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (tip != null) {
            Tooltip t = new Tooltip(tip);
            t.setWrapText(true);
            t.setMaxWidth(360);
            l.setTooltip(t);
            if (control instanceof javafx.scene.control.Control c) {
                c.setTooltip(t);
            }
        }
        g.add(l, 0, r);
        g.add(control, 1, r);
    }

    private static Node data(WorkbenchViewModel vm, SettingsViewModel s) {
        GridPane g = grid();
        ComboBox<String> set = new ComboBox<>();
        set.setId("data-set");
        set.setMaxWidth(Double.MAX_VALUE);
        Map<String, Image> thumbs = new LinkedHashMap<>();
        for (ToySet t : ToySet.values()) {
            set.getItems().add(t.id());
            thumbs.put(t.id(), FxImages.toFx(preview(t), null));
        }
        set.setCellFactory(lv -> new ThumbCell(thumbs));
        set.setButtonCell(new ThumbCell(thumbs));
        set.valueProperty().bindBidirectional(s.dataSet);
        set.valueProperty().addListener((o, a, b) -> {
            if (b != null && a != null && !b.equals(a)) {
                s.spread.set(ToySet.fromId(b).defaultSpread());
            }
        });
        row(g, "Data set", set, "The toy set: unit ball (eq. 34), multiple balls (eq. 35), XOR quadrants (eq. 36) and more");
        number(g, s, "data.samples", "samples", "Points generated, train and test together; above "
                + String.format(java.util.Locale.ROOT, "%,d", DrawnPoints.MAX_DRAWN) + " the panels draw a random subsample");
        number(g, s, "data.spread", "spread", "Standard deviation of the point cloud (the paper's 'variance', read as a standard deviation)");
        number(g, s, "data.labelNoise", "label-noise", "Probability of flipping each label");
        number(g, s, "data.testFraction", "test-fraction", "Share of the points held out for testing (train:test ratio)");
        number(g, s, "seed", "seed", "Seed of the data sample, the initial weights and the batch order");
        Button regen = new Button("Regenerate");
        regen.setId("regenerate");
        regen.setTooltip(new Tooltip("Draw a new sample (the seed moves on by one)"));
        regen.setOnAction(e -> vm.regenerate());
        g.add(regen, 1, g.getRowCount());
        return g;
    }

    private static Node model(WorkbenchViewModel vm, SettingsViewModel s) {
        GridPane g = grid();
        ComboBox<ModelMode> mode = new ComboBox<>();
        mode.setId("mode");
        mode.getItems().addAll(ModelMode.values());
        mode.valueProperty().bindBidirectional(s.mode);
        row(g, "Models", mode, "Train the AdderNet, the MLP, or both side by side on the same data and seed");
        mode.setMaxWidth(Double.MAX_VALUE);
        number(g, s, "runs.hidden[0]", "hidden", "Width of every hidden layer (Definition 2). With a figure preset: the "
                + "column of the figure the main view shows");
        Label figure = new Label();
        figure.setId("figure-note");
        figure.getStyleClass().add("figure-note");
        figure.setWrapText(true);
        // a wrapped label spanning a grid's columns: its height follows this width, which must fit the
        // column (292 px less the scroll bar and paddings); never squeezed to fewer lines than it needs
        figure.setMaxWidth(NOTE_WIDTH);
        figure.setPrefWidth(NOTE_WIDTH);
        figure.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        figure.textProperty().bind(vm.figureNote());
        figure.visibleProperty().bind(vm.figureNote().isNotEmpty());
        figure.managedProperty().bind(figure.visibleProperty());
        g.add(figure, 0, g.getRowCount(), 2, 1);
        keepWhole(g, figure);
        number(g, s, "model.depth", "depth", "Weight layers: 2 is the two-layer net of Definition 2; more gives Theorem 6's deeper nets");
        row(g, "Activation", combo("activation", s.activation, List.of("relu", "tanh", "sigmoid")), "G in Definition 2");
        CheckBox bn = new CheckBox("batch norm in the MLP");
        bn.setId("mlp-bn");
        bn.selectedProperty().bindBidirectional(s.mlpBatchNorm);
        g.add(bn, 1, g.getRowCount());
        return g;
    }

    private static Node training(SettingsViewModel s) {
        GridPane g = grid();
        number(g, s, "training.lr", "lr", "Initial learning rate; a change applies at once, also while training");
        row(g, "Schedule", combo("schedule", s.schedule, List.of("cosine", "polynomial", "step", "constant")), "Learning-rate schedule over the iterations");
        number(g, s, "training.momentum", "momentum", "SGD momentum (the paper: 0.9)");
        CheckBox nag = new CheckBox("Nesterov");
        nag.setId("nesterov");
        nag.selectedProperty().bindBidirectional(s.nesterov);
        g.add(nag, 1, g.getRowCount());
        number(g, s, "training.weightDecay", "weight-decay", "L2 weight decay (the paper: 5e-4)");
        number(g, s, "training.batchSize", "batch-size", "Points per step; at most the training points");
        number(g, s, "training.iterations", "iterations", "The paper trains 10,000 iterations");
        return g;
    }

    private static Node adder(SettingsViewModel s) {
        GridPane g = grid();
        CheckBox decay = new CheckBox("p from 2 to 1 (L2-to-L1)");
        decay.setId("p-decay");
        decay.selectedProperty().bindBidirectional(s.pDecay);
        decay.setTooltip(new Tooltip("Sec. 4.2: p decays linearly from 2 to 1 over a share of training, then stays 1"));
        g.add(decay, 0, 0, 2, 1);
        int shareRow = g.getRowCount();
        number(g, s, "adder.pDecayShare", "p-share", "Share of the iterations over which p decays (Table 6)");
        int fixedRow = g.getRowCount();
        number(g, s, "adder.pEnd", "p-fixed", "p of the Lp distance when it does not decay (1 = L1-AdderNet)");
        for (Node n : g.getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            if (r != null && r == shareRow) {
                n.disableProperty().bind(s.pDecay.not());
            } else if (r != null && r == fixedRow) {
                n.disableProperty().bind(s.pDecay);
            }
        }
        row(g, "Filter gradient", combo("filter-gradient", s.filterGradient, List.of("full-precision", "sign", "exact")),
                "full-precision: X - F (eq. 23); sign: sgn(X - F) (eq. 22); exact: the true gradient");
        row(g, "Input gradient", combo("input-gradient", s.inputGradient, List.of("auto", "hardtanh", "eq27", "exact")),
                "auto: HardTanh(F - X) at p = 1, eq. 27 above; exact: the true gradient");
        number(g, s, "adder.eta", "eta", "eq. 33: each adder layer's filter gradient is rescaled to eta sqrt(k) g / ||g||; 0 switches it off");
        return g;
    }

    private static ComboBox<String> combo(String id, javafx.beans.property.StringProperty p, List<String> items) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().addAll(items);
        c.valueProperty().bindBidirectional(p);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private static BufferedImage preview(ToySet t) {
        ToyData d = ToySets.generate(new ToySpec(t, 300, t.defaultSpread(), 0, 0.5, 7));
        int size = 36;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, size, size);
        double ext = d.extent();
        for (var ds : List.of(d.train(), d.test())) {
            for (int k = 0; k < ds.size(); k++) {
                g.setColor(Palette.classColor(ds.label(k)));
                double x = (ds.feature(k, 0) / ext + 1) / 2 * size;
                double y = (1 - (ds.feature(k, 1) / ext + 1) / 2) * size;
                g.fillOval((int) x - 1, (int) y - 1, 2, 2);
            }
        }
        g.setColor(java.awt.Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(0, 0, size - 1, size - 1);
        g.dispose();
        return img;
    }

    /** A data-set entry with its thumbnail. */
    private static final class ThumbCell extends ListCell<String> {
        private final Map<String, Image> thumbs;

        ThumbCell(Map<String, Image> thumbs) {
            this.thumbs = thumbs;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(item);
                setGraphic(new ImageView(thumbs.get(item)));
            }
        }
    }
}
