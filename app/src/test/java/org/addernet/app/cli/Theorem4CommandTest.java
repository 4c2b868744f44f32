package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench theorem4}: files, the slope table, and one-line errors. */
class Theorem4CommandTest {
    @Test
    void aQuickRunWritesItsFilesAndPrintsTheSlopes(@TempDir Path dir) {
        Cli c = Cli.run("theorem4", "--quick", "--max-width", "16", "--out", dir.toString());
        assertEquals(0, c.exit(), c.err());
        assertTrue(Files.isRegularFile(dir.resolve("theorem4.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("theorem4-slopes.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("theorem4.png")));
        assertTrue(c.out().contains("ring     adder-proof"), c.out());
        assertTrue(c.out().strip().endsWith("theorem4.png"), c.out());
        assertTrue(c.err().contains("theorem4: 1/60 pyramid / adder / n = 1 / seed 1"), c.err());
    }

    @Test
    void badNumbersAreOneLineAndExitTwo(@TempDir Path dir) {
        Cli c = Cli.run("theorem4", "--seeds", "0", "--out", dir.resolve("x").toString());
        assertEquals(2, c.exit());
        assertEquals("workbench theorem4: seeds: must lie in [1, 100], got 0", c.err().strip());
        assertFalse(Files.exists(dir.resolve("x")));
        c = Cli.run("theorem4", "--max-width", "0");
        assertEquals(2, c.exit());
        assertEquals("workbench theorem4: --max-width must be >= 1, got 0", c.err().strip());
        c = Cli.run("theorem4", "--max-width", "8192", "--quick");
        assertEquals(2, c.exit());
        assertTrue(c.err().strip().startsWith("workbench theorem4: widths: each width must lie in [1, 4096], got 8192"),
                c.err());
    }
}
