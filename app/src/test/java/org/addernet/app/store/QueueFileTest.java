package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** queue.json bound to records: the saved shape, the round trip, and what a damaged file becomes. */
class QueueFileTest {
    @TempDir
    Path home;

    private static QueueEntry entry(String id, RunStatus state) {
        QueueEntry e = QueueEntry.queued("fig4-xor", PresetLoader.resolve("fig4-xor", List.of()), List.of("seed=3"), 2,
                null);
        e.id = id;
        e.state = state;
        e.added = "2025-01-01T00:00:00Z";
        return e;
    }

    @Test
    void itemsAreSavedInTheFilesShapeAndReadBack() throws IOException {
        QueueFile f = QueueFile.lock(home);
        try {
            QueueEntry a = entry("q1", RunStatus.QUEUED);
            QueueEntry b = entry("q7", RunStatus.FAILED);
            b.runFolder = home.resolve("runs").resolve("20250101-000000-fig4-xor");
            b.error = "q7: boom";
            f.save(List.of(a, b), 3, 8);
            String text = Files.readString(f.path());
            assertTrue(text.startsWith("{\n  \"format\" : 1,\n  \"parallel\" : 3,\n  \"nextId\" : 8,\n  \"items\" : [ {\n"
                    + "    \"id\" : \"q1\",\n    \"preset\" : \"fig4-xor\",\n    \"presetName\" : \"fig4-xor\",\n"), text);
            assertTrue(text.contains("\"state\" : \"failed\",\n    \"runFolder\" : \"runs/20250101-000000-fig4-xor\","),
                    "a folder in the home is saved relative to it: " + text);
            assertTrue(text.contains("\"presetJson\" : {\n      \"name\" : \"fig4-xor\""), "the preset as an object");

            QueueFile.Loaded l = f.read();
            assertTrue(l.found());
            assertNull(l.warning());
            assertEquals(3, l.parallel());
            assertEquals(8, l.nextId());
            assertEquals(List.of(a.snapshot(), b.snapshot()), l.items().stream().map(QueueEntry::snapshot).toList());
        } finally {
            f.release();
        }
    }

    @Test
    void theNextIdIsAboveEverySavedOne() throws IOException {
        QueueFile f = QueueFile.lock(home);
        try {
            f.save(List.of(entry("q12", RunStatus.COMPLETED)), 1, 2);
            assertEquals(13, f.read().nextId());
        } finally {
            f.release();
        }
    }

    @Test
    void aDamagedFileIsMovedAsideWithOneLineSayingWhereAndWhat() throws IOException {
        String item = "{\"id\": \"q1\", \"preset\": \"x\", \"presetName\": \"x\", \"kind\": \"toy\", \"seeds\": %s, "
                + "\"state\": %s, \"presetJson\": %s}";
        List<String[]> cases = List.of(
                new String[] {"{\"items\": [ {\"id\": 1", "not valid JSON: "},
                new String[] {"{\"items\": [" + item.formatted("\"many\"", "\"queued\"", "{}") + "]}", "items[0].seeds: "},
                new String[] {"{\"items\": [" + item.formatted("0", "\"queued\"", "{}") + "]}",
                    "q1: seeds: expected a whole number >= 1"},
                new String[] {"{\"items\": [" + item.formatted("1", "\"finished\"", "{}") + "]}",
                    "items[0].state: Cannot deserialize value of type `org.addernet.engine.train.RunStatus` from String "
                            + "\"finished\": unknown status 'finished'"},
                new String[] {"{\"items\": [" + item.formatted("1", "\"diverged\"", "{}") + "]}",
                    "q1: state: unknown state 'diverged'"},
                new String[] {"{\"items\": [" + item.formatted("1", "\"queued\"", "\"text\"") + "]}",
                    "q1: presetJson: expected the merged preset object"},
                new String[] {"{\"format\": 2, \"items\": []}", "format 2 is newer than this workbench reads"},
                new String[] {"[1, 2]", "expected {\"items\": [...]}"});
        for (String[] c : cases) {
            try (Stream<Path> s = Files.list(home)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            QueueFile f = QueueFile.lock(home);
            try {
                Files.writeString(f.path(), c[0]);
                QueueFile.Loaded l = f.read();
                assertFalse(l.found(), c[0]);
                assertTrue(l.items().isEmpty());
                assertTrue(l.warning().startsWith(f.path() + ": " + c[1]), c[0] + " -> " + l.warning());
                assertTrue(l.warning().endsWith(", the queue starts empty"), l.warning());
                assertFalse(Files.exists(f.path()), "moved aside");
                try (Stream<Path> s = Files.list(home)) {
                    assertEquals(c[0], Files.readString(s.filter(p -> p.getFileName().toString()
                            .startsWith("queue.json.damaged-")).findFirst().orElseThrow()), "kept as it was");
                }
            } finally {
                f.release();
            }
        }
    }

    @Test
    void oneProcessAtATimeHoldsTheQueue() throws IOException {
        QueueFile f = QueueFile.lock(home);
        try {
            IOException e = assertThrows(IOException.class, () -> QueueFile.lock(home));
            assertEquals(home.resolve("queue.json") + ": the queue is open in another workbench (it holds "
                    + home.resolve("queue.lock") + "); close that one first", e.getMessage());
        } finally {
            f.release();
        }
        QueueFile.lock(home).release();
    }
}
