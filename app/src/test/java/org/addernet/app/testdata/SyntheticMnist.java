package org.addernet.app.testdata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.addernet.datasets.image.ImageSet;

/** A small MNIST-format data root for tests: 28x28 images of a bright square whose place encodes the label. */
public final class SyntheticMnist {
    private SyntheticMnist() {
    }

    /** Writes {@code root/mnist/} with {@code train} training and {@code test} test images; returns {@code root}. */
    public static Path write(Path root, int train, int test, long seed) throws IOException {
        Path mnist = root.resolve("mnist");
        Files.createDirectories(mnist);
        SplittableRandom rng = new SplittableRandom(seed);
        writeIdx(mnist, ImageSet.TRAIN_IMAGES, ImageSet.TRAIN_LABELS, train, rng);
        writeIdx(mnist, ImageSet.TEST_IMAGES, ImageSet.TEST_LABELS, test, rng);
        return root;
    }

    /** 28x28 images of a bright 6x6 square whose place encodes the label, on noise. */
    public static void writeIdx(Path folder, String images, String labels, int n, SplittableRandom rng)
            throws IOException {
        ByteBuffer img = ByteBuffer.allocate(16 + n * 784);
        img.putInt(0x803).putInt(n).putInt(28).putInt(28);
        ByteBuffer lab = ByteBuffer.allocate(8 + n);
        lab.putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int label = rng.nextInt(10);
            lab.put((byte) label);
            int y0 = 2 + (label / 5) * 12;
            int x0 = 2 + (label % 5) * 5;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    boolean on = y >= y0 && y < y0 + 6 && x >= x0 && x < x0 + 6;
                    img.put((byte) (on ? 200 + rng.nextInt(56) : rng.nextInt(60)));
                }
            }
        }
        Files.write(folder.resolve(images), img.array());
        Files.write(folder.resolve(labels), lab.array());
    }
}
