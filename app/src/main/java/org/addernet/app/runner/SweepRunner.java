package org.addernet.app.runner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.FolderClaim;
import org.addernet.app.io.IoText;
import org.addernet.app.io.WorkbenchEnv;
import org.addernet.app.io.Json;
import org.addernet.app.io.RunFiles;
import org.addernet.app.render.Png;
import org.addernet.app.render.TableFigure;
import org.addernet.datasets.image.DataRoots;
import org.addernet.datasets.image.ImagePipeline;
import org.addernet.datasets.image.ImageSet;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.PresetValidator;
import org.addernet.presets.RunSpec;
import org.addernet.engine.train.RunStatus;

/**
 * Runs an ablation sweep (a preset with a {@code sweep} section, the paper's Tables 4-6): each
 * variant in table order, with the runner its data set calls for ({@link PresetRunner} for toy
 * sets, {@link EpochRunner} for image sets) and {@code seeds} seeds, into {@code <out>/<variant id>/}
 * (a complete run folder of that runner). After every variant it rewrites {@code table.csv} and
 * {@code table.png} (the table so far); at the end {@code summary.json} ({@link SweepSummary}).
 *
 * <p>For the window: {@link #run()} blocks (call it off the FX thread); the observers' sweep
 * events ({@link RunObserver#sweepStarted}, {@link RunObserver#variantStarted},
 * {@link RunObserver#variantFinished}) come on that thread; {@link #cancel()} answers at once
 * from any thread, stops the variant in flight after its current step and skips the rest, whose
 * runs are recorded as cancelled; {@link #table()} is the latest table at any time.
 *
 * <p>{@code resume}: variants whose folder holds a summary with every run completed are taken
 * as they are; an image variant with checkpoints continues from them ({@code --resume}); any
 * other variant runs again.
 */
public final class SweepRunner extends RunnerBase<SweepSummary> {

    private static final ObjectMapper JSON = Json.indented()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path out;
    private final int seeds;
    private final Path dataRoot;
    private final boolean resume;
    private volatile Runner current;
    private volatile SweepTable table;

    /**
     * Made by {@link Runners#create}: {@code preset} has a sweep (the command line's {@code --set}
     * already applied); the request's folder is the sweep's, its seeds are per variant.
     */
    SweepRunner(Preset preset, RunRequest request, RunLog log) {
        super(preset, request, log);
        if (preset.sweep() == null) {
            throw new IllegalArgumentException(preset.name() + " has no sweep section");
        }
        this.out = request.outDir();
        this.seeds = request.seeds();
        this.dataRoot = request.dataRootDir();
        this.resume = request.resume();
        this.table = SweepTable.of(preset, seeds, emptyResults());
    }

    /** Stops the variant in flight after its current step; the others are skipped. */
    @Override
    void cancelled() {
        Runner c = current;
        if (c != null) {
            c.cancel();
        }
    }

    /** The latest table: empty cells for variants not run yet. */
    public SweepTable table() {
        return table;
    }

    private List<List<RunRecord>> emptyResults() {
        List<List<RunRecord>> r = new ArrayList<>();
        preset.sweep().variants().forEach(v -> r.add(null));
        return r;
    }

    /**
     * Runs every variant and writes the sweep's files. Throws {@link OutputFolderException} when
     * {@code out} cannot take the sweep and {@link java.io.FileNotFoundException} when an image
     * variant's data set is missing, both before anything is written or trained.
     */
    @Override
    SweepSummary runAll() throws IOException {
        List<Preset.Variant> variants = preset.sweep().variants();
        List<Preset> presets = new ArrayList<>();
        for (int k = 0; k < variants.size(); k++) {
            presets.add(PresetLoader.variant(preset, k));
        }
        Set<String> sets = new LinkedHashSet<>();
        presets.stream().filter(p -> PresetValidator.isImageSet(p.data().set())).forEach(p -> sets.add(p.data().set()));
        for (String set : sets) {       // a missing data set stops the sweep before anything is written
            for (String note : DataRoots.locate(set, dataRoot, WorkbenchEnv.env(), WorkbenchEnv.userHome()).notes()) {
                log("%s", note);
            }
        }
        AtomicFiles.createFolder(out);
        if (!resume || !Files.exists(out.resolve(RunFiles.PRESET))) {
            AtomicFiles.writeString(out.resolve(RunFiles.PRESET), PresetLoader.toJson(preset));
        }
        AtomicFiles.writeString(out.resolve(RunFiles.RUN_INFO), "{\"seeds\": " + seeds + "}\n");
        try {
            Png.warmUp();
        } catch (Throwable e) {            // no fonts: the runs go on, only the figure fails
            log("  figures may not be drawn: %s", IoText.describe(e));
        }
        log("%s: %d variants x %d seed%s, writing to %s", preset.name(), variants.size(), seeds, seeds == 1 ? "" : "s", out);
        observers.started();
        observers.sweepStarted(table);
        List<List<RunRecord>> results = emptyResults();     // what ran (null: never started), for the table
        List<List<RunRecord>> records = emptyResults();     // every run, for summary.json
        for (int k = 0; k < variants.size(); k++) {
            Preset.Variant v = variants.get(k);
            Preset vp = presets.get(k);
            if (isCancelled()) {
                records.set(k, notStarted(vp));
                continue;
            }
            log("[variant %d/%d] %s: %s", k + 1, variants.size(), v.id(),
                    v.overrides().isEmpty() ? "the preset as it is" : String.join(" ", v.overrides()));
            observers.variantStarted(k, variants.size(), v, vp);
            results.set(k, runVariant(vp, out.resolve(v.id()), k, variants.size()));
            records.set(k, results.get(k));
            table = SweepTable.of(preset, seeds, results);
            writeTable();
            observers.variantFinished(k, variants.size(), table);
        }
        table = SweepTable.of(preset, seeds, results);
        writeTable();
        List<RunRecord> runs = new ArrayList<>();
        for (int k = 0; k < variants.size(); k++) {
            for (RunRecord r : records.get(k)) {
                runs.add(prefixed(variants.get(k).id(), r));
            }
        }
        SweepSummary summary = new SweepSummary(preset.name(), preset.title(), preset.reproduces(), seeds,
                RunFiles.ENGINE_VERSION, variants.stream().map(Preset.Variant::id).toList(), runs, table);
        AtomicFiles.writeString(out.resolve(RunFiles.SUMMARY), JSON.writeValueAsString(summary));
        logTable();
        return summary;
    }

    @Override
    String resumeHint() {
        return "or continue it with --resume " + out;
    }

    /** One variant with the runner its data set needs; its own summary's runs. */
    private List<RunRecord> runVariant(Preset vp, Path dir, int index, int total) throws IOException {
        boolean image = Runners.kind(vp) == Runners.Kind.IMAGE;
        boolean resumeThis = false;
        if (resume && Files.isRegularFile(dir.resolve(RunFiles.SUMMARY))) {
            List<RunRecord> before = readRuns(dir.resolve(RunFiles.SUMMARY));
            if (before != null && !before.isEmpty() && before.stream().allMatch(r -> r.status() == RunStatus.COMPLETED)) {
                log("  %s: completed before, its results stand", dir.getFileName());
                return before;
            }
            if (!image) {
                Files.delete(dir.resolve(RunFiles.SUMMARY));      // a toy variant runs again (seconds); every file is rewritten
            }
        }
        if (resume && image && Files.isRegularFile(dir.resolve(RunFiles.RUN_INFO))) {
            resumeThis = true;
        }
        RunRequest vr = new RunRequest(vp.name(), PresetLoader.toJson(vp), List.of(), null, seeds, dir.toString(),
                request.dataRoot(), resumeThis, request.jobs(), request.restart());
        Runner r = Runners.create(vp, vr, log);
        if (r instanceof EpochRunner e) {
            e.usePreloaded(data(vp));
        }
        r.observe(forward(index, total));
        current = r;
        if (isCancelled()) {
            r.cancel();
        }
        // the sweep claims the variant's folder (continuing: its files are the sweep's own); its runner joins
        try (FolderClaim claim = FolderClaim.claim(dir, resume, "variant folder", null)) {
            return r.run().runs();
        } finally {
            current = null;
        }
    }

    /**
     * What a variant's runner tells the sweep's observers: its lines, steps and epochs as they are,
     * its progress as variant {@code index}'s share of the sweep (not its start and end: the
     * sweep's own are told once).
     */
    private RunObserver forward(int index, int total) {
        return new RunObserver() {
            @Override
            public void progress(long done, long all, String text) {
                long share = all <= 0 ? 0 : Math.min(VARIANT_UNITS, done * VARIANT_UNITS / all);
                observers.progress(index * VARIANT_UNITS + share, total * VARIANT_UNITS,
                        preset.sweep().variants().get(index).id() + ": " + text);
            }

            @Override
            public void line(String line) {
                observers.line(line);
            }

            @Override
            public void stepDone(String runId, long iteration, long stepsPerEpoch) {
                observers.stepDone(runId, iteration, stepsPerEpoch);
            }

            @Override
            public void epochDone(ExperimentPlan.ImageRun run, org.addernet.engine.train.EpochMetrics metrics,
                                  org.addernet.engine.train.Trainer.Evaluation test, ImagePipeline.Prepared data) {
                observers.epochDone(run, metrics, test, data);
            }
        };
    }

    /** Progress units of one variant. */
    private static final long VARIANT_UNITS = 1_000_000;

    /** The last image data read, and what it was read for (set, limits): the next variant usually needs the same. */
    private ImagePipeline.Prepared lastData;
    private String lastDataKey;

    private ImagePipeline.Prepared data(Preset vp) throws IOException {
        String key = vp.data().set() + "|" + vp.data().trainLimit() + "|" + vp.data().testLimit() + "|" + vp.data().mean()
                + "|" + vp.data().std();
        if (!key.equals(lastDataKey)) {
            lastData = null;                 // one set in memory at a time
            ImageSet set = ImageSet.of(vp.data().set());
            Path folder = DataRoots.find(set.id(), dataRoot, WorkbenchEnv.env(), WorkbenchEnv.userHome());
            log("reading %s from %s", set.id(), folder);
            lastData = ImagePipeline.load(set, folder, vp.data().trainLimit(), vp.data().testLimit(),
                    ExperimentPlan.normalization(vp));
            lastDataKey = key;
        }
        return lastData;
    }

    /** The runs a variant would have had, each recorded as cancelled before it started. */
    private List<RunRecord> notStarted(Preset vp) {
        List<RunRecord> out = new ArrayList<>();
        String why = "cancelled before it started";
        if (PresetValidator.isImageSet(vp.data().set())) {
            for (ExperimentPlan.ImageRun r : ExperimentPlan.imageRuns(vp, seeds)) {
                out.add(new RunRecord(new RunRecord.Run(r.id(), r.model(), null, 0, r.seed(), r.seed()), RunStatus.CANCELLED,
                        RunRecord.Result.NONE, why, new RunRecord.EpochStats(vp.training().epochs(), 0, null, null)));
            }
        } else {
            for (RunSpec r : ExperimentPlan.runs(vp, seeds)) {
                out.add(new RunRecord(new RunRecord.Run(r.id(), r.model().kind(), r.model().hidden(), r.model().depth(),
                        r.seed(), r.data().seed()), RunStatus.CANCELLED, RunRecord.Result.NONE, why));
            }
        }
        return out;
    }

    private static RunRecord prefixed(String variant, RunRecord r) {
        return r.withId(variant + "/" + r.id());
    }

    /** The runs of a variant's {@code summary.json}, or null when it cannot be read. */
    private List<RunRecord> readRuns(Path file) {
        try {
            JsonNode runs = JSON.readTree(file.toFile()).get("runs");
            List<RunRecord> out = new ArrayList<>();
            for (JsonNode r : runs) {
                out.add(JSON.treeToValue(r, RunRecord.class));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            log("  %s not read (%s): the variant runs again", file, e.getMessage());
            return null;
        }
    }

    private void writeTable() {
        SweepTable t = table;
        writeArtefact(RunFiles.TABLE_CSV, () -> AtomicFiles.writeString(out.resolve(RunFiles.TABLE_CSV), t.csv()));
        writeArtefact(RunFiles.TABLE_PNG, () -> Png.write(TableFigure.render(t.figureSpec()), out.resolve(RunFiles.TABLE_PNG)));
    }

    /** The finished table on the progress stream, aligned. */
    private void logTable() {
        List<List<String>> g = table.grid();
        int[] w = new int[g.get(0).size()];
        for (List<String> line : g) {
            for (int k = 0; k < line.size(); k++) {
                w[k] = Math.max(w[k], line.get(k).length());
            }
        }
        log("%s", table.title());
        for (List<String> line : g) {
            StringBuilder sb = new StringBuilder("  ");
            for (int k = 0; k < line.size(); k++) {
                String c = line.get(k);
                sb.append(k == 0 ? c + " ".repeat(w[k] - c.length()) : " ".repeat(w[k] - c.length() + 2) + c);
            }
            log("%s", sb.toString().stripTrailing());
        }
        log("(%s and %s in %s)", RunFiles.TABLE_CSV, RunFiles.TABLE_PNG, out);
    }
}
