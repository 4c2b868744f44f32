package org.addernet.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Asserts that two run folders hold the same numbers, bit for bit: {@code summary.json}'s runs
 * and aggregate (every field but the wall-clock ones) compared as JSON text, whose doubles are
 * Jackson's shortest round-trip form, and every run's {@code metrics.csv} line by line (an
 * epoch run's time columns left out).
 */
final class SameNumbers {
    /** Wall-clock fields: they differ between any two runs of the same numbers. */
    private static final Set<String> CLOCK = Set.of("seconds", "imagesPerSecond");
    private static final Set<String> CLOCK_COLUMNS = Set.of("seconds", "images_per_second");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SameNumbers() {
    }

    /** Returns the number of runs compared. */
    static int assertSame(Path expected, Path actual) throws IOException {
        JsonNode e = JSON.readTree(expected.resolve("summary.json").toFile());
        JsonNode a = JSON.readTree(actual.resolve("summary.json").toFile());
        List<String> ids = new ArrayList<>();
        assertEquals(e.get("runs").size(), a.get("runs").size(), "number of runs");
        for (int i = 0; i < e.get("runs").size(); i++) {
            JsonNode er = strip(e.get("runs").get(i));
            JsonNode ar = strip(a.get("runs").get(i));
            assertEquals(er.toString(), ar.toString(), "run " + i + " of " + actual.resolve("summary.json"));
            ids.add(er.get("id").asText());
        }
        for (String f : List.of("aggregate", "table", "seeds", "preset")) {
            if (e.has(f)) {
                assertEquals(e.get(f).toString(), a.get(f).toString(), f + " of " + actual.resolve("summary.json"));
            }
        }
        assertFalse(ids.isEmpty(), "no runs in " + expected);
        for (String id : ids) {
            Path em = expected.resolve(id).resolve("metrics.csv");
            Path am = actual.resolve(id).resolve("metrics.csv");
            assertTrue(Files.isRegularFile(am), am + " is missing");
            assertEquals(columns(em), columns(am), am.toString());
        }
        return ids.size();
    }

    private static JsonNode strip(JsonNode run) {
        ObjectNode o = run.deepCopy();
        CLOCK.forEach(o::remove);
        return o;
    }

    /** The file's lines without its wall-clock columns. */
    private static List<String> columns(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> head = List.of(lines.get(0).split(",", -1));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < cells.length; k++) {
                if (k < head.size() && CLOCK_COLUMNS.contains(head.get(k))) {
                    continue;
                }
                sb.append(cells[k]).append(',');
            }
            out.add(sb.toString());
        }
        return out;
    }
}
