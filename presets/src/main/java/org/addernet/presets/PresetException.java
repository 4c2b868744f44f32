package org.addernet.presets;

import java.util.List;

/**
 * A preset that cannot be used. The message names the file (or {@code --set} option), the
 * line:column, the field and what was expected; when a file has several problems, the message
 * lists them all (see {@link Problems#message()}) and {@link #problems()} gives each.
 */
public final class PresetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** A problem already put in words (no structured problems). */
    public PresetException(String message) {
        super(message);
        this.problems = List.of();
    }

    /** Every problem of one input; {@code problems} must not be empty. */
    public PresetException(Problems problems) {
        super(problems.message());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems.list());
    }

    /** The problems one by one (empty when the exception was made from a message alone). */
    public List<Problem> problems() {
        return problems;
    }
}
