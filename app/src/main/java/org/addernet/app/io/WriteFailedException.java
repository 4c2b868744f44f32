package org.addernet.app.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file could not be written (a full disk, no permission, a folder in the way): one line naming
 * the file and why, {@code cannot write DIR/grid.png: no space left on device}. What was there
 * before is intact ({@link AtomicFiles} never leaves half a file). A run that meets one is
 * {@code failed} with this message as its reason.
 */
public final class WriteFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public WriteFailedException(Path file, Throwable cause) {
        this(file, IoText.reason(cause), cause);
    }

    public WriteFailedException(Path file, String reason, Throwable cause) {
        this("cannot write ", file, reason, cause);
    }

    private WriteFailedException(String what, Path file, String reason, Throwable cause) {
        super(what + file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /**
     * A folder could not be made (a full disk, a file in its place): {@code cannot make the folder
     * DIR: no space left on device}. A run fails on it as on a file it could not write.
     */
    public static WriteFailedException folder(Path dir, String reason, Throwable cause) {
        return new WriteFailedException("cannot make the folder ", dir, reason, cause);
    }

    /** The file that was not written (or the folder that was not made). */
    public Path file() {
        return file;
    }

    /** Why, in words ({@code no space left on device}). */
    public String reason() {
        return reason;
    }

    /** Whether the disk (or the quota) is full. */
    public boolean isDiskFull() {
        return IoText.isDiskFull(this) || reason.contains("no space left on device");
    }
}
