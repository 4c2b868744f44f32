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
 * failed with the reason, and what was written before is intact.
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
}
