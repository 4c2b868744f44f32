package org.addernet.app.ui.view;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.Property;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.addernet.app.render.Palette;
import org.addernet.app.ui.vm.ModelMode;
import org.addernet.app.ui.vm.SettingsViewModel;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.datasets.toy.ToyData;
import org.addernet.datasets.toy.ToySet;
import org.addernet.datasets.toy.ToySets;
import org.addernet.datasets.toy.ToySpec;

/** The left panel: data, model, training and AdderNet settings, each bound to the view model. */
final class ControlsPane {
    private ControlsPane() {
    }

    static ScrollPane build(WorkbenchViewModel vm) {
        SettingsViewModel s = vm.settings;
        VBox box = new VBox(6,
                section("Data", data(vm, s), true),
                section("Model", model(s), true),
                section("Training", training(s), true),
                section("AdderNet", adder(s), true));
        box.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(330);
        scroll.setMinWidth(300);
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
        g.setVgap(6);
        g.setPadding(new Insets(4));
        return g;
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
        row(g, "Samples", intSpinner("samples", s.samples, 10, 10_000_000, 100), "Points generated, train and test together");
        row(g, "Spread", doubleSpinner("spread", s.spread, 0.01, 1e6, 0.5), "Standard deviation of the point cloud (the paper's 'variance', read as a standard deviation)");
        row(g, "Label noise", doubleSpinner("label-noise", s.labelNoise, 0, 0.5, 0.01), "Probability of flipping each label");
        row(g, "Test share", doubleSpinner("test-fraction", s.testFraction, 0.05, 0.95, 0.05), "Share of the points held out for testing (train:test ratio)");
        row(g, "Seed", intSpinner("seed", s.seed, Integer.MIN_VALUE, Integer.MAX_VALUE, 1), "Seed of the data sample, the initial weights and the batch order");
        Button regen = new Button("Regenerate");
        regen.setId("regenerate");
        regen.setTooltip(new Tooltip("Draw a new sample (the seed moves on by one)"));
        regen.setOnAction(e -> vm.regenerate());
        g.add(regen, 1, g.getRowCount());
        return g;
    }

    private static Node model(SettingsViewModel s) {
        GridPane g = grid();
        ComboBox<ModelMode> mode = new ComboBox<>();
        mode.setId("mode");
        mode.getItems().addAll(ModelMode.values());
        mode.valueProperty().bindBidirectional(s.mode);
        row(g, "Models", mode, "Train the AdderNet, the MLP, or both side by side on the same data and seed");
        row(g, "Hidden n", intSpinner("hidden", s.hidden, 1, 4096, 1), "Width of every hidden layer (Definition 2)");
        row(g, "Depth", intSpinner("depth", s.depth, 2, 64, 1), "Weight layers: 2 is the two-layer net of Definition 2; more gives Theorem 6's deeper nets");
        row(g, "Activation", combo("activation", s.activation, List.of("relu", "tanh", "sigmoid")), "G in Definition 2");
        CheckBox bn = new CheckBox("batch norm in the MLP");
        bn.setId("mlp-bn");
        bn.selectedProperty().bindBidirectional(s.mlpBatchNorm);
        g.add(bn, 1, g.getRowCount());
        return g;
    }

    private static Node training(SettingsViewModel s) {
        GridPane g = grid();
        row(g, "Learning rate", doubleSpinner("lr", s.lr, 1e-9, 1e6, 0.01), "Initial learning rate; changes apply while training");
        row(g, "Schedule", combo("schedule", s.schedule, List.of("cosine", "polynomial", "step", "constant")), "Learning-rate schedule over the iterations");
        row(g, "Momentum", doubleSpinner("momentum", s.momentum, 0, 0.999, 0.05), null);
        CheckBox nag = new CheckBox("Nesterov");
        nag.setId("nesterov");
        nag.selectedProperty().bindBidirectional(s.nesterov);
        g.add(nag, 1, g.getRowCount());
        row(g, "Weight decay", doubleSpinner("weight-decay", s.weightDecay, 0, 1, 0.0001), null);
        row(g, "Batch size", intSpinner("batch-size", s.batchSize, 2, 65_536, 16), null);
        row(g, "Iterations", intSpinner("iterations", s.iterations, 1, 100_000_000, 1000), "The paper trains 10,000 iterations");
        return g;
    }

    private static Node adder(SettingsViewModel s) {
        GridPane g = grid();
        CheckBox decay = new CheckBox("p from 2 to 1 (L2-to-L1)");
        decay.setId("p-decay");
        decay.selectedProperty().bindBidirectional(s.pDecay);
        decay.setTooltip(new Tooltip("Sec. 4.2: p decays linearly from 2 to 1 over a share of training, then stays 1"));
        g.add(decay, 0, 0, 2, 1);
        Spinner<Double> share = doubleSpinner("p-share", s.pDecayShare, 0.05, 1, 0.05);
        share.disableProperty().bind(s.pDecay.not());
        row(g, "Decay share", share, "Share of the iterations over which p decays (Table 6)");
        Spinner<Double> fixed = doubleSpinner("p-fixed", s.pFixed, 1, 2, 0.1);
        fixed.disableProperty().bind(s.pDecay);
        row(g, "Fixed p", fixed, "p of the Lp distance when it does not decay (1 = L1-AdderNet)");
        row(g, "Filter gradient", combo("filter-gradient", s.filterGradient, List.of("full-precision", "sign", "exact")),
                "full-precision: X - F (eq. 23); sign: sgn(X - F) (eq. 22); exact: the true gradient");
        row(g, "Input gradient", combo("input-gradient", s.inputGradient, List.of("auto", "hardtanh", "eq27", "exact")),
                "auto: HardTanh(F - X) at p = 1, eq. 27 above; exact: the true gradient");
        row(g, "Adaptive eta", doubleSpinner("eta", s.eta, 0, 100, 0.05), "eq. 33: each adder layer's filter gradient is rescaled to eta sqrt(k) g / ||g||; 0 switches it off");
        return g;
    }

    private static ComboBox<String> combo(String id, javafx.beans.property.StringProperty p, List<String> items) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().addAll(items);
        c.valueProperty().bindBidirectional(p);
        return c;
    }

    static Spinner<Integer> intSpinner(String id, IntegerProperty p, int min, int max, int step) {
        Spinner<Integer> sp = new Spinner<>();
        sp.setId(id);
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, p.get(), step);
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Integer.toString(v);
            }

            @Override
            public Integer fromString(String s) {
                try {
                    return Integer.parseInt(s.trim().replace(",", ""));
                } catch (NumberFormatException e) {
                    return f.getValue();          // not a number: keep the current value
                }
            }
        });
        sp.setValueFactory(f);
        sp.setEditable(true);
        var boxed = p.asObject();
        sp.getProperties().put("bound", boxed);   // bidirectional bindings hold weak references
        bindBoth(f.valueProperty(), boxed);
        commitOnFocusLoss(sp);
        sp.setPrefWidth(130);
        return sp;
    }

    static Spinner<Double> doubleSpinner(String id, DoubleProperty p, double min, double max, double step) {
        Spinner<Double> sp = new Spinner<>();
        sp.setId(id);
        SpinnerValueFactory.DoubleSpinnerValueFactory f =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, p.get(), step);
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                if (v == null) {
                    return "";
                }
                // the shortest plain text that reads back as the same double: tabbing through never edits a value
                String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
                return s.contains(".") ? s : s + ".0";
            }

            @Override
            public Double fromString(String s) {
                try {
                    double v = Double.parseDouble(s.trim());
                    return Double.isFinite(v) ? v : f.getValue();
                } catch (NumberFormatException e) {
                    return f.getValue();
                }
            }
        });
        sp.setValueFactory(f);
        sp.setEditable(true);
        var boxed = p.asObject();
        sp.getProperties().put("bound", boxed);   // bidirectional bindings hold weak references
        bindBoth(f.valueProperty(), boxed);
        commitOnFocusLoss(sp);
        sp.setPrefWidth(130);
        return sp;
    }

    private static <T> void bindBoth(Property<T> a, Property<T> b) {
        a.setValue(b.getValue());
        a.bindBidirectional(b);
    }

    private static <T> void commitOnFocusLoss(Spinner<T> sp) {
        sp.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                sp.increment(0);
            }
        });
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
