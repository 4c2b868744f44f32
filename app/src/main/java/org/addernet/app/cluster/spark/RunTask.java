package org.addernet.app.cluster.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.addernet.app.cluster.FolderZip;
import org.addernet.app.cluster.ProgressNote;
import org.addernet.app.cluster.TaskRequest;
import org.addernet.app.cluster.RunnerAdapter;
import org.addernet.app.cluster.TaskResult;
import org.addernet.datasets.image.DataRoots;
import org.addernet.engine.train.RunStatus;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import scala.Function2;
import scala.collection.Iterator;

/**
 * The body of one Spark task, on the executor: runs its request with {@link RunnerAdapter}
 * (the local runner's code), reports progress through {@link LatestProgress}, stops the runner
 * when Spark kills the task (a cancelled job), and returns the result with the folder zipped
 * when the store is not shared. It never throws for a failing run.
 */
final class RunTask implements Function2<TaskContext, Iterator<TaskRequest>, TaskResult>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final LatestProgress progress;

    RunTask(LatestProgress progress) {
        this.progress = progress;
    }

    @Override
    public TaskResult apply(TaskContext ctx, Iterator<TaskRequest> requests) {
        TaskRequest r = requests.next();
        long t0 = System.nanoTime();
        int attempt = ctx.attemptNumber();
        SparkEnv env = SparkEnv.get();
        String executor = env.executorId();
        String host = env.blockManager().blockManagerId().host();
        long pid = ProcessHandle.current().pid();
        Path scratch = null;
        try {
            Path folder;
            if (r.shared()) {
                folder = r.run().outDir();
                Files.createDirectories(folder);
            } else {
                scratch = Files.createTempDirectory("addernet-task-");
                folder = scratch.resolve("run");
                if (r.start() != null) {
                    FolderZip.unzipAtomically(r.start(), folder);      // the checkpoints to continue from
                }
                Files.createDirectories(folder);
            }
            try (PrintStream log = taskLog(folder.resolve(org.addernet.app.cluster.ClusterRun.TASK_LOG), !"driver".equals(executor))) {
                log.println("# " + java.time.Instant.now() + " " + r.label() + " on executor " + executor + " (" + host
                        + ", pid " + pid + "), attempt " + (attempt + 1));
                Path dataRoot = r.run().dataRootDir();
                String data = null;
                if (r.shipped() != null) {
                    dataRoot = r.shipped().materialize(Path.of(SparkFiles.getRootDirectory(), "addernet-data"),
                            name -> Path.of(SparkFiles.get(name)));
                    data = "shipped from the driver";
                } else if (r.image()) {
                    data = lookup(r, dataRoot);
                }
                RunnerAdapter adapter = new RunnerAdapter(r, folder, dataRoot, Math.max(1, ctx.cpus()), log).attempt(attempt);
                Thread watcher = watch(ctx, adapter);
                RunnerAdapter.Outcome o;
                try {
                    o = adapter.run((done, total, text, epoch) -> progress.add(new ProgressNote(r.key(), attempt,
                            executor, host, pid, done, total, text, epoch, System.currentTimeMillis())));
                } finally {
                    watcher.interrupt();
                }
                log.println("# " + o.status() + (o.error() == null ? "" : ": " + o.error()));
                log.flush();
                byte[] zip = r.shared() ? null : FolderZip.zip(folder);
                return new TaskResult(r.key(), o.status(), o.error(), executor, host, pid, attempt, secs(t0),
                        o.resumedAfterEpoch(), data, zip);
            }
        } catch (IOException | RuntimeException e) {
            return new TaskResult(r.key(), RunStatus.FAILED, "on executor " + executor + " (" + host + "): " + e, executor, host,
                    pid, attempt, secs(t0), null, null, null);
        } finally {
            if (scratch != null) {
                try {
                    FolderZip.deleteTree(scratch);
                } catch (IOException ignored) {
                    // a temporary folder
                }
            }
        }
    }

    /** Where the worker finds the image set (the runner's own lookup); null when it does not (the runner says why). */
    private static String lookup(TaskRequest r, Path dataRoot) {
        try {
            String set = r.run().loadPreset().data().set();
            return DataRoots.find(set, dataRoot, System.getenv(), Path.of(System.getProperty("user.home"))).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stops the runner when Spark kills the task (its job was cancelled). */
    private static Thread watch(TaskContext ctx, RunnerAdapter adapter) {
        Thread t = new Thread(() -> {
            try {
                while (!ctx.isInterrupted()) {
                    Thread.sleep(200);
                }
                adapter.cancel();
            } catch (InterruptedException done) {
                // the run ended
            }
        }, "addernet-task-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The task's log: its folder's task.log and, on an executor of its own, its stderr (the worker keeps it). */
    private static PrintStream taskLog(Path file, boolean stderrToo) throws IOException {
        OutputStream f = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                f.write(b);
                if (stderrToo) {
                    System.err.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                f.write(b, off, len);
                if (stderrToo) {
                    System.err.write(b, off, len);
                }
            }

            @Override
            public void close() throws IOException {
                f.close();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
