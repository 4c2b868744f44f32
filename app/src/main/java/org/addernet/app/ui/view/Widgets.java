package org.addernet.app.ui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.addernet.app.ui.vm.Activity;

/** Small pieces the windows' views share: a status line bound to a view model, a folder button. */
public final class Widgets {
    /** The red of a problem in a status line. */
    public static final String PROBLEM_STYLE = "-fx-text-fill: #d0103a;";

    private Widgets() {
    }

    /** {@code label} shows {@code text}; in {@code problemStyle} while {@code problem} holds. */
    public static Label status(Label label, ObservableStringValue text, ObservableBooleanValue problem,
                               String problemStyle) {
        return status(label, text, problem, problemStyle, "");
    }

    /** {@code label} shows {@code text}; in {@code problemStyle} while {@code problem} holds, else in {@code plainStyle}. */
    public static Label status(Label label, ObservableStringValue text, ObservableBooleanValue problem,
                               String problemStyle, String plainStyle) {
        label.textProperty().bind(text);
        Runnable style = () -> label.setStyle(problem.get() ? problemStyle : plainStyle);
        problem.addListener((o, a, b) -> style.run());
        style.run();
        return label;
    }

    /** {@code label} as the status line of {@code activity}: grey, wrapped, red on a problem. */
    public static Label status(Label label, Activity activity) {
        label.getStyleClass().add("status");
        label.setWrapText(true);
        return status(label, activity.message(), activity.problem(), PROBLEM_STYLE);
    }

    /**
     * A button that asks for a folder ({@code title} on the dialog, over {@code owner}) and hands
     * it to {@code open}; disabled while {@code busy}.
     */
    public static Button folderButton(String text, String id, String title, ObservableBooleanValue busy,
                                      Supplier<Window> owner, Consumer<Path> open) {
        return folderButton(text, id, title, busy, owner, open, () -> null);
    }

    /** As {@link #folderButton(String, String, String, ObservableBooleanValue, Supplier, Consumer)}, opening at {@code initial} (null: the system's choice). */
    public static Button folderButton(String text, String id, String title, ObservableBooleanValue busy,
                                      Supplier<Window> owner, Consumer<Path> open, Supplier<Path> initial) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(busy);
        b.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(title);
            Path start = initial.get();
            if (start != null && java.nio.file.Files.isDirectory(start)) {
                dc.setInitialDirectory(start.toFile());
            }
            File f = dc.showDialog(owner.get());
            if (f != null) {
                open.accept(f.toPath());
            }
        });
        return b;
    }

    /** A spinner of whole numbers from {@code min} to {@code max} that shows and sets {@code value} (both ways). */
    public static Spinner<Integer> spinner(int min, int max, int step, IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get(), step);
        s.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                value.set(b);
            }
        });
        value.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }
}
