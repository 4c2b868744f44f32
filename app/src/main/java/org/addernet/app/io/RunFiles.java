package org.addernet.app.io;

/**
 * What a run folder holds: the name of every file in it, with the class that writes it, and the
 * engine version each folder records. DESIGN.md's output contract; readers (the run store, the
 * lab's analyses of trained runs, the window) find the files by these names.
 */
public final class RunFiles {
    /** The version recorded with every run (provenance; a checkpoint of another version is refused). */
    public static final String ENGINE_VERSION = "0.1.0";

    /** Every run and its numbers (runner's {@code Summary}, {@code SweepSummary}); the lab writes a bare one. */
    public static final String SUMMARY = "summary.json";
    /** The merged preset the folder was run with (every runner, before training). */
    public static final String PRESET = "preset.json";
    /**
     * The run store's manifest (store's {@code RunManifest}); the epoch and sweep runners keep its
     * {@code seeds}, which {@code --resume} reads.
     */
    public static final String RUN_INFO = "run.json";
    /** Per run: one row per logged step or epoch (runner's {@code MetricsCsv}). */
    public static final String METRICS = "metrics.csv";
    /** Per epoch run: the state after the last whole epoch (engine's {@code Checkpoint}, by the epoch runner). */
    public static final String CHECKPOINT = "checkpoint.bin";
    /** Per toy run: its decision boundary (render's {@code DecisionPlot}, by the toy runner). */
    public static final String DECISION_BOUNDARY = "decision-boundary.png";
    /** A toy preset's models x widths, laid out like the paper's figure (render's {@code GridFigure}). */
    public static final String GRID = "grid.png";
    /** Mean and spread over seeds per (model, n) (runner's {@code Aggregate}). */
    public static final String ACCURACY_TABLE = "accuracy-table.csv";
    /** Per-layer gradient norms at the first step (Table 1), per run and for the folder (epoch runner). */
    public static final String GRADIENT_NORMS = "gradient-norms.csv";
    /** {@link #GRADIENT_NORMS} drawn beside the paper's Table 1 (figures' {@code GradientNormTableChart}). */
    public static final String GRADIENT_NORMS_PNG = "gradient-norms.png";
    /** Accuracy and loss per epoch of every run, redrawn after each epoch (figures' {@code EpochCurvesChart}). */
    public static final String CURVES = "curves.png";
    /** A sweep's table in the paper's layout (runner's {@code SweepTable}). */
    public static final String TABLE_CSV = "table.csv";
    /** The sweep's table drawn, ours beside the paper's (render's {@code TableFigure}). */
    public static final String TABLE_PNG = "table.png";
    /** A queue item's log of the runner's lines (store's {@code RunQueue}). */
    public static final String LOG = "run.log";
    /** Held while a process writes the folder ({@link FolderClaim}): its pid and start time. */
    public static final String LOCK = "run.lock";
    /** The trace of an internal error of the run in this folder (the command line's crash handler). */
    public static final String CRASH_LOG_PREFIX = "crash-";

    /**
     * The files that make a folder a run's, besides any {@code .png} or {@code .svg} at its top:
     * a folder holding one of these (at its top or up to three folders down: a sweep's variant's
     * run) is refused to a new run ({@link FolderClaim}); the lab's outputs count too.
     */
    public static final java.util.Set<String> ARTEFACTS = java.util.Set.of(SUMMARY, PRESET, RUN_INFO, METRICS,
            CHECKPOINT, DECISION_BOUNDARY, GRID, ACCURACY_TABLE, GRADIENT_NORMS, GRADIENT_NORMS_PNG, CURVES, TABLE_CSV,
            TABLE_PNG, LOG, "theorem4.csv", "theorem4-slopes.csv", "theorem4.png", "theorem4.svg", "lemma2.csv",
            "lemma5.csv", "theorem6-widths.csv");

    /** What to do about a damaged field of run.json (every reader of it says the same). */
    public static final String RUN_INFO_HINT = "correct it in the file (it is the run folder's manifest)";

    private RunFiles() {
    }

    /**
     * The {@code seeds} of {@code folder}'s run.json, read as strictly as the store's manifest is
     * (UTF-8, JSON, a whole number >= 1), for the readers below the store (the lab's trained runs).
     *
     * @throws java.io.IOException unreadable or damaged: one message naming the file, the
     *                             line:column and what was expected
     */
    public static int seeds(java.nio.file.Path folder) throws java.io.IOException {
        java.nio.file.Path file = folder.resolve(RUN_INFO);
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.IOException(source + ": cannot be read: " + IoText.reason(e));
        }
        org.addernet.presets.Problems problems = new org.addernet.presets.Problems(source);
        org.addernet.presets.LocatedJson json = org.addernet.presets.LocatedJson.read(source, bytes, problems);
        Long seeds = null;
        if (json != null) {
            JsonFields f = new JsonFields(source, json, problems, RUN_INFO_HINT);
            if (f.object("", true)) {
                seeds = f.whole("seeds", 1, Integer.MAX_VALUE, true, null);
            }
        }
        problems.throwIfAny(ps -> new java.io.IOException(ps.message()));
        return seeds.intValue();
    }

    /**
     * The run artefacts in {@code folder}, relative to it, in name order (at most {@code limit}):
     * the files named in {@link #ARTEFACTS} up to three folders down, and {@code .png} and
     * {@code .svg} files at its top. Hidden files (temporary files, the lock) do not count.
     */
    public static java.util.List<String> artefactsIn(java.nio.file.Path folder, int limit) {
        java.util.List<String> found = new java.util.ArrayList<>();
        if (!java.nio.file.Files.isDirectory(folder)) {
            return found;
        }
        try (var files = java.nio.file.Files.walk(folder, 4)) {
            files.filter(f -> !f.equals(folder)).filter(f -> {
                String n = f.getFileName().toString();
                if (n.startsWith(".") || !java.nio.file.Files.isRegularFile(f)) {
                    return false;
                }
                boolean top = f.getParent().equals(folder);
                return ARTEFACTS.contains(n) || top && (n.endsWith(".png") || n.endsWith(".svg"));
            }).map(f -> folder.relativize(f).toString()).sorted().limit(limit).forEach(found::add);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            found.add("(a folder that cannot be read: " + IoText.reason(e) + ")");
        }
        return found;
    }
}
