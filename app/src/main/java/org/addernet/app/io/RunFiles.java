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

    private RunFiles() {
    }
}
