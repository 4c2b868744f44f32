package org.addernet.app.store;

import java.io.IOException;

/**
 * {@code queue.json} cannot be used: a folder where the file should be, unreadable, or damaged.
 * The message names the file and every problem (line:column, field, what was expected) and what
 * to do; the file is left as it is. A user error: the command line exits 2 with it, the window
 * shows it instead of the queue.
 */
public final class QueueFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public QueueFileException(String message) {
        super(message);
    }
}
