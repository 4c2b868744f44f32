package org.addernet.app.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workbench's {@code Main} in a JVM of its own (this test's class path), for tests that kill a
 * process hard: optionally stopped for good at a write of the atomic writer
 * ({@code -Daddernet.test.pauseAt}), where it writes a marker file for the test to wait on.
 */
public final class ChildJvm {
    private final Process process;
    private final Path log;
    private final Path marker;

    private ChildJvm(Process process, Path log, Path marker) {
        this.process = process;
        this.log = log;
        this.marker = marker;
    }

    /**
     * Starts {@code Main args} with its output in {@code dir/<name>.log}.
     *
     * @param pauseAt {@code NAME@N:PHASE} (see {@code AtomicFiles}), or null to run through
     * @param env     variables to set (null values remove one)
     */
    public static ChildJvm start(Path dir, String name, String pauseAt, Map<String, String> env, List<String> args)
            throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        Path marker = dir.resolve(name + ".paused");
        Files.deleteIfExists(marker);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path")));
        if (pauseAt != null) {
            cmd.add("-Daddernet.test.pauseAt=" + pauseAt);
            cmd.add("-Daddernet.test.pauseMarker=" + marker);
        }
        cmd.add("org.addernet.app.Main");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (env != null) {
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
        }
        return new ChildJvm(pb.start(), log, marker);
    }

    /** Waits until the child reached its pause point (true) or ended (false), at most {@code millis}. */
    public boolean awaitPause(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(marker)) {
                return true;
            }
            if (!process.isAlive()) {
                return Files.exists(marker);
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** SIGKILL, and waits for the end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Waits for the end; returns the exit code (-1 when it did not end in {@code millis}). */
    public int await(long millis) throws InterruptedException {
        return process.waitFor(millis, java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public long pid() {
        return process.pid();
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
