package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runner;
import org.addernet.app.runner.Runners;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.train.Checkpoint;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.addernet.engine.train.RunStatus;

/**
 * Epoch runs ({@code workbench run} on an image preset) on a small MNIST-format set written here:
 * the contract files, a run stopped part-way through an epoch and resumed giving exactly the
 * numbers of an uninterrupted run, and clear one-line errors for missing and damaged data.
 */
class EpochRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRAIN = 320;
    private static final int TEST = 96;
    /** 3 epochs of 10 steps, both LeNet models, augmentation on (its draws must resume too). */
    private static final List<String> SETTINGS = List.of("training.batchSize=32", "training.epochs=3",
            "data.augment=true", "training.lr=0.05", "runs.models=[\"lenet5-bn-adder\", \"lenet5-bn-cnn\"]");

    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void writeData() throws IOException {
        data = tmp.resolve("data");
        org.addernet.app.testdata.SyntheticMnist.write(data, TRAIN, TEST, 7);
    }

    private String[] runArgs(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "lenet5-bn-mnist-adder-short", "--out", out.toString(),
                "--data", data.toString()));
        for (String s : SETTINGS) {
            a.add("--set");
            a.add(s);
        }
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private Preset preset() {
        return PresetLoader.resolve("lenet5-bn-mnist-adder-short", SETTINGS);
    }

    @Test
    void anEpochRunWritesSummaryMetricsAndCheckpoints() throws IOException {
        Path out = tmp.resolve("run");
        Cli r = Cli.run(runArgs(out));
        assertEquals(0, r.exit(), r.err());
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("lenet5-bn-mnist-adder-short", s.get("preset").asText());
        assertEquals(2, s.get("runs").size());
        for (JsonNode run : s.get("runs")) {
            assertEquals("completed", run.get("status").asText());
            assertTrue(run.get("hidden").isNull(), "conv nets have no hidden size");
            assertEquals(30, run.get("iterations").asLong());
            assertEquals(3, run.get("epochsDone").asInt());
            double test = run.get("testAccuracy").asDouble();
            assertTrue(test > 0.3, "the square's place is easy to learn; test accuracy " + test);
            assertTrue(run.get("imagesPerSecond").asDouble() > 0);
            Path dir = out.resolve(run.get("id").asText());
            List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
            assertTrue(csv.get(0).startsWith("epoch,iteration,loss,train_accuracy,test_accuracy,lr,p,seconds,images_per_second,grad_norm_layer1"),
                    csv.get(0));
            assertEquals(4, csv.size(), "a header and one row per epoch");
            assertTrue(csv.get(3).startsWith("3,30,"), csv.get(3));
            try (InputStream in = Files.newInputStream(dir.resolve(RunFiles.CHECKPOINT))) {
                Checkpoint c = Checkpoint.read(in, "checkpoint");
                assertEquals(3, c.epochsDone());
                assertEquals(30, c.state().step());
            }
        }
        try (var files = Files.list(out.resolve("lenet5-bn-adder-s1"))) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        // Table 1's layout: the first step's per-layer gradient norms of every run
        List<String> norms = Files.readAllLines(out.resolve(RunFiles.GRADIENT_NORMS));
        assertEquals("run,model,layer1,layer2,layer3,layer4,layer5", norms.get(0));
        assertEquals(3, norms.size(), String.join("\n", norms));
        assertTrue(norms.get(1).startsWith("lenet5-bn-adder-s1,lenet5-bn-adder,"), norms.get(1));
        for (String row : norms.subList(1, 3)) {
            for (String v : Arrays.asList(row.split(",")).subList(2, 7)) {
                double n = Double.parseDouble(v);
                assertTrue(n > 0 && Double.isFinite(n), row);
            }
        }
        // the window's Table 1 (one step on the spot) gives the run's own first-step norms
        List<org.addernet.app.runner.FirstStepNorms.Row> spot = org.addernet.app.runner.FirstStepNorms.compute(preset(), data);
        assertEquals(List.of("lenet5-bn-adder", "lenet5-bn-cnn"), spot.stream().map(x -> x.model()).toList());
        for (int k = 0; k < 2; k++) {
            String[] row = norms.get(1 + k).split(",");
            assertEquals(5, spot.get(k).norms().length);
            for (int l = 0; l < 5; l++) {
                double written = Double.parseDouble(row[2 + l]);
                assertEquals(written, spot.get(k).norms()[l], 1e-5 * written, "layer " + (l + 1) + " of " + row[0]);
            }
        }
        BufferedImage curves = ImageIO.read(out.resolve(RunFiles.CURVES).toFile());
        assertEquals(1400, curves.getWidth());

        // the curves of several run folders in one figure
        Path png = tmp.resolve("both.png");
        Cli c = Cli.run("curves", "--out", png.toString(), "--size", "900x400", out.toString());
        assertEquals(0, c.exit(), c.err());
        BufferedImage both = ImageIO.read(png.toFile());
        assertEquals(900, both.getWidth());
        assertEquals(400, both.getHeight());
        // Fig. 7's histograms of the trained runs' third weight layer
        Path hist = tmp.resolve("hist.png");
        Cli w = Cli.run("weights", "--layer", "3", "--out", hist.toString(), out.toString());
        assertEquals(0, w.exit(), w.err());
        assertTrue(w.out().contains("lenet5-bn-adder-s1         layer3 adder filter [120x400]    48000 Laplace"), w.out());
        assertTrue(w.out().contains("lenet5-bn-cnn-s1           layer3 weight [120x400]"), w.out());
        assertEquals(2 * 620, ImageIO.read(hist.toFile()).getWidth());
        // Fig. 5's filters of the first layer, one row per run
        Path filters = tmp.resolve("filters.png");
        Cli f = Cli.run("filters", "--out", filters.toString(), out.toString());
        assertEquals(0, f.exit(), f.err());
        BufferedImage fi = ImageIO.read(filters.toFile());
        assertEquals(62 + 2 * (64 + 8) + 8, fi.getHeight(), "two rows of filters");
        Cli fc = Cli.run("filters", "--layer", "3", "--out", filters.toString(), out.toString());
        assertEquals(2, fc.exit());
        assertEquals("workbench filters: --layer 3 of lenet5-bn-adder has shape [120, 400]; filters are drawn for "
                + "convolutions over 1 or 3 channels", fc.err().strip());
        Cli deep = Cli.run("weights", "--layer", "9", out.toString());
        assertEquals(2, deep.exit());
        assertEquals("workbench weights: --layer 9: lenet5-bn-adder has only 5 weight layers", deep.err().strip());
        Cli none = Cli.run("curves", "--out", png.toString(), tmp.resolve("data").toString());
        assertEquals(2, none.exit());
        assertEquals("workbench curves: " + tmp.resolve("data") + ": holds no epoch run (no <run>/metrics.csv with an epoch column)",
                none.err().strip());
    }

    @Test
    void aRunStoppedMidEpochAndResumedEqualsAnUninterruptedOne() throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, Cli.run(runArgs(whole)).exit());

        // stop the first run in its second epoch (after 14 of 30 steps), as Ctrl-C would
        Path broken = tmp.resolve("broken");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Runner stopped = Runners.create(preset(), RunRequest.of(preset(), null, List.of(), 1, broken).withDataRoot(data),
                RunLog.to(new PrintStream(log, true, StandardCharsets.UTF_8)));
        stopped.observe(new RunObserver() {
            @Override
            public void stepDone(String id, long it, long stepsPerEpoch) {
                if (it == 14) {
                    stopped.cancel();
                }
            }
        });
        Files.createDirectories(broken);
        var partial = stopped.run();
        assertEquals(RunStatus.CANCELLED, partial.runs().get(0).status());
        assertEquals(RunStatus.CANCELLED, partial.runs().get(1).status());
        assertEquals(1, partial.runs().get(0).epochsDone(), "the checkpoint after epoch 1 is kept");
        assertTrue(partial.runs().get(0).reason().contains("--resume"), partial.runs().get(0).reason());
        try (InputStream in = Files.newInputStream(broken.resolve("lenet5-bn-adder-s1").resolve(RunFiles.CHECKPOINT))) {
            assertEquals(10, Checkpoint.read(in, "c").state().step());
        }
        // a crash rather than Ctrl-C: no summary, and a half-written temporary file lying about
        Files.delete(broken.resolve("summary.json"));
        Files.writeString(broken.resolve("lenet5-bn-adder-s1").resolve(".checkpoint.bin.1234.tmp"), "half");

        Cli r = Cli.run("run", "--resume", broken.toString(), "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("resuming lenet5-bn-adder-s1 after epoch 1"), r.err());

        JsonNode a = JSON.readTree(whole.resolve("summary.json").toFile());
        JsonNode b = JSON.readTree(broken.resolve("summary.json").toFile());
        for (int k = 0; k < 2; k++) {
            JsonNode ra = a.get("runs").get(k);
            JsonNode rb = b.get("runs").get(k);
            for (String f : List.of("id", "status", "trainAccuracy", "testAccuracy", "finalLoss", "iterations",
                    "epochsDone", "bestTestAccuracy")) {
                assertEquals(ra.get(f), rb.get(f), f + " of " + ra.get("id"));
            }
            String id = ra.get("id").asText();
            assertEquals(withoutTimings(whole.resolve(id).resolve("metrics.csv")),
                    withoutTimings(broken.resolve(id).resolve("metrics.csv")), "metrics.csv of " + id);
            Checkpoint ca = read(whole.resolve(id).resolve(RunFiles.CHECKPOINT));
            Checkpoint cb = read(broken.resolve(id).resolve(RunFiles.CHECKPOINT));
            for (int p = 0; p < ca.state().parameters().length; p++) {
                assertArrayEquals(ca.state().parameters()[p], cb.state().parameters()[p], "parameter " + p + " of " + id);
                assertArrayEquals(ca.state().velocities()[p], cb.state().velocities()[p], "velocity " + p + " of " + id);
            }
            for (int p = 0; p < ca.state().buffers().length; p++) {
                assertArrayEquals(ca.state().buffers()[p], cb.state().buffers()[p], "buffer " + p + " of " + id);
            }
        }

        // Ctrl-C at once during a later resume: runs already finished stay completed, untouched
        Runner again = Runners.create(preset(), RunRequest.of(preset(), null, List.of(), 1, broken).withDataRoot(data)
                .withResume(true), RunLog.NONE);
        again.cancel();
        var kept = (org.addernet.app.runner.Summary) again.run();
        assertEquals(0, kept.incomplete(), "finished runs are not reported as cancelled");
        assertEquals(3, kept.runs().get(0).epochsDone(), String.valueOf(kept.runs()));
        assertEquals(1, kept.aggregate().get(0).completed());
    }

    @Test
    void aProcessKilledHardResumesToTheSameNumbers() throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, Cli.run(runArgs(whole)).exit());

        // a separate JVM, killed (SIGKILL) once the first checkpoint exists, mid-way through the runs
        Path killed = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "org.addernet.app.Main"));
        cmd.addAll(List.of(runArgs(killed)));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile())
                .start();
        Path first = killed.resolve("lenet5-bn-adder-s1").resolve(RunFiles.CHECKPOINT);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(first) && proc.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(first), "the child wrote its first checkpoint: " + Files.readString(tmp.resolve("killed.log")));
        proc.destroyForcibly().waitFor();
        assumeTrue(!Files.exists(killed.resolve("summary.json")), "the child finished before it could be killed");

        Cli r = Cli.run("run", "--resume", killed.toString(), "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode a = JSON.readTree(whole.resolve("summary.json").toFile());
        JsonNode b = JSON.readTree(killed.resolve("summary.json").toFile());
        for (int k = 0; k < 2; k++) {
            for (String f : List.of("id", "status", "trainAccuracy", "testAccuracy", "finalLoss", "iterations")) {
                assertEquals(a.get("runs").get(k).get(f), b.get("runs").get(k).get(f), f + " of run " + k);
            }
        }
    }

    private static Checkpoint read(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return Checkpoint.read(in, f.toString());
        }
    }

    /** metrics.csv without the seconds and images/s columns, which measure the machine, not the model. */
    private static List<String> withoutTimings(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] c = line.split(",", -1);
            List<String> keep = new ArrayList<>(Arrays.asList(c));
            keep.remove(8);
            keep.remove(7);
            out.add(String.join(",", keep));
        }
        return out;
    }

    @Test
    void resumeRefusesWhatItCannotContinue() throws IOException {
        Cli none = Cli.run("run", "--resume", tmp.resolve("nothing").toString());
        assertEquals(2, none.exit());
        assertEquals("workbench run: --resume " + tmp.resolve("nothing") + ": no such folder", none.err().strip());

        Path out = tmp.resolve("run");
        assertEquals(0, Cli.run(runArgs(out, "--set", "training.epochs=1")).exit());
        Cli mixed = Cli.run("run", "lenet5-bn-mnist-adder-short", "--resume", out.toString());
        assertEquals(2, mixed.exit());
        assertTrue(mixed.err().contains("drop PRESET"), mixed.err());

        // a damaged checkpoint: refused with the file and what is wrong (exit 2: the user can fix it), nothing trained
        Path ckpt = out.resolve("lenet5-bn-adder-s1").resolve(RunFiles.CHECKPOINT);
        byte[] bytes = Files.readAllBytes(ckpt);
        Files.write(ckpt, Arrays.copyOf(bytes, bytes.length / 2));
        Cli damaged = Cli.run("run", "--resume", out.toString(), "--data", data.toString());
        assertEquals(2, damaged.exit());
        assertTrue(damaged.lastErrLine().contains(ckpt + ": damaged or truncated"), damaged.lastErrLine());
        assertFalse(damaged.err().contains("Exception"), damaged.err());
        assertEquals(bytes.length / 2, Files.size(ckpt), "the damaged checkpoint is left for the user to inspect");

        // a new run into a folder that holds one is refused, pointing at --resume
        Cli again = Cli.run(runArgs(out));
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("--resume " + out), again.err());
    }

    @Test
    void presetsListsEveryBundledPreset() {
        Cli r = Cli.run("presets");
        assertEquals(0, r.exit(), r.err());
        for (String name : PresetLoader.BUNDLED) {
            assertTrue(r.out().contains(name + " "), name);
        }
        assertTrue(r.out().contains("fashion-mnist x50"), r.out());
    }

    @Test
    void aMissingSetNamesEveryPlaceSearched() {
        Path home = Path.of(System.getProperty("user.home"), ".addernet", "data", "mnist");
        assumeTrue(System.getenv("ADDERNET_DATA") == null && !Files.isDirectory(home),
                "this machine has MNIST elsewhere; the lookup would find it");
        Path empty = tmp.resolve("empty");
        Cli r = Cli.run("run", "lenet5-bn-mnist-adder-short", "--out", tmp.resolve("x").toString(), "--data",
                empty.toString());
        assertEquals(2, r.exit());
        String line = r.lastErrLine();
        assertTrue(line.startsWith("workbench run: data set mnist in --data " + empty + ": no such folder"), line);
        assertTrue(line.contains("./workbench download mnist"), line);
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written before the data is found");
    }

    @Test
    void truncatedAndCorruptDataFilesNameTheFileAndTheByte() throws IOException {
        Path images = data.resolve("mnist").resolve(ImageSet.TRAIN_IMAGES);
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, 16 + 784 * 5 + 100));
        Cli truncated = Cli.run(runArgs(tmp.resolve("t")));
        assertEquals(2, truncated.exit());
        String line = truncated.lastErrLine();
        assertTrue(line.startsWith("workbench run: " + images), line);
        assertTrue(line.contains("byte"), line);
        assertFalse(truncated.err().contains("Exception"), truncated.err());

        byte[] bad = whole.clone();
        bad[3] = 0x01;                            // magic 0x801 (a labels file) where 0x803 belongs
        Files.write(images, bad);
        Cli magic = Cli.run(runArgs(tmp.resolve("m")));
        assertEquals(2, magic.exit());
        assertTrue(magic.lastErrLine().startsWith("workbench run: " + images), magic.lastErrLine());
        assertTrue(magic.lastErrLine().contains("magic"), magic.lastErrLine());
        assertNotNull(magic.err());
    }
}
