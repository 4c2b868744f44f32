package org.addernet.app.runner;

/**
 * The output folder cannot take this run (a file, a folder another run holds, or one holding
 * another run's files; see {@link org.addernet.app.io.FolderClaim}): a user error.
 */
public final class OutputFolderException extends org.addernet.app.io.FolderRefusedException {
    private static final long serialVersionUID = 1L;

    public OutputFolderException(String message) {
        super(message);
    }
}
