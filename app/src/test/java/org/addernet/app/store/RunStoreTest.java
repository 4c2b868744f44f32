package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runner;
import org.addernet.app.runner.Runners;
import org.addernet.app.runner.Summary;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.addernet.engine.train.RunStatus;

/** The run store: home resolution, folder names, manifests, and list() over healthy, old and damaged folders. */
class RunStoreTest {
    static final List<String> TINY = List.of("training.iterations=200", "runs.hidden=[2]");
    private static final Clock NOON = Clock.fixed(Instant.parse("2025-03-04T12:30:45Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void theHomeIsExplicitThenPropertyThenEnvironmentThenUserHome() {
        Path user = Path.of("/home/u");
        Map<String, String> env = Map.of("ADDERNET_HOME", "/env/home");
        assertEquals(Path.of("/x"), WorkbenchHome.resolve(Path.of("/x"), "/prop", env, user));
        assertEquals(Path.of("/prop"), WorkbenchHome.resolve(null, "/prop", env, user));
        assertEquals(Path.of("/env/home"), WorkbenchHome.resolve(null, null, env, user));
        assertEquals(Path.of("/env/home"), WorkbenchHome.resolve(null, " ", env, user));
        assertEquals(Path.of("/home/u/.addernet"), WorkbenchHome.resolve(null, null, Map.of("ADDERNET_HOME", ""), user));
        assertEquals(Path.of("/home/u/.addernet"), WorkbenchHome.resolve(null, null, Map.of(), user));
    }

    @Test
    void folderNamesCarryTimeAndPresetAndAreNeverReused() throws IOException {
        RunStore store = new RunStore(tmp, NOON);
        assertEquals(tmp.resolve("runs/20250304-123045-fig2-unit-ball"), store.nextRunFolder("fig2-unit-ball"));
        Path a = store.createRunFolder("fig2-unit-ball");
        Path b = store.createRunFolder("fig2-unit-ball");
        Path c = store.createRunFolder("fig4-xor");
        assertEquals("20250304-123045-fig2-unit-ball", a.getFileName().toString());
        assertEquals("20250304-123045-fig2-unit-ball-2", b.getFileName().toString());
        assertEquals("20250304-123045-fig4-xor", c.getFileName().toString());
        // a folder someone made by hand with the next suffix is skipped, not reused
        Files.createDirectories(tmp.resolve("runs/20250304-123045-fig2-unit-ball-3"));
        assertEquals(tmp.resolve("runs/20250304-123045-fig2-unit-ball-4"), store.nextRunFolder("fig2-unit-ball"));
        assertEquals("20250304-123045-fig2-unit-ball-4", store.createRunFolder("fig2-unit-ball").getFileName().toString());
        try (var s = Files.list(a)) {
            assertEquals(0, s.count(), "a new folder is empty");
        }
    }

    @Test
    void aManifestRoundTripsAndKeepsTheSeedsFieldTheEpochRunnerReads() throws IOException {
        Preset p = PresetLoader.resolve("fig2-unit-ball", TINY);
        RunManifest m = RunManifest.begin(p, "fig2-unit-ball", TINY, 3, "window");
        Path dir = Files.createDirectories(tmp.resolve("r"));
        m.write(dir);
        var node = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertEquals(3, node.get("seeds").asInt(), "--resume reads {\"seeds\": N}");
        RunManifest back = RunManifest.read(dir);
        assertEquals(m, back);
        assertEquals("toy", back.kind());
        assertEquals(RunStatus.RUNNING, back.status());
        assertEquals(ProcessHandle.current().pid(), back.pid());
        assertEquals(RunFiles.ENGINE_VERSION, back.engineVersion());
        assertEquals(TINY, back.overrides());
        RunManifest done = back.withStatus(RunStatus.COMPLETED, null);
        assertNull(done.pid(), "only a running manifest names its process");
        assertEquals(back.created(), done.created());

        // the epoch runner's bare {"seeds": N} reads, with the rest unknown
        Files.writeString(dir.resolve("run.json"), "{\"seeds\": 2}\n");
        RunManifest bare = RunManifest.read(dir);
        assertEquals(2, bare.seeds());
        assertNull(bare.status());
        assertNull(bare.preset());

        Files.writeString(dir.resolve("run.json"), "{\"seeds\": 2, \"status\": 7}");
        IOException wrongType = assertThrows(IOException.class, () -> RunManifest.read(dir));
        String hint = "; correct it in the file (it is the run folder's manifest)";
        assertEquals(dir.resolve("run.json") + ":1:14: status: expected a string, got 7" + hint,
                wrongType.getMessage());
        Files.writeString(dir.resolve("run.json"), "{\"seeds\": 2, \"status\": \"sleeping\"}");
        assertEquals(dir.resolve("run.json") + ":1:14: status: expected one of queued, running, completed, failed, "
                + "cancelled, interrupted, got \"sleeping\"" + hint,
                assertThrows(IOException.class, () -> RunManifest.read(dir)).getMessage());
        Files.writeString(dir.resolve("run.json"), "{\"seeds\": 0}");
        assertEquals(dir.resolve("run.json") + ":1:2: seeds: expected a whole number >= 1, got 0" + hint,
                assertThrows(IOException.class, () -> RunManifest.read(dir)).getMessage());
        // every problem at once, each with its place
        Files.writeString(dir.resolve("run.json"), "{\"seeds\": 1.5,\n \"pid\": \"me\"}");
        String all = assertThrows(IOException.class, () -> RunManifest.read(dir)).getMessage();
        assertEquals(dir.resolve("run.json") + ": 2 problems:\n  " + dir.resolve("run.json") + ":1:2: seeds: expected a "
                + "whole number >= 1, got 1.5" + hint + "\n  " + dir.resolve("run.json") + ":2:2: pid: expected a whole "
                + "number >= 1, got the string \"me\"" + hint, all);
    }

    @Test
    void listReadsEveryFolderAndReportsDamagedOnesWithoutThrowing() throws IOException {
        RunStore store = new RunStore(tmp, NOON);
        // a healthy run through the real runner with the manifest writer
        Path good = store.createRunFolder("fig4-xor");
        Preset p = PresetLoader.resolve("fig4-xor", TINY);
        ManifestWriter w = ManifestWriter.fresh(good, RunManifest.begin(p, "fig4-xor", TINY, 2, "cli"), false);
        Runner runner = Runners.create(p, RunRequest.of(p, "fig4-xor", TINY, 2, good).withJobs(1), RunLog.NONE);
        runner.observe(w);
        Summary s = (Summary) runner.run();

        Path truncated = store.createRunFolder("fig2-unit-ball");
        Files.writeString(truncated.resolve("run.json"), "{\"seeds\": 1, \"preset\": \"fig2-un");
        Path foreign = Files.createDirectories(store.runsDir().resolve("holiday-photos"));
        Files.writeString(foreign.resolve("notes.txt"), "not a run");
        Path badSummary = store.createRunFolder("fig2-unit-ball");
        RunManifest.begin(p, "fig4-xor", TINY, 1, "cli").withStatus(RunStatus.COMPLETED, null).write(badSummary);
        Files.writeString(badSummary.resolve("summary.json"), "[1, 2");
        Path lost = store.createRunFolder("fig4-xor");
        RunManifest.begin(p, "fig4-xor", TINY, 1, "cli").withStatus(RunStatus.COMPLETED, null).write(lost);
        // killed while running: the manifest names a process that no longer exists
        Path killed = store.createRunFolder("fig4-xor");
        RunManifest r = RunManifest.begin(p, "fig4-xor", TINY, 1, "window");
        new RunManifest(r.seeds(), r.preset(), r.title(), r.kind(), r.presetSource(), r.overrides(), r.engineVersion(),
                r.source(), r.created(), r.updated(), RunStatus.RUNNING, null, 1L << 40, 0, "q7").write(killed);
        Files.writeString(killed.resolve(".summary.json.abc123.tmp"), "half");
        // an old command-line run: summary and preset, no manifest
        Path old = store.createRunFolder("fig4-xor");
        for (String f : List.of("summary.json", "preset.json")) {
            Files.copy(good.resolve(f), old.resolve(f));
        }
        Files.writeString(store.runsDir().resolve("stray-file.txt"), "ignored");
        Files.createDirectories(store.runsDir().resolve(".hidden"));

        List<RunInfo> all = store.list();
        Map<String, RunInfo> byId = all.stream().collect(Collectors.toMap(RunInfo::id, x -> x));
        assertEquals(7, all.size(), String.valueOf(byId.keySet()));

        RunInfo g = byId.get(good.getFileName().toString());
        assertEquals(RunStatus.COMPLETED, g.status());
        assertEquals("fig4-xor", g.preset());
        assertEquals("toy", g.kind());
        assertEquals("cli", g.source());
        assertEquals(2, g.seeds());
        assertEquals(TINY, g.overrides());
        assertEquals(List.of("mlp", "adder"), g.models());
        assertEquals(4, g.runs().size());
        for (int k = 0; k < 4; k++) {
            assertEquals(s.runs().get(k), g.runs().get(k), "summary.json's records read back whole");
        }
        assertEquals(s.runs().stream().mapToDouble(x -> x.testAccuracy()).max().getAsDouble(),
                g.bestTestAccuracy().getAsDouble());

        RunInfo t = byId.get(truncated.getFileName().toString());
        assertEquals(RunStatus.DAMAGED, t.status());
        assertTrue(t.reason().startsWith(truncated.resolve("run.json") + ":1:"), t.reason());
        assertTrue(t.reason().contains(": not valid JSON: "), t.reason());
        RunInfo f = byId.get("holiday-photos");
        assertEquals(RunStatus.DAMAGED, f.status());
        assertEquals("not a run folder: no run.json, preset.json or summary.json", f.reason());
        RunInfo b = byId.get(badSummary.getFileName().toString());
        assertEquals(RunStatus.DAMAGED, b.status());
        assertTrue(b.reason().startsWith(badSummary.resolve("summary.json") + ":"), b.reason());
        assertTrue(b.reason().contains(": not valid JSON: ") || b.reason().contains(": expected "), b.reason());
        RunInfo l = byId.get(lost.getFileName().toString());
        assertEquals(RunStatus.DAMAGED, l.status());
        assertEquals(lost.resolve("summary.json") + ": missing, though run.json says completed", l.reason());
        RunInfo k = byId.get(killed.getFileName().toString());
        assertEquals(RunStatus.INTERRUPTED, k.status());
        assertTrue(k.reason().contains("pid " + (1L << 40) + ") ended while it ran"), k.reason());
        assertEquals("q7", k.queueItem());
        RunInfo o = byId.get(old.getFileName().toString());
        assertEquals(RunStatus.COMPLETED, o.status(), "status from summary.json");
        assertEquals("fig4-xor", o.preset());
        assertEquals("toy", o.kind());
        assertEquals(g.runs(), o.runs());

        // the temporary file of the killed process goes when the run continues
        assertEquals(1, RunStore.removeStaleTemporaries(killed));
        assertFalse(Files.exists(killed.resolve(".summary.json.abc123.tmp")));
        assertTrue(Files.exists(killed.resolve("run.json")));

        // filters for the history
        assertEquals(List.of(RunStatus.COMPLETED, RunStatus.COMPLETED),
                RunStore.filter(all, "fig4-xor", "adder", null).stream().map(RunInfo::status).toList());
        assertEquals(4, RunStore.filter(all, null, null, "damaged").size(), "truncated, bad summary, lost summary, foreign");
        assertEquals(1, RunStore.filter(all, null, null, "interrupted").size());
        assertEquals(0, RunStore.filter(all, "fig4-xor", "lenet5-bn-adder", null).size());
        assertEquals(List.of("mlp", "adder"), RunStore.models(all));
    }

    @Test
    void aManifestWriterLeavesAFolderHoldingAnotherRunAlone() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("taken"));
        Preset p = PresetLoader.resolve("fig4-xor", TINY);
        Runner first = Runners.create(p, RunRequest.of(p, "fig4-xor", TINY, 1, dir).withJobs(1), RunLog.NONE);
        first.observe(ManifestWriter.fresh(dir, RunManifest.begin(p, "fig4-xor", TINY, 1, "cli"), false));
        first.run();
        String before = Files.readString(dir.resolve("run.json"));
        Runner second = Runners.create(p, RunRequest.of(p, "fig4-xor", TINY, 1, dir).withJobs(1), RunLog.NONE);
        second.observe(ManifestWriter.fresh(dir, RunManifest.begin(p, "fig4-xor", TINY, 1, "cli"), true));
        assertThrows(org.addernet.app.runner.OutputFolderException.class, second::run);
        assertEquals(before, Files.readString(dir.resolve("run.json")), "the refused run wrote nothing");
        assertTrue(Files.isDirectory(dir), "a folder with content is never removed");

        // a fresh, empty folder whose run never started is removed again
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ManifestWriter w = ManifestWriter.fresh(empty, RunManifest.begin(p, "fig4-xor", TINY, 1, "cli"), true);
        w.failed(new java.io.FileNotFoundException("data set mnist not found"));
        assertFalse(Files.exists(empty));
    }
}
