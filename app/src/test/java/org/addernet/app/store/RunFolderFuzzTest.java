package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.addernet.app.io.Json;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.Aggregate;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.runner.Summary;
import org.addernet.app.testdata.Mutate;
import org.addernet.app.testdata.TempRoot;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.PresetLoader;

/**
 * Fuzzing the run folder's readers: run.json ({@link RunManifest#read}) and summary.json (through
 * {@link RunStore#read}) with random damage. Whatever the bytes, a manifest is read or refused
 * with one message naming the file in our words; the store never throws and lists a folder it
 * cannot read as damaged with the file named; a folder it reads holds only values in range (no
 * accuracy of 1e999 shown as Infinity). Valid files round-trip. Tries are bounded (README).
 */
class RunFolderFuzzTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Json.indented();
    private static Path root;
    private static int n;
    private static final java.util.Map<String, org.addernet.presets.Preset> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeContainer
    static void makeRoot() throws IOException {
        root = TempRoot.make("run-folder-fuzz");
    }

    @AfterContainer
    static void removeRoot() throws IOException {
        TempRoot.remove(root);
    }

    private static Path folder() throws IOException {
        return Files.createDirectories(root.resolve("f" + n++));
    }

    /** A manifest of a random bundled preset, state and settings. */
    static RunManifest manifest(Random r) {
        String name = PresetLoader.BUNDLED.get(r.nextInt(PresetLoader.BUNDLED.size()));
        RunManifest m = RunManifest.begin(LOADED.computeIfAbsent(name, x -> PresetLoader.resolve(x, List.of())), name,
                r.nextBoolean() ? List.of() : List.of("seed=" + r.nextInt(100)), 1 + r.nextInt(20), r.nextBoolean() ? "cli" : "window");
        RunStatus[] states = {RunStatus.RUNNING, RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED,
            RunStatus.INTERRUPTED, RunStatus.QUEUED};
        RunStatus st = states[r.nextInt(states.length)];
        m = m.withStatus(st, st == RunStatus.COMPLETED ? null : "why " + r.nextInt(9));
        return r.nextBoolean() ? m.withQueueItem("q" + r.nextInt(50)) : m;
    }

    /** summary.json of random, valid runs (the runner's own writer). */
    static Summary summary(Random r) {
        List<RunRecord> runs = new ArrayList<>();
        int k = 1 + r.nextInt(6);
        for (int i = 0; i < k; i++) {
            boolean image = r.nextBoolean();
            RunStatus st = List.of(RunStatus.COMPLETED, RunStatus.DIVERGED, RunStatus.CANCELLED, RunStatus.FAILED)
                    .get(r.nextInt(4));
            RunRecord.Result res = st == RunStatus.COMPLETED ? new RunRecord.Result(r.nextDouble(), r.nextDouble(),
                    r.nextDouble() * 3, r.nextInt(100_000), r.nextDouble() * 100) : RunRecord.Result.NONE;
            RunRecord.Run run = new RunRecord.Run((image ? "lenet5-bn-adder" : "mlp-n" + (i + 1)) + "-s" + i,
                    image ? "lenet5-bn-adder" : "mlp", image ? null : i + 1, 2, i, i);
            runs.add(image ? new RunRecord(run, st, res, st == RunStatus.COMPLETED ? null : "r",
                    new RunRecord.EpochStats(3, r.nextInt(4), r.nextBoolean() ? r.nextDouble() : null, 10.0))
                    : new RunRecord(run, st, res, st == RunStatus.COMPLETED ? null : "r"));
        }
        return new Summary("p", "", "", 1, RunFiles.ENGINE_VERSION, runs, Aggregate.of(runs));
    }

    @Provide
    Arbitrary<Mutate.Damage> damagedManifests() {
        return Mutate.of(r -> manifest(r).toJson());
    }

    @Provide
    Arbitrary<Mutate.Damage> damagedSummaries() {
        return Mutate.of(r -> {
            try {
                return JSON.writeValueAsString(summary(r));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Property(tries = 500)
    void aDamagedManifestIsReadOrRefusedInOurWords(@ForAll("damagedManifests") Mutate.Damage d) throws IOException {
        Path f = folder();
        Files.write(f.resolve(RunFiles.RUN_INFO), d.bytes());
        try {
            RunManifest m = RunManifest.read(f);
            assertTrue(m.seeds() >= 1 && m.resumes() >= 0, d.what());
            assertTrue(m.pid() == null || m.pid() >= 1, d.what());
        } catch (IOException e) {
            assertTrue(e.getMessage().startsWith(f.resolve(RunFiles.RUN_INFO).toString()), e.getMessage());
            assertNull(Mutate.foreign(e.getMessage()), d.what() + ": " + e.getMessage());
            for (String line : e.getMessage().split("\n")) {      // a heading and one line per problem, none broken
                assertTrue(line.startsWith(" ") || line.startsWith(e.getMessage().substring(0, 5)), e.getMessage());
            }
        }
        RunInfo info = RunStore.read(f);              // never throws
        if (info.isDamaged()) {         // run.json's problem, or (it says completed) the summary.json it lacks
            assertTrue(info.reason().startsWith(f.resolve(RunFiles.RUN_INFO).toString())
                    || info.reason().startsWith(f.resolve(RunFiles.SUMMARY) + ": missing, though"), info.reason());
            assertNull(Mutate.foreign(info.reason()), info.reason());
        }
    }

    @Property(tries = 400)
    void aDamagedSummaryIsListedAsDamagedOrHoldsOnlyValuesInRange(@ForAll("damagedSummaries") Mutate.Damage d)
            throws IOException {
        Path f = folder();
        Files.write(f.resolve(RunFiles.SUMMARY), d.bytes());
        RunInfo info = RunStore.read(f);
        if (info.isDamaged()) {
            assertTrue(info.reason().startsWith(f.resolve(RunFiles.SUMMARY).toString()), info.reason());
            assertNull(Mutate.foreign(info.reason()), d.what() + ": " + info.reason());
            return;
        }
        for (RunRecord r : info.runs()) {
            for (Double acc : new Double[] {r.trainAccuracy(), r.testAccuracy(), r.bestTestAccuracy()}) {
                assertTrue(acc == null || acc >= 0 && acc <= 1, d.what() + ": " + r);
            }
            assertTrue(r.finalLoss() == null || Double.isFinite(r.finalLoss()) && r.finalLoss() >= 0, d.what() + ": " + r);
            assertTrue(Double.isFinite(r.seconds()) && r.seconds() >= 0 && r.iterations() >= 0, d.what() + ": " + r);
        }
    }

    @Property(tries = 200)
    void validFilesRoundTrip(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        Path f = folder();
        RunManifest m = manifest(r);
        Files.writeString(f.resolve(RunFiles.RUN_INFO), m.toJson());         // as write() writes it, without the fsync
        assertEquals(m, RunManifest.read(f));
        Summary s = summary(r);
        Files.writeString(f.resolve(RunFiles.SUMMARY), JSON.writeValueAsString(s));
        RunInfo info = RunStore.read(f);
        assertTrue(!info.isDamaged(), String.valueOf(info.reason()));
        assertEquals(s.runs(), info.runs());
    }
}
