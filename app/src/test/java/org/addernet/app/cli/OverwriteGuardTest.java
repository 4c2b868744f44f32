package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.addernet.app.io.RunFiles;
import org.addernet.app.store.QueueItem;
import org.addernet.app.store.RunQueue;
import org.addernet.app.store.RunStore;
import org.addernet.app.testdata.ChildJvm;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, class 1 (results overwritten): a folder that holds any run artefact is refused to a new
 * run, two runs into one folder at once are not both let in, and a queue item's folder is claimed
 * the same way.
 */
class OverwriteGuardTest {
    static final String[] SHORT = {"--set", "training.iterations=60", "--set", "data.samples=200",
        "--set", "output.gridResolution=30", "--set", "output.panelSize=120", "--set", "runs.hidden=[2]",
        "--jobs", "1"};

    @TempDir
    Path tmp;

    static String[] toy(Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("run", "fig2-unit-ball", "--out", out.toString()));
        a.addAll(List.of(SHORT));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** Every file under {@code dir} with its bytes' hash, for "nothing changed". */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)) + "/" + Files.size(p));
            }
        }
        return m;
    }

    @Test
    void aKilledRunsFolderIsNotWrittenOver() throws IOException {
        Path out = tmp.resolve("killed");
        assertEquals(0, Cli.run(toy(out)).exit());
        Files.delete(out.resolve(RunFiles.SUMMARY));            // what a kill before the summary leaves
        Files.delete(out.resolve(RunFiles.GRID));
        Files.delete(out.resolve(RunFiles.ACCURACY_TABLE));
        Map<String, String> before = snapshot(out);

        Cli again = Cli.run(toy(out, "--seeds", "1"));
        assertEquals(2, again.exit(), again.err());
        assertEquals(1, again.err().strip().lines().count(), again.err());
        assertTrue(again.err().startsWith("workbench run: --out " + out + " already holds a run (adder-n2-s1/decision-boundary.png, "
                + "adder-n2-s1/metrics.csv, "),
                again.err());
        assertTrue(again.err().contains("choose another folder"), again.err());
        assertEquals(before, snapshot(out), "nothing in the folder changed");
    }

    @Test
    void aFolderHoldingOnlyACheckpointIsRefused() throws IOException {
        Path out = tmp.resolve("ckpt");
        Files.createDirectories(out.resolve("lenet5-bn-adder-s1"));
        Files.write(out.resolve("lenet5-bn-adder-s1").resolve(RunFiles.CHECKPOINT), new byte[] {1, 2, 3});
        Cli r = Cli.run(toy(out));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("lenet5-bn-adder-s1/checkpoint.bin"), r.err());
        assertEquals(3, Files.size(out.resolve("lenet5-bn-adder-s1").resolve(RunFiles.CHECKPOINT)));
    }

    @Test
    void theSecondOfTwoRunsStartedAtOnceIntoOneFolderIsRefused() throws Exception {
        Path out = tmp.resolve("shared");
        // the first run: another JVM, held still in the middle of writing its first file
        ChildJvm first = ChildJvm.start(tmp, "first", RunFiles.PRESET + "@1:half", null, List.of(toy(out)));
        try {
            assertTrue(first.awaitPause(60_000), "the first run got to its first write: " + first.log());
            Cli second = Cli.run(toy(out));
            assertEquals(2, second.exit(), second.err());
            assertEquals("workbench run: --out " + out + ": another run is writing it (process " + first.pid()
                    + ", since ", second.err().strip().substring(0, second.err().strip().indexOf(", since ") + 8));
            assertTrue(second.err().strip().endsWith("wait for it to end, or choose another folder"), second.err());
        } finally {
            first.kill();
        }
        // the first run was killed: its lock is stale and taken over, and said so
        Cli third = Cli.run(toy(out));
        assertEquals(0, third.exit(), third.err());
        assertTrue(third.err().contains("took over the lock of process " + first.pid()), third.err());
        assertFalse(Files.exists(out.resolve(RunFiles.LOCK)), "the lock is let go at the end");
    }

    @Test
    void aQueueItemsFolderHeldByAnotherProcessIsNotWrittenInto() throws Exception {
        Path home = tmp.resolve("home");
        Path folder = home.resolve("runs").resolve("20250101-000000-fig2-unit-ball");
        Files.createDirectories(folder);
        String preset = PresetLoader.toJson(PresetLoader.resolve("fig2-unit-ball", List.of("training.iterations=40",
                "data.samples=100", "output.gridResolution=20", "output.panelSize=100", "runs.hidden=[1]")));
        Files.writeString(home.resolve(RunQueue.FILE), "{\"format\": 1, \"parallel\": 1, \"nextId\": 2, \"items\": [{"
                + "\"id\": \"q1\", \"preset\": \"fig2-unit-ball\", \"presetName\": \"fig2-unit-ball\", \"title\": \"\", "
                + "\"kind\": \"toy\", \"seeds\": 1, \"overrides\": [], \"state\": \"interrupted\", \"runFolder\": \"runs/"
                + folder.getFileName() + "\", \"attempts\": 1, \"added\": \"2025-01-01T00:00:00Z\", \"presetJson\": "
                + preset + "}]}");
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            Files.writeString(folder.resolve(RunFiles.LOCK), "{\"pid\": " + other.pid() + ", \"processStarted\": \""
                    + other.info().startInstant().map(Instant::toString).orElse("") + "\", \"claimed\": \""
                    + Instant.now() + "\"}\n");
            try (RunQueue q = RunQueue.open(new RunStore(home), "cli")) {
                q.start();
                assertTrue(q.awaitIdle(60_000));
                QueueItem it = q.items().get(0);
                assertEquals(RunStatus.FAILED, it.state(), String.valueOf(it.error()));
                assertTrue(it.error().contains("another run is writing it (process " + other.pid()), it.error());
            }
            try (Stream<Path> s = Files.list(folder)) {
                assertEquals(List.of(RunFiles.LOCK), s.map(p -> p.getFileName().toString()).toList(),
                        "nothing was written into the held folder");
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
    }
}
