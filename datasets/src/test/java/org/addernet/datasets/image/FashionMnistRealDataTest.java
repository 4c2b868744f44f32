package org.addernet.datasets.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.addernet.engine.data.DataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real test set from Debian's dataset-fashion-mnist when it is installed. */
class FashionMnistRealDataTest {
    @TempDir
    Path emptyHome;

    @Test
    void debianTestSetHoldsTenThousandBalancedImagesOf28x28() throws Exception {
        assumeTrue(Files.isDirectory(DataRoots.DEBIAN_FASHION_MNIST),
                "dataset-fashion-mnist is not installed");
        Path folder = DataRoots.find("fashion-mnist", null, Map.of(), emptyHome);
        assertEquals(DataRoots.DEBIAN_FASHION_MNIST, folder);
        IdxReader.Images images = IdxReader.readImages(DataRoots.file(folder, ImageSet.TEST_IMAGES));
        assertEquals(10_000, images.count());
        assertEquals(ImageSet.FASHION_MNIST.testSize(), images.count(), "the size the image-runs window estimates with");
        assertEquals(ImageSet.FASHION_MNIST.trainSize(), IdxReader.readImages(DataRoots.file(folder, ImageSet.TRAIN_IMAGES))
                .count());
        assertEquals(28, images.rows());
        assertEquals(28, images.cols());
        DataSet test = IdxReader.read(DataRoots.file(folder, ImageSet.TEST_IMAGES),
                DataRoots.file(folder, ImageSet.TEST_LABELS));
        assertEquals(784, test.dim());
        int[] perClass = new int[10];
        for (int label : test.labels()) {
            perClass[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(1000, perClass[c], "class " + c);
        }
        Normalization stats = Normalization.fromData(test, 1);
        assertEquals(Normalization.FASHION_MNIST.mean()[0], stats.mean()[0], 0.01);
        assertEquals(Normalization.FASHION_MNIST.std()[0], stats.std()[0], 0.01);
        assertTrue(test.feature(0, 0) >= 0 && test.feature(0, 0) <= 1);
    }
}
