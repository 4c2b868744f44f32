package org.addernet.app.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.addernet.app.testdata.SyntheticMnist;
import org.addernet.datasets.image.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set shipped from the driver: staged under unique names, rebuilt on a worker by any number of tasks at once. */
class ShippedDataTest {
    @Test
    void stagedFilesCarryTheDigestAndTasksRebuildTheSetTogether(@TempDir Path tmp) throws Exception {
        Path set = Files.createDirectories(tmp.resolve("data").resolve("fashion-mnist"));
        SplittableRandom rng = new SplittableRandom(3);
        SyntheticMnist.writeIdx(set, ImageSet.TRAIN_IMAGES, ImageSet.TRAIN_LABELS, 64, rng);
        SyntheticMnist.writeIdx(set, ImageSet.TEST_IMAGES, ImageSet.TEST_LABELS, 16, rng);
        ShippedData.Staged staged = ShippedData.stage("fashion-mnist", tmp.resolve("data"), tmp.resolve("staging"));
        assertEquals(4, staged.files().size());
        for (Path f : staged.files()) {
            assertTrue(f.getFileName().toString().startsWith(staged.data().digest() + "-"), f.toString());
            assertFalse(Files.isSymbolicLink(f), "Spark would serve a link under its target's name: " + f);
        }
        byte[] wire;
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(staged.data());
            o.flush();
            wire = b.toByteArray();
        }
        Path worker = tmp.resolve("worker");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Path>> roots = new ArrayList<>();
        for (int k = 0; k < 8; k++) {                 // each task deserialises its own copy of the request
            roots.add(pool.submit(() -> {
                ShippedData mine = (ShippedData) new ObjectInputStream(new ByteArrayInputStream(wire)).readObject();
                return mine.materialize(worker, name -> tmp.resolve("staging").resolve(name));
            }));
        }
        Path root = null;
        for (Future<Path> f : roots) {
            root = f.get();
        }
        pool.shutdown();
        for (String n : staged.data().names()) {
            assertArrayEquals(Files.readAllBytes(set.resolve(n)), Files.readAllBytes(root.resolve("fashion-mnist").resolve(n)), n);
        }
        try (var s = Files.list(root.resolve("fashion-mnist"))) {
            assertEquals(4, s.count(), "no temporary file left");
        }
    }
}
