package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.addernet.engine.train.RunStatus;

/** The command-line contract of DESIGN.md, driven in-process on short versions of the bundled presets. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SHORT = {"--set", "training.iterations=400", "--set", "data.samples=400",
        "--set", "output.gridResolution=60", "--set", "output.panelSize=160"};

    @TempDir
    Path tmp;

    private static String[] args(String preset, Path out, String... more) {
        String[] a = new String[4 + SHORT.length + more.length];
        a[0] = "run";
        a[1] = preset;
        a[2] = "--out";
        a[3] = out.toString();
        System.arraycopy(SHORT, 0, a, 4, SHORT.length);
        System.arraycopy(more, 0, a, 4 + SHORT.length, more.length);
        return a;
    }

    @Test
    void runWritesTheContractFiles() throws IOException {
        Path out = tmp.resolve("fig2");
        Cli r = Cli.run(args("fig2-unit-ball", out));
        assertEquals(0, r.exit(), r.err());
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("fig2-unit-ball", s.get("preset").asText());
        assertEquals(6, s.get("runs").size());
        for (JsonNode run : s.get("runs")) {
            for (String f : List.of("id", "model", "hidden", "seed", "status", "trainAccuracy", "testAccuracy",
                    "finalLoss", "iterations", "seconds")) {
                assertTrue(run.has(f), "run has " + f + ": " + run);
            }
            assertEquals("completed", run.get("status").asText());
            assertEquals(400, run.get("iterations").asLong());
            Path dir = out.resolve(run.get("id").asText());
            List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
            assertEquals("iteration,loss,train_accuracy,test_accuracy,lr,p,grad_norm_layer1,grad_norm_layer2", csv.get(0));
            assertEquals(1 + 5, csv.size(), "rows at 1, 100, 200, 300, 400");
            BufferedImage png = ImageIO.read(dir.resolve("decision-boundary.png").toFile());
            assertEquals(160, png.getWidth());
        }
        JsonNode adder1 = s.get("runs").get(3);
        assertEquals("adder-n1-s1", adder1.get("id").asText());
        assertTrue(adder1.get("testAccuracy").asDouble() > 0.95, "one adder unit separates the ball: " + adder1);
        BufferedImage grid = ImageIO.read(out.resolve("grid.png").toFile());
        assertTrue(grid.getWidth() > 3 * 160 && grid.getHeight() > 2 * 160, "3 columns x 2 rows");
        assertTrue(Files.readString(out.resolve("preset.json")).contains("\"iterations\" : 400"));
        assertEquals(out.resolve("summary.json").toString(), r.out().strip());
    }

    @Test
    void sameSeedGivesIdenticalSummaryNumbers() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Cli.run(args("fig4-xor", a, "--seeds", "2", "--jobs", "2")).exit());
        assertEquals(0, Cli.run(args("fig4-xor", b, "--seeds", "2", "--jobs", "1")).exit());
        JsonNode ra = JSON.readTree(a.resolve("summary.json").toFile()).get("runs");
        JsonNode rb = JSON.readTree(b.resolve("summary.json").toFile()).get("runs");
        assertEquals(12, ra.size());
        for (int k = 0; k < ra.size(); k++) {
            for (String f : List.of("id", "seed", "status", "trainAccuracy", "testAccuracy", "finalLoss", "iterations")) {
                assertEquals(ra.get(k).get(f), rb.get(k).get(f), f + " of run " + k);
            }
        }
        assertTrue(Files.exists(a.resolve("grid-s1.png")) && Files.exists(a.resolve("grid-s2.png")));
        List<String> table = Files.readAllLines(a.resolve("accuracy-table.csv"));
        assertEquals(1 + 6, table.size(), "one row per (model, n)");
        assertTrue(table.get(1).startsWith("mlp,1,2,2,"), table.get(1));
        assertEquals(Files.readString(a.resolve("adder-n3-s2/metrics.csv")), Files.readString(b.resolve("adder-n3-s2/metrics.csv")));
    }

    private void assertUserError(Cli r, String expected) {
        assertEquals(2, r.exit(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertTrue(err.contains(expected), err + " should mention " + expected);
    }

    @Test
    void badInputGivesOneLineNamingTheProblem() throws IOException {
        Path out = tmp.resolve("bad");
        assertUserError(Cli.run(args("fig2-unit-ball", out, "--set", "training.lrr=0.1")), "unknown key 'training.lrr'");
        assertUserError(Cli.run(args("fig2-unit-ball", out, "--set", "training.lr=fast")),
                "training.lr: expected a number, got the string \"fast\"");
        assertUserError(Cli.run(args("fig2-unit-ball", out, "--set", "runs.hidden=[0]")),
                "runs.hidden[0]: hidden units n must lie in [1, 4096], got 0");
        assertUserError(Cli.run(args("fig2-unit-ball", out, "--set", "training.lr=-0.1")), "training.lr: must be > 0, got -0.1");
        assertUserError(Cli.run(args("no-such-preset", out)), "no preset 'no-such-preset'");
        assertUserError(Cli.run("run", "fig2-unit-ball", "--bogus"), "Unknown option: '--bogus'");
        Path file = tmp.resolve("mine.json");
        Files.writeString(file, "{\n  \"name\": \"mine\",\n  \"runs\": {\"hidden\": [2], \"modles\": [\"mlp\"]}\n}\n");
        assertUserError(Cli.run(args(file.toString(), out)), file + ":3:27: unknown key 'runs.modles'");
        assertFalse(Files.exists(out), "nothing written for a bad preset");
    }

    @Test
    void aDivergingRunIsRecordedAndTheOthersComplete() throws IOException {
        Path out = tmp.resolve("lr50");
        // at lr 50 the plain MLP blows up while the AdderNet (BN + adaptive scaling) still trains
        Cli r = Cli.run(args("fig2-unit-ball", out, "--set", "training.lr=50", "--set", "runs.hidden=[2]"));
        assertEquals(1, r.exit());
        assertTrue(r.lastErrLine().startsWith("workbench run: 1 of 2 runs did not complete; first: mlp-n2-s1 diverged at iteration"),
                r.lastErrLine());
        JsonNode runs = JSON.readTree(out.resolve("summary.json").toFile()).get("runs");
        JsonNode mlp = runs.get(0);
        assertEquals("diverged", mlp.get("status").asText());
        assertTrue(mlp.get("iterations").asLong() < 400);
        assertTrue(mlp.get("reason").asText().contains("iteration " + mlp.get("iterations").asLong()));
        assertTrue(mlp.has("testAccuracy") && mlp.get("testAccuracy").isNull(), "the field is there, null: " + mlp);
        assertTrue(mlp.get("finalLoss").isNull(), "no healthy-looking loss for a diverged run");
        assertEquals("completed", runs.get(1).get("status").asText());
        assertNotNull(runs.get(1).get("testAccuracy"));
        assertTrue(Files.exists(out.resolve("adder-n2-s1/decision-boundary.png")));
        assertTrue(Files.exists(out.resolve("mlp-n2-s1/metrics.csv")));
        assertTrue(Files.exists(out.resolve("grid.png")));
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws IOException {
        Path out = tmp.resolve("kept");
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.json"), "{\"preset\": \"precious\"}");
        Cli r = Cli.run(args("fig2-unit-ball", out));
        assertEquals(2, r.exit());
        assertTrue(r.lastErrLine().contains("already holds a run"), r.err());
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        Cli f = Cli.run(args("fig2-unit-ball", file));
        assertEquals(2, f.exit());
        assertEquals("workbench run: --out " + file + ": is a file, not a folder; choose a folder (it is made when missing)",
                f.err().strip());
        assertEquals("{\"preset\": \"precious\"}", Files.readString(out.resolve("summary.json")));
    }

    @Test
    void cancellingWritesTheSummaryWithCancelledRuns() throws Exception {
        Path out = tmp.resolve("cancel");
        org.addernet.presets.Preset p = org.addernet.presets.PresetLoader.resolve("fig2-unit-ball",
                List.of("training.iterations=100000000", "output.gridResolution=20", "output.panelSize=120"));
        var runner = org.addernet.app.runner.Runners.create(p, org.addernet.app.runner.RunRequest.of(p, null, List.of(), 1, out)
                .withJobs(2), org.addernet.app.runner.RunLog.NONE);
        runner.observe(new org.addernet.app.runner.RunObserver() {
            @Override
            public void progress(long done, long total, String text) {
                runner.cancel();                    // at the first logged step: the runs have begun
            }
        });
        var summary = runner.run();
        assertTrue(runner.await(1));
        assertEquals(6, summary.runs().size());
        for (var r : summary.runs()) {
            assertEquals(RunStatus.CANCELLED, r.status(), r.toString());
        }
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("cancelled", s.get("runs").get(0).get("status").asText());
        assertTrue(Files.exists(out.resolve("mlp-n1-s1/metrics.csv")), "what was trained is kept");
    }

    @Test
    void defaultOutputFolderIsUnderAddernetHome() {
        Path p = RunCommand.defaultOut("fig2-unit-ball");
        assertTrue(p.getFileName().toString().matches("\\d{8}-\\d{6}-fig2-unit-ball"), p.toString());
        assertEquals("runs", p.getParent().getFileName().toString());
    }
}
