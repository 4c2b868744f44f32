package org.addernet.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.IoText;
import org.addernet.app.io.JsonFields;
import org.addernet.presets.LocatedJson;
import org.addernet.presets.Problems;
import org.addernet.app.io.Json;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.EpochRunner;
import org.addernet.app.runner.PresetRunner;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.runner.RunSummary;
import org.addernet.presets.Preset;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.PresetValidator;

/**
 * A run folder's manifest, {@code run.json}: what was run, by whom, and how it stands. It extends
 * the epoch runner's {@code {"seeds": N}} (which {@code --resume} reads) and is rewritten
 * atomically on every change of status.
 *
 * @param seeds         seeds run ({@code seed}, {@code seed + 1}, ...); {@code --resume} reads it
 * @param preset        the preset's name
 * @param title         the preset's title ("" when none)
 * @param kind          {@code toy} (2-D sets, {@link PresetRunner}) or {@code image} (epoch runs, {@link EpochRunner})
 * @param presetSource  what was asked for: a bundled preset's name or a file path (null: unknown)
 * @param overrides     the {@code --set key.path=value} settings, in order
 * @param engineVersion {@link PresetRunner#ENGINE_VERSION} of the run (of its last resumption)
 * @param source        {@code cli} or {@code window}
 * @param created       when the run folder was made (ISO-8601 instant)
 * @param updated       when this manifest was last written
 * @param status        {@code queued}, {@code running}, {@code completed}, {@code failed}, {@code cancelled},
 *                      {@code interrupted} (see {@link #statusOf(RunSummary)})
 * @param reason        why a run is not completed (null otherwise)
 * @param pid           the process that runs it while {@code running} (a dead one means it was killed)
 * @param resumes       how many times the run was continued from its checkpoints or restarted in place
 * @param queueItem     the queue item that ran it, or null
 */
public record RunManifest(int seeds, String preset, String title, String kind, String presetSource,
                          List<String> overrides, String engineVersion, String source, String created, String updated,
                          RunStatus status, String reason, Long pid, int resumes, String queueItem) {
    /** The file name: the same {@code run.json} the epoch runner's {@code --resume} reads. */
    public static final String FILE = RunFiles.RUN_INFO;
    /** Written into every manifest; a reader refuses a newer one. */
    public static final int FORMAT = 1;

    public static final String TOY = "toy";
    public static final String IMAGE = "image";

    /** The states a manifest can hold (a run's own {@code diverged} is per run, in summary.json). */
    private static final List<RunStatus> FOLDER_STATES = List.of(RunStatus.QUEUED, RunStatus.RUNNING,
            RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.INTERRUPTED);

    private static final ObjectMapper JSON = Json.indented();

    public RunManifest {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        title = title == null ? "" : title;
    }

    /** A new run's manifest, status {@code running}, created now by this process. */
    public static RunManifest begin(Preset preset, String presetSource, List<String> overrides, int seeds, String source) {
        String now = Instant.now().toString();
        return new RunManifest(seeds, preset.name(), preset.title(), kindOf(preset), presetSource, overrides,
                RunFiles.ENGINE_VERSION, source, now, now, RunStatus.RUNNING, null, ProcessHandle.current().pid(), 0, null);
    }

    /** {@code toy} or {@code image}. */
    public static String kindOf(Preset preset) {
        return PresetValidator.isImageSet(preset.data().set()) ? IMAGE : TOY;
    }

    /**
     * The status of a finished runner's folder: {@code cancelled} when any run was cancelled,
     * else {@code failed} when any failed, else {@code completed}. A diverged run counts as
     * completed: divergence is a result (the same preset and seed diverge again), recorded per
     * run in {@code summary.json}.
     */
    public static RunStatus statusOf(RunSummary s) {
        return statusOf(s.runs());
    }

    /** {@link #statusOf(RunSummary)} of summary.json's runs. */
    public static RunStatus statusOf(List<RunRecord> runs) {
        List<RunStatus> st = runs.stream().map(RunRecord::status).toList();
        if (st.contains(RunStatus.CANCELLED)) {
            return RunStatus.CANCELLED;
        }
        if (st.contains(RunStatus.FAILED)) {
            return RunStatus.FAILED;
        }
        return RunStatus.COMPLETED;
    }

    /** The first reason of a run that did not complete, or null. */
    public static String reasonOf(RunSummary s) {
        return reasonOf(s.runs());
    }

    /** {@link #reasonOf(RunSummary)} of summary.json's runs. */
    public static String reasonOf(List<RunRecord> runs) {
        return runs.stream().filter(r -> r.status() != RunStatus.COMPLETED && r.reason() != null)
                .map(r -> r.id() + ": " + r.reason()).findFirst().orElse(null);
    }

    public RunManifest withStatus(RunStatus newStatus, String newReason) {
        Long p = newStatus == RunStatus.RUNNING ? Long.valueOf(ProcessHandle.current().pid()) : null;
        return new RunManifest(seeds, preset, title, kind, presetSource, overrides, engineVersion, source, created,
                Instant.now().toString(), newStatus, newReason, p, resumes, queueItem);
    }

    /** Running again in the same folder (resumed from checkpoints, or a toy run restarted), by this process. */
    public RunManifest resumed() {
        return new RunManifest(seeds, preset, title, kind, presetSource, overrides, RunFiles.ENGINE_VERSION, source,
                created, Instant.now().toString(), RunStatus.RUNNING, null, ProcessHandle.current().pid(), resumes + 1, queueItem);
    }

    public RunManifest withQueueItem(String id) {
        return new RunManifest(seeds, preset, title, kind, presetSource, overrides, engineVersion, source, created,
                updated, status, reason, pid, resumes, id);
    }

    /** Writes {@code <folder>/run.json} atomically. */
    public void write(Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(FILE), toJson());
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("seeds", seeds);
        o.put("preset", preset);
        o.put("title", title);
        o.put("kind", kind);
        if (presetSource != null) {
            o.put("presetSource", presetSource);
        }
        ArrayNode a = o.putArray("overrides");
        overrides.forEach(a::add);
        o.put("engineVersion", engineVersion);
        o.put("source", source);
        o.put("created", created);
        o.put("updated", updated);
        o.put("status", status == null ? null : status.id());
        if (reason != null) {
            o.put("reason", reason);
        }
        if (pid != null) {
            o.put("pid", pid);
        }
        o.put("resumes", resumes);
        if (queueItem != null) {
            o.put("queueItem", queueItem);
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code <folder>/run.json}. A bare {@code {"seeds": N}} (an epoch run of the command
     * line before the store, or one killed before its manifest was complete) gives a manifest with
     * null preset, kind and status, which {@link RunStore} fills in from {@code preset.json} and
     * {@code summary.json}.
     *
     * @throws IOException unreadable, not UTF-8, not JSON, or fields of the wrong type or out of
     *                     range: one message naming the file, the line:column and the field of
     *                     every problem, and what was expected
     */
    public static RunManifest read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(source + ": cannot be read: " + IoText.reason(e));
        }
        Problems problems = new Problems(source);
        LocatedJson json = LocatedJson.read(source, bytes, problems);
        if (json == null) {
            throw new IOException(problems.message());
        }
        JsonFields f = new JsonFields(source, json, problems, HINT);
        if (!f.object("", true)) {
            throw new IOException(problems.message());
        }
        Long format = f.whole("format", 0, Integer.MAX_VALUE, false, 0L);
        if (format != null && format > FORMAT) {
            throw new IOException(source + ": format " + format + " is newer than this workbench reads (" + FORMAT
                    + "); open it with a newer workbench");
        }
        Long seeds = f.whole("seeds", 1, Integer.MAX_VALUE, true, null);
        List<String> overrides = f.strings("overrides");
        Long pid = f.whole("pid", 1, Long.MAX_VALUE, false, null);
        String statusId = f.oneOf("status", FOLDER_STATES.stream().map(RunStatus::id).toList(), false);
        Long resumes = f.whole("resumes", 0, Integer.MAX_VALUE, false, 0L);
        String preset = f.text("preset", false);
        String title = f.text("title", false);
        String kind = f.oneOf("kind", List.of(TOY, IMAGE), false);
        String presetSource = f.text("presetSource", false);
        String engineVersion = f.text("engineVersion", false);
        String source2 = f.text("source", false);
        String created = f.text("created", false);
        String updated = f.text("updated", false);
        String reason = f.text("reason", false);
        String queueItem = f.text("queueItem", false);
        problems.sortByPlace().throwIfAny(ps -> new IOException(ps.message()));
        return new RunManifest(seeds.intValue(), preset, title, kind, presetSource, overrides, engineVersion, source2,
                created, updated, statusId == null ? null : RunStatus.fromId(statusId), reason, pid,
                resumes == null ? 0 : resumes.intValue(), queueItem);
    }

    /** What to do about a damaged field of run.json. */
    private static final String HINT = RunFiles.RUN_INFO_HINT;
}
