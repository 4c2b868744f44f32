package org.addernet.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.addernet.app.io.FolderClaim;
import org.addernet.app.io.IoText;
import org.addernet.app.io.Json;
import org.addernet.app.io.JsonFields;
import org.addernet.presets.LocatedJson;
import org.addernet.presets.Problem;
import org.addernet.presets.Problems;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunRecord;
import org.addernet.presets.PresetValidator;
import org.addernet.engine.train.RunStatus;

/**
 * The run store: one folder per run under {@code <home>/runs}, named
 * {@code <yyyyMMdd-HHmmss>-<preset>} (local time; {@code -2}, {@code -3}, ... when that name is
 * taken), each holding what its runner writes ({@code preset.json}, {@code summary.json}, per-run
 * {@code metrics.csv}, figures, checkpoints) and a {@link RunManifest} ({@code run.json}).
 * {@link #list()} reads every folder and never throws for a folder's content: a folder it cannot
 * read is listed with status {@code damaged} and the reason.
 */
public final class RunStore {
    /** The store's folder inside the home. */
    public static final String RUNS = "runs";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = Json.mapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path home;
    private final Clock clock;

    public RunStore(Path home) {
        this(home, Clock.systemDefaultZone());
    }

    /** A store whose folder names take their time from {@code clock} (tests). */
    public RunStore(Path home, Clock clock) {
        this.home = home.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The store of this process's home ({@link WorkbenchHome#resolve(Path)} with no explicit path). */
    public static RunStore atDefaultHome() {
        return new RunStore(WorkbenchHome.resolve(null));
    }

    public Path home() {
        return home;
    }

    public Path runsDir() {
        return home.resolve(RUNS);
    }

    /** The name a new run of {@code preset} would get now (nothing is created). */
    public Path nextRunFolder(String preset) {
        Path base = runsDir().resolve(LocalDateTime.now(clock).format(STAMP) + "-" + preset);
        Path p = base;
        for (int k = 2; Files.exists(p); k++) {
            p = Path.of(base + "-" + k);
        }
        return p;
    }

    /**
     * Creates a new, empty run folder for {@code preset}: {@code <stamp>-<preset>}, or with the
     * first free suffix {@code -k}. Creation is exclusive, so two processes starting runs in the
     * same second never share a folder.
     */
    public Path createRunFolder(String preset) throws IOException {
        Files.createDirectories(runsDir());
        Path base = runsDir().resolve(LocalDateTime.now(clock).format(STAMP) + "-" + preset);
        for (int k = 1; ; k++) {
            Path p = k == 1 ? base : Path.of(base + "-" + k);
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException taken) {
                // next suffix
            }
        }
    }

    /** Every run folder, newest first (by creation time, then name). Plain files and hidden entries are skipped. */
    public List<RunInfo> list() {
        List<RunInfo> out = new ArrayList<>();
        Path dir = runsDir();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    out.add(read(p));
                }
            }
        } catch (IOException e) {
            out.add(RunInfo.damaged(dir, "", "cannot list " + dir + ": " + e.getMessage()));
        }
        out.sort(Comparator.comparing((RunInfo r) -> r.created() == null ? "" : r.created())
                .thenComparing(RunInfo::id).reversed());
        return out;
    }

    /** The run whose folder is named {@code id}, or null. */
    public RunInfo find(String id) {
        Path p = runsDir().resolve(id);
        return id.contains("/") || id.contains("\\") || !Files.isDirectory(p) ? null : read(p);
    }

    /** Reads one run folder (inside the store or not); never throws. */
    public static RunInfo read(Path folder) {
        String fallbackCreated = folderTime(folder);
        Path manifestFile = folder.resolve(RunManifest.FILE);
        Path summaryFile = folder.resolve(RunFiles.SUMMARY);
        Path presetFile = folder.resolve(RunFiles.PRESET);
        boolean hasManifest = Files.isRegularFile(manifestFile);
        boolean hasSummary = Files.isRegularFile(summaryFile);
        boolean hasPreset = Files.isRegularFile(presetFile);
        if (!hasManifest && !hasSummary && !hasPreset) {
            return RunInfo.damaged(folder, fallbackCreated,
                    "not a run folder: no " + RunManifest.FILE + ", preset.json or summary.json");
        }
        RunManifest m = null;
        if (hasManifest) {
            try {
                m = RunManifest.read(folder);
            } catch (IOException | RuntimeException e) {
                return RunInfo.damaged(folder, fallbackCreated, firstLine(e.getMessage()));
            }
        }
        JsonNode summary = null;
        List<RunRecord> records = List.of();
        if (hasSummary) {
            Problems problems = new Problems(summaryFile.toString());
            LocatedJson json = readJson(summaryFile, problems);
            if (json != null) {
                records = checkSummary(summaryFile.toString(), json, problems);
                summary = json.root();
            }
            if (!problems.isEmpty()) {
                return RunInfo.damaged(folder, fallbackCreated, oneLine(problems));
            }
        }
        JsonNode preset = null;
        if (hasPreset && (m == null || m.preset() == null || m.kind() == null || records.isEmpty())) {
            Problems problems = new Problems(presetFile.toString());
            LocatedJson json = readJson(presetFile, problems);
            if (json != null && !json.root().isObject()) {
                problems.add(Problem.of(presetFile.toString(), "expected a JSON object { ... }", null));
            }
            if (!problems.isEmpty()) {
                return RunInfo.damaged(folder, fallbackCreated, oneLine(problems));
            }
            preset = json.root();
        }
        String name = folder.getFileName().toString();
        String presetName = firstText(m == null ? null : m.preset(), text(summary, "preset"), text(preset, "name"), name);
        String title = firstText(m == null ? null : m.title(), text(summary, "title"), text(preset, "title"), "");
        String kind = m != null && m.kind() != null ? m.kind()
                : preset != null ? (PresetValidator.isImageSet(preset.path("data").path("set").asText(null))
                        ? RunManifest.IMAGE : RunManifest.TOY)
                : records.stream().anyMatch(r -> r.hidden() == null) ? RunManifest.IMAGE : RunManifest.TOY;
        int seeds = m != null ? m.seeds() : summary != null && summary.path("seeds").canConvertToInt()
                ? summary.path("seeds").asInt() : 1;
        Set<String> models = new LinkedHashSet<>();
        records.forEach(r -> models.add(r.model()));
        if (models.isEmpty() && preset != null) {
            preset.path("runs").path("models").forEach(n -> models.add(n.asText()));
        }
        String engine = m != null && m.engineVersion() != null ? m.engineVersion() : text(summary, "engineVersion");

        RunStatus status;
        String reason = m == null ? null : m.reason();
        RunStatus declared = m == null ? null : m.status();
        if (declared == null) {                       // a folder made before the store, or a bare {"seeds": N}
            if (summary != null) {
                status = RunManifest.statusOf(records);
                reason = RunManifest.reasonOf(records);
            } else {
                status = RunStatus.INTERRUPTED;
                reason = "no summary.json: the run stopped before it finished";
            }
        } else if (declared == RunStatus.RUNNING && !alive(m.pid())) {
            status = RunStatus.INTERRUPTED;
            reason = "its process" + (m.pid() == null ? "" : " (pid " + m.pid() + ")")
                    + " ended while it ran: killed or crashed";
        } else if (declared == RunStatus.COMPLETED && summary == null) {
            return RunInfo.damaged(folder, m.created() != null ? m.created() : fallbackCreated,
                    summaryFile + ": missing, though " + RunManifest.FILE + " says " + declared);
        } else {
            status = declared;
        }
        ClusterLedger cluster;
        try {
            cluster = ClusterLedger.read(folder);
        } catch (IOException e) {
            cluster = null;
            reason = reason == null ? e.getMessage() : reason;
        }
        return new RunInfo(folder, name, presetName, title, kind, m == null ? null : m.presetSource(), seeds,
                m == null ? List.of() : m.overrides(), List.copyOf(models), engine, m == null ? null : m.source(),
                m != null && m.created() != null ? m.created() : fallbackCreated, status, reason,
                m == null ? 0 : m.resumes(), m == null ? null : m.queueItem(), records, cluster);
    }

    /** What to do about a damaged summary.json. */
    private static final String SUMMARY_HINT = "the file is damaged: restore it, or run the preset again";
    private static final List<String> RUN_STATES = List.of(RunStatus.COMPLETED.id(), RunStatus.DIVERGED.id(),
            RunStatus.CANCELLED.id(), RunStatus.FAILED.id());

    /** {@code file} read as a workbench JSON file (strict UTF-8, places of values); null with the problem added. */
    static LocatedJson readJson(Path file, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.of(file.toString(), "cannot be read: " + IoText.reason(e), null));
            return null;
        }
        return LocatedJson.read(file.toString(), bytes, problems);
    }

    /**
     * summary.json's runs, every value checked first (an accuracy of 1e999, a negative number of
     * seconds, an unknown status are problems naming the field, never shown as numbers).
     */
    static List<RunRecord> checkSummary(String source, LocatedJson json, Problems problems) {
        JsonFields f = new JsonFields(source, json, problems, SUMMARY_HINT);
        if (!f.object("", true)) {
            return List.of();
        }
        int n = f.list("runs", true);
        f.whole("seeds", 1, Integer.MAX_VALUE, false, null);
        f.text("preset", false);
        f.text("title", false);
        for (int i = 0; i < n; i++) {
            String r = "runs[" + i + "]";
            if (!f.object(r, true)) {
                continue;
            }
            f.text(r + ".id", true);
            f.text(r + ".model", true);
            f.oneOf(r + ".status", RUN_STATES, true);
            f.text(r + ".reason", false);
            f.whole(r + ".hidden", 1, Integer.MAX_VALUE, false, null);
            f.whole(r + ".depth", 0, Integer.MAX_VALUE, false, null);
            f.whole(r + ".seed", Long.MIN_VALUE, Long.MAX_VALUE, false, null);
            f.whole(r + ".dataSeed", Long.MIN_VALUE, Long.MAX_VALUE, false, null);
            for (String acc : List.of("trainAccuracy", "testAccuracy", "bestTestAccuracy")) {
                f.number(r + "." + acc, 0.0, 1.0, false);
            }
            f.number(r + ".finalLoss", 0.0, null, false);
            f.number(r + ".seconds", 0.0, null, false);
            f.number(r + ".imagesPerSecond", 0.0, null, false);
            f.whole(r + ".iterations", 0, Long.MAX_VALUE, false, null);
            f.whole(r + ".epochs", 0, Integer.MAX_VALUE, false, null);
            f.whole(r + ".epochsDone", 0, Integer.MAX_VALUE, false, null);
        }
        if (!problems.isEmpty()) {
            problems.sortByPlace();
            return List.of();
        }
        List<RunRecord> out = new ArrayList<>();
        for (JsonNode r : json.root().get("runs")) {
            try {
                out.add(JSON.treeToValue(r, RunRecord.class));
            } catch (JsonProcessingException | RuntimeException e) {
                problems.add(Problem.of(source, "a run cannot be read: " + firstLine(e.getMessage()), SUMMARY_HINT));
                return List.of();
            }
        }
        return out;
    }

    /** One line for a folder's reason: the first problem, and how many more there are. */
    static String oneLine(Problems problems) {
        String first = problems.list().get(0).message();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    }

    /** A message of several problems (a heading, then one line each) as one line: the first, and how many more. */
    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String[] lines = s.split("\n");
        if (lines.length == 1) {
            return s;
        }
        return lines[1].strip() + " (and " + (lines.length - 2) + " more)";
    }

    /** The runs of {@code runs} that match every filter given (null: any). {@code model} matches a run that trained it. */
    public static List<RunInfo> filter(List<RunInfo> runs, String preset, String model, String status) {
        return runs.stream()
                .filter(r -> preset == null || preset.equals(r.preset()))
                .filter(r -> model == null || r.models().contains(model))
                .filter(r -> status == null || status.equals(r.status().id()))
                .toList();
    }

    /** The distinct preset names of {@code runs}, in order (for the history's filter menus). */
    public static List<String> presets(List<RunInfo> runs) {
        return runs.stream().map(RunInfo::preset).distinct().toList();
    }

    /** The distinct models of {@code runs}, in order. */
    public static List<String> models(List<RunInfo> runs) {
        return runs.stream().flatMap(r -> r.models().stream()).distinct().toList();
    }

    /**
     * Deletes the temporary files ({@code .<name>.<hex>.tmp}, see {@link org.addernet.app.io.AtomicFiles})
     * that a process killed while writing left in {@code folder} and its subfolders; returns how
     * many. Only for a folder no live process writes to (the one about to continue the run).
     */
    public static int removeStaleTemporaries(Path folder) {
        return removeStaleTemporaries(folder, 3);
    }

    /** {@link #removeStaleTemporaries(Path)} down to {@code depth} folders (1: the folder's own files). */
    static int removeStaleTemporaries(Path folder, int depth) {
        int[] n = {0};
        if (!Files.isDirectory(folder) || depth > 1 && FolderClaim.heldElsewhere(folder)) {
            return 0;               // a live run writes there: its temporary files are in use
        }
        try (var files = Files.walk(folder, depth)) {
            files.filter(f -> TEMPORARY.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .forEach(f -> {
                        try {
                            Files.deleteIfExists(f);
                            n[0]++;
                        } catch (IOException ignored) {
                            // left for the next try
                        }
                    });
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a folder that cannot be walked keeps its files
        }
        return n[0];
    }

    /** The names {@link org.addernet.app.io.AtomicFiles} gives its temporary files. */
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");

    static boolean alive(Long pid) {
        if (pid == null) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            return true;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String folderTime(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toInstant().toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static String text(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String firstText(String... options) {
        for (String s : options) {
            if (s != null) {
                return s;
            }
        }
        return null;
    }
}
