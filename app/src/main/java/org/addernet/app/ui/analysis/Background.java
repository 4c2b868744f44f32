package org.addernet.app.ui.analysis;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.scene.control.Label;

/**
 * Runs one piece of work of a tab off the FX thread: the status label says what is going on,
 * then clears, or shows the failure's message in red; {@link #busy} disables the tab's buttons.
 */
final class Background {
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Label status;

    Background(Label status) {
        this.status = status;
        status.getStyleClass().add("status");
        status.setWrapText(true);
    }

    <T> void run(String what, Callable<T> work, Consumer<T> done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        say(what + "\u2026", false);
        Task<T> t = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        t.setOnSucceeded(e -> {             // busy turns false last, once the result is shown
            say("", false);
            try {
                done.accept(t.getValue());
            } catch (RuntimeException x) {
                say(message(x), true);
            }
            busy.set(false);
        });
        t.setOnFailed(e -> {
            busy.set(false);
            say(message(t.getException()), true);
        });
        Thread th = new Thread(t, "analysis: " + what);
        th.setDaemon(true);
        th.start();
    }

    /** Shows {@code text}; red when it reports a problem. */
    void say(String text, boolean problem) {
        status.setText(text);
        status.setStyle(problem ? "-fx-text-fill: #d0103a;" : "");
    }

    /**
     * A button that asks for a folder ({@code title} on the dialog, over the tab's window) and
     * hands it to {@code open}; disabled while this background work runs.
     */
    javafx.scene.control.Button folderButton(String text, String id, String title,
                                             java.util.function.Supplier<javafx.stage.Window> owner,
                                             Consumer<java.nio.file.Path> open) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(text);
        b.setId(id);
        b.disableProperty().bind(busy);
        b.setOnAction(e -> {
            javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
            dc.setTitle(title);
            java.io.File f = dc.showDialog(owner.get());
            if (f != null) {
                open.accept(f.toPath());
            }
        });
        return b;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m;
    }
}
