package org.addernet.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.addernet.app.store.ClusterLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark stays off the window's start-up path: workbench.jar and lib/ (the class path the launcher
 * gives the window) hold none of it, and a workbench started on that class path still runs on a
 * cluster, loading workbench-cluster.jar and cluster-lib/ itself (what the window's "Run on" does).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparkOffTheClassPathIT {
    private static final Path TARGET = Clusters.installDir();

    @Test
    void theWindowsClassPathHoldsNoSpark() throws IOException {
        try (JarFile jar = new JarFile(TARGET.resolve("workbench.jar").toFile())) {
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/addernet/app/cluster/spark/")
                    || e.getName().startsWith("org/apache/spark/")), "workbench.jar holds the Spark side");
        }
        try (Stream<Path> lib = Files.list(TARGET.resolve("lib"))) {
            List<String> spark = lib.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("spark-") || n.startsWith("scala-") || n.startsWith("hadoop-")).toList();
            assertEquals(List.of(), spark, "lib/ holds Spark's jars");
        }
        try (JarFile jar = new JarFile(TARGET.resolve(Clusters.CLUSTER_JAR).toFile())) {
            assertTrue(jar.getEntry(Clusters.ENGINE.replace('.', '/') + ".class") != null);
        }
    }

    @Test
    void aWorkbenchWithoutSparkOnItsClassPathLoadsItForACluster(@TempDir Path tmp) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the class path of spark-submit (README): workbench.jar and lib/, no JavaFX (it is on the
                // launcher's module path, app/target/fx): a headless command needs none
                "--add-modules", "jdk.incubator.vector",
                "-Djava.awt.headless=true", "-cp", TARGET.resolve("workbench.jar") + ":" + TARGET.resolve("lib") + "/*",
                "org.addernet.app.Main", "run", "fig2-unit-ball", "--set", "training.iterations=200", "--set",
                "runs.hidden=[1]", "--cluster", "local[1]", "--out", tmp.resolve("run").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), "the run did not end");
        String log = Files.readString(tmp.resolve("log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("[1/1] s1 completed on executor driver"), log);
        ClusterLedger ledger = ClusterLedger.read(tmp.resolve("run"));
        assertEquals("local[1]", ledger.master());
        assertTrue(Files.isRegularFile(tmp.resolve("run").resolve("adder-n1-s1").resolve("metrics.csv")));
    }
}
