package org.addernet.app.ui.vm;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A window's one-line message: what is going on or what a command did, or what is wrong ({@link #problem}). */
public final class StatusLine {
    private final ReadOnlyStringWrapper text;
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);

    public StatusLine(String initial) {
        text = new ReadOnlyStringWrapper(initial);
    }

    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    /** Whether the text reports a problem (views show it in red). */
    public ReadOnlyBooleanProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** Shows {@code message} (null: nothing); a problem when {@code isProblem}. */
    public void say(String message, boolean isProblem) {
        text.set(message == null ? "" : message);
        problem.set(isProblem);
    }
}
