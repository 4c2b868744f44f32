package org.addernet.app.runner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.addernet.app.io.AtomicFiles;
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

/**
 * Runs an ablation sweep (a preset with a {@code sweep} section, the paper's Tables 4-6): each
 * variant in table order, with the runner its data set calls for ({@link PresetRunner} for toy
 * sets, {@link EpochRunner} for image sets) and {@code seeds} seeds, into {@code <out>/<variant id>/}
 * (a complete run folder of that runner). After every variant it rewrites {@code table.csv} and
 * {@code table.png} (the table so far); at the end {@code summary.json} ({@link SweepSummary}).
 *
 * <p>For the window: {@link #run()} blocks (call it off the FX thread); the {@link Listener} is
 * called on that thread; {@link #cancel()} answers at once from any thread, stops the variant in
 * flight after its current step and skips the rest, whose runs are recorded as cancelled;
 * {@link #table()} is the latest table at any time.
 *
 * <p>{@code resume}: variants whose folder holds a summary with every run completed are taken
 * as they are; an image variant with checkpoints continues from them ({@code --resume}); any
 * other variant runs again.
 */
public final class SweepRunner {
    /** The table in the paper's layout, as CSV. */
    public static final String TABLE_CSV = "table.csv";
    /** The table drawn, ours beside the paper's. */
    public static final String TABLE_PNG = "table.png";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What a sweep reports while it runs; every method is called on the thread that called {@link #run()}. */
    public interface Listener {
        /** Before the first variant, with the empty table (columns and header rows known). */
        default void started(SweepTable table) {
        }

        /** Variant {@code index} (0-based) of {@code total} starts; {@code preset} is the variant's merged preset. */
        default void variantStarted(int index, int total, Preset.Variant variant, Preset preset) {
        }

        /** Variant {@code index} has ended (completed, or stopped); {@code table} holds every variant so far. */
        default void variantFinished(int index, int total, SweepTable table) {
        }

        /** A progress line of the runners (one line, no line break). */
        default void line(String line) {
        }
    }

    private final Preset preset;
    private final Path out;
    private final int seeds;
    private final Listener listener;
    private Path dataRoot;
    private int jobs = Runtime.getRuntime().availableProcessors();
    private PrintStream progress;
    private boolean interactive;
    private boolean resume;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Runnable cancelCurrent;
    private volatile SweepTable table;

    /**
     * @param preset   a preset with a sweep (the command line's {@code --set} already applied)
     * @param out      the sweep's folder
     * @param seeds    seeds per variant ({@code --seeds})
     * @param listener progress callbacks, or null
     */
    public SweepRunner(Preset preset, Path out, int seeds, Listener listener) {
        if (preset.sweep() == null) {
            throw new IllegalArgumentException(preset.name() + " has no sweep section");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        }
        this.preset = preset;
        this.out = out;
        this.seeds = seeds;
        this.listener = listener == null ? new Listener() { } : listener;
        this.table = SweepTable.of(preset, seeds, emptyResults());
    }

    /** The data root searched first ({@code --data DIR}) for image variants; null = the usual places. */
    public SweepRunner dataRoot(Path root) {
        this.dataRoot = root;
        return this;
    }

    /** Toy runs trained at once within a variant ({@code --jobs}). */
    public SweepRunner jobs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + n);
        }
        this.jobs = n;
        return this;
    }

    /** Where the runners' progress lines go besides the listener (null: nowhere); {@code interactive}: a terminal. */
    public SweepRunner progress(PrintStream stream, boolean isTerminal) {
        this.progress = stream;
        this.interactive = isTerminal;
        return this;
    }

    /** Continue the sweep in {@code out} (see the class comment). */
    public SweepRunner resume(boolean on) {
        this.resume = on;
        return this;
    }

    /** Stops the variant in flight after its current step and skips the others; returns at once. */
    public void cancel() {
        cancelled.set(true);
        Runnable c = cancelCurrent;
        if (c != null) {
            c.run();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Waits until {@link #run()} has returned (a Ctrl-C hook waits so that summary.json is written). */
    public boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The latest table: empty cells for variants not run yet. */
    public SweepTable table() {
        return table;
    }

    /**
     * Runs every variant and writes the sweep's files. Throws {@link OutputFolderException} when
     * {@code out} cannot take the sweep and {@link java.io.FileNotFoundException} when an image
     * variant's data set is missing, both before anything is written or trained.
     */
    public SweepSummary run() throws IOException {
        try {
            return runAll();
        } finally {
            ended.countDown();
        }
    }

    private List<List<RunRecord>> emptyResults() {
        List<List<RunRecord>> r = new ArrayList<>();
        preset.sweep().variants().forEach(v -> r.add(null));
        return r;
    }

    private SweepSummary runAll() throws IOException {
        List<Preset.Variant> variants = preset.sweep().variants();
        List<Preset> presets = new ArrayList<>();
        for (int k = 0; k < variants.size(); k++) {
            presets.add(PresetLoader.variant(preset, k));
        }
        checkOut();
        Set<String> sets = new LinkedHashSet<>();
        presets.stream().filter(p -> PresetValidator.isImageSet(p.data().set())).forEach(p -> sets.add(p.data().set()));
        for (String set : sets) {       // a missing data set stops the sweep before anything is written
            DataRoots.find(set, dataRoot, System.getenv(), Path.of(System.getProperty("user.home")));
        }
        Files.createDirectories(out);
        if (!resume || !Files.exists(out.resolve("preset.json"))) {
            AtomicFiles.writeString(out.resolve("preset.json"), PresetLoader.toJson(preset));
        }
        AtomicFiles.writeString(out.resolve(EpochRunner.RUN_INFO), "{\"seeds\": " + seeds + "}\n");
        try {
            Png.warmUp();
        } catch (Throwable e) {            // no fonts: the runs go on, only the figure fails
            log("  figures may not be drawn: %s", e);
        }
        log("%s: %d variants x %d seed%s, writing to %s", preset.name(), variants.size(), seeds, seeds == 1 ? "" : "s", out);
        listener.started(table);
        List<List<RunRecord>> results = emptyResults();     // what ran (null: never started), for the table
        List<List<RunRecord>> records = emptyResults();     // every run, for summary.json
        PrintStream child = childStream();
        for (int k = 0; k < variants.size(); k++) {
            Preset.Variant v = variants.get(k);
            Preset vp = presets.get(k);
            if (cancelled.get()) {
                records.set(k, notStarted(vp));
                continue;
            }
            log("[variant %d/%d] %s: %s", k + 1, variants.size(), v.id(),
                    v.overrides().isEmpty() ? "the preset as it is" : String.join(" ", v.overrides()));
            listener.variantStarted(k, variants.size(), v, vp);
            results.set(k, runVariant(vp, out.resolve(v.id()), child));
            records.set(k, results.get(k));
            child.flush();
            table = SweepTable.of(preset, seeds, results);
            writeTable();
            listener.variantFinished(k, variants.size(), table);
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
                PresetRunner.ENGINE_VERSION, variants.stream().map(Preset.Variant::id).toList(), runs, table);
        AtomicFiles.writeString(out.resolve("summary.json"), JSON.writeValueAsString(summary));
        logTable();
        return summary;
    }

    private void checkOut() throws OutputFolderException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new OutputFolderException("--out " + out + ": exists and is not a folder");
        }
        if (!resume && (Files.exists(out.resolve("summary.json")) || Files.exists(out.resolve(EpochRunner.RUN_INFO)))) {
            throw new OutputFolderException("--out " + out + " already holds a run; choose another folder, or continue "
                    + "it with --resume " + out);
        }
    }

    /** One variant with the runner its data set needs; its own summary's runs. */
    private List<RunRecord> runVariant(Preset vp, Path dir, PrintStream child) throws IOException {
        boolean image = PresetValidator.isImageSet(vp.data().set());
        boolean resumeThis = false;
        if (resume && Files.isRegularFile(dir.resolve("summary.json"))) {
            List<RunRecord> before = readRuns(dir.resolve("summary.json"));
            if (before != null && !before.isEmpty() && before.stream().allMatch(r -> "completed".equals(r.status()))) {
                log("  %s: completed before, its results stand", dir.getFileName());
                return before;
            }
            if (!image) {
                Files.delete(dir.resolve("summary.json"));      // a toy variant runs again (seconds); every file is rewritten
            }
        }
        if (resume && image && Files.isRegularFile(dir.resolve(EpochRunner.RUN_INFO))) {
            resumeThis = true;
        }
        if (image) {
            EpochRunner r = new EpochRunner(vp, dir, seeds, dataRoot, resumeThis, child, interactive);
            r.usePreloaded(data(vp));
            cancelCurrent = r::cancel;
            if (cancelled.get()) {
                r.cancel();
            }
            try {
                return r.run().runs();
            } finally {
                cancelCurrent = null;
            }
        }
        PresetRunner r = new PresetRunner(vp, dir, seeds, jobs, child);
        cancelCurrent = r::cancel;
        if (cancelled.get()) {
            r.cancel();
        }
        try {
            return r.run().runs();
        } finally {
            cancelCurrent = null;
        }
    }

    /** The last image data read, and what it was read for (set, limits): the next variant usually needs the same. */
    private ImagePipeline.Prepared lastData;
    private String lastDataKey;

    private ImagePipeline.Prepared data(Preset vp) throws IOException {
        String key = vp.data().set() + "|" + vp.data().trainLimit() + "|" + vp.data().testLimit() + "|" + vp.data().mean()
                + "|" + vp.data().std();
        if (!key.equals(lastDataKey)) {
            lastData = null;                 // one set in memory at a time
            ImageSet set = ImageSet.of(vp.data().set());
            Path folder = DataRoots.find(set.id(), dataRoot, System.getenv(), Path.of(System.getProperty("user.home")));
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
                out.add(new RunRecord(r.id(), r.model(), null, 0, r.seed(), r.seed(), "cancelled", null, null, null, 0, 0,
                        why, vp.training().epochs(), 0, null, null));
            }
        } else {
            for (RunSpec r : ExperimentPlan.runs(vp, seeds)) {
                out.add(new RunRecord(r.id(), r.model().kind(), r.model().hidden(), r.model().depth(), r.seed(),
                        r.data().seed(), "cancelled", null, null, null, 0, 0, why));
            }
        }
        return out;
    }

    private static RunRecord prefixed(String variant, RunRecord r) {
        return new RunRecord(variant + "/" + r.id(), r.model(), r.hidden(), r.depth(), r.seed(), r.dataSeed(), r.status(),
                r.trainAccuracy(), r.testAccuracy(), r.finalLoss(), r.iterations(), r.seconds(), r.reason(), r.epochs(),
                r.epochsDone(), r.bestTestAccuracy(), r.imagesPerSecond());
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
        try {
            AtomicFiles.writeString(out.resolve(TABLE_CSV), table.csv());
        } catch (IOException e) {
            log("  %s not written: %s", TABLE_CSV, e.getMessage());
        }
        try {
            Png.write(TableFigure.render(table.figureSpec()), out.resolve(TABLE_PNG));
        } catch (IOException | RuntimeException e) {
            log("  %s not written: %s", TABLE_PNG, e);
        }
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
        log("(%s and %s in %s)", TABLE_CSV, TABLE_PNG, out);
    }

    /**
     * The stream the variant runners print to: the progress stream, and the listener line by
     * line (a bar redrawn in place with {@code \r} reaches the listener as its latest text).
     */
    private PrintStream childStream() {
        OutputStream sink = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (progress != null) {
                    progress.write(b);
                }
                if (b == '\n' || b == '\r') {
                    String s = line.toString(StandardCharsets.UTF_8).strip();
                    line.reset();
                    if (!s.isEmpty()) {
                        listener.line(s);
                    }
                } else {
                    line.write(b);
                }
            }

            @Override
            public void flush() {
                if (progress != null) {
                    progress.flush();
                }
            }
        };
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }

    private void log(String fmt, Object... args) {
        String s = String.format(Locale.ROOT, fmt, args);
        if (progress != null) {
            synchronized (progress) {
                progress.println(s);
            }
        }
        listener.line(s.strip());
    }
}
