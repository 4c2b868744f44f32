package org.addernet.app.cluster;

import java.io.Serializable;
import org.addernet.app.runner.RunRequest;

/**
 * One Spark task: one seed of one variant of a preset, as it travels to a worker.
 *
 * @param key     unique within a {@link ClusterRun}: {@code s<seed>} or {@code <variant>/s<seed>}; names
 *                the task's folder {@code <run folder>/.tasks/<key>}
 * @param label   for people: {@code table5-toy eta-0.2 seed 3}
 * @param run     the runner's request for this one seed (the variant's merged preset, {@code seed} set,
 *                {@code seeds} 1): exactly what a local run of that seed runs. Its {@code out} is the
 *                task's folder on the driver's side
 * @param image   an epoch run (image data set), else a toy run
 * @param shared  {@code run.out} is on a path every worker sees under that name: the task writes there
 *                (and a retry continues from the checkpoints a lost attempt left); else it writes to a
 *                temporary folder and sends it home as zip bytes
 * @param shipped the data set shipped with the job (SparkFiles), or null: the worker looks it up
 * @param start   the run folders to continue from, zipped ({@code --resume} without a shared store), or null
 */
public record TaskRequest(String key, String label, RunRequest run, boolean image, boolean shared, ShippedData shipped,
                          byte[] start) implements Serializable {
    private static final long serialVersionUID = 1L;
}
