package org.addernet.app.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, in words a user reads: {@code no space left on device},
 * {@code permission denied}, {@code no such file or folder}; never a Java exception's class
 * name. The one place where the JDK's exceptions become the reasons our messages give.
 */
public final class IoText {
    private IoText() {
    }

    /** The reason of {@code e} (an I/O failure, or what wraps one), without the file's name when the JDK put it there. */
    public static String reason(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof WriteFailedException w) {
            return w.reason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof CharacterCodingException) {
            return "the text is not UTF-8";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return words(f.getReason());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e instanceof IOException ? "an input/output error" : "an unexpected error (" + e.getClass().getSimpleName() + ")";
        }
        return words(m);
    }

    /**
     * The message of an I/O failure for a user: the JDK's file-system errors as {@code FILE:
     * reason} (their own message is the bare path), the workbench's own as they are.
     */
    public static String message(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof FileSystemException f && !(e.getClass().getName().startsWith("org.addernet"))) {
            return (f.getFile() == null ? "" : f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile())
                    + ": ") + reason(f);
        }
        return e.getMessage() != null ? e.getMessage() : describe(e);
    }

    /**
     * Any failure of a run in words: an I/O failure's {@link #reason}, running out of memory with
     * what to do, an expected error's message; a bug names its kind ({@code an internal error
     * (NullPointerException)}), never with a stack trace.
     */
    public static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "); use fewer seeds, fewer --jobs or a smaller preset, or a "
                    + "larger heap via WORKBENCH_JAVA_OPTS=-Xmx...";
        }
        if (e instanceof StackOverflowError) {
            return "an internal error (the stack overflowed)";
        }
        if (e instanceof IOException) {
            String m = e.getMessage();
            return e.getClass().getName().startsWith("org.addernet") && m != null ? m : reason(e);
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null
                || e.getClass().getName().startsWith("org.addernet") && e.getMessage() != null) {
            return e.getMessage();
        }
        return "an internal error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + e.getMessage()) + ")";
    }

    /**
     * {@code s} (a value quoted from a file) with its control characters (a line break, a lone
     * carriage return, a tab) written as a {@code \\u} escape, so that a message stays one line.
     */
    public static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** {@code true} when {@code e} says the disk (or the user's quota) is full. */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("no space left on device")
                    || m.contains("Disk quota exceeded") || m.contains("There is not enough space"))) {
                return true;
            }
        }
        return false;
    }

    /** The JDK's (and the OS's) phrases as ours: lower-case, the full-disk phrases made one. */
    private static String words(String m) {
        if (isDiskFull(new IOException(m))) {
            return m.contains("quota") ? "disk quota exceeded (no space left on device for this user)" : "no space left on device";
        }
        if (m.equals("Not a directory")) {
            return "a part of the path is a file, not a folder";
        }
        if (m.equals("Is a directory")) {
            return "it is a folder, not a file";
        }
        return m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))
                ? m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1) : m;
    }
}
