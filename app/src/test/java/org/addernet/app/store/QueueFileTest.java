package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void aDamagedFileIsRefusedNamingEveryProblemAndLeftAsItIs() throws IOException {
        String item = "{\"id\": \"q1\", \"preset\": \"x\", \"presetName\": \"x\", \"kind\": \"toy\", \"seeds\": %s, "
                + "\"state\": %s, \"presetJson\": %s}";
        String hint = "fix the file, or move it away to start an empty queue";
        List<String[]> cases = List.of(
                new String[] {"{\"items\": [ {\"id\": 1", ":1:21: not valid JSON: the text ends before the { ... } opened at "
                    + "1:13 is closed"},
                new String[] {"{\"items\": [" + item.formatted("\"many\"", "\"queued\"", "{}") + "]}",
                    ":1:@seeds: items[0].seeds: expected a whole number >= 1, got the string \"many\"; " + hint},
                new String[] {"{\"items\": [" + item.formatted("0", "\"queued\"", "{}") + "]}",
                    ":1:@seeds: items[0].seeds: expected a whole number >= 1, got 0; " + hint},
                new String[] {"{\"items\": [" + item.formatted("1", "\"finished\"", "{}") + "]}",
                    ":1:@state: items[0].state: expected one of queued, running, completed, failed, cancelled, interrupted, "
                            + "got \"finished\"; " + hint},
                new String[] {"{\"items\": [" + item.formatted("1", "\"diverged\"", "{}") + "]}",
                    ":1:@state: items[0].state: expected one of queued, running, completed, failed, cancelled, interrupted, "
                            + "got \"diverged\"; " + hint},
                new String[] {"{\"items\": [" + item.formatted("1", "\"queued\"", "\"text\"") + "]}",
                    ":1:@presetJson: items[0].presetJson: expected an object { ... }, got the string \"text\"; " + hint},
                new String[] {"{\"format\": 2, \"items\": []}", ":1:2: format: format 2 is newer than this workbench reads (1); "
                    + hint},
                new String[] {"[1, 2]", ":1:1: expected an object { ... }, got a list; " + hint},
                new String[] {"{\"items\": [" + item.formatted("-1", "7", "[]") + "]}", ": 3 problems:"});
        for (String[] c : cases) {
            try (Stream<Path> s = Files.list(home)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            QueueFile f = QueueFile.lock(home);
            try {
                Files.writeString(f.path(), c[0]);
                QueueFileException e = assertThrows(QueueFileException.class, f::read, c[0]);
                String expected = c[1].replace("@seeds", col(c[0], "seeds")).replace("@state", col(c[0], "state"))
                        .replace("@presetJson", col(c[0], "presetJson"));
                assertTrue(e.getMessage().startsWith(f.path() + expected), c[0] + " -> " + e.getMessage());
                assertTrue(e.getMessage().endsWith(hint), e.getMessage());
                assertEquals(c[0], Files.readString(f.path()), "left as it was");
                try (Stream<Path> s = Files.list(home)) {
                    assertEquals(List.of("queue.json", "queue.lock"), s.map(p -> p.getFileName().toString()).sorted()
                            .toList(), "nothing moved or copied");
                }
            } finally {
                f.release();
            }
        }
    }

    /** The column of {@code "key"} in one-line {@code json} (1-based), as the message gives it. */
    private static String col(String json, String key) {
        return String.valueOf(json.indexOf("\"" + key + "\"") + 1);
    }

    @Test
    void aFolderWhereTheFileShouldBeIsAnError() throws IOException {
        Files.createDirectories(home.resolve(QueueFile.FILE));
        QueueFileException e = assertThrows(QueueFileException.class, () -> QueueFile.read(home));
        assertEquals(home.resolve(QueueFile.FILE) + ": is a folder, expected the queue's file; move it away to start an "
                + "empty queue", e.getMessage());
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
