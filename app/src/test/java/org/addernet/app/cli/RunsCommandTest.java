package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunManifest;
import org.addernet.app.store.RunStore;
import org.addernet.app.store.WorkbenchHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.addernet.engine.train.RunStatus;

/** {@code workbench run} into the store, {@code workbench runs} and {@code workbench queue} on a temporary home. */
class RunsCommandTest {
    @TempDir
    Path tmp;

    private static Cli withHome(Path home, String... args) {
        String before = System.getProperty(WorkbenchHome.PROPERTY);
        System.setProperty(WorkbenchHome.PROPERTY, home.toString());
        try {
            return Cli.run(args);
        } finally {
            if (before == null) {
                System.clearProperty(WorkbenchHome.PROPERTY);
            } else {
                System.setProperty(WorkbenchHome.PROPERTY, before);
            }
        }
    }

    @Test
    void aRunWithoutOutGoesToTheStoreWithItsManifest() throws Exception {
        Path home = tmp.resolve("home");
        for (int seeds = 1; seeds <= 2; seeds++) {
            Cli r = withHome(home, "run", "fig4-xor", "--set", "training.iterations=200", "--set", "runs.hidden=[2]",
                    "--seeds", String.valueOf(seeds), "--jobs", "1");
            assertEquals(0, r.exit(), r.err());
        }
        List<RunInfo> runs = new RunStore(home).list();
        assertEquals(2, runs.size());
        for (RunInfo run : runs) {
            assertTrue(run.id().matches("\\d{8}-\\d{6}-fig4-xor(-2)?"), run.id());
            assertEquals(RunStatus.COMPLETED, run.status());
            assertEquals("cli", run.source());
            assertEquals("fig4-xor", run.preset());
            assertEquals(List.of("training.iterations=200", "runs.hidden=[2]"), run.overrides());
            RunManifest m = RunManifest.read(run.folder());
            assertEquals("fig4-xor", m.presetSource());
            assertEquals(null, m.pid(), "a finished run names no process");
        }
        assertEquals(2 * 2 + 2, runs.stream().mapToInt(r -> r.runs().size()).sum(), "seeds x models");

        // a run that cannot start (no data) leaves no empty folder behind
        Cli missing = withHome(home, "run", "lenet5-bn-mnist-adder-short", "--data", tmp.resolve("none").toString());
        assertEquals(2, missing.exit());
        assertEquals(2, new RunStore(home).list().size());

        // the history: list, filter, compare, export
        Cli list = Cli.run("runs", "--home", home.toString());
        assertEquals(0, list.exit(), list.err());
        assertEquals(3, list.out().strip().split("\n").length, list.out());
        assertTrue(list.out().contains("completed   toy"), list.out());
        Cli none = Cli.run("runs", "--home", home.toString(), "--status", "failed");
        assertEquals("no runs", none.out().strip());
        Path csv = tmp.resolve("t.csv");
        Path tex = tmp.resolve("t.tex");
        Path png = tmp.resolve("t.png");
        Cli cmp = Cli.run("runs", "--home", home.toString(), "--model", "adder", "--compare", "--csv", csv.toString(),
                "--latex", tex.toString(), "--png", png.toString(), "--size", "900x450");
        assertEquals(0, cmp.exit(), cmp.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(2, rows.size(), "one row: the adder over both folders' seeds");
        assertTrue(rows.get(1).startsWith("fig4-xor,training.iterations=200 runs.hidden=[2],adder,2,2,2,"), rows.get(1));
        assertTrue(Files.readString(tex).contains("\\toprule"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(450, img.getHeight());

        Cli badStatus = Cli.run("runs", "--home", home.toString(), "--status", "done");
        assertEquals(2, badStatus.exit());
        assertEquals("workbench runs: --status done: expected one of queued, running, completed, failed, cancelled, "
                + "interrupted, damaged", badStatus.err().strip());
        Cli nothing = Cli.run("runs", "--home", home.toString(), "--model", "lenet5-bn-adder", "--csv", csv.toString());
        assertEquals(2, nothing.exit());
        assertTrue(nothing.err().startsWith("workbench runs: nothing to compare"), nothing.err());
    }

    @Test
    void theQueueFromTheCommandLine() throws Exception {
        Path home = tmp.resolve("home");
        String h = home.toString();
        Cli add = Cli.run("queue", "add", "--home", h, "fig2-unit-ball", "fig4-xor", "--set", "training.iterations=200",
                "--sweep", "runs.hidden=[1],[2]");
        assertEquals(0, add.exit(), add.err());
        assertEquals(List.of("q1  fig2-unit-ball  training.iterations=200 runs.hidden=[1]",
                "q2  fig2-unit-ball  training.iterations=200 runs.hidden=[2]",
                "q3  fig4-xor  training.iterations=200 runs.hidden=[1]",
                "q4  fig4-xor  training.iterations=200 runs.hidden=[2]"), add.out().strip().lines().toList());
        Cli bad = Cli.run("queue", "add", "--home", h, "fig4-xor", "--set", "training.lr=fast");
        assertEquals(2, bad.exit());
        assertEquals("workbench queue add: --set training.lr=fast: training.lr: expected a number, got the string \"fast\"",
                bad.err().strip());
        assertEquals(0, Cli.run("queue", "move", "--home", h, "q4", "-3").exit());
        assertEquals(0, Cli.run("queue", "cancel", "--home", h, "q2").exit());
        Cli unknown = Cli.run("queue", "retry", "--home", h, "q9");
        assertEquals(2, unknown.exit());
        assertEquals("workbench queue: q9: no such item", unknown.err().strip());
        Cli run = Cli.run("queue", "run", "--home", h, "--parallel", "2");
        assertEquals(1, run.exit(), "one item was cancelled: " + run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals("parallel 2, 4 items", lines.get(0));
        assertTrue(lines.get(1).startsWith("q4    completed    100%"), lines.get(1));
        assertTrue(lines.get(3).startsWith("q2    cancelled"), lines.get(3));
        assertEquals(3, new RunStore(home).list().size());
        assertEquals(0, Cli.run("queue", "retry", "--home", h, "q2").exit());
        assertEquals(0, Cli.run("queue", "run", "--home", h).exit());
        assertFalse(new RunStore(home).list().stream().anyMatch(RunInfo::isDamaged));
    }
}
