package org.addernet.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runners;
import org.addernet.engine.train.RunStatus;
import org.addernet.app.testdata.SyntheticMnist;
import org.addernet.datasets.image.DataRoots;
import org.addernet.datasets.image.ImageSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A real Spark standalone cluster on loopback: a master and two workers as JVMs of their own.
 * A toy sweep spreads over both workers with the local numbers; a LeNet epoch run survives the
 * SIGKILL of the worker running it (and of its executor) mid-epoch: Spark runs the task again on
 * the other worker, which continues from the checkpoint on the shared store, and the numbers are
 * those of an uninterrupted run.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final Path DIR = Path.of("target", "cluster-it").toAbsolutePath();
    private static StandaloneCluster cluster;
    private static ClusterSession session;

    @BeforeAll
    static void start() throws Exception {
        if (Files.exists(DIR)) {
            FolderZip.deleteTree(DIR);
        }
        cluster = StandaloneCluster.start(DIR.resolve("spark"), 2, "1200m");
        session = Clusters.engine().open(new ClusterOptions(cluster.masterUrl(), Map.of(
                "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
                "spark.executor.memory", "1g", "spark.executor.cores", "1", "spark.cores.max", "2",
                // both executors up before the first task: else the first one could take the whole sweep
                "spark.scheduler.minRegisteredResourcesRatio", "1.0",
                "spark.scheduler.maxRegisteredResourcesWaitingTime", "180s",
                "spark.ui.enabled", "false",
                "spark.local.dir", DIR.resolve("driver-local").toString())));
    }

    @AfterAll
    static void stop() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    @Order(1)
    void aToySweepSpreadsOverBothWorkersWithTheLocalNumbers() throws IOException {
        Path local = DIR.resolve("sweep-local");
        RunRequest sweep = RunRequest.of("table5-toy", List.of("training.iterations=1500"), 2, local).withJobs(1);
        Runners.create(sweep, RunLog.NONE).run();
        Path remote = DIR.resolve("sweep-cluster");
        List<RunRecord> runs = new ClusterRun(sweep.withOut(remote), session).log(RunLog.to(System.out)).run().runs();

        assertEquals(10, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED), runs.toString());
        SameNumbers.assertSame(local, remote);
        for (String variant : List.of("eta-1", "eta-0.05")) {
            SameNumbers.assertSame(local.resolve(variant), remote.resolve(variant));
        }
        assertEquals(Files.readString(local.resolve("table.csv")), Files.readString(remote.resolve("table.csv")));
        JsonNode tasks = new ObjectMapper().readTree(remote.resolve(ClusterRun.CLUSTER_JSON).toFile()).get("tasks");
        assertEquals(10, tasks.size());
        Set<Integer> workers = new HashSet<>();
        for (JsonNode t : tasks) {
            assertEquals("completed", t.get("status").asText());
            assertNotEquals("driver", t.get("executor").asText());
            workers.add(cluster.workerOf(t.get("pid").asLong()));
        }
        assertEquals(Set.of(0, 1), workers, "both workers took work: " + tasks);
    }

    @Test
    @Order(2)
    void aLeNetRunSurvivesTheKillOfItsWorkerMidEpochWithTheNumbersOfAnUninterruptedRun() throws Exception {
        Path data = dataRoot(DIR.resolve("data"));
        Path uninterrupted = DIR.resolve("lenet-local");
        RunRequest lenet = RunRequest.of("lenet5-bn-fashion-mnist-adder-short", List.of("data.trainLimit=3072",
                "data.testLimit=512", "training.epochs=3", "training.batchSize=64"), 1, uninterrupted).withDataRoot(data);
        Runners.create(lenet, RunLog.NONE).run();

        Path shared = DIR.resolve("lenet-cluster");
        AtomicReference<ProgressNote> killedAt = new AtomicReference<>();
        AtomicReference<Integer> killedWorker = new AtomicReference<>();
        List<RunRecord> runs = new ClusterRun(lenet.withOut(shared), session).sharedStore(true)
                .log(RunLog.to(System.out)).listener(new ClusterSession.Listener() {
                    @Override
                    public void progress(ProgressNote n) {
                        if (n.epoch() >= 2 && n.done() < n.total() && killedAt.compareAndSet(null, n)) {
                            int w = cluster.workerOf(n.pid());
                            killedWorker.set(w);
                            System.out.println("killing worker " + w + " (pid " + cluster.workers().get(w).pid()
                                    + ") and its executor " + n.pid() + " at: " + n.text());
                            cluster.killWorker(w);
                        }
                    }
                }).run().runs();

        assertNotNull(killedAt.get(), "the run was never seen in its second epoch");
        assertTrue(killedWorker.get() >= 0, "the executor ran under no worker");
        assertEquals(1, runs.size());
        assertEquals(RunStatus.COMPLETED, runs.get(0).status(), runs.toString());
        JsonNode task = new ObjectMapper().readTree(shared.resolve(ClusterRun.CLUSTER_JSON).toFile()).get("tasks").get(0);
        assertTrue(task.get("attempts").asInt() >= 2, task.toString());
        assertFalse(task.get("lostAttempts").isEmpty(), task.toString());
        int resumed = task.get("resumedAfterEpoch").asInt();
        assertTrue(resumed >= 1 && resumed < 3, "continued from the checkpoint after epoch " + resumed);
        assertEquals(1 - killedWorker.get(), cluster.workerOf(task.get("pid").asLong()), "the other worker finished it");
        assertEquals("shipped from the driver", task.get("data").asText());
        SameNumbers.assertSame(uninterrupted, shared);
        assertEquals(Files.readString(uninterrupted.resolve(RunFiles.GRADIENT_NORMS)),
                Files.readString(shared.resolve(RunFiles.GRADIENT_NORMS)));
    }

    /** Debian's Fashion-MNIST when installed (linked), else a generated IDX set of the same format. */
    static Path dataRoot(Path root) throws IOException {
        Path set = Files.createDirectories(root.resolve("fashion-mnist"));
        if (Files.isDirectory(DataRoots.DEBIAN_FASHION_MNIST)) {
            for (String f : List.of(ImageSet.TRAIN_IMAGES, ImageSet.TRAIN_LABELS, ImageSet.TEST_IMAGES,
                    ImageSet.TEST_LABELS)) {
                Path src = DataRoots.file(DataRoots.DEBIAN_FASHION_MNIST, f);
                Path link = set.resolve(src.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, src);
                }
            }
        } else {
            SplittableRandom rng = new SplittableRandom(7);
            SyntheticMnist.writeIdx(set, ImageSet.TRAIN_IMAGES, ImageSet.TRAIN_LABELS, 3072, rng);
            SyntheticMnist.writeIdx(set, ImageSet.TEST_IMAGES, ImageSet.TEST_LABELS, 512, rng);
        }
        return root;
    }
}
