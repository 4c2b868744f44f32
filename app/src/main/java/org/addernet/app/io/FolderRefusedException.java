package org.addernet.app.io;

import java.io.IOException;

/**
 * A folder cannot take a run: a file is in the way, another run holds it, or it holds another
 * run's files. A user error (exit 2): the message says which folder, why, and what to do.
 */
public class FolderRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public FolderRefusedException(String message) {
        super(message);
    }
}
