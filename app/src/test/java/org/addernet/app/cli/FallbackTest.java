package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.addernet.app.io.RunFiles;
import org.addernet.datasets.image.DataRoots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, class 4 (silent fallbacks): a root passed over is said; a missing checkpoint on
 * {@code --resume} is refused unless {@code --restart}, which says it starts again; a queue.json
 * that is a folder or damaged is an error, and the damaged file is kept as it is.
 */
class FallbackTest {
    @TempDir
    Path tmp;

    @Test
    void aDataRootPassedOverIsSaid() throws IOException {
        assumeTrue(System.getenv(DataRoots.ENV_DATA) == null, "ADDERNET_DATA is set");
        assumeTrue(Files.isDirectory(DataRoots.DEBIAN_FASHION_MNIST), "Debian's dataset-fashion-mnist is not installed");
        String before = System.getProperty("addernet.home");
        System.setProperty("addernet.home", tmp.resolve("home").toString());
        try {
            Cli r = Cli.run("run", "lenet5-bn-fashion-mnist-adder", "--out", tmp.resolve("f").toString(), "--set",
                    "data.trainLimit=64", "--set", "data.testLimit=32", "--set", "training.epochs=1", "--set",
                    "training.batchSize=32", "--set", "runs.models=[\"lenet5-bn-cnn\"]");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.err().contains("fashion-mnist: not in " + tmp.resolve("home").resolve("data")
                    + " (no folder fashion-mnist/); reading Debian's dataset-fashion-mnist from "
                    + DataRoots.DEBIAN_FASHION_MNIST), r.err());
        } finally {
            if (before == null) {
                System.clearProperty("addernet.home");
            } else {
                System.setProperty("addernet.home", before);
            }
        }
    }

    @Test
    void aMissingCheckpointOnResumeIsRefusedUnlessRestart() throws IOException {
        Path data = EpochFixture.data(tmp);
        Path out = EpochFixture.oneEpoch(tmp, data);
        Path ckpt = out.resolve(EpochFixture.RUN).resolve(RunFiles.CHECKPOINT);
        Files.delete(ckpt);

        Cli refused = Cli.run("run", "--resume", out.toString(), "--data", data.toString());
        assertEquals(2, refused.exit(), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains(ckpt + ": no such file"), refused.err());
        assertTrue(refused.err().contains("add --restart to train it again from epoch 1"), refused.err());

        Cli restarted = Cli.run("run", "--resume", out.toString(), "--data", data.toString(), "--restart");
        assertEquals(0, restarted.exit(), restarted.err());
        assertTrue(restarted.err().contains(EpochFixture.RUN + ": no checkpoint; training it again from epoch 1 (--restart)"),
                restarted.err());
        assertTrue(Files.isRegularFile(ckpt));
    }

    @Test
    void aQueueJsonThatIsAFolderIsAnError() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("queue.json"));
        for (String[] cmd : List.of(new String[] {"queue", "list", "--home", home.toString()},
                new String[] {"queue", "add", "--home", home.toString(), "fig2-unit-ball"})) {
            Cli r = Cli.run(cmd);
            assertEquals(2, r.exit(), r.out() + r.err());
            assertTrue(r.err().strip().endsWith(home.resolve("queue.json") + ": is a folder, expected the queue's file; "
                    + "move it away to start an empty queue"), r.err());
        }
        assertTrue(Files.isDirectory(home.resolve("queue.json")));
    }

    @Test
    void aDamagedQueueJsonIsAnErrorAndKeptAsItIs() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        byte[] damaged = "{\"items\": [ {\"id\": 1\n".getBytes(StandardCharsets.UTF_8);
        Files.write(home.resolve("queue.json"), damaged);
        for (String[] cmd : List.of(new String[] {"queue", "list", "--home", home.toString()},
                new String[] {"queue", "add", "--home", home.toString(), "fig2-unit-ball"},
                new String[] {"queue", "run", "--home", home.toString()})) {
            Cli r = Cli.run(cmd);
            assertEquals(2, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains(home.resolve("queue.json") + ":"), r.err());
            assertTrue(r.err().contains("fix the file, or move it away to start an empty queue"), r.err());
            assertArrayEquals(damaged, Files.readAllBytes(home.resolve("queue.json")), "kept as it was");
        }
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(List.of("queue.json"), s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("queue.json")).toList(), "not moved aside, no copy");
        }
    }
}
