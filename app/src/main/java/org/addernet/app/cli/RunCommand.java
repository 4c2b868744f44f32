package org.addernet.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.nio.file.Files;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runner;
import org.addernet.app.runner.Runners;
import org.addernet.app.store.ManifestWriter;
import org.addernet.app.store.RunManifest;
import org.addernet.app.store.RunStore;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.addernet.engine.train.RunStatus;

/**
 * {@code workbench run PRESET [--out DIR] [--set key.path=value ...] [--data DIR] [--seeds N] [--jobs N]
 * [--cluster URL [--store DIR] [--spark-conf key=value ...]]}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a preset headless. Toy presets write summary.json, metrics.csv, decision-boundary.png and "
                + "grid.png; image presets train epoch by epoch and write summary.json, metrics.csv, curves.png and a "
                + "checkpoint after each epoch (continue with --resume DIR). A preset with a sweep (an ablation table) runs "
                + "each variant into its own folder and writes table.csv and table.png.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET", description = "a preset file, or a bundled "
            + "preset's name (fig2-unit-ball, lenet5-bn-fashion-mnist-adder, ...; `workbench presets` lists them)")
    String preset;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue the epoch run in DIR from its last "
            + "checkpoints (its preset.json and seeds; no PRESET, --set or --seeds)")
    Path resume;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder (default: $ADDERNET_HOME/runs/<time>-<preset>, ADDERNET_HOME defaults to ~/.addernet)")
    Path out;

    @Option(names = "--set", paramLabel = "key.path=value", description = "override a preset value, e.g. training.lr=0.05")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR", description = "data root searched first (image data sets; the toy sets need none)")
    Path data;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "repeat every run with N seeds (default 1)")
    int seeds;

    @Option(names = "--jobs", paramLabel = "N", description = "runs at once (default: the number of cores)")
    Integer jobs;

    @picocli.CommandLine.Mixin
    ClusterArgs cluster = new ClusterArgs();

    @picocli.CommandLine.ParentCommand
    WorkbenchCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (seeds < 1) {
            err.println("workbench run: --seeds must be >= 1, got " + seeds);
            return 2;
        }
        int j = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (j < 1) {
            err.println("workbench run: --jobs must be >= 1, got " + j);
            return 2;
        }
        String clusterProblem = cluster.problem() != null ? cluster.problem()
                : cluster.store != null && out != null ? "--store DIR makes the run folder under DIR/runs: drop --out" : null;
        if (clusterProblem != null) {
            err.println("workbench run: " + clusterProblem);
            return 2;
        }
        if (resume != null) {
            if (preset != null || !overrides.isEmpty() || out != null || seeds != 1) {
                err.println("workbench run: --resume DIR takes its preset, settings and seeds from DIR; "
                        + "drop PRESET, --set, --out and --seeds");
                return 2;
            }
            return resume(err);
        }
        if (preset == null) {
            err.println("workbench run: missing PRESET (a preset file or a bundled preset's name), or --resume DIR");
            return 2;
        }
        if (org.addernet.app.lab.LabRuns.NAMES.contains(preset) && !Files.exists(Path.of(preset))) {
            if (cluster.on()) {
                err.println("workbench run: " + preset + " is a theorem-lab experiment: it runs on this machine, not --cluster");
                return 2;
            }
            return lab(err);
        }
        Preset p;
        try {
            p = PresetLoader.resolve(preset, overrides);
        } catch (PresetException e) {
            err.println("workbench run: " + e.getMessage());
            return 2;
        }
        Path dir;
        RunStore store = cluster.store != null ? new RunStore(cluster.store.toAbsolutePath()) : RunStore.atDefaultHome();
        try {
            dir = out != null ? out : store.createRunFolder(p.name());
        } catch (IOException e) {
            err.println("workbench run: cannot make a run folder under " + store.runsDir() + ": " + e);
            return 1;
        }
        RunRequest request = RunRequest.of(p, preset, overrides, seeds, dir).withDataRoot(data).withJobs(j);
        Runners.Kind kind = Runners.kind(p);
        if (kind == Runners.Kind.SWEEP) {
            return runAndReport(p, request, null, err);
        }
        // run.json: written once the runner has checked the folder (a folder holding another run is left alone)
        ManifestWriter manifest = ManifestWriter.fresh(dir, RunManifest.begin(p, preset, overrides, seeds, "cli"), out == null);
        if (kind == Runners.Kind.IMAGE && (Files.exists(dir.resolve(RunFiles.SUMMARY)) || Files.exists(dir.resolve(RUN_INFO)))) {
            err.println("workbench run: --out " + dir + " already holds a run; choose another folder, "
                    + "or continue it with --resume " + dir);
            return 2;
        }
        return runAndReport(p, request, manifest, err);
    }

    /** {@code run theorem4|lemma2|lemma5}: the theorem lab's experiments, into a run-store folder. */
    private int lab(java.io.PrintWriter err) {
        if (!overrides.isEmpty()) {
            err.println("workbench run: " + preset + " is a theorem-lab experiment: it takes no --set");
            return 2;
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread hook = onCtrlC(() -> stop.set(true), ms -> done.await(ms, java.util.concurrent.TimeUnit.MILLISECONDS), 30_000);
        try {
            Path dir = out != null ? out : RunStore.atDefaultHome().createRunFolder(preset);
            return org.addernet.app.lab.LabRuns.run(preset, dir, seeds, spec.commandLine().getOut(), err, stop);
        } catch (IOException e) {
            err.println("workbench run: " + preset + ": " + e.getMessage());
            return 1;
        } finally {
            done.countDown();
            dropHook(hook);
        }
    }

    private int resume(java.io.PrintWriter err) {
        Path presetFile = resume.resolve(RunFiles.PRESET);
        Path info = resume.resolve(RUN_INFO);
        if (!Files.isRegularFile(presetFile) || !Files.isRegularFile(info)) {
            err.println("workbench run: --resume " + resume + ": not an epoch run folder (it lacks "
                    + (!Files.isRegularFile(presetFile) ? "preset.json" : RUN_INFO) + ")");
            return 2;
        }
        Preset p;
        int n;
        try {
            p = PresetLoader.resolve(presetFile.toString(), List.of());
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(info.toFile());
            if (node == null || !node.path("seeds").canConvertToInt() || node.path("seeds").asInt() < 1) {
                err.println("workbench run: " + info + ": expected {\"seeds\": N} with N >= 1");
                return 2;
            }
            n = node.path("seeds").asInt();
        } catch (PresetException e) {
            err.println("workbench run: --resume " + resume + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("workbench run: " + info + ": cannot read: " + e.getMessage());
            return 2;
        }
        if (Runners.kind(p) == Runners.Kind.TOY) {
            err.println("workbench run: --resume " + resume + ": only epoch runs (image data sets) keep checkpoints; "
                    + "run the toy preset again instead");
            return 2;
        }
        RunRequest request = RunRequest.of(p, presetFile.toString(), List.of(), n, resume).withDataRoot(data)
                .withJobs(jobs == null ? 0 : jobs).withResume(true);
        return runAndReport(p, request, p.sweep() != null ? null
                : ManifestWriter.resuming(resume, p, null, List.of(), n, "cli"), err);
    }

    private static final String RUN_INFO = RunFiles.RUN_INFO;

    /**
     * Runs the preset's runner (with {@code manifest} keeping run.json, when not null) under a
     * Ctrl-C hook and reports its records: bad input or data (a damaged file, a missing set, an
     * occupied folder) is one line and exit 2, other I/O failures exit 1.
     */
    private int runAndReport(Preset p, RunRequest request, ManifestWriter manifest, java.io.PrintWriter err) {
        boolean toy = Runners.kind(p) == Runners.Kind.TOY;
        if (!cluster.on()) {
            return runAndReport(Runners.create(p, request, new RunLog(parent.err, !toy && System.console() != null)), toy,
                    manifest, err);
        }
        // on a cluster: one Spark session for this run; its runs' numbers are a local run's
        boolean shared = cluster.store != null && request.outDir().toAbsolutePath().normalize()
                .startsWith(cluster.store.toAbsolutePath().normalize());
        try (org.addernet.app.cluster.ClusterRunners on = new org.addernet.app.cluster.ClusterRunners(cluster.options(),
                shared)) {
            Runner runner;
            try {
                runner = on.apply(request, RunLog.to(parent.err));
            } catch (IllegalStateException | IllegalArgumentException e) {
                err.println("workbench run: --cluster: " + e.getMessage());
                return 2;
            }
            return runAndReport(runner, toy, manifest, err);
        }
    }

    private int runAndReport(Runner runner, boolean toy, ManifestWriter manifest, java.io.PrintWriter err) {
        RunRequest request = runner.request();
        runner.observe(manifest);
        Path dir = request.outDir();
        Thread hook = onCtrlC(runner::cancel, runner::await, toy ? 60_000 : 120_000);
        List<RunRecord> runs;
        try {
            runs = runner.run().runs();
        } catch (IOException | IllegalArgumentException e) {
            boolean userError = e instanceof org.addernet.app.runner.OutputFolderException
                    || e instanceof IllegalArgumentException
                    || !toy && (e instanceof java.io.FileNotFoundException
                                || e instanceof org.addernet.datasets.image.DataFormatException);
            // a toy run reads no data: its other I/O failures are the folder's
            err.println(toy && !userError ? "workbench run: cannot write the run to " + dir + ": " + e
                    : "workbench run: " + e.getMessage());
            return userError ? 2 : 1;
        } finally {
            dropHook(hook);
        }
        return report(runs, dir, err);
    }

    /** How a runner is waited for: {@link Runner#await(long)}. */
    @FunctionalInterface
    private interface Await {
        boolean await(long millis) throws InterruptedException;
    }

    /**
     * Ctrl-C (or SIGTERM): stop the runs after their current step and wait up to {@code millis}
     * for the runner to write summary.json before the JVM exits. Returns the registered hook.
     */
    private static Thread onCtrlC(Runnable cancel, Await await, long millis) {
        Thread hook = new Thread(() -> {
            cancel.run();
            try {
                await.await(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void dropHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    private int report(List<RunRecord> runs, Path dir, java.io.PrintWriter err) {
        long bad = runs.stream().filter(r -> r.status() != RunStatus.COMPLETED).count();
        if (bad > 0) {
            RunRecord first = runs.stream().filter(r -> r.status() != RunStatus.COMPLETED).findFirst().orElseThrow();
            err.println("workbench run: " + bad + " of " + runs.size() + " runs did not complete; first: "
                    + first.id() + " " + (first.reason() != null ? first.reason() : first.status())
                    + " (results in " + dir + ")");
            return 1;
        }
        spec.commandLine().getOut().println(dir.resolve(RunFiles.SUMMARY));
        return 0;
    }

    /** {@code $ADDERNET_HOME/runs/<time>-<preset>}, with a suffix when that folder is already taken (not created). */
    public static Path defaultOut(String name) {
        return RunStore.atDefaultHome().nextRunFolder(name);
    }
}
