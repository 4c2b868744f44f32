package org.addernet.app.cluster;

import java.nio.file.Path;

/**
 * The tests' loopback cluster as a program (for benchmarks and screenshots, not a test): starts a
 * master and N workers with {@link StandaloneCluster}, prints the master URL, and runs until
 * killed (SIGTERM stops every JVM it started).
 * {@code java -cp app/target/test-classes:app/target/classes:app/target/lib/*:app/target/cluster-lib/*
 * org.addernet.app.cluster.StandaloneClusterMain DIR [WORKERS]}
 */
public final class StandaloneClusterMain {
    private StandaloneClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/spark-cluster");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        StandaloneCluster c = StandaloneCluster.start(dir, n, "1200m");
        System.out.println(c.masterUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
