package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.addernet.app.io.RunFiles;
import org.addernet.app.store.RunStore;
import org.addernet.app.testdata.FullDisk;
import org.addernet.engine.train.Checkpoint;
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, class 3 (a full disk reported success): the disk fills up in the middle of a run (the
 * atomic writer's file operations say "No space left on device", as the OS does; no tmpfs): the
 * run fails, exit 1, one line naming the file and "no space left on device", run.json says
 * failed with the reason, and what was written before is intact. A folder a run makes inside its
 * own (one per run) fails it the same way, naming the folder.
 */
class DiskFullTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static void noTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> tmps = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(tmps.isEmpty(), "temporary files left: " + tmps);
        }
    }

    private static void oneLineNamingAFile(Cli r, Path out) {
        assertEquals(1, r.exit(), r.err());
        String last = r.lastErrLine();
        assertTrue(last.matches("workbench run: .*cannot write " + java.util.regex.Pattern.quote(out.toString())
                + "/\\S+: no space left on device.*"), last);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void aToyRunOnAFullDiskFailsNamingTheFileAndKeepsWhatWasWritten() throws IOException {
        Path out = tmp.resolve("toy");
        Cli r;
        try (FullDisk disk = FullDisk.when(name -> name.equals(RunFiles.METRICS))) {
            r = Cli.run(OverwriteGuardTest.toy(out));
            assertTrue(disk.isFull());
        }
        oneLineNamingAFile(r, out);
        JsonNode m = JSON.readTree(out.resolve(RunFiles.RUN_INFO).toFile());
        assertEquals("failed", m.get("status").asText(), m.toString());
        assertTrue(m.get("reason").asText().contains("no space left on device"), m.toString());
        assertEquals(RunStatus.FAILED, RunStore.read(out).status());
        assertEquals(PresetLoader.toJson(PresetLoader.resolve("fig2-unit-ball", List.of("training.iterations=60",
                "data.samples=200", "output.gridResolution=30", "output.panelSize=120", "runs.hidden=[2]"))),
                Files.readString(out.resolve(RunFiles.PRESET)), "written before the disk filled: intact");
        noTemporaryFiles(out);
        assertFalse(ImageIO.getUseCache(), "images are encoded in memory: no cache files, no closer thread");
    }

    @Test
    void anEpochRunOnAFullDiskFailsAndKeepsTheLastCheckpoint() throws IOException {
        Path data = EpochFixture.data(tmp);
        Path out = tmp.resolve("epochs");
        Cli r;
        try (FullDisk disk = FullDisk.atWrite(RunFiles.METRICS, 2)) {       // the disk fills in epoch 2
            r = Cli.run(EpochFixture.run(out, data, 3));
            assertTrue(disk.isFull());
        }
        oneLineNamingAFile(r, out);
        assertTrue(r.err().contains(out.resolve(EpochFixture.RUN).resolve(RunFiles.METRICS) + ": no space left on device"),
                r.err());
        JsonNode m = JSON.readTree(out.resolve(RunFiles.RUN_INFO).toFile());
        assertEquals("failed", m.get("status").asText(), m.toString());
        Checkpoint c = Checkpoint.read(out.resolve(EpochFixture.RUN).resolve(RunFiles.CHECKPOINT));
        assertEquals(1, c.epochsDone(), "the checkpoint after epoch 1 is intact");
        noTemporaryFiles(out);
    }

    /** The ids of the short toy run's two runs, in the order they train ({@code --jobs 1}). */
    private static List<String> toyRunIds() {
        return org.addernet.presets.ExperimentPlan.runs(PresetLoader.resolve("fig2-unit-ball", List.of(
                "training.iterations=60", "data.samples=200", "runs.hidden=[2]")), 1).stream()
                .map(org.addernet.presets.RunSpec::id).toList();
    }

    @Test
    void aRunsFolderThatCannotBeMadeOnAFullDiskFailsTheRunNamingTheFolder() throws IOException {
        Path out = tmp.resolve("toy");
        List<String> ids = toyRunIds();
        assertEquals(2, ids.size(), ids.toString());
        Cli r;
        try (FullDisk disk = FullDisk.whenFolder(ids.get(1)::equals)) {      // the disk fills as the second run starts
            r = Cli.run(OverwriteGuardTest.toy(out));
            assertTrue(disk.isFull(), "the second run's folder is made through the writer's file operations");
        }
        assertEquals(1, r.exit(), r.err());
        assertEquals("workbench run: cannot make the folder " + out.toAbsolutePath().resolve(ids.get(1))
                + ": no space left on device (what was written before is kept in " + out + ")", r.lastErrLine(), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        JsonNode m = JSON.readTree(out.resolve(RunFiles.RUN_INFO).toFile());
        assertEquals("failed", m.get("status").asText(), m.toString());
        assertTrue(m.get("reason").asText().contains("cannot make the folder " + out.toAbsolutePath().resolve(ids.get(1))),
                m.toString());
        assertFalse(Files.exists(out.resolve(ids.get(1))), "no folder made on a full disk");
        for (String f : List.of(RunFiles.METRICS, RunFiles.DECISION_BOUNDARY)) {
            assertTrue(Files.size(out.resolve(ids.get(0)).resolve(f)) > 0, "the first run's " + f + " is kept");
        }
        noTemporaryFiles(out);
    }

    @Test
    void aFileWhereARunsFolderGoesFailsTheRunNamingTheFolder() throws IOException {
        Path out = tmp.resolve("toy");
        List<String> ids = toyRunIds();
        Files.createDirectories(out);
        Files.writeString(out.resolve(ids.get(1)), "a file of the user's, where the second run's folder goes\n");
        Cli r = Cli.run(OverwriteGuardTest.toy(out));
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.lastErrLine().contains(ids.get(1) + " failed: cannot make the folder "
                + out.toAbsolutePath().resolve(ids.get(1)) + ": a file of that name is in its place"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("a file of the user's, where the second run's folder goes\n", Files.readString(out.resolve(ids.get(1))),
                "the file is left as it was");
        assertEquals(RunStatus.FAILED, RunStore.read(out).status());
        assertTrue(Files.size(out.resolve(ids.get(0)).resolve(RunFiles.METRICS)) > 0, "the other run trained and wrote");
    }

    @Test
    void anEpochRunWhoseRunFolderCannotBeMadeFailsNamingIt() throws IOException {
        Path data = EpochFixture.data(tmp);
        Path out = tmp.resolve("epochs");
        Cli r;
        try (FullDisk disk = FullDisk.whenFolder(EpochFixture.RUN::equals)) {
            r = Cli.run(EpochFixture.run(out, data, 1));
            assertTrue(disk.isFull());
        }
        assertEquals(1, r.exit(), r.err());
        assertEquals("workbench run: cannot make the folder " + out.toAbsolutePath().resolve(EpochFixture.RUN)
                + ": no space left on device (what was written before is kept in " + out + ")", r.lastErrLine(), r.err());
        JsonNode m = JSON.readTree(out.resolve(RunFiles.RUN_INFO).toFile());
        assertEquals("failed", m.get("status").asText(), m.toString());
        assertTrue(Files.isRegularFile(out.resolve(RunFiles.PRESET)), "preset.json, written before, is kept");
        assertFalse(Files.exists(out.resolve(EpochFixture.RUN)));
        noTemporaryFiles(out);
    }

    @Test
    void aQueueThatCannotBeSavedOnAFullDiskSaysSoAndKeepsTheQueueAsSaved() throws IOException {
        Path home = tmp.resolve("home");
        assertEquals(0, Cli.run("queue", "add", "fig4-xor", "--home", home.toString()).exit());
        Path file = home.resolve("queue.json");
        String saved = Files.readString(file);
        Cli r;
        try (FullDisk disk = FullDisk.atWrite("queue.json", 2)) {     // opening saves it once, the add again
            r = Cli.run("queue", "add", "fig2-unit-ball", "--home", home.toString());
            assertTrue(disk.isFull());
        }
        assertEquals(1, r.exit(), "not a success: " + r.err());
        assertEquals("workbench queue add: cannot save " + file + ": cannot write " + file.toAbsolutePath()
                + ": no space left on device (the queue as saved before is kept there)", r.err().strip());
        assertEquals(saved, Files.readString(file), "the saved queue is intact");
        noTemporaryFiles(home);
        Cli list = Cli.run("queue", "list", "--home", home.toString());
        assertTrue(list.out().startsWith("parallel ") && list.out().contains(", 1 item\n"), list.out());
    }

    @Test
    void aQueueItemWhoseFolderCannotBeMadeFailsNamingItAndStaysInTheQueue() throws IOException {
        Path home = tmp.resolve("home");
        assertEquals(0, Cli.run("queue", "add", "fig4-xor", "--home", home.toString(), "--set", "training.iterations=50",
                "--set", "runs.hidden=[2]").exit());
        Cli r;
        try (FullDisk disk = FullDisk.whenFolder(name -> name.endsWith("-fig4-xor"))) {
            r = Cli.run("queue", "run", "--home", home.toString());
            assertTrue(disk.isFull(), "the item's folder is made through the writer's file operations");
        }
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().matches("(?s).*q1 fig4-xor: failed \\(\\S+\\): cannot make the folder "
                + java.util.regex.Pattern.quote(home.toAbsolutePath().resolve(RunStore.RUNS).toString())
                + "/\\S+-fig4-xor: no space left on device\n.*"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        Cli list = Cli.run("queue", "list", "--home", home.toString());
        assertTrue(list.out().contains("q1 "), "the item is still in the queue: " + list.out());
        noTemporaryFiles(home);
    }
}
