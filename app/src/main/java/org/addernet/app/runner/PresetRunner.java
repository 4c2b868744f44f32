package org.addernet.app.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.IoText;
import org.addernet.app.io.WriteFailedException;
import org.addernet.app.io.Json;
import org.addernet.app.io.RunFiles;
import org.addernet.app.render.DecisionPlot;
import org.addernet.app.render.GridFigure;
import org.addernet.app.render.PanelSpec;
import org.addernet.app.render.Png;
import org.addernet.datasets.toy.ToyData;
import org.addernet.datasets.toy.ToySets;
import org.addernet.datasets.toy.ToySpec;
import org.addernet.engine.model.Models;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.train.DecisionGrid;
import org.addernet.engine.train.RunOutcome;
import org.addernet.engine.train.RunStatus;
import org.addernet.engine.train.StepMetrics;
import org.addernet.engine.train.Trainer;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.RunSpec;

/**
 * Runs every (seed, model, n) of a preset, {@code jobs} at a time (each run is self-contained and
 * deterministic, so the order of execution does not change any number), and writes the run
 * folder: {@code preset.json}, {@code summary.json}, {@code <run-id>/metrics.csv},
 * {@code <run-id>/decision-boundary.png} and {@code grid.png} (plus {@code grid-s<seed>.png} per
 * seed when there are several) and {@code accuracy-table.csv} (mean and spread over seeds). A run
 * that diverges or fails is recorded as such; the others go on.
 */
public final class PresetRunner extends RunnerBase<Summary> {

    private static final ObjectMapper JSON = Json.indented();

    private final Path out;
    private final int seeds;
    private final int jobs;

    /** Made by {@link Runners#create}. */
    PresetRunner(Preset preset, RunRequest request, RunLog log) {
        super(preset, request, log);
        this.out = request.outDir();
        this.seeds = request.seeds();
        this.jobs = request.jobsOrCores();
    }

    /**
     * Trains and writes the folder ({@link RunnerBase#run()} has claimed it; with {@code resume}
     * the runs start again in it, every file rewritten).
     */
    @Override
    Summary runAll() throws IOException {
        AtomicFiles.createFolder(out);
        AtomicFiles.writeString(out.resolve(RunFiles.PRESET), PresetLoader.toJson(preset));
        observers.started();
        Png.warmUp();
        List<RunSpec> plan = ExperimentPlan.runs(preset, seeds);
        Map<ToySpec, ToyData> data = new HashMap<>();
        for (RunSpec r : plan) {
            data.computeIfAbsent(r.data(), ToySets::generate);
        }
        log("%s: %d runs (%d seed%s x %s x n in %s), %d at a time, writing to %s", preset.name(), plan.size(), seeds,
                seeds == 1 ? "" : "s", preset.runs().models(), preset.runs().hidden(), jobs, out);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "run");
            t.setDaemon(true);
            return t;
        });
        List<Future<Finished>> futures = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        long[] iterationsDone = new long[plan.size()];
        long totalIterations = (long) plan.size() * preset.training().iterations();
        for (int k = 0; k < plan.size(); k++) {
            RunSpec r = plan.get(k);
            int slot = k;
            futures.add(pool.submit(() -> runOne(r, data.get(r.data()), done, plan.size(), it -> {
                synchronized (iterationsDone) {          // in order: the sum an observer sees never goes back
                    iterationsDone[slot] = it;
                    long sum = java.util.Arrays.stream(iterationsDone).sum();
                    observers.progress(sum, totalIterations, String.format(Locale.ROOT,
                            "%d/%d runs done; %s iteration %d/%d", done.get(), plan.size(), r.id(), it,
                            preset.training().iterations()));
                }
            })));
        }
        List<Finished> finished = new ArrayList<>();
        try {
            for (Future<Finished> f : futures) {
                finished.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the runs trained", e);
        } catch (ExecutionException e) {
            throw new IOException("a run crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<RunRecord> records = finished.stream().map(Finished::record).toList();
        List<Aggregate> cells = Aggregate.of(records);
        Summary summary = new Summary(preset.name(), preset.title(), preset.reproduces(), seeds, RunFiles.ENGINE_VERSION,
                records, cells);
        AtomicFiles.writeString(out.resolve(RunFiles.SUMMARY), JSON.writeValueAsString(summary));
        writeArtefact(RunFiles.ACCURACY_TABLE, () -> AtomicFiles.writeString(out.resolve(RunFiles.ACCURACY_TABLE),
                Aggregate.csv(cells)));
        for (int k = 0; k < seeds; k++) {
            int seedIndex = k;
            long seed = preset.seed() + k;
            writeArtefact("the grid figure of seed " + seed, () -> {
                BufferedImage grid = gridFigure(finished, seedIndex);
                if (seedIndex == 0) {
                    Png.write(grid, out.resolve(RunFiles.GRID));
                }
                if (seeds > 1) {
                    Png.write(grid, out.resolve("grid-s" + seed + ".png"));
                }
            });
        }
        return summary;
    }

    /** What one run leaves for the summary and the grid figure. */
    private record Finished(RunSpec spec, RunRecord record, PanelSpec panel) {
    }

    private Finished runOne(RunSpec spec, ToyData data, AtomicInteger done, int total,
                            java.util.function.LongConsumer iterationsDone) {
        long t0 = System.nanoTime();
        Path dir = out.resolve(spec.id());
        List<StepMetrics> rows = new ArrayList<>();
        RunOutcome outcome;
        Trainer trainer = null;
        String reason = null;
        try {
            AtomicFiles.createFolder(dir);
            Sequential net = Models.build(spec.model(), data.train().dim(), 1, spec.seed());
            trainer = new Trainer(net, spec.training(), data.train(), data.test(), spec.seed());
            long[] lastReport = {System.nanoTime()};
            outcome = trainer.run(m -> {
                rows.add(m);
                iterationsDone.accept(m.iteration());
                if (System.nanoTime() - lastReport[0] > 5_000_000_000L) {
                    lastReport[0] = System.nanoTime();
                    log("  %s: iteration %d/%d, loss %.4f", spec.id(), m.iteration(), spec.training().iterations(),
                            m.loss());
                }
            }, this::isCancelled);
            reason = outcome.reason();
        } catch (Throwable e) {          // one run's failure (even an OutOfMemoryError) must not sink the others
            double secs = (System.nanoTime() - t0) / 1e9;
            outcome = new RunOutcome(RunStatus.FAILED, trainer == null ? 0 : trainer.iteration(), Double.NaN,
                    Double.NaN, Double.NaN, secs, String.valueOf(e));
            reason = "failed: " + IoText.describe(e);
            if (e instanceof WriteFailedException w) {      // its folder could not be made
                noteWriteFailure(w);
            }
        }
        String writeFailure = null;     // a file of the run that could not be written: the run failed
        if (trainer != null) {
            try {
                AtomicFiles.writeString(dir.resolve(RunFiles.METRICS), MetricsCsv.format(trainer.layerNames(), rows));
            } catch (IOException e) {
                writeFailure = e.getMessage();
                if (e instanceof WriteFailedException w) {
                    noteWriteFailure(w);
                }
            }
        }
        PanelSpec panel = null;
        if (trainer != null) {
            try {
                boolean usable = outcome.status() == RunStatus.COMPLETED || outcome.status() == RunStatus.CANCELLED;
                DecisionGrid grid = usable ? trainer.decisionGrid(preset.output().gridResolution(), plotExtent(data))
                        : undefinedGrid(preset.output().gridResolution(), plotExtent(data));
                panel = new PanelSpec(spec.model().label(), subtitle(outcome), grid, data.train(), data.test());
                int size = preset.output().panelSize();
                Png.write(DecisionPlot.render(panel, size, size), dir.resolve(RunFiles.DECISION_BOUNDARY));
            } catch (WriteFailedException e) {
                writeFailure = writeFailure != null ? writeFailure : e.getMessage();
                noteWriteFailure(e);
            } catch (Throwable e) {
                reason = (reason == null ? "" : reason + "; ") + "decision-boundary.png not drawn: " + IoText.describe(e);
            }
        }
        RunStatus status = outcome.status();
        if (writeFailure != null) {
            status = RunStatus.FAILED;
            reason = writeFailure + (reason == null ? "" : "; " + reason);
        }
        // a diverged run's last logged loss predates the blow-up: record none rather than a healthy-looking one
        Double finalLoss = outcome.status() == RunStatus.COMPLETED || outcome.status() == RunStatus.CANCELLED
                ? orNull(outcome.finalLoss()) : null;
        RunRecord record = new RunRecord(new RunRecord.Run(spec.id(), spec.model().kind(), spec.model().hidden(),
                spec.model().depth(), spec.seed(), spec.data().seed()), status,
                new RunRecord.Result(orNull(outcome.trainAccuracy()), orNull(outcome.testAccuracy()), finalLoss,
                        outcome.iterations(), Math.round(outcome.seconds() * 1000) / 1000.0), reason);
        int n = done.incrementAndGet();
        // a run that ended for good (completed, diverged, failed) counts in full; a cancelled one what it trained
        iterationsDone.accept(outcome.status() == RunStatus.CANCELLED ? outcome.iterations() : spec.training().iterations());
        log("[%d/%d] %-14s %-9s train %s  test %s  %.2f s%s", n, total, spec.id(), status.id(),
                acc(outcome.trainAccuracy()), acc(outcome.testAccuracy()), outcome.seconds(),
                reason == null ? "" : "  (" + reason + ")");
        return new Finished(spec, record, panel);
    }

    /** A grid with no values (drawn grey): a diverged model predicts nothing meaningful. */
    private static DecisionGrid undefinedGrid(int r, double extent) {
        float[] nan = new float[r * r];
        java.util.Arrays.fill(nan, Float.NaN);
        return new DecisionGrid(r, -extent, extent, -extent, extent, nan);
    }

    /** The plotted square: the data's extent rounded up to a multiple of 5. */
    public static double plotExtent(ToyData data) {
        return Math.ceil(data.extent() / 5) * 5;
    }

    private BufferedImage gridFigure(List<Finished> finished, int seedIndex) {
        List<String> models = preset.runs().models();
        List<Integer> hidden = preset.runs().hidden();
        PanelSpec[][] panels = new PanelSpec[models.size()][hidden.size()];
        for (Finished f : finished) {
            if (f.spec().seedIndex() == seedIndex) {
                panels[models.indexOf(f.spec().model().kind())][hidden.indexOf(f.spec().model().hidden())] = f.panel();
            }
        }
        List<String> rows = models.stream().map(m -> "adder".equals(m) ? "AdderNet" : "MLP").toList();
        List<String> cols = hidden.stream().map(n -> "n = " + n).toList();
        String title = (preset.title().isBlank() ? preset.name() : preset.title()) + "  (seed " + (preset.seed() + seedIndex) + ")";
        return GridFigure.compose(title, rows, cols, panels, Math.min(preset.output().panelSize(), 320));
    }

    private static String subtitle(RunOutcome o) {
        if (o.status() == RunStatus.COMPLETED) {
            return "train " + acc(o.trainAccuracy()) + " / test " + acc(o.testAccuracy());
        }
        return o.status().id() + " at iteration " + o.iterations();
    }

    private static String acc(double a) {
        return Double.isNaN(a) ? "  -  " : String.format(Locale.ROOT, "%.3f", a);
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
