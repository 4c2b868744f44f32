package org.addernet.app.runner;

import java.io.PrintStream;

/**
 * Where a runner's lines go for a person to read: the command line's stderr (a terminal redraws
 * the epoch progress bar in place), a queue item's {@code run.log}, nowhere. Programs read the
 * same lines through {@link RunObserver#line}; this is only the human copy, and it is not part
 * of a {@link RunRequest} (a stream does not travel to another JVM).
 *
 * @param stream   the stream, or null for none
 * @param terminal whether {@code stream} is a terminal (progress bars redrawn with {@code \r})
 */
public record RunLog(PrintStream stream, boolean terminal) {
    /** Prints nothing. */
    public static final RunLog NONE = new RunLog(null, false);

    /** Lines to {@code stream}, which is not a terminal. */
    public static RunLog to(PrintStream stream) {
        return new RunLog(stream, false);
    }

    /** Prints {@code line} and a line break, whole even when runs print at once. */
    public void println(String line) {
        if (stream != null) {
            synchronized (stream) {
                stream.println(line);
            }
        }
    }
}
