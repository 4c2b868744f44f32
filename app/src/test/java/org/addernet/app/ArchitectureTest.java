package org.addernet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine, datasets and presets modules know nothing of JavaFX or AWT (DESIGN.md's layering). */
class ArchitectureTest {
    @ParameterizedTest
    @ValueSource(strings = {"engine", "datasets", "presets"})
    void coreModulesImportNoUiToolkit(String module) throws IOException {
        Path src = Path.of("..", module, "src", "main", "java");
        assertTrue(Files.isDirectory(src), "run from the app module: " + src.toAbsolutePath());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    if (l.startsWith("import javafx.") || l.startsWith("import java.awt") || l.startsWith("import javax.swing")
                            || l.startsWith("import javax.imageio") || l.startsWith("import org.addernet.app")) {
                        offenders.add(f.getFileName() + ": " + l);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine", "datasets"})
    void lowerModulesDoNotReachUp(String module) throws IOException {
        Path src = Path.of("..", module, "src", "main", "java");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    if (l.startsWith("import org.addernet.presets") || (module.equals("engine") && l.startsWith("import org.addernet.datasets"))) {
                        offenders.add(f.getFileName() + ": " + l);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
