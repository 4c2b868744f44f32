package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.addernet.app.io.RunFiles;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, class 2 (no bounds on sizes that allocate): {@code --seeds}, a run.json's seeds on
 * {@code --resume} and {@code queue add --seeds} go through the plan's budget before anything is
 * made: one line with the limit, exit 2.
 */
class SizeLimitTest {
    @TempDir
    Path tmp;

    private static void oneLineNoTrace(Cli r) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("Exception") || r.err().contains("\tat "),
                r.err());
    }

    @Test
    void aBillionSeedsAreRefusedWithTheLimitBeforeAFolderIsMade() {
        Path out = tmp.resolve("huge");
        Cli r = Cli.run("run", "fig2-unit-ball", "--seeds", "1000000000", "--out", out.toString());
        oneLineNoTrace(r);
        assertTrue(r.err().startsWith("workbench run: --seeds 1000000000: at most "), r.err());
        assertTrue(r.err().contains(" seeds fit in this heap"), r.err());
        assertFalse(Files.exists(out), "nothing made");
    }

    @Test
    void aRunJsonHoldingABillionSeedsIsRefusedOnResume() throws IOException {
        Path out = tmp.resolve("resume");
        Files.createDirectories(out);
        Files.writeString(out.resolve(RunFiles.PRESET), PresetLoader.toJson(PresetLoader.resolve("lenet5-bn-mnist-adder-short",
                List.of())));
        Files.writeString(out.resolve(RunFiles.RUN_INFO), "{\"seeds\": 1000000000}\n");
        Cli r = Cli.run("run", "--resume", out.toString(), "--data", tmp.resolve("nodata").toString());
        oneLineNoTrace(r);
        assertTrue(r.err().startsWith("workbench run: " + out.resolve(RunFiles.RUN_INFO) + ": seeds 1000000000: at most "),
                r.err());
    }

    @Test
    void queueAddRefusesABillionSeeds() {
        Path home = tmp.resolve("home");
        Cli r = Cli.run("queue", "add", "--home", home.toString(), "fig2-unit-ball", "--seeds", "1000000000");
        oneLineNoTrace(r);
        assertTrue(r.err().startsWith("workbench queue add: --seeds 1000000000: at most "), r.err());
        Cli list = Cli.run("queue", "list", "--home", home.toString());
        assertTrue(list.out().contains("0 items"), list.out());
    }
}
