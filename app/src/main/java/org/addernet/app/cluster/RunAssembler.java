package org.addernet.app.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.addernet.app.io.Json;
import org.addernet.engine.train.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.addernet.app.runner.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.render.Png;
import org.addernet.app.render.TableFigure;
import org.addernet.app.runner.Aggregate;
import org.addernet.app.runner.EpochFigures;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.runner.Summary;
import org.addernet.app.runner.SweepSummary;
import org.addernet.app.runner.SweepTable;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.RunSpec;

/**
 * Writes, from the tasks' folders ({@code <out>/.tasks/<key>/}, one per seed, each a one-seed run
 * folder of the local runner), the folder a local run of all seeds writes: the runs' folders
 * moved into place, {@code summary.json} with every run in plan order and the aggregate over
 * seeds (the local runner's own {@link Aggregate} code), {@code accuracy-table.csv}, the grid
 * figures of toy runs; for a sweep each variant's folder, then {@code table.csv},
 * {@code table.png} and the sweep's {@code summary.json} as {@code SweepRunner} writes them.
 */
final class RunAssembler {
    /** The tasks' folders, under the run folder. */
    static final String TASKS = ".tasks";

    private static final ObjectMapper JSON = Json.indented().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A folder of runs: the preset itself ({@code variant} null) or one variant of its sweep. */
    record Group(String variant, Preset preset, Path dir, boolean image) {
    }

    /**
     * One seed's task of a group, as it ended.
     *
     * @param seedPreset the group's preset with this seed (what the task ran)
     * @param folder     the task's folder (may not exist: the task never returned)
     * @param status     when the folder holds no summary: what its planned runs are recorded as
     * @param reason     and why
     * @param kept       a task not run again ({@code --resume}: every run completed before): its records, its
     *                   runs' folders already in place; null for a task that ran
     */
    record Task(Preset seedPreset, Path folder, RunStatus status, String reason, List<RunRecord> kept) {
    }

    private final int seeds;
    private final RunLog log;

    RunAssembler(int seeds, RunLog log) {
        this.seeds = seeds;
        this.log = log;
    }

    /** Assembles {@code g} from its tasks (in seed order); returns the summary written (runs in plan order). */
    Summary assemble(Group g, List<Task> tasks) throws IOException {
        Files.createDirectories(g.dir());
        AtomicFiles.writeString(g.dir().resolve("preset.json"), PresetLoader.toJson(g.preset()));
        if (g.image()) {
            writeSeeds(g.dir());
        }
        List<RunRecord> records = new ArrayList<>();
        for (int k = 0; k < tasks.size(); k++) {
            Task t = tasks.get(k);
            if (t.kept() != null) {
                records.addAll(t.kept());
                continue;
            }
            List<RunRecord> runs = readRuns(t.folder().resolve("summary.json"));
            if (runs == null) {
                runs = planned(t, g.image());
            }
            for (RunRecord r : runs) {
                moveInto(t.folder().resolve(r.id()), g.dir().resolve(r.id()));
            }
            if (!g.image()) {
                Path grid = t.folder().resolve("grid.png");
                if (Files.isRegularFile(grid)) {
                    if (k == 0) {
                        Files.copy(grid, g.dir().resolve("grid.png"), StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (seeds > 1) {
                        Files.copy(grid, g.dir().resolve("grid-s" + t.seedPreset().seed() + ".png"),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            records.addAll(runs);
        }
        List<Aggregate> cells = Aggregate.of(records);
        Summary summary = new Summary(g.preset().name(), g.preset().title(), g.preset().reproduces(), seeds,
                RunFiles.ENGINE_VERSION, records, cells);
        AtomicFiles.writeString(g.dir().resolve("summary.json"), JSON.writeValueAsString(summary));
        AtomicFiles.writeString(g.dir().resolve("accuracy-table.csv"), Aggregate.csv(cells));
        if (g.image()) {                         // Table 1's norms and the curves, over every seed's runs
            EpochFigures.writeAll(g.preset(), g.dir(), seeds, log::println);
        }
        return summary;
    }

    /** The sweep's own files, from every variant's records (in variant order). */
    SweepSummary sweep(Preset preset, Path out, List<String> variants, List<List<RunRecord>> perVariant) throws IOException {
        AtomicFiles.writeString(out.resolve("preset.json"), PresetLoader.toJson(preset));
        writeSeeds(out);
        SweepTable table = SweepTable.of(preset, seeds, perVariant);
        AtomicFiles.writeString(out.resolve("table.csv"), table.csv());
        try {
            Png.write(TableFigure.render(table.figureSpec()), out.resolve("table.png"));
        } catch (IOException | RuntimeException e) {
            say("  table.png not written: %s", e);
        }
        List<RunRecord> runs = new ArrayList<>();
        for (int k = 0; k < variants.size(); k++) {
            for (RunRecord r : perVariant.get(k)) {
                runs.add(r.withId(variants.get(k) + "/" + r.id()));
            }
        }
        SweepSummary summary = new SweepSummary(preset.name(), preset.title(), preset.reproduces(), seeds,
                RunFiles.ENGINE_VERSION, variants, runs, table);
        AtomicFiles.writeString(out.resolve("summary.json"), JSON.writeValueAsString(summary));
        return summary;
    }

    /** {@code run.json}'s {@code seeds} (what {@code --resume} reads), other fields kept. */
    private void writeSeeds(Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.RUN_INFO);
        ObjectNode info = JSON.createObjectNode();
        if (Files.isRegularFile(file)) {
            try {
                JsonNode n = JSON.readTree(file.toFile());
                if (n != null && n.isObject()) {
                    info = (ObjectNode) n;
                }
            } catch (IOException ignored) {
                // unreadable: replaced
            }
        }
        info.put("seeds", seeds);
        AtomicFiles.writeString(file, JSON.writeValueAsString(info) + "\n");
    }

    /** The ids of the runs one seed's task trains. */
    static List<String> plannedIds(Preset seedPreset, boolean image) {
        return image ? ExperimentPlan.imageRuns(seedPreset, 1).stream().map(ExperimentPlan.ImageRun::id).toList()
                : ExperimentPlan.runs(seedPreset, 1).stream().map(RunSpec::id).toList();
    }

    /** The runs a task without a summary was to train, recorded with the task's status and reason. */
    private static List<RunRecord> planned(Task t, boolean image) {
        List<RunRecord> out = new ArrayList<>();
        Preset p = t.seedPreset();
        if (image) {
            for (ExperimentPlan.ImageRun r : ExperimentPlan.imageRuns(p, 1)) {
                out.add(new RunRecord(new RunRecord.Run(r.id(), r.model(), null, 0, r.seed(), r.seed()), t.status(),
                        RunRecord.Result.NONE, t.reason(), new RunRecord.EpochStats(p.training().epochs(), 0, null, null)));
            }
        } else {
            for (RunSpec r : ExperimentPlan.runs(p, 1)) {
                out.add(new RunRecord(new RunRecord.Run(r.id(), r.model().kind(), r.model().hidden(), r.model().depth(),
                        r.seed(), r.data().seed()), t.status(), RunRecord.Result.NONE, t.reason()));
            }
        }
        return out;
    }

    /** The runs of a folder's summary.json, or null when there is none (or it is unreadable). */
    List<RunRecord> readRuns(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<RunRecord> out = new ArrayList<>();
            for (JsonNode r : JSON.readTree(file.toFile()).get("runs")) {
                out.add(JSON.treeToValue(r, RunRecord.class));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            say("  %s not read: %s", file, e.getMessage());
            return null;
        }
    }

    private static void moveInto(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        if (Files.exists(to)) {
            FolderZip.deleteTree(to);
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    private void say(String fmt, Object... args) {
        log.println(String.format(java.util.Locale.ROOT, fmt, args));
    }
}
