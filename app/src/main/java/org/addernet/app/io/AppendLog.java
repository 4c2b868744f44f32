package org.addernet.app.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A log a run appends to as it goes ({@code run.log} of a queue item), opened and written through
 * the writer's file operations ({@link AtomicFiles.FileOps#append}), so that a full disk, real or
 * simulated, reaches it as it reaches every other file. The log is not a result (the manifest,
 * summary and metrics are): a failure to open or write it (a full disk, no permission, a folder
 * in its place) does not fail the run and is not silent either: it is said once, on {@code warn},
 * in one line naming the file and why, and the log's later lines are dropped. A {@link PrintStream}
 * over it never sees an error (none would be reported: a PrintStream swallows them).
 */
public final class AppendLog extends OutputStream {
    private final Path file;
    private final Consumer<String> warn;
    private OutputStream out;
    private boolean lost;

    private AppendLog(Path file, Consumer<String> warn) {
        this.file = file.toAbsolutePath();
        this.warn = warn;
        try {
            out = AtomicFiles.ops().append(this.file);
        } catch (IOException e) {
            lose(e);
        }
    }

    /**
     * Opens {@code file} to add lines to (made when missing), as a UTF-8 stream that flushes each
     * line to the file.
     *
     * @param warn where the one line goes when the log cannot be written ({@code System.err::println})
     */
    public static PrintStream open(Path file, Consumer<String> warn) {
        return new PrintStream(new AppendLog(file, warn), true, StandardCharsets.UTF_8);
    }

    private void lose(IOException e) {
        if (!lost) {
            lost = true;
            warn.accept("workbench: warning: cannot write " + file + ": " + IoText.reason(e) + "; the run goes on, its "
                    + "log's lines from here are not kept (the log is not one of its results)");
        }
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // already said
            }
            out = null;
        }
    }

    @Override
    public synchronized void write(int b) {
        if (out != null) {
            try {
                out.write(b);
            } catch (IOException e) {
                lose(e);
            }
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (out != null) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                lose(e);
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                lose(e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                lose(e);
            }
            out = null;
        }
    }
}
