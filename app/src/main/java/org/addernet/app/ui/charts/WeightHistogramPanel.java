package org.addernet.app.ui.charts;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.addernet.app.figures.DistributionFit.Fit;
import org.addernet.app.figures.ModelWeights;
import org.addernet.app.figures.WeightHistogramChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The window's weight histogram: a combo box that picks the model and layer, the
 * {@link WeightHistogramChart} (histogram and its Laplace and Gaussian fits, Fig. 7) and the fit
 * summary below it, in a column. Everything but {@link #node()} is the chart's and works
 * without JavaFX; the node is built on the first call, on the FX thread, and from then on
 * {@link #update} and {@link #select} belong on the FX thread.
 */
public final class WeightHistogramPanel {
    private final WeightHistogramChart figure = new WeightHistogramChart();
    private VBox root;
    private ComboBox<String> combo;
    private Label stats;
    private Label details;
    private javafx.scene.control.Tooltip detailsTip;
    /** Least panel height at which the fit table stands under the histogram. */
    static final double TABLE_BELOW = 400;
    private boolean syncing;

    public WeightHistogramPanel() {
        figure.onChange(this::syncNode);
    }

    /** The chart, for export or for tests; it changes in place. */
    public JFreeChart chart() {
        return figure.chart();
    }

    /** Entries of the combo box, {@code model + WeightHistogramChart.SEPARATOR + layer}, in the order given. */
    public List<String> choices() {
        return figure.choices();
    }

    /** The entry shown, or null when there is none. */
    public String selected() {
        return figure.selected();
    }

    /** The Laplace and the Gaussian fit of the layer shown, in that order; empty when nothing is shown. */
    public List<Fit> fits() {
        return figure.fits();
    }

    /** The text under the chart: each fit's parameters, logL, AIC, KS, and the verdict. */
    public String summary() {
        return figure.summary();
    }

    /** Replaces the models whose layers can be shown (see {@link WeightHistogramChart#update}). */
    public void update(List<ModelWeights> models) {
        figure.update(models);
    }

    /** Shows {@code choice}, one of {@link #choices()}. */
    public void select(String choice) {
        figure.select(choice);
    }

    /**
     * The panel: combo box, chart viewer and fit summary in a column; built on first call, on the
     * FX thread.
     */
    public Node node() {
        if (root == null) {
            combo = new ComboBox<>();
            combo.setPromptText("model / layer");
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
                if (!syncing && now != null && !now.equals(figure.selected())) {
                    select(now);
                }
            });
            Label pick = new Label("Layer");
            pick.setFont(Font.font(13));
            pick.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            details = new Label("fit details \u24d8");
            details.setId("fit-details");
            details.getStyleClass().add("caption");
            details.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            detailsTip = new javafx.scene.control.Tooltip();
            detailsTip.setFont(Font.font("Monospaced", 12));
            details.setTooltip(detailsTip);
            HBox top = new HBox(8, pick, combo, details);
            top.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(combo, Priority.ALWAYS);
            ChartViewer viewer = new ChartViewer(figure.chart());
            viewer.setMinSize(200, 160);
            VBox.setVgrow(viewer, Priority.ALWAYS);
            stats = new Label();
            stats.setFont(Font.font("Monospaced", 13));
            stats.setWrapText(true);
            stats.setMaxWidth(Double.MAX_VALUE);
            root = new VBox(6, top, viewer, stats);
            root.setPadding(new Insets(6));
            root.setStyle("-fx-background-color: white;");
            // on a short panel (a 1024 x 700 window) the fit table gives its rows to the histogram: it is a
            // tooltip on "fit details" then; the chart's subtitle keeps the verdict
            root.heightProperty().addListener((o, a, h) -> {
                boolean room = h.doubleValue() >= TABLE_BELOW;
                stats.setVisible(room);
                stats.setManaged(room);
                details.setVisible(!room);
                details.setManaged(!room);
            });
            syncNode();
        }
        return root;
    }

    private void syncNode() {
        if (root == null) {
            return;
        }
        syncing = true;
        try {
            List<String> choices = figure.choices();
            if (!combo.getItems().equals(choices)) {
                combo.getItems().setAll(choices);
            }
            String selected = figure.selected();
            if (selected == null) {
                combo.getSelectionModel().clearSelection();
            } else if (!selected.equals(combo.getSelectionModel().getSelectedItem())) {
                combo.getSelectionModel().select(selected);
            }
            stats.setText(figure.summary());
            detailsTip.setText(figure.summary());
        } finally {
            syncing = false;
        }
    }
}
