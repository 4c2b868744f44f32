package org.addernet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.RunFiles;
import org.addernet.app.store.WorkbenchHome;

/**
 * What the command line does with an internal error (a bug, not bad input): the stack trace goes
 * to a log file, in the run folder of the command in flight ({@code crash-<time>.log}) or, when
 * there is none, in the home's {@code logs/} (only when the home exists; else the system's
 * temporary folder), and the user reads one line naming it. Never a trace on the terminal.
 */
final class CrashLog {
    /** The run folder of the command in flight, or null. */
    private static volatile Path runFolder;

    private static final Map<String, String> KINDS = Map.of(
            "NullPointerException", "a missing value",
            "IllegalStateException", "a broken state",
            "ArrayIndexOutOfBoundsException", "an index out of range",
            "IndexOutOfBoundsException", "an index out of range",
            "ArithmeticException", "an arithmetic error",
            "ClassCastException", "a value of the wrong type",
            "UnsupportedOperationException", "an unsupported operation",
            "ConcurrentModificationException", "a list changed while it was read",
            "StackOverflowError", "a stack overflow");

    private CrashLog() {
    }

    /** The run folder a crash of this command should be logged in (null: none, or the command has let it go). */
    static void runFolder(Path folder) {
        runFolder = folder;
    }

    /**
     * Writes {@code error}'s trace (with the command's arguments) to the log and returns the one
     * line for the user.
     */
    static String report(Throwable error, String[] args) {
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println("AdderNet Workbench " + RunFiles.ENGINE_VERSION + ", " + Instant.now() + ", Java "
                    + System.getProperty("java.version") + " on " + System.getProperty("os.name"));
            w.println("command: workbench " + String.join(" ", args));
            error.printStackTrace(w);
        }
        String what = "internal error (a bug of the workbench: " + kind(error) + ")";
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path log = null;
        try {
            log = folder().resolve(RunFiles.CRASH_LOG_PREFIX + stamp + ".log");
            AtomicFiles.writeString(log, trace.toString());
            return "workbench: " + what + "; the details are in " + log + "; please report it with that file";
        } catch (IOException | RuntimeException e) {
            return "workbench: " + what + "; its details could not be written" + (log == null ? "" : " to " + log)
                    + ": " + org.addernet.app.io.IoText.reason(e);
        }
    }

    /** The error's kind and message in words ({@code a broken state: the message}). */
    static String kind(Throwable e) {
        String k = KINDS.getOrDefault(e.getClass().getSimpleName(), e instanceof OutOfMemoryError ? "out of memory"
                : "an unexpected error");
        return e.getMessage() == null || e.getMessage().isBlank() ? k : k + ": " + firstLine(e.getMessage());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Where the log goes: the run folder, the home's logs/ when the home exists, else the temporary folder. */
    private static Path folder() throws IOException {
        Path run = runFolder;
        if (run != null && Files.isDirectory(run)) {
            return run;
        }
        Path home = WorkbenchHome.resolve(null);
        if (Files.isDirectory(home)) {
            Path logs = home.resolve("logs");
            Files.createDirectories(logs);
            return logs;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
