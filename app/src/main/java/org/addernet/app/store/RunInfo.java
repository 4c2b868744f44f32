package org.addernet.app.store;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.addernet.app.runner.RunRecord;
import org.addernet.engine.train.RunStatus;

/**
 * One folder of the run store as {@link RunStore#list()} reads it: its manifest's fields, the
 * status (with {@code interrupted} for a run whose process died and {@code damaged} for a folder
 * whose files cannot be read), and the final metrics of every (seed, model, n) run from
 * {@code summary.json} (empty until the runner writes it).
 *
 * @param folder    the run folder
 * @param id        the folder's name, e.g. {@code 20250101-120000-fig2-unit-ball}
 * @param preset    the preset's name (the folder's name when nothing says)
 * @param models    the models trained (from summary.json, else the preset's {@code runs.models})
 * @param status    queued, running, completed, failed, cancelled, interrupted or damaged
 * @param reason    why it is not completed (the first failing run's reason, what is damaged), or null
 * @param created   ISO-8601 instant the folder was made (the folder's time for folders made before the store)
 * @param runs      summary.json's runs: id, model, hidden, seed, status, accuracies, final loss, seconds...
 * @param cluster   where its runs ran when they ran on a cluster ({@code cluster.json}: which executor ran
 *                  which task, in how many attempts), else null
 */
public record RunInfo(Path folder, String id, String preset, String title, String kind, String presetSource,
                      int seeds, List<String> overrides, List<String> models, String engineVersion, String source,
                      String created, RunStatus status, String reason, int resumes, String queueItem,
                      List<RunRecord> runs, ClusterLedger cluster) {
    public RunInfo {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        models = models == null ? List.of() : List.copyOf(models);
        runs = runs == null ? List.of() : List.copyOf(runs);
        title = title == null ? "" : title;
    }

    /** A run of this machine (no cluster ledger). */
    public RunInfo(Path folder, String id, String preset, String title, String kind, String presetSource, int seeds,
                   List<String> overrides, List<String> models, String engineVersion, String source, String created,
                   RunStatus status, String reason, int resumes, String queueItem, List<RunRecord> runs) {
        this(folder, id, preset, title, kind, presetSource, seeds, overrides, models, engineVersion, source, created,
                status, reason, resumes, queueItem, runs, null);
    }

    /** Where the runs ran: {@code this machine}, or the cluster's master, tasks, executors and retries. */
    public String ranOn() {
        return cluster == null ? "this machine" : cluster.summary();
    }

    /** A folder the store cannot read: {@code reason} says which file and what is wrong. */
    static RunInfo damaged(Path folder, String created, String reason) {
        String name = folder.getFileName().toString();
        return new RunInfo(folder, name, name, "", null, null, 0, List.of(), List.of(), null, null, created,
                RunStatus.DAMAGED, reason, 0, null, List.of());
    }

    public boolean isDamaged() {
        return status == RunStatus.DAMAGED;
    }

    /** The {@code --set} settings as one line ({@code ""} for none): what tells two runs of a preset apart. */
    public String settings() {
        return String.join(" ", overrides);
    }

    /** The best final test accuracy of the completed runs, if any. */
    public OptionalDouble bestTestAccuracy() {
        return runs.stream().filter(r -> r.status() == RunStatus.COMPLETED && r.testAccuracy() != null)
                .mapToDouble(RunRecord::testAccuracy).max();
    }
}
