package org.addernet.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on loopback for tests: a {@code Master} and N {@code Worker}
 * JVMs started from the Maven jars ({@code target/cluster-lib}, which the package phase fills)
 * with {@code java -cp}, on 127.0.0.1 and free ports, small heaps, logs in {@code dir}. The
 * workers launch their executors from a Spark home whose {@code jars/} is that folder; the
 * workbench's own jars reach the executors the way they reach a real cluster's (spark.jars).
 * {@link #close()} stops everything (SIGTERM, then SIGKILL for stragglers, executors included),
 * and so does a shutdown hook if the test JVM ends first.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(180);

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "stop-spark-cluster");
    private String masterUrl;
    private int webUiPort;

    private StandaloneCluster(Path dir) {
        this.dir = dir;
    }

    /** Starts a master and {@code n} workers of one core and {@code workerMemory} (e.g. {@code 1g}) each; waits until all registered. */
    static StandaloneCluster start(Path dir, int n, String workerMemory) throws IOException, InterruptedException {
        StandaloneCluster c = new StandaloneCluster(dir.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(c.hook);
        try {
            c.launch(n, workerMemory);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            c.close();
            throw e;
        }
        return c;
    }

    String masterUrl() {
        return masterUrl;
    }

    /** The worker JVMs, in start order. */
    List<Process> workers() {
        return List.copyOf(workers);
    }

    /** Which worker (its index) {@code pid} runs under (an executor JVM is a worker's child); -1: none. */
    int workerOf(long pid) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        while (p.isPresent()) {
            for (int i = 0; i < workers.size(); i++) {
                if (workers.get(i).pid() == p.get().pid()) {
                    return i;
                }
            }
            p = p.get().parent();
        }
        return -1;
    }

    /** SIGKILL to worker {@code i} and every process under it (its executors): a machine that died. */
    void killWorker(int i) {
        Process w = workers.get(i);
        List<ProcessHandle> children = w.toHandle().descendants().toList();
        w.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private void launch(int n, String workerMemory) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path lib = Clusters.installDir().resolve(Clusters.CLUSTER_LIB);
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: the cluster tests run after `package` (mvn verify)");
        }
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home);
        if (!Files.exists(home.resolve("jars"))) {
            Files.createSymbolicLink(home.resolve("jars"), lib);
        }
        int port = freePort();
        webUiPort = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        processes.add(java(lib, home, "master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(webUiPort))));
        awaitWorkers(0);
        for (int i = 0; i < n; i++) {
            Path work = dir.resolve("worker-" + i);
            Files.createDirectories(work);
            Process w = java(lib, home, "worker-" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", workerMemory,
                    "--work-dir", work.toString(), masterUrl));
            processes.add(w);
            workers.add(w);
        }
        awaitWorkers(n);
    }

    private Process java(Path lib, Path home, String name, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(List.of(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptionArray()));
        cmd.add("-Dspark.master.rest.enabled=false");
        cmd.add("-Dspark.worker.cleanup.enabled=false");
        cmd.add("-cp");
        cmd.add(lib + "/*");
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_LOCAL_DIRS", dir.resolve(name + "-local").toString());
        pb.environment().remove("SPARK_CONF_DIR");
        return pb.start();
    }

    /** Waits until the master's JSON page answers with {@code n} ALIVE workers. */
    private void awaitWorkers(int n) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        ObjectMapper json = new ObjectMapper();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Spark JVM ended at start (exit " + p.exitValue() + "):\n" + logs());
                }
            }
            try (InputStream in = URI.create("http://127.0.0.1:" + webUiPort + "/json/").toURL().openStream()) {
                JsonNode state = json.readTree(in);
                int alive = 0;
                for (JsonNode w : state.path("workers")) {
                    alive += "ALIVE".equals(w.path("state").asText()) ? 1 : 0;
                }
                if (alive >= n) {
                    return;
                }
                last = alive + " of " + n + " workers registered";
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the Spark cluster did not come up in " + START.toSeconds() + " s (" + last + "):\n"
                + logs());
    }

    /** The last lines of every log, for a failure message. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                sb.append("--- ").append(f.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> sb.append(l).append('\n'));
            }
        } catch (IOException e) {
            sb.append(e);
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void stopAll() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            all.addAll(p.toHandle().descendants().toList());
            all.add(p.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception slow) {
                p.destroyForcibly();
            }
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running
        }
    }
}
