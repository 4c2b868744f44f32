package org.addernet.app.runner;

import java.io.IOException;

/** The output folder cannot take this run (a file, or a folder holding another run): a user error. */
public final class OutputFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputFolderException(String message) {
        super(message);
    }
}
