package org.addernet.app.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** A temporary folder for a property test's tries (jqwik has no {@code @TempDir} per container). */
public final class TempRoot {
    private TempRoot() {
    }

    public static Path make(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    /** Deletes {@code root} and all below it. */
    public static void remove(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
