package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.addernet.datasets.image.DataRoots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled short preset end to end on the real Fashion-MNIST of Debian's
 * {@code dataset-fashion-mnist} (which {@code .ci/run} installs): 2 epochs of LeNet-5-BN as an
 * AdderNet on the first 10,000 training images, tested on the first 2,000 test images.
 */
class FashionMnistEpochRunTest {
    @TempDir
    Path tmp;

    @Test
    void theShortAdderPresetLearnsRealClothes() throws Exception {
        assumeTrue(Files.isDirectory(DataRoots.DEBIAN_FASHION_MNIST),
                "needs Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
        Path out = tmp.resolve("run");
        Cli r = Cli.run("run", "lenet5-bn-fashion-mnist-adder-short", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode run = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("runs").get(0);
        assertEquals("completed", run.get("status").asText());
        assertEquals(2, run.get("epochsDone").asInt());
        assertEquals(78, run.get("iterations").asLong(), "2 epochs of floor(10,000 / 256) steps");
        double test = run.get("testAccuracy").asDouble();
        // ten classes: chance is 0.10; two short epochs of a working AdderNet reach about 0.8
        assertTrue(test > 0.7, "test accuracy after 2 short epochs: " + test);
    }
}
