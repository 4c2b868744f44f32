package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.addernet.datasets.image.DataRoots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench run} on presets with a sweep: the paper-layout table, the run folders, exit codes. */
class SweepRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The toy tables at a small scale: 300 iterations on 400 points, small figures. */
    private static final List<String> SMALL = List.of("--set", "training.iterations=300", "--set", "data.samples=400",
            "--set", "output.gridResolution=40", "--set", "output.panelSize=120");
    private static final Pattern MEAN_SD = Pattern.compile("(\\d+\\.\\d\\d) \u00B1 (\\d+\\.\\d\\d)");

    @TempDir
    Path tmp;

    private static Cli run(String preset, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("run", preset, "--out", out.toString()));
        a.addAll(SMALL);
        a.addAll(List.of(more));
        return Cli.run(a.toArray(String[]::new));
    }

    @Test
    void tableFourOnTheToySetWritesThePapersLayout() throws IOException {
        Path out = tmp.resolve("t4");
        Cli r = run("table4-toy", out, "--seeds", "2");
        assertEquals(0, r.exit(), r.err());
        assertEquals(out.resolve("summary.json").toString(), r.out().strip());

        List<String> csv = Files.readAllLines(out.resolve("table.csv"), StandardCharsets.UTF_8);
        assertEquals(6, csv.size(), "ids, three header rows, ours, the paper's: " + csv);
        List<String> ids = List.of("none", "fp", "l2l1", "adaptive", "fp-l2l1", "fp-adaptive", "l2l1-adaptive", "all");
        assertEquals("variant," + String.join(",", ids), csv.get(0));
        assertEquals("full-precision gradient,,\u2713,,,\u2713,\u2713,,\u2713", csv.get(1));
        assertEquals("\u21132 to \u21131 training,,,\u2713,,\u2713,,\u2713,\u2713", csv.get(2));
        assertEquals("adaptive learning rate,,,,\u2713,,\u2713,\u2713,\u2713", csv.get(3));
        assertEquals("paper: top-1 accuracy (%),80.77,85.34,86.21,90.14,87.61,91.83,91.80,92.32", csv.get(5));

        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("table4-toy", s.get("preset").asText());
        JsonNode runs = s.get("runs");
        assertEquals(16, runs.size(), "8 variants x 2 seeds");
        String[] ours = csv.get(4).split(",");
        assertEquals("ours: top-1 accuracy (%)", ours[0]);
        for (int k = 0; k < ids.size(); k++) {
            List<Double> acc = new ArrayList<>();
            for (JsonNode run : runs) {
                if (run.get("id").asText().startsWith(ids.get(k) + "/")) {
                    assertEquals("completed", run.get("status").asText());
                    assertEquals(300, run.get("iterations").asLong());
                    assertTrue(Files.isRegularFile(out.resolve(run.get("id").asText()).resolve("metrics.csv")), run.toString());
                    acc.add(100 * run.get("testAccuracy").asDouble());
                }
            }
            assertEquals(2, acc.size(), ids.get(k));
            Matcher m = MEAN_SD.matcher(ours[k + 1]);
            assertTrue(m.matches(), ours[k + 1]);
            double mean = (acc.get(0) + acc.get(1)) / 2;
            double sd = Math.abs(acc.get(0) - acc.get(1)) / Math.sqrt(2);
            assertEquals(String.format(Locale.ROOT, "%.2f", mean), m.group(1), ids.get(k));
            assertEquals(String.format(Locale.ROOT, "%.2f", sd), m.group(2), ids.get(k));
            assertTrue(mean > 40 && mean <= 100, "a two-class accuracy in percent: " + mean);
        }
        // each variant folder is a complete run of its own settings, the command line's --set included
        JsonNode none = JSON.readTree(out.resolve("none").resolve("preset.json").toFile());
        assertEquals("sign", none.at("/adder/filterGradient").asText());
        assertEquals(0.0, none.at("/adder/eta").asDouble());
        assertEquals(1.0, none.at("/adder/pStart").asDouble());
        assertEquals(300, none.at("/training/iterations").asLong());
        JsonNode all = JSON.readTree(out.resolve("all").resolve("preset.json").toFile());
        assertEquals("full-precision", all.at("/adder/filterGradient").asText());
        assertEquals(2.0, all.at("/adder/pStart").asDouble());
        assertEquals(0.75, all.at("/adder/pDecayShare").asDouble());
        assertTrue(Files.isRegularFile(out.resolve("all").resolve("grid.png")));

        BufferedImage png = ImageIO.read(out.resolve("table.png").toFile());
        assertTrue(png.getWidth() > 900 && png.getHeight() > 200, png.getWidth() + " x " + png.getHeight());
        assertEquals(8, s.at("/table/columns").size());
        assertEquals(8, s.at("/table/ours/0/cells").size());
    }

    @Test
    void aVariantRunAloneGivesTheSameNumbersAsInTheSweep() throws IOException {
        Path out = tmp.resolve("t5");
        assertEquals(0, run("table5-toy", out, "--seeds", "2").exit());
        // the variant folder's preset.json runs the variant again, outside the sweep
        Path again = tmp.resolve("again");
        Cli r = Cli.run("run", out.resolve("eta-0.1").resolve("preset.json").toString(), "--out", again.toString(),
                "--seeds", "2");
        assertEquals(0, r.exit(), r.err());
        JsonNode alone = JSON.readTree(again.resolve("summary.json").toFile()).get("runs");
        JsonNode swept = JSON.readTree(out.resolve("summary.json").toFile()).get("runs");
        int found = 0;
        for (JsonNode a : alone) {
            for (JsonNode b : swept) {
                if (b.get("id").asText().equals("eta-0.1/" + a.get("id").asText())) {
                    assertEquals(a.get("testAccuracy").asDouble(), b.get("testAccuracy").asDouble());
                    assertEquals(a.get("finalLoss").asDouble(), b.get("finalLoss").asDouble());
                    found++;
                }
            }
        }
        assertEquals(2, found);
    }

    @Test
    void badSweepsStopBeforeAnythingIsWritten() throws IOException {
        Path file = tmp.resolve("mine.json");
        Files.writeString(file, """
                {"name": "mine", "data": {"set": "xor"}, "runs": {"models": ["adder"]},
                 "sweep": {"headerRows": ["lr"], "variants": [
                   {"id": "a", "cells": ["0.1"], "set": {"adder.foo": 1}}]}}
                """);
        Path out = tmp.resolve("bad");
        Cli r = run(file.toString(), out);
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("workbench run: " + file + ":3:"), r.err());
        assertTrue(r.err().contains("sweep.variants[0].set: unknown key adder.foo (expected one of: pStart,"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFailedVariantGivesExitOneAndTheOthersStillFillTheTable() throws IOException {
        Path file = tmp.resolve("mine.json");
        Files.writeString(file, """
                {"name": "lr", "data": {"set": "unit-ball"}, "runs": {"models": ["adder"], "hidden": [2]},
                 "sweep": {"title": "lr", "headerRows": ["training.lr"], "variants": [
                   {"id": "sane", "cells": ["0.1"], "set": {"training.lr": 0.1}},
                   {"id": "huge", "cells": ["1e30"], "set": {"training.lr": 1e30, "adder.eta": 0}}]}}
                """);
        Path out = tmp.resolve("lr");
        Cli r = run(file.toString(), out);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.lastErrLine().startsWith("workbench run: 1 of 2 runs did not complete; first: huge/adder-n2-s1 diverged"),
                r.lastErrLine());
        List<String> csv = Files.readAllLines(out.resolve("table.csv"));
        assertEquals("variant,sane,huge", csv.get(0));
        assertTrue(csv.get(2).matches("ours: test accuracy \\(%\\),\\d+\\.\\d\\d,none of 1 completed"), csv.get(2));
        assertEquals("paper: test accuracy (%),,", csv.get(3), "no paper values: empty cells");

        Cli again = run(file.toString(), out);
        assertEquals(2, again.exit());
        assertTrue(again.err().contains(out + " already holds a run (huge/"), again.err());
        assertTrue(again.err().contains("; choose another folder, or continue it with --resume " + out), again.err());

        // --resume keeps the completed variant as it is and runs the other one again (it diverges again)
        Path kept = out.resolve("sane").resolve("adder-n2-s1").resolve("metrics.csv");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(kept);
        Cli resumed = Cli.run("run", "--resume", out.toString());
        assertEquals(1, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("sane: completed before, its results stand"), resumed.err());
        assertEquals(before, Files.getLastModifiedTime(kept));
        assertEquals(csv, Files.readAllLines(out.resolve("table.csv")), "the same numbers: runs are deterministic");
    }

    @Test
    void aMissingDataSetIsNamedBeforeAnythingIsWritten() {
        Path home = Path.of(System.getProperty("user.home"), ".addernet", "data", "mnist");
        assumeTrue(System.getenv("ADDERNET_DATA") == null && !Files.isDirectory(home),
                "this machine has MNIST elsewhere; the lookup would find it");
        Path out = tmp.resolve("x");
        Cli r = Cli.run("run", "table5-lenet5-bn-mnist", "--out", out.toString(), "--data", tmp.resolve("empty").toString());
        assertEquals(2, r.exit());
        assertTrue(r.lastErrLine().startsWith("workbench run: data set mnist in --data "), r.lastErrLine());
        assertFalse(Files.exists(out), "nothing is written before the data is found");
    }

    /** The short LeNet twin on the real Fashion-MNIST (Debian's dataset-fashion-mnist; skipped without it). */
    @Test
    void theShortLeNetSweepRunsOnRealClothes() throws IOException {
        assumeTrue(Files.isDirectory(DataRoots.DEBIAN_FASHION_MNIST),
                "needs Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
        Path out = tmp.resolve("t5");
        Cli r = Cli.run("run", "table5-lenet5-bn-fashion-mnist-short", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("table.csv"), StandardCharsets.UTF_8);
        assertEquals("variant,eta-1,eta-0.5,eta-0.2,eta-0.1,eta-0.05", csv.get(0));
        assertEquals("\u03b7,1,0.5,0.2,0.1,0.05", csv.get(1));
        assertEquals("paper: test accuracy (%),99.28,99.35,99.40,99.35,99.30", csv.get(3));
        JsonNode runs = JSON.readTree(out.resolve("summary.json").toFile()).get("runs");
        assertEquals(5, runs.size());
        String[] ours = csv.get(2).split(",");
        java.util.Set<Double> losses = new java.util.HashSet<>();
        for (int k = 0; k < 5; k++) {
            JsonNode run = runs.get(k);
            assertEquals("completed", run.get("status").asText());
            assertEquals(8, run.get("iterations").asLong(), "1 epoch of floor(512 / 64) steps");
            assertEquals("lenet5-bn-adder", run.get("model").asText());
            double acc = 100 * run.get("testAccuracy").asDouble();
            assertEquals(String.format(Locale.ROOT, "%.2f", acc), ours[k + 1], "one seed: the run's own number");
            assertTrue(acc >= 0 && acc <= 100, "a percentage: " + acc);
            losses.add(run.get("finalLoss").asDouble());
            assertTrue(Files.isRegularFile(out.resolve(run.get("id").asText()).resolve("metrics.csv")));
        }
        // 8 steps say little about accuracy (about chance), but each eta trained its own network
        assertEquals(5, losses.size(), "five different training losses after 8 steps: " + losses);
        assertTrue(Files.isRegularFile(out.resolve("table.png")));
    }
}
