package org.addernet.app.ui.charts;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.addernet.app.figures.CurveState;

/**
 * The curve charts' tool row: a smoothing slider (TensorBoard's exponential moving average, 0 to
 * {@link CurveState#MAX_SMOOTHING}) bound to {@code smoothing}, and how to hide a curve and read a
 * value.
 */
public final class SmoothingBar {
    private SmoothingBar() {
    }

    public static HBox build(DoubleProperty smoothing, String id) {
        Slider slider = new Slider(0, CurveState.MAX_SMOOTHING, smoothing.get());
        slider.setId(id);
        slider.setPrefWidth(130);
        slider.setMinWidth(90);
        slider.valueProperty().bindBidirectional(smoothing);
        Tooltip.install(slider, new Tooltip("Exponential moving average of each curve, as TensorBoard's: "
                + "0 = the raw values; the raw curve stays faint behind the smoothed one"));
        Label value = new Label();
        value.textProperty().bind(smoothing.asString(Locale.ROOT, "%.2f"));
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label name = new Label("Smoothing");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("legend click: hide / show \u00b7 hover: values");
        hint.getStyleClass().add("caption");
        hint.setMinWidth(0);
        hint.setId(id + "-hint");
        Tooltip tip = new Tooltip("Click a legend entry to hide or show its curves (click again to bring them back); "
                + "hover a chart to read every curve's value at that x.");
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(name, tip);
        HBox bar = new HBox(8, name, slider, value, hint);
        // where the row is narrow (a 1024 x 700 window) the hint is the label's tooltip only
        bar.sceneProperty().addListener((o, a, sc) -> {
            if (sc != null) {
                hint.visibleProperty().bind(sc.widthProperty().greaterThan(1250));
                hint.managedProperty().bind(hint.visibleProperty());
            }
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 6, 2, 6));
        return bar;
    }
}
