package org.addernet.app.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runners;
import org.addernet.engine.train.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Spark embedded ({@code local[2]}): the same numbers as a local run, cancel, a failing run. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LocalSparkIT {
    private static ClusterSession session;

    @BeforeAll
    static void open() {
        session = Clusters.engine().open(ClusterOptions.of("local[2]"));
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void fig2WithTwoSeedsGivesTheLocalNumbersBitForBit(@TempDir Path tmp) throws IOException {
        RunRequest fig2 = RunRequest.of("fig2-unit-ball", List.of(), 2, tmp.resolve("local"));
        Runners.create(fig2, RunLog.NONE).run();
        List<RunRecord> runs = new ClusterRun(fig2.withOut(tmp.resolve("spark")), session).run().runs();

        assertEquals(12, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED), runs.toString());
        assertEquals(12, SameNumbers.assertSame(tmp.resolve("local"), tmp.resolve("spark")));
        for (String f : List.of("accuracy-table.csv", "grid.png", "grid-s1.png", "grid-s2.png",
                "adder-n1-s2/decision-boundary.png")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("local").resolve(f)),
                    Files.readAllBytes(tmp.resolve("spark").resolve(f)), f);
        }
        JsonNode cluster = new ObjectMapper().readTree(tmp.resolve("spark").resolve(ClusterRun.CLUSTER_JSON).toFile());
        assertEquals("local[2]", cluster.get("master").asText());
        assertEquals(2, cluster.get("tasks").size());
        for (JsonNode t : cluster.get("tasks")) {
            assertEquals("completed", t.get("status").asText());
            assertEquals("driver", t.get("executor").asText());
            assertEquals(1, t.get("attempts").asInt());
        }
        assertFalse(Files.exists(tmp.resolve("spark").resolve(".tasks")), "the tasks' folders are gone");
    }

    @Test
    void anEpochRunWithTwoSeedsGivesTheLocalNumbersAndFiguresOverBothSeeds(@TempDir Path tmp) throws IOException {
        Path data = StandaloneClusterIT.dataRoot(tmp.resolve("data"));
        RunRequest lenet = RunRequest.of("lenet5-bn-fashion-mnist-adder-short", List.of("data.trainLimit=512",
                "data.testLimit=128", "training.epochs=2", "training.batchSize=64"), 2, tmp.resolve("local"))
                .withDataRoot(data);
        Runners.create(lenet, RunLog.NONE).run();
        List<RunRecord> runs = new ClusterRun(lenet.withOut(tmp.resolve("spark")), session).run().runs();
        assertEquals(List.of("lenet5-bn-adder-s1", "lenet5-bn-adder-s2"), runs.stream().map(RunRecord::id).toList());
        assertEquals(2, SameNumbers.assertSame(tmp.resolve("local"), tmp.resolve("spark")));
        for (String f : List.of(RunFiles.GRADIENT_NORMS, RunFiles.ACCURACY_TABLE)) {
            assertEquals(Files.readString(tmp.resolve("local").resolve(f)), Files.readString(tmp.resolve("spark").resolve(f)), f);
        }
        for (String f : List.of(RunFiles.CURVES, RunFiles.GRADIENT_NORMS_PNG, "lenet5-bn-adder-s2/" + RunFiles.CHECKPOINT)) {
            assertTrue(Files.size(tmp.resolve("spark").resolve(f)) > 0, f);
        }
        assertEquals(2, new ObjectMapper().readTree(tmp.resolve("spark").resolve(RunFiles.RUN_INFO).toFile())
                .get("seeds").asInt());
        JsonNode task = new ObjectMapper().readTree(tmp.resolve("spark").resolve(ClusterRun.CLUSTER_JSON).toFile())
                .get("tasks").get(1);
        assertEquals("shipped from the driver", task.get("data").asText());
    }

    @Test
    void cancelStopsTheSparkJobAndRecordsTheRunsAsCancelled(@TempDir Path tmp) throws Exception {
        RunRequest slow = RunRequest.of("fig2-unit-ball", List.of("training.iterations=50000000", "runs.hidden=[3]"), 2,
                tmp.resolve("spark"));
        CountDownLatch running = new CountDownLatch(1);
        ClusterRun run = new ClusterRun(slow, session).listener(new ClusterSession.Listener() {
            @Override
            public void progress(ProgressNote note) {
                running.countDown();
            }
        });
        Thread t = new Thread(() -> {
            try {
                running.await();
            } catch (InterruptedException e) {
                return;
            }
            run.cancel();
        });
        t.start();
        List<RunRecord> runs = run.run().runs();
        assertEquals(4, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.CANCELLED), runs.toString());
        assertTrue(runs.stream().allMatch(r -> r.iterations() < 50_000_000L), runs.toString());
        t.join();
        // the session runs the next job as if nothing happened
        List<RunRecord> next = new ClusterRun(RunRequest.of("fig2-unit-ball", List.of("training.iterations=200"), 1,
                tmp.resolve("after")), session).run().runs();
        assertTrue(next.stream().allMatch(r -> r.status() == RunStatus.COMPLETED), next.toString());
    }

    @Test
    void aFailingRunFailsItsTaskNotTheJob(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        Path set = Files.createDirectories(root.resolve("fashion-mnist"));
        for (String f : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.write(set.resolve(f), new byte[] {0, 0, 9, 9, 1, 2, 3});       // not IDX
        }
        RunRequest image = RunRequest.of("lenet5-bn-fashion-mnist-adder-short", List.of(), 1, tmp.resolve("bad"))
                .withDataRoot(root);
        RunRequest toy = RunRequest.of("fig2-unit-ball", List.of("training.iterations=300"), 1, tmp.resolve("good"));
        TaskRequest bad = new TaskRequest("bad", "damaged data", image, true, false, null, null);
        TaskRequest good = new TaskRequest("good", "toy", toy, false, false, null, null);
        List<TaskResult> results = session.submit("mixed", List.of(bad, good), new ClusterSession.Listener() { }).await();
        assertEquals(2, results.size());
        TaskResult b = results.stream().filter(r -> r.key().equals("bad")).findFirst().orElseThrow();
        TaskResult g = results.stream().filter(r -> r.key().equals("good")).findFirst().orElseThrow();
        assertEquals(RunStatus.FAILED, b.status());
        assertTrue(b.error().contains("train-images-idx3-ubyte"), b.error());
        assertEquals(0, b.attempt(), "a failing run is not retried");
        assertEquals(RunStatus.COMPLETED, g.status());
        assertNull(g.error());
    }
}
