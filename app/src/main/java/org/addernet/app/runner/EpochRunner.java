package org.addernet.app.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.IoText;
import org.addernet.app.io.WorkbenchEnv;
import org.addernet.app.io.WriteFailedException;
import org.addernet.app.io.Json;
import org.addernet.app.io.RunFiles;
import org.addernet.app.render.Png;
import org.addernet.datasets.image.DataRoots;
import org.addernet.datasets.image.ImagePipeline;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.train.Checkpoint;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.RunStatus;
import org.addernet.engine.train.StepMetrics;
import org.addernet.engine.train.TrainConfig;
import org.addernet.engine.train.Trainer;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.ExperimentPlan.ImageRun;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/**
 * Runs an image preset epoch by epoch: each (seed, model) run in turn (the kernels use every core),
 * the test set evaluated after each epoch, a progress bar with images/s and ETA, and after each
 * epoch {@code <run>/metrics.csv} and {@code <run>/checkpoint.bin} written atomically. Ctrl-C ends
 * the current epoch's work after the step in flight; the last whole epoch's checkpoint stays, and
 * {@code --resume DIR} continues from it: batch order and augmentation depend on (seed, epoch)
 * only, so the resumed run's numbers equal an uninterrupted run's.
 */
public final class EpochRunner extends RunnerBase<Summary> {
    private static final ObjectMapper JSON = Json.indented();

    private final Path out;
    private final int seeds;
    private final Path dataRoot;
    private final boolean resume;
    /** Every run's epochs so far, for {@code curves.png}. */
    private final java.util.Map<String, List<EpochMetrics>> curves = new java.util.LinkedHashMap<>();
    /** Data a sweep has already read for an earlier variant (same set and limits); null = read it. */
    private ImagePipeline.Prepared preloaded;

    /** Made by {@link Runners#create}. */
    EpochRunner(Preset preset, RunRequest request, RunLog log) {
        super(preset, request, log);
        this.out = request.outDir();
        this.seeds = request.seeds();
        this.dataRoot = request.dataRootDir();
        this.resume = request.resume();
    }

    /** Trains on {@code data} instead of reading the set again ({@link SweepRunner}: the variants share it). */
    void usePreloaded(ImagePipeline.Prepared data) {
        this.preloaded = data;
    }

    /**
     * Loads the data, trains every run and writes {@code summary.json}. Throws
     * {@link java.io.FileNotFoundException} (set not found: the message lists every place searched)
     * and {@link org.addernet.datasets.image.DataFormatException} (a damaged file: the message names
     * it and the byte offset) before anything is trained.
     */
    @Override
    String resumeHint() {
        return "or continue it with --resume " + out;
    }

    @Override
    Summary runAll() throws IOException {
        ImageSet set = ImageSet.of(preset.data().set());
        checkModels(set);
        List<ImageRun> plan = ExperimentPlan.imageRuns(preset, seeds);
        if (resume) {
            checkNoneMissing(plan);
        }
        try {
            Png.warmUp();
        } catch (Throwable e) {            // no fonts on this system: runs go on, only the figures will fail
            log("  figures may not be drawn: %s", IoText.describe(e));
        }
        ImagePipeline.Prepared data = preloaded;
        if (data == null) {
            DataRoots.Location where = DataRoots.locate(set.id(), dataRoot, WorkbenchEnv.env(), WorkbenchEnv.userHome());
            for (String note : where.notes()) {
                log("%s", note);
            }
            log("%s: reading %s from %s", preset.name(), set.id(), where.folder());
            data = ImagePipeline.load(set, where.folder(), preset.data().trainLimit(), preset.data().testLimit(),
                    ExperimentPlan.normalization(preset));
        }
        if (resume) {
            checkCheckpoints(plan, data);
        }
        AtomicFiles.createFolder(out);
        if (!resume) {
            AtomicFiles.writeString(out.resolve(RunFiles.PRESET), PresetLoader.toJson(preset));
            writeRunInfo();
        }
        observers.started();
        long steps = Trainer.stepsPerEpoch(data.train().size(), preset.training().batchSize());
        log("%s: %d run%s, %d epochs of %d steps (batch %d, %d training and %d test images), writing to %s",
                preset.name(), plan.size(), plan.size() == 1 ? "" : "s", preset.training().epochs(), steps,
                preset.training().batchSize(), data.train().size(), data.test().size(), out);
        List<RunRecord> records = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            ImageRun r = plan.get(k);
            if (isCancelled()) {
                records.add(notStarted(r, data));
                continue;
            }
            if (diskFull != null) {            // the next run would train only to fail at its first file
                records.add(record(r, RunStatus.FAILED, List.of(), null, null, 0, 0,
                        "not run: " + diskFull.getMessage(), preset.training().epochs()));
                continue;
            }
            log("[%d/%d] %s", k + 1, plan.size(), r.id());
            RunRecord rec = runOne(r, data, steps, k, plan.size());
            records.add(rec);
            if (rec.status() != RunStatus.CANCELLED) {         // ended for good: the run counts in full
                long doneSteps = (k + 1) * preset.training().epochs() * steps;
                observers.progress(doneSteps, plan.size() * preset.training().epochs() * steps, r.id() + " " + rec.status());
            }
        }
        writeGradientNormTable(plan);
        List<Aggregate> cells = Aggregate.of(records);
        Summary summary = new Summary(preset.name(), preset.title(), preset.reproduces(), seeds,
                RunFiles.ENGINE_VERSION, records, cells);
        AtomicFiles.writeString(out.resolve(RunFiles.SUMMARY), JSON.writeValueAsString(summary));
        writeArtefact(RunFiles.ACCURACY_TABLE, () -> AtomicFiles.writeString(out.resolve(RunFiles.ACCURACY_TABLE),
                Aggregate.csv(cells)));
        return summary;
    }

    /** A file of a run could not be written for want of space: the runs after it are not started. */
    private volatile WriteFailedException diskFull;

    /**
     * On {@code --resume}: a run that started (its folder is there) but has no checkpoint is
     * refused unless {@code restart}, before any data is read; with {@code restart} it trains
     * again from epoch 1, which is said.
     */
    private void checkNoneMissing(List<ImageRun> plan) throws ResumeRefusedException {
        List<String> missing = new ArrayList<>();
        for (ImageRun r : plan) {
            Path dir = out.resolve(r.id());
            if (Files.isDirectory(dir) && !Files.exists(dir.resolve(RunFiles.CHECKPOINT))) {
                missing.add(r.id());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!request.restart()) {
            Path first = out.resolve(missing.get(0)).resolve(RunFiles.CHECKPOINT);
            boolean one = missing.size() == 1;
            throw new ResumeRefusedException(first + ": no such file: " + (one ? missing.get(0) + " has no checkpoint"
                    : missing.size() + " runs have none (" + String.join(", ", missing) + ")")
                    + " to continue from (it never finished an epoch, or the file was removed); add --restart to train "
                    + (one ? "it" : "them") + " again from epoch 1", null);
        }
        for (String id : missing) {
            log("  %s: no checkpoint; training it again from epoch 1 (--restart)", id);
        }
    }

    /**
     * On {@code --resume}: every checkpoint there is read and checked against the run it continues
     * before anything is trained; a damaged one, or one of other settings, refuses the folder in
     * one line naming the file.
     */
    private void checkCheckpoints(List<ImageRun> plan, ImagePipeline.Prepared data) throws ResumeRefusedException {
        for (ImageRun r : plan) {
            Path file = out.resolve(r.id()).resolve(RunFiles.CHECKPOINT);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                readCheckpoint(file, r, fingerprint(r, data), data.train().numClasses());
            } catch (Checkpoint.FormatException e) {
                throw new ResumeRefusedException(e.getMessage() + "; move it away and resume with --restart to train "
                        + r.id() + " again from epoch 1", e);
            } catch (IOException e) {
                throw new ResumeRefusedException(e.getMessage(), e);
            }
        }
    }

    /**
     * Builds each model once and checks that it maps a batch of the set's images to one logit per
     * class, before any data is read (a mismatch is a bug or a hand-edited preset, not a slow crash
     * an hour into loading).
     */
    private void checkModels(ImageSet set) {
        int classes = set.numClasses();
        int[] sample = set.isIdx() ? new int[] {1, 28, 28} : new int[] {3, 32, 32};
        int b = preset.training().batchSize();
        for (String model : new java.util.LinkedHashSet<>(preset.runs().models())) {
            if (!Arrays.equals(ImageModels.inputShape(model), sample)) {
                throw new IllegalArgumentException(model + " takes images of " + Arrays.toString(ImageModels.inputShape(model))
                        + ", " + set.id() + " holds " + Arrays.toString(sample));
            }
            int[] in = {b, sample[0], sample[1], sample[2]};
            int[] outShape = ExperimentPlan.imageModel(preset, model, classes, 0).outputShape(in);
            if (outShape.length != 2 || outShape[0] != classes || outShape[1] != b) {
                throw new IllegalArgumentException(model + " maps " + Arrays.toString(in) + " to "
                        + Arrays.toString(outShape) + ", expected [" + classes + ", " + b + "]");
            }
        }
    }

    private RunRecord notStarted(ImageRun r, ImagePipeline.Prepared data) {
        Checkpoint c = null;
        try {
            c = readCheckpoint(out.resolve(r.id()).resolve(RunFiles.CHECKPOINT), r, fingerprint(r, data), data.train().numClasses());
        } catch (IOException | RuntimeException ignored) {
            // reported when the run is resumed
        }
        List<EpochMetrics> h = c == null ? List.of() : c.history();
        int epochs = preset.training().epochs();
        if (c != null && c.epochsDone() >= epochs) {       // finished before: its numbers stand (no new evaluation)
            return record(r, RunStatus.COMPLETED, h, null, null, c.state().step(), c.seconds(), null, epochs);
        }
        return record(r, RunStatus.CANCELLED, h, null, null, c == null ? 0 : c.state().step(), c == null ? 0 : c.seconds(),
                "cancelled before it started" + (c == null ? "" : " (checkpoint after epoch " + c.epochsDone() + ")"),
                epochs);
    }

    /**
     * {@link RunFiles#RUN_INFO}: {@code {"seeds": N}}, added to the run store's manifest when one is there
     * already (its other fields are kept).
     */
    private void writeRunInfo() throws IOException {
        Path file = out.resolve(RunFiles.RUN_INFO);
        com.fasterxml.jackson.databind.node.ObjectNode info = null;
        if (Files.isRegularFile(file)) {
            try {
                var node = JSON.readTree(file.toFile());
                if (node != null && node.isObject()) {
                    info = (com.fasterxml.jackson.databind.node.ObjectNode) node;
                }
            } catch (IOException ignored) {
                // unreadable: replaced below
            }
        }
        if (info == null) {
            AtomicFiles.writeString(file, "{\"seeds\": " + seeds + "}\n");
            return;
        }
        info.put("seeds", seeds);
        AtomicFiles.writeString(file, JSON.writeValueAsString(info) + "\n");
    }

    private RunRecord runOne(ImageRun r, ImagePipeline.Prepared data, long steps, int index, int runs) {
        Path dir = out.resolve(r.id());
        Path ckptFile = dir.resolve(RunFiles.CHECKPOINT);
        int epochs = preset.training().epochs();
        int batch = preset.training().batchSize();
        List<EpochMetrics> history = new ArrayList<>();
        double secondsBefore = 0;
        int start = 0;
        Trainer trainer = null;
        try {
            AtomicFiles.createFolder(dir);
            int classes = data.train().numClasses();
            Sequential net = r.build(classes, r.seed());
            TrainConfig cfg = ExperimentPlan.trainConfig(preset, epochs * steps, (int) steps);
            trainer = new Trainer(net, cfg, data.train(), null, r.seed(), data.sampleShape());
            trainer.setLogFirstStep(false);
            boolean augment = preset.data().augment() != null ? preset.data().augment() : !data.set().isIdx();
            if (augment) {
                trainer.setBatchTransform(ImagePipeline.augmentation(data.set(), data.sampleShape(),
                        data.normalization()));
            }
            String fp = fingerprint(r, data);
            if (resume && Files.exists(ckptFile)) {
                Checkpoint c = readCheckpoint(ckptFile, r, fp, classes);
                trainer.restore(c.state());
                history.addAll(c.history());
                curves.put(r.id(), List.copyOf(history));
                secondsBefore = c.seconds();
                start = c.epochsDone();
                log("  resuming %s after epoch %d of %d (iteration %d)", r.id(), start, epochs, c.state().step());
            }
            Progress bar = new Progress(log.stream(), log.terminal(), r.id(), epochs, steps, batch);
            StepMetrics[] last = {null};
            for (int e = start; e < epochs; e++) {
                trainer.beginEpoch(e);
                long t0 = System.nanoTime();
                for (long s = 0; s < steps; s++) {
                    if (isCancelled()) {
                        bar.clear();
                        String why = "cancelled in epoch " + (e + 1) + " at iteration " + trainer.iteration() + "; "
                                + (e == 0 ? "no epoch was complete, so there is no checkpoint: --resume " + out
                                        + " --restart trains it again from epoch 1"
                                        : "the checkpoint after epoch " + e + " is kept: continue with --resume " + out);
                        return record(r, RunStatus.CANCELLED, history, trainer, null, trainer.iteration(), secondsBefore, why,
                                epochs);
                    }
                    trainer.step(m -> last[0] = m);
                    long it = trainer.iteration();
                    int epochNow = e + 1;
                    observers.progress(index * epochs * steps + it, runs * epochs * steps,
                            String.format(Locale.ROOT, "%s epoch %d/%d, step %d/%d", r.id(), epochNow, epochs,
                                    it - (epochNow - 1) * steps, steps));
                    if (trainer.iteration() == 1) {
                        writeFirstStepNorms(dir, trainer);
                    }
                    observers.stepDone(r.id(), trainer.iteration(), steps);
                    if (trainer.diverged()) {
                        bar.clear();
                        var o = trainer.outcome(secondsBefore);
                        return record(r, o.status(), history, trainer, null, trainer.iteration(), secondsBefore, o.reason(), epochs);
                    }
                    bar.update(e, s + 1, (System.nanoTime() - t0) / 1e9);
                }
                double trainSecs = (System.nanoTime() - t0) / 1e9;
                secondsBefore += trainSecs;
                Trainer.Evaluation eval = trainer.evaluate(data.test());
                double testAcc = eval.accuracy();
                StepMetrics m = last[0];
                EpochMetrics row = new EpochMetrics(e + 1, trainer.iteration(), m.loss(), m.trainAccuracy(), testAcc,
                        m.lr(), m.p(), secondsBefore, steps * batch / trainSecs, m.gradNorms());
                history.add(row);
                bar.clear();
                log("  %s epoch %d/%d  loss %.4f  train %.4f  test %.4f  %,.0f img/s  %s", r.id(), e + 1, epochs,
                        row.loss(), row.trainAccuracy(), testAcc, row.imagesPerSecond(), Progress.clock(trainSecs));
                AtomicFiles.writeString(dir.resolve(RunFiles.METRICS), MetricsCsv.formatEpochs(trainer.layerNames(), history));
                Checkpoint c = new Checkpoint(r.id(), e + 1, secondsBefore, fp, trainer.state(), history);
                AtomicFiles.write(ckptFile, c::write);
                curves.put(r.id(), List.copyOf(history));
                writeCurves();
                observers.epochDone(r, row, eval, data);
            }
            return record(r, RunStatus.COMPLETED, history, trainer, data.train(), trainer.iteration(), secondsBefore, null, epochs);
        } catch (Throwable e) {          // one run's failure (even an OutOfMemoryError) must not sink the others
            String why = IoText.describe(e);
            if (e instanceof WriteFailedException w) {
                noteWriteFailure(w);
                if (w.isDiskFull()) {
                    diskFull = w;
                }
            }
            log("  %s failed: %s", r.id(), why);
            return record(r, RunStatus.FAILED, history, null, null, trainer == null ? 0 : trainer.iteration(), secondsBefore,
                    "failed: " + why, epochs);
        }
    }

    /** {@code <run>/gradient-norms.csv}: {@code layer,gradient_norm} at iteration 1, before adaptive scaling. */
    private static void writeFirstStepNorms(Path dir, Trainer trainer) throws IOException {
        StringBuilder sb = new StringBuilder("layer,iteration,gradient_norm\n");
        double[] n = trainer.gradientNorms();
        for (int k = 0; k < n.length; k++) {
            sb.append(trainer.layerNames().get(k)).append(",1,").append(String.format(Locale.ROOT, "%.6g", n[k]))
                    .append('\n');
        }
        AtomicFiles.writeString(dir.resolve(RunFiles.GRADIENT_NORMS), sb.toString());
    }

    /** The top-level {@code gradient-norms.csv} and {@code .png} (Table 1), from the runs' own files; also logged. */
    private void writeGradientNormTable(List<ImageRun> plan) {
        writeArtefact(RunFiles.GRADIENT_NORMS, () -> EpochFigures.writeGradientNormTable(preset, out, plan, line -> log("%s", line)));
    }

    /** {@code curves.png}: accuracy and loss per epoch of every run so far (a failure to draw is only logged). */
    private void writeCurves() {
        writeArtefact(RunFiles.CURVES, () -> EpochFigures.writeCurves(preset, out, curves, line -> log("%s", line)));
    }

    private Checkpoint readCheckpoint(Path file, ImageRun r, String fingerprint, int classes) throws IOException {
        Checkpoint c = Checkpoint.read(file);
        if (!c.runId().equals(r.id())) {
            throw new IOException(file + ": belongs to run " + c.runId() + ", not " + r.id());
        }
        String layout = org.addernet.presets.CheckpointLayout.mismatch(file.toString(), c, r, r.build(classes, 0), classes,
                out.resolve(RunFiles.PRESET).toString());
        if (layout != null) {
            throw new IOException(layout);
        }
        if (!c.fingerprint().equals(fingerprint)) {
            throw new IOException(file + ": was written with other settings (data, model or training differ from "
                    + out.resolve(RunFiles.PRESET) + ", or another engine version); start a new run instead of resuming");
        }
        return c;
    }

    /** A digest of everything that decides a run's numbers: its id and model, the data and training sections. */
    private String fingerprint(ImageRun r, ImagePipeline.Prepared data) throws IOException {
        String text = RunFiles.ENGINE_VERSION + "|" + r.id() + "|" + r.model() + "|" + r.rules() + "|" + JSON.writeValueAsString(preset.data()) + "|"
                + JSON.writeValueAsString(preset.training()) + "|" + JSON.writeValueAsString(preset.adder()) + "|"
                + data.train().size() + "|" + data.test().size();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The summary entry. Completed runs report the whole training set's accuracy (evaluation mode)
     * and the last epoch's test accuracy; a cancelled run the last whole epoch's test accuracy.
     */
    private RunRecord record(ImageRun r, RunStatus status, List<EpochMetrics> history, Trainer trainer,
                             DataSet evaluateOn, long iterations, double seconds, String reason, int epochs) {
        EpochMetrics lastRow = history.isEmpty() ? null : history.get(history.size() - 1);
        boolean ok = status == RunStatus.COMPLETED || status == RunStatus.CANCELLED;
        Double trainAcc = null;
        if (status == RunStatus.COMPLETED && trainer != null && evaluateOn != null && !isCancelled()) {
            trainAcc = trainer.accuracy(evaluateOn);
        }
        Double testAcc = ok && lastRow != null ? lastRow.testAccuracy() : null;
        Double loss = ok && lastRow != null ? lastRow.loss() : null;
        Double best = history.stream().mapToDouble(EpochMetrics::testAccuracy).boxed().max(Double::compare).orElse(null);
        double imagesDone = 0;
        double secs = 0;
        for (int k = 0; k < history.size(); k++) {
            double prev = k == 0 ? 0 : history.get(k - 1).seconds();
            secs += history.get(k).seconds() - prev;
            imagesDone += (history.get(k).iteration() - (k == 0 ? 0 : history.get(k - 1).iteration()))
                    * (double) preset.training().batchSize();
        }
        Double rate = secs > 0 ? Math.round(imagesDone / secs * 10) / 10.0 : null;
        log("  %s %s%s", r.id(), status.id(), reason == null ? String.format(Locale.ROOT, ": test %.4f", testAcc)
                : " (" + reason + ")");
        return new RunRecord(new RunRecord.Run(r.id(), r.model(), null, trainer == null ? 0 : trainer.layerNames().size(),
                r.seed(), r.seed()), status, new RunRecord.Result(trainAcc, testAcc, loss, iterations,
                Math.round(seconds * 1000) / 1000.0), reason, new RunRecord.EpochStats(epochs, history.size(), best, rate));
    }
}
