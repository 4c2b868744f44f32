package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.addernet.app.io.RunFiles;
import org.addernet.app.testdata.SyntheticCifar;
import org.addernet.datasets.image.ImageSet;
import org.addernet.datasets.image.ImagePipeline;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ResNet epoch runs on a tiny CIFAR-10 set written here: a run folder of the option-A layout (as
 * every ResNet run was before the official layout became the default) refused on resume with the
 * file and what to do, and resumed once its preset says {@code "shortcut": "A"}; the official
 * recipe's standardisation reaching the images.
 */
class OfficialResNetRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One epoch of two steps of two images, tested on four: seconds, not minutes. */
    private static final List<String> TINY = List.of("training.batchSize=2", "training.epochs=1", "data.trainLimit=4",
            "data.testLimit=4");

    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void writeData() throws IOException {
        data = SyntheticCifar.write(tmp.resolve("data"), 2, 4, 3);
    }

    private Cli run(String preset, Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("run", preset, "--out", out.toString(), "--data", data.toString()));
        for (String s : TINY) {
            a.add("--set");
            a.add(s);
        }
        a.addAll(List.of(more));
        return Cli.run(a.toArray(String[]::new));
    }

    /** Sets (or, with null, removes) {@code model.shortcut} in the run folder's preset.json. */
    private static void setShortcut(Path out, String value) throws IOException {
        Path file = out.resolve("preset.json");
        ObjectNode p = (ObjectNode) JSON.readTree(file.toFile());
        ObjectNode model = (ObjectNode) p.get("model");
        if (value == null) {
            model.remove("shortcut");
        } else {
            model.put("shortcut", value);
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(p));
    }

    @Test
    void anOptionARunFolderIsRefusedByTheProjectionLayoutThenResumedAsA() throws IOException {
        Path out = tmp.resolve("old-run");
        Cli first = run("resnet20-cifar10-adder-short", out, "--set", "model.shortcut=A");
        assertEquals(0, first.exit(), first.err());
        Path ckpt = out.resolve("resnet20-adder-s1").resolve(RunFiles.CHECKPOINT);
        byte[] before = Files.readAllBytes(ckpt);
        // a run folder from before model.shortcut existed: its preset.json has no such key
        setShortcut(out, null);
        Cli refused = Cli.run("run", "--resume", out.toString(), "--data", data.toString());
        assertEquals(2, refused.exit(), refused.err());
        String line = refused.lastErrLine();
        assertTrue(line.contains(ckpt + ": was written by resnet20-adder with model.shortcut = A"), line);
        assertTrue(line.contains("but " + out.resolve("preset.json") + " builds model.shortcut = projection"), line);
        assertTrue(line.contains("set \"shortcut\": \"A\" in the \"model\" section of " + out.resolve("preset.json")
                + " and resume again"), line);
        assertTrue(line.contains("--set model.shortcut=A"), line);
        assertFalse(refused.err().contains("Exception"), refused.err());
        assertEquals(1, refused.err().strip().lines().filter(l -> l.startsWith("workbench run:")).count(), refused.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(ckpt)), "the checkpoint is left as it was");

        // as the message says: the preset says A, and the run resumes (here: finds its one epoch done)
        setShortcut(out, "A");
        Cli resumed = Cli.run("run", "--resume", out.toString(), "--data", data.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("completed", s.get("runs").get(0).get("status").asText());
    }

    @Test
    void theOfficialShortPresetRunsOnTheProjectionLayout() throws IOException {
        Path out = tmp.resolve("official");
        Cli r = run("resnet20-cifar10-adder-official-short", out);
        assertEquals(0, r.exit(), r.err());
        JsonNode run = JSON.readTree(out.resolve("summary.json").toFile()).get("runs").get(0);
        assertEquals("completed", run.get("status").asText());
        // 20 adder layers and the two full-precision ones: 22 gradient norms a row
        List<String> csv = Files.readAllLines(out.resolve("resnet20-adder-s1").resolve("metrics.csv"));
        assertTrue(csv.get(0).endsWith(",grad_norm_layer22"), csv.get(0));
        String[] row = csv.get(1).split(",");
        assertEquals(0.05, Double.parseDouble(row[5]), 1e-12, "1 epoch of the per-epoch cosine: 0.1 (1 + cos(pi / 2)) / 2");
        JsonNode preset = JSON.readTree(out.resolve("preset.json").toFile());
        assertEquals("projection", preset.get("model").get("shortcut").asText());
        assertEquals(0.2023, preset.get("data").get("std").get(0).asDouble());
    }

    @Test
    void theOfficialStandardisationReachesThePixels() throws IOException {
        var p = PresetLoader.resolve("resnet20-cifar10-adder-official-short", List.of());
        Path folder = data.resolve(ImageSet.CIFAR_10.folder());
        ImagePipeline.Prepared d = ImagePipeline.load(ImageSet.CIFAR_10, folder, 4, 4, ExperimentPlan.normalization(p));
        byte[] first = Files.readAllBytes(folder.resolve("data_batch_1.bin"));
        float[] x = d.train().features();
        float[] mean = {0.4914f, 0.4822f, 0.4465f};
        float[] std = {0.2023f, 0.1994f, 0.2010f};                  // main.py:33
        for (int c = 0; c < 3; c++) {
            int pixel = 1 + c * 1024 + 37;                            // after the label byte, channel c's 38th pixel
            float expected = ((first[pixel] & 0xff) / 255f - mean[c]) / std[c];
            assertEquals(expected, x[c * 1024 + 37], 1e-5f, "channel " + c);
        }
        ImagePipeline.Prepared own = ImagePipeline.load(ImageSet.CIFAR_10, folder, 4, 4);
        assertEquals(0.2470f, own.normalization().std()[0], "without data.std: the set's own statistics");
    }
}
