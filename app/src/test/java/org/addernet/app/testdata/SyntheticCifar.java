package org.addernet.app.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.addernet.datasets.image.ImageSet;

/** A small CIFAR-10 data root for tests: CIFAR's binary records (a label byte, then 3 x 32 x 32 pixel bytes). */
public final class SyntheticCifar {
    /** Bytes of one CIFAR-10 record. */
    public static final int RECORD = 1 + 3 * 32 * 32;

    private SyntheticCifar() {
    }

    /**
     * Writes {@code root/cifar-10-batches-bin/}: {@code perBatch} images in each of the five
     * training files and {@code test} in the test file, random pixels and labels; returns {@code root}.
     */
    public static Path write(Path root, int perBatch, int test, long seed) throws IOException {
        Path dir = root.resolve(ImageSet.CIFAR_10.folder());
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(seed);
        for (String f : ImageSet.CIFAR_10.trainFiles()) {
            Files.write(dir.resolve(f), records(perBatch, rng));
        }
        Files.write(dir.resolve(ImageSet.CIFAR_10.testFiles().get(0)), records(test, rng));
        return root;
    }

    private static byte[] records(int n, SplittableRandom rng) {
        byte[] b = new byte[n * RECORD];
        for (int i = 0; i < n; i++) {
            b[i * RECORD] = (byte) rng.nextInt(10);
            for (int p = 1; p < RECORD; p++) {
                b[i * RECORD + p] = (byte) rng.nextInt(256);
            }
        }
        return b;
    }
}
