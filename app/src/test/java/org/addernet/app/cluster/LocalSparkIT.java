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
import org.addernet.app.runner.PresetRunner;
import org.addernet.app.runner.RunRecord;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
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
        Preset fig2 = PresetLoader.resolve("fig2-unit-ball", List.of());
        new PresetRunner(fig2, tmp.resolve("local"), 2, 2, null).run();
        List<RunRecord> runs = new ClusterRun(fig2, 2, tmp.resolve("spark"), session).run();

        assertEquals(12, runs.size());
        assertTrue(runs.stream().allMatch(r -> "completed".equals(r.status())), runs.toString());
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
    void cancelStopsTheSparkJobAndRecordsTheRunsAsCancelled(@TempDir Path tmp) throws Exception {
        Preset slow = PresetLoader.resolve("fig2-unit-ball", List.of("training.iterations=50000000", "runs.hidden=[3]"));
        CountDownLatch running = new CountDownLatch(1);
        ClusterRun run = new ClusterRun(slow, 2, tmp.resolve("spark"), session).listener(new ClusterSession.Listener() {
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
        List<RunRecord> runs = run.run();
        assertEquals(4, runs.size());
        assertTrue(runs.stream().allMatch(r -> "cancelled".equals(r.status())), runs.toString());
        assertTrue(runs.stream().allMatch(r -> r.iterations() < 50_000_000L), runs.toString());
        t.join();
        // the session runs the next job as if nothing happened
        List<RunRecord> next = new ClusterRun(PresetLoader.resolve("fig2-unit-ball", List.of("training.iterations=200")), 1,
                tmp.resolve("after"), session).run();
        assertTrue(next.stream().allMatch(r -> "completed".equals(r.status())), next.toString());
    }

    @Test
    void aFailingRunFailsItsTaskNotTheJob(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        Path set = Files.createDirectories(root.resolve("fashion-mnist"));
        for (String f : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.write(set.resolve(f), new byte[] {0, 0, 9, 9, 1, 2, 3});       // not IDX
        }
        Preset image = PresetLoader.resolve("lenet5-bn-fashion-mnist-adder-short", List.of());
        Preset toy = PresetLoader.resolve("fig2-unit-ball", List.of("training.iterations=300"));
        RunRequest bad = new RunRequest("bad", "damaged data", PresetLoader.toJson(image), true, null, root.toString(), null);
        RunRequest good = new RunRequest("good", "toy", PresetLoader.toJson(toy), false, null, null, null);
        List<TaskResult> results = session.submit("mixed", List.of(bad, good), new ClusterSession.Listener() { }).await();
        assertEquals(2, results.size());
        TaskResult b = results.stream().filter(r -> r.key().equals("bad")).findFirst().orElseThrow();
        TaskResult g = results.stream().filter(r -> r.key().equals("good")).findFirst().orElseThrow();
        assertEquals("failed", b.status());
        assertTrue(b.error().contains("train-images-idx3-ubyte"), b.error());
        assertEquals(0, b.attempt(), "a failing run is not retried");
        assertEquals("completed", g.status());
        assertNull(g.error());
    }
}
