package org.addernet.app.ui.view;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.addernet.app.ui.vm.NumberInput;

/**
 * A text field over a {@link NumberInput}: what is typed is checked at once; an invalid entry gets
 * a red frame and its one-line reason in {@link #reason()} (shown under the field), and is not in
 * effect. The tooltip says what the setting is and which values it takes.
 */
final class NumberField {
    private final TextField field = new TextField();
    private final Label reason = new Label();

    NumberField(NumberInput in, String id, String tip) {
        field.setId(id);
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(in.text);
        field.getProperties().put("input", in);      // the binding holds the input weakly
        Tooltip t = new Tooltip((tip == null ? "" : tip + "\n") + in.rangeNote());
        t.setWrapText(true);
        t.setMaxWidth(380);
        t.setShowDelay(Duration.millis(300));
        field.setTooltip(t);
        reason.setId(id + "-reason");
        reason.getStyleClass().add("field-reason");
        reason.setWrapText(true);
        reason.setMaxWidth(ControlsPane.NOTE_WIDTH);
        reason.setPrefWidth(ControlsPane.NOTE_WIDTH);
        reason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        reason.textProperty().bind(in.error());
        reason.visibleProperty().bind(in.error().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        in.error().addListener((o, a, b) -> mark(!b.isEmpty()));
        mark(!in.isValid());
    }

    private void mark(boolean invalid) {
        if (invalid) {
            if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
        } else {
            field.getStyleClass().remove("invalid");
        }
    }

    TextField field() {
        return field;
    }

    /** The reason an entry is not in effect (hidden while it is). */
    Label reason() {
        return reason;
    }
}
