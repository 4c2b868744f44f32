package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.addernet.app.io.RunFiles;
import org.addernet.app.testdata.ChildJvm;
import org.addernet.app.testdata.SyntheticMnist;
import org.addernet.engine.train.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's fault injection for the queue: {@code queue run} in a JVM of its own is killed with
 * SIGKILL at an exact point of a checkpoint write or of a queue.json write (the atomic writer
 * stops there, {@code -Daddernet.test.pauseAt}; the test then kills it), and the queue is opened
 * again: the item is still there, it resumes (from its last checkpoint, or from epoch 1 when it
 * had none) to the numbers of an uninterrupted run, or it is failed with a reason; the store holds
 * one run folder, not damaged, and no temporary file.
 *
 * <p>{@link #POINTS}: checkpoint.bin writes 1-3 (one per epoch) and queue.json writes 1-4 (the
 * repair save on opening, the item running, its folder named, its folder ready), each at four
 * phases (the temporary file made, half written, all written, renamed): 28 kill points. Each
 * build kills at {@value #PER_BUILD} of them drawn at random (the seed is in every message;
 * {@code ADDERNET_TEST_KILL_SEED=S} (or {@code -Daddernet.test.killSeed}) repeats a draw,
 * {@code ADDERNET_TEST_KILL_POINTS=all} takes all 28).
 */
class QueueKillPointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRESET = "lenet5-bn-mnist-adder-short";
    /** 3 epochs of 2 steps of LeNet-5-BN (CNN) on 64 synthetic MNIST images. */
    private static final List<String> SETTINGS = List.of("training.batchSize=32", "training.epochs=3",
            "training.lr=0.05", "runs.models=[\"lenet5-bn-cnn\"]");
    private static final String RUN = "lenet5-bn-cnn-s1";
    static final int PER_BUILD = 6;
    static final List<String> POINTS = points();

    @TempDir
    Path tmp;

    private static List<String> points() {
        List<String> p = new ArrayList<>();
        for (String phase : List.of("open", "half", "written", "renamed")) {
            for (int n = 1; n <= 3; n++) {
                p.add(RunFiles.CHECKPOINT + "@" + n + ":" + phase);
            }
            for (int n = 1; n <= 4; n++) {
                p.add(RunQueue.FILE + "@" + n + ":" + phase);
            }
        }
        return List.copyOf(p);
    }

    @Test
    void killedAtAnyWriteTheQueueLosesNothingAndItsItemResumes() throws Exception {
        assertEquals(28, POINTS.size());
        String fixed = System.getProperty("addernet.test.killSeed", System.getenv("ADDERNET_TEST_KILL_SEED"));
        long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        List<String> chosen = new ArrayList<>(POINTS);
        if (!"all".equals(System.getProperty("addernet.test.killPoints", System.getenv("ADDERNET_TEST_KILL_POINTS")))) {
            Collections.shuffle(chosen, new Random(seed));
            chosen = chosen.subList(0, PER_BUILD);
        }
        Path data = SyntheticMnist.write(tmp.resolve("data"), 64, 32, 11);

        Path whole = RunQueueKillTest.uninterrupted(tmp.resolve("home-whole"), PRESET, SETTINGS, data);
        JsonNode reference = JSON.readTree(whole.resolve(RunFiles.SUMMARY).toFile()).get("runs").get(0);

        for (int k = 0; k < chosen.size(); k++) {
            String point = chosen.get(k);
            String where = point + " (kill seed " + seed + ")";
            Path home = tmp.resolve("home-" + k);
            try (RunQueue q = RunQueue.open(home)) {
                q.add(PRESET, SETTINGS, 1, data);
            }
            ChildJvm child = ChildJvm.start(tmp, "child-" + k, point, null, List.of("queue", "run", "--home",
                    home.toString()));
            try {
                assertTrue(child.awaitPause(180_000), where + ": the child got there: " + child.log());
            } finally {
                child.kill();                          // SIGKILL, at exactly that point
            }

            try (RunQueue q = RunQueue.open(home)) {
                assertEquals(1, q.items().size(), where + ": the item is still there");
                QueueItem it = q.items().get(0);
                RunStatus found = it.state();
                assertTrue(it.state() == RunStatus.QUEUED || it.state() == RunStatus.INTERRUPTED, where + ": " + it.state());
                q.start();
                assertTrue(q.awaitIdle(180_000), where);
                it = q.items().get(0);
                if (it.state() == RunStatus.COMPLETED) {
                    JsonNode b = JSON.readTree(it.runFolder().resolve(RunFiles.SUMMARY).toFile()).get("runs").get(0);
                    for (String f : List.of("id", "status", "trainAccuracy", "testAccuracy", "finalLoss", "iterations",
                            "epochsDone", "bestTestAccuracy")) {
                        assertEquals(reference.get(f), b.get(f), where + ": " + f);
                    }
                    assertEquals(RunQueueKillTest.withoutTimings(whole.resolve(RUN).resolve(RunFiles.METRICS)),
                            RunQueueKillTest.withoutTimings(it.runFolder().resolve(RUN).resolve(RunFiles.METRICS)), where + ": metrics.csv");
                } else {
                    assertEquals(RunStatus.FAILED, it.state(), where);
                    assertNotNull(it.error(), where + ": failed with a reason");
                }
                String log = Files.readString(it.runFolder().resolve(RunFiles.LOG));
                System.out.println(point + ": found " + found + ", ended " + it.state() + (log.contains("resuming ")
                        ? ", resumed " + log.substring(log.indexOf("resuming ") + 9).lines().findFirst().orElse("")
                        : log.contains("again from epoch 1") ? ", no checkpoint: trained again from epoch 1" : ", ran from the start"));
            }
            List<RunInfo> runs = new RunStore(home).list();
            assertEquals(1, runs.size(), where + ": one run folder: " + runs);
            assertFalse(runs.get(0).isDamaged(), where + ": " + runs.get(0).reason());
            RunQueueTest.assertNoTemporaryFiles(home);
            assertFalse(Files.exists(runs.get(0).folder().resolve(RunFiles.LOCK)), where + ": the folder is let go");
        }
    }
}
