package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.addernet.datasets.image.DataRoots;
import org.addernet.datasets.image.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workbench features}: Fig. 1 from a run folder of the LeNet++ preset, on a small
 * MNIST-format set written here and, where Debian's Fashion-MNIST is installed, the bundled short
 * preset end to end on the real images; and one-line errors for folders it cannot use.
 */
class FeaturesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** 28x28 images whose label is the row band (of ten) that is bright, on noise. */
    private static void writeIdx(Path folder, String images, String labels, int n, SplittableRandom rng)
            throws IOException {
        ByteBuffer img = ByteBuffer.allocate(16 + n * 784);
        img.putInt(0x803).putInt(n).putInt(28).putInt(28);
        ByteBuffer lab = ByteBuffer.allocate(8 + n);
        lab.putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int label = i % 10;
            lab.put((byte) label);
            for (int p = 0; p < 784; p++) {
                boolean on = p / 28 >= 2 + 2 * label && p / 28 < 4 + 2 * label;
                img.put((byte) (on ? 180 + rng.nextInt(76) : rng.nextInt(70)));
            }
        }
        Files.write(folder.resolve(images), img.array());
        Files.write(folder.resolve(labels), lab.array());
    }

    private Path data() throws IOException {
        Path root = tmp.resolve("data");
        Path mnist = root.resolve("mnist");
        Files.createDirectories(mnist);
        SplittableRandom rng = new SplittableRandom(5);
        writeIdx(mnist, ImageSet.TRAIN_IMAGES, ImageSet.TRAIN_LABELS, 320, rng);
        writeIdx(mnist, ImageSet.TEST_IMAGES, ImageSet.TEST_LABELS, 120, rng);
        return root;
    }

    /** One epoch of each LeNet++ of fig1-features-mnist on the small set: 10 steps of 32. */
    private Path trainedRun(Path data) {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("run", "fig1-features-mnist", "--out", out.toString(), "--data", data.toString(),
                "--set", "training.batchSize=32", "--set", "training.epochs=1");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    /** The rows of the command's table: run id to its columns (accuracy, mean l1, mean l2, angle, radial) in %. */
    private static List<String[]> rows(String out) {
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("lenetpp-")) {
                rows.add(line.trim().split("\\s+"));
            }
        }
        return rows;
    }

    @Test
    void drawsBothModelsAndItsAccuraciesAreTheRunsOwn() throws IOException {
        Path data = data();
        Path run = trainedRun(data);
        Path png = tmp.resolve("fig").resolve("fig1.png");
        Cli missing = Cli.run("features", run.toString(), "--out", png.toString(), "--data", data.toString());
        assertEquals(2, missing.exit(), "an export into a folder that does not exist is refused, none made");
        assertFalse(Files.exists(png.getParent()));
        Files.createDirectories(png.getParent());
        Cli f = Cli.run("features", run.toString(), "--out", png.toString(), "--data", data.toString());
        assertEquals(0, f.exit(), f.err());
        assertTrue(f.out().strip().endsWith(png.toString()), f.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 1000 && img.getHeight() > 600, img.getWidth() + "x" + img.getHeight());
        List<String[]> rows = rows(f.out());
        assertEquals(2, rows.size(), f.out());
        JsonNode runs = JSON.readTree(run.resolve("summary.json").toFile()).get("runs");
        for (String[] row : rows) {
            assertEquals("120", row[2], "every test image");
            // the restored network (parameters and batch-norm statistics) classifies the test set as the run did
            double accuracy = Double.parseDouble(row[3].replace("%", ""));
            JsonNode summary = null;
            for (JsonNode r : runs) {
                if (r.get("id").asText().equals(row[0])) {
                    summary = r;
                }
            }
            assertEquals(String.format(Locale.ROOT, "%.2f", 100 * summary.get("testAccuracy").asDouble()),
                    String.format(Locale.ROOT, "%.2f", accuracy), row[0]);
        }
        // without --out the figure lands in the run folder
        Cli again = Cli.run("features", run.toString(), "--data", data.toString(), "--limit", "30");
        assertEquals(0, again.exit(), again.err());
        assertTrue(Files.isRegularFile(run.resolve("features.png")));
        assertEquals("30", rows(again.out()).get(0)[2]);
    }

    @Test
    void aFolderThatIsNotARunFailsInOneLine() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli r = Cli.run("features", empty.toString(), "--out", tmp.resolve("x.png").toString());
        assertEquals(2, r.exit());
        assertEquals("workbench features: " + empty + ": not a run folder (no preset.json)", r.err().strip());
        assertTrue(Files.notExists(tmp.resolve("x.png")));
        Cli limit = Cli.run("features", empty.toString(), "--limit", "0");
        assertEquals(2, limit.exit());
        assertEquals("workbench features: --limit must be >= 1, got 0", limit.err().strip());
    }

    @Test
    void aRunOfAModelWithoutAFeatureLayerFailsInOneLine() throws IOException {
        Path data = data();
        Path out = tmp.resolve("lenet5");
        Cli run = Cli.run("run", "lenet5-bn-mnist-cnn-short", "--out", out.toString(), "--data", data.toString(),
                "--set", "training.batchSize=32", "--set", "training.epochs=1");
        assertEquals(0, run.exit(), run.err());
        Cli r = Cli.run("features", out.toString(), "--data", data.toString());
        assertEquals(2, r.exit());
        assertEquals("workbench features: " + out + ": run lenet5-bn-cnn-s1 trains lenet5-bn-cnn, which has no 2-D "
                + "feature layer; expected a run of lenetpp-cnn or lenetpp-adder (preset fig1-features-fashion-mnist)",
                r.err().strip());
    }

    @Test
    void theShortPresetRunsOnRealClothesAndItsFeaturesSeparateTheClasses() throws IOException {
        assumeTrue(Files.isDirectory(DataRoots.DEBIAN_FASHION_MNIST),
                "needs Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
        Path out = tmp.resolve("short");
        Cli r = Cli.run("run", "fig1-features-fashion-mnist-short", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode runs = JSON.readTree(out.resolve("summary.json").toFile()).get("runs");
        assertEquals(2, runs.size());
        for (JsonNode run : runs) {
            assertEquals("completed", run.get("status").asText());
            assertEquals(30, run.get("iterations").asLong(), "2 epochs of 3,840 / 256 steps");
        }
        Cli f = Cli.run("features", out.toString(), "--limit", "1000");
        assertEquals(0, f.exit(), f.err());
        assertTrue(Files.isRegularFile(out.resolve("features.png")));
        for (String[] row : rows(f.out())) {
            // ten classes: chance is 10 %; the class means of the 2-D features already tell most classes apart
            double nearestMean = Double.parseDouble(row[5].replace("%", ""));
            assertTrue(nearestMean > 30, row[0] + ": nearest class mean (l2) right for " + nearestMean + " %");
        }
    }
}
