package org.addernet.app.ui.vm;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * One piece of a view model's background work at a time, with what the user reads about it: a
 * {@link #message} that says what is going on, then clears, or says what went wrong
 * ({@link #problem} true); {@link #busy} is true while it runs (views disable their buttons with
 * it). Use on the FX thread; the work itself goes through the {@link UiExecutor}.
 */
public final class Activity {
    private final UiExecutor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StatusLine line = new StatusLine("");

    public Activity(UiExecutor executor) {
        this.executor = executor;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return line.text();
    }

    public ReadOnlyBooleanProperty problem() {
        return line.problem();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /**
     * Runs {@code work} off the FX thread ("{@code what}..." meanwhile), then {@code done} with its
     * result; a failure of either is the message, in red. Ignored while another runs. {@code busy}
     * turns false last, once the result is shown.
     */
    public <T> void run(String what, Callable<T> work, Consumer<T> done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        say(what + "\u2026", false);
        executor.submit(work, value -> {
            say("", false);
            try {
                done.accept(value);
            } catch (RuntimeException x) {
                say(message(x), true);
            }
            busy.set(false);
        }, e -> {
            busy.set(false);
            say(message(e), true);
        });
    }

    /** Shows {@code text}; a problem when {@code isProblem}. */
    public void say(String text, boolean isProblem) {
        line.say(text, isProblem);
    }

    /** A throwable's message, or its name when it has none. */
    public static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m;
    }
}
