package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.addernet.app.ui.view.WorkbenchApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench open PRESET [--play]}: the preset is read and checked before any window opens. */
class OpenCommandTest {
    private final List<WorkbenchApp.Launch> opened = new ArrayList<>();
    private OpenCommand.Launcher saved;

    @TempDir
    Path tmp;

    @BeforeEach
    void stubTheWindow() {
        saved = OpenCommand.launcher;
        OpenCommand.launcher = l -> opened.add(l);
    }

    @AfterEach
    void restore() {
        OpenCommand.launcher = saved;
    }

    @Test
    void aBundledPresetOpensWithPlayAndSpeed() {
        Cli c = Cli.run("open", "fig2-unit-ball", "--play");
        assertEquals(0, c.exit(), c.err());
        assertEquals(1, opened.size());
        assertEquals("fig2-unit-ball", opened.get(0).preset().name());
        assertTrue(opened.get(0).play());
        assertNull(opened.get(0).speed(), "the preset's demo speed");
        Cli d = Cli.run("open", "demo-one-unit", "--speed", "0", "--set", "data.samples=500");
        assertEquals(0, d.exit(), d.err());
        assertEquals(0.0, opened.get(1).speed());
        assertEquals(500, opened.get(1).preset().data().samples());
        assertTrue(!opened.get(1).play());
    }

    @Test
    void aPresetFileOpensAndABadOneIsOneLineWithoutAWindow() throws Exception {
        Path good = tmp.resolve("lesson.json");
        Files.writeString(good, "{\"name\": \"lesson\", \"runs\": {\"hidden\": [2]}, \"output\": {\"demoSpeed\": 50}}");
        assertEquals(0, Cli.run("open", good.toString()).exit());
        assertEquals(50.0, opened.get(0).preset().output().demoSpeed());
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"bad\", \"output\": {\"demoSpeed\": -1}}");
        Cli c = Cli.run("open", bad.toString());
        assertEquals(2, c.exit());
        assertTrue(c.err().startsWith("workbench open: ") && c.err().contains("output.demoSpeed"), c.err());
        assertEquals(1, c.err().strip().split("\n").length, "one line: " + c.err());
        Cli image = Cli.run("open", "lenet5-bn-mnist-adder-short");
        assertEquals(2, image.exit());
        assertTrue(image.err().contains("Run > Image runs"), image.err());
        Cli sweep = Cli.run("open", "table4-toy");
        assertEquals(2, sweep.exit());
        assertTrue(sweep.err().contains("is a sweep"), sweep.err());
        assertEquals(2, Cli.run("open", "no-such-preset").exit());
        assertEquals(2, Cli.run("open", "fig2-unit-ball", "--speed", "-3").exit());
        assertEquals(1, opened.size(), "no window for any of them");
    }
}
