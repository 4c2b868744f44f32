package org.addernet.app.runner;

import java.io.IOException;

/**
 * A run folder cannot be continued as asked ({@code --resume}): a run's checkpoint is missing
 * (without {@code --restart}), damaged, or of other settings. A user error (exit 2), found before
 * anything is trained; the message names the file and what to do.
 */
public final class ResumeRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public ResumeRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
