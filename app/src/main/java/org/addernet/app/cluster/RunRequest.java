package org.addernet.app.cluster;

import java.io.Serializable;

/**
 * One run as it travels to a worker: one seed of one variant of a preset. Plain strings only, so
 * that it serialises the same way whatever loads it.
 *
 * @param key        unique within a {@link ClusterRun}: {@code s<seed>} or {@code <variant>/s<seed>};
 *                   names the task's folder
 * @param label      for people: {@code table5-toy eta-0.2 seed 3}
 * @param presetJson the merged preset of this run (variant applied, {@code seed} = the run's seed,
 *                   run with one seed): the runner sees exactly what a local run of that seed sees
 * @param image      an epoch run (image data set) rather than a toy run
 * @param taskDir    where the task writes when the store is shared (absolute, the same path on every
 *                   worker); null: a temporary folder on the worker, returned as zip bytes
 * @param dataRoot   the data root the worker searches first ({@code --data} as the worker sees it); nullable
 * @param shipped    the data set shipped with the job (SparkFiles), null when the workers look it up
 */
public record RunRequest(String key, String label, String presetJson, boolean image, String taskDir, String dataRoot,
                         ShippedData shipped) implements Serializable {
    private static final long serialVersionUID = 1L;
}
