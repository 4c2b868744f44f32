package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.addernet.app.io.RunFiles;
import org.addernet.app.testdata.SyntheticMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.addernet.engine.train.RunStatus;

/**
 * Issue 6's "done when": a queue running an image preset in another JVM is killed (SIGKILL, not
 * the button) after its first checkpoint; reopening the queue resumes the run from that checkpoint
 * to the numbers of an uninterrupted run, and nothing in the run store is broken.
 */
class RunQueueKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 4 epochs of 10 steps of LeNet-5-BN (adder) on 320 synthetic MNIST images. */
    private static final List<String> SETTINGS = List.of("training.batchSize=32", "training.epochs=4",
            "training.lr=0.05", "data.augment=true", "runs.models=[\"lenet5-bn-adder\"]");
    private static final String PRESET = "lenet5-bn-mnist-adder-short";

    @TempDir
    Path tmp;

    @Test
    void aQueueKilledMidRunResumesFromItsCheckpointToTheUninterruptedNumbers() throws Exception {
        Path data = SyntheticMnist.write(tmp.resolve("data"), 320, 96, 7);

        // the uninterrupted run, through a queue of its own
        Path whole = uninterrupted(tmp.resolve("home-whole"), PRESET, SETTINGS, data);

        // the same item in another home, run by a separate JVM that is killed after the first checkpoint
        Path home = tmp.resolve("home");
        try (RunQueue q = RunQueue.open(home)) {
            q.add(PRESET, SETTINGS, 1, data);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "org.addernet.app.Main", "queue", "run", "--home",
                home.toString()));
        Path childLog = tmp.resolve("child.log");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        long deadline = System.nanoTime() + 180_000_000_000L;
        Optional<Path> checkpoint = Optional.empty();
        while (checkpoint.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            checkpoint = findCheckpoint(home);
        }
        assertTrue(checkpoint.isPresent(), "the child wrote its first checkpoint: " + Files.readString(childLog));
        child.destroyForcibly().waitFor();
        Path folder = checkpoint.get().getParent().getParent();
        assumeTrue(!Files.exists(folder.resolve("summary.json")), "the child finished before it could be killed");

        // what the kill left: the queue says running, the manifest names a dead process
        JsonNode saved = JSON.readTree(home.resolve(RunQueue.FILE).toFile());
        assertEquals("running", saved.get("items").get(0).get("state").asText());
        RunInfo killed = RunStore.read(folder);
        assertEquals(RunStatus.INTERRUPTED, killed.status());
        assertTrue(killed.reason().contains("ended while it ran"), killed.reason());
        for (RunInfo r : new RunStore(home).list()) {
            assertFalse(r.isDamaged(), r.id() + ": " + r.reason());
        }

        try (RunQueue q = RunQueue.open(home)) {
            QueueItem it = q.items().get(0);
            assertEquals(RunStatus.INTERRUPTED, it.state());
            assertTrue(it.error().contains("continues from its last checkpoint"), it.error());
            q.start();
            assertTrue(q.awaitIdle(180_000));
            it = q.items().get(0);
            assertEquals(RunStatus.COMPLETED, it.state(), String.valueOf(it.error()));
            assertEquals(folder, it.runFolder(), "resumed in the folder it started in");
        }
        String log = Files.readString(folder.resolve(RunFiles.LOG));
        assertTrue(log.contains("resuming lenet5-bn-adder-s1 after epoch"), log);

        JsonNode a = JSON.readTree(whole.resolve("summary.json").toFile()).get("runs").get(0);
        JsonNode b = JSON.readTree(folder.resolve("summary.json").toFile()).get("runs").get(0);
        for (String f : List.of("id", "status", "trainAccuracy", "testAccuracy", "finalLoss", "iterations",
                "epochsDone", "bestTestAccuracy")) {
            assertEquals(a.get(f), b.get(f), f);
        }
        assertEquals(40, b.get("iterations").asInt());
        String id = a.get("id").asText();
        assertEquals(withoutTimings(whole.resolve(id).resolve("metrics.csv")),
                withoutTimings(folder.resolve(id).resolve("metrics.csv")));

        // nothing in the store is broken
        List<RunInfo> runs = new RunStore(home).list();
        assertEquals(1, runs.size());
        RunInfo run = runs.get(0);
        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(1, run.resumes());
        assertEquals("q1", run.queueItem());
        assertEquals("image", run.kind());
        RunQueueTest.assertNoTemporaryFiles(home);
    }

    /** {@code preset} with {@code settings} run to its end through a queue in {@code home}; its run folder. */
    static Path uninterrupted(Path home, String preset, List<String> settings, Path data) throws Exception {
        try (RunQueue q = RunQueue.open(home)) {
            QueueItem it = q.add(preset, settings, 1, data);
            q.start();
            assertTrue(q.awaitIdle(180_000));
            assertEquals(RunStatus.COMPLETED, q.item(it.id()).state(), String.valueOf(q.item(it.id()).error()));
            return q.item(it.id()).runFolder();
        }
    }

    private static Optional<Path> findCheckpoint(Path home) throws IOException {
        Path runs = home.resolve(RunStore.RUNS);
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (var s = Files.list(runs)) {
            return s.map(d -> d.resolve("lenet5-bn-adder-s1").resolve(RunFiles.CHECKPOINT))
                    .filter(Files::isRegularFile).findFirst();
        }
    }

    /** metrics.csv without the seconds and images/s columns, which measure the machine, not the model. */
    static List<String> withoutTimings(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            List<String> keep = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            keep.remove(8);
            keep.remove(7);
            out.add(String.join(",", keep));
        }
        return out;
    }
}
