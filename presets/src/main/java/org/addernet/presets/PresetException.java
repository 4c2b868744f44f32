package org.addernet.presets;

/** A preset that cannot be used; the message names the file, line, field and what was expected. */
public final class PresetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PresetException(String message) {
        super(message);
    }
}
