package org.addernet.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file the user names for a command to write ({@code --csv}, {@code --png}, {@code --out FILE}):
 * checked before any work, never a folder made for it. Only run folders are made when missing;
 * an export into a folder that does not exist is refused, so a typo in a path never leaves
 * folders behind.
 */
final class OutputFile {
    private OutputFile() {
    }

    /** What is wrong with writing {@code file} (named by {@code option}), or null when it can be written. */
    static String problem(String option, Path file) {
        String named = option + " " + file;
        if (Files.isDirectory(file)) {
            return named + ": is a folder; give a file name (e.g. " + file.resolve("out" + extension(file)) + ")";
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return named + (Files.exists(parent) ? ": " + parent + " is a file, not a folder; choose another file"
                    : ": the folder " + displayParent(file) + " does not exist; make it first, or choose another file");
        }
        if (parent != null && !Files.isWritable(parent)) {
            return named + ": the folder " + displayParent(file) + " cannot be written (permission denied); choose another file";
        }
        return null;
    }

    private static Path displayParent(Path file) {
        Path p = file.getParent();
        return p != null ? p : file.toAbsolutePath().getParent();
    }

    private static String extension(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        return n.contains(".") ? n.substring(n.lastIndexOf('.')) : ".png";
    }
}
