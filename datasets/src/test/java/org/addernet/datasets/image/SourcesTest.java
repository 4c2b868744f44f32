package org.addernet.datasets.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesTest {
    @Test
    void idxSetsPublishTheFourStandardGzipFiles() {
        for (ImageSet set : List.of(ImageSet.MNIST, ImageSet.FASHION_MNIST)) {
            List<String> names = Sources.forSet(set).stream().map(Source::fileName).toList();
            assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"), names);
        }
    }

    @Test
    void everyEntryHasAChecksumASizeAndUrlsEndingInItsName() {
        assertEquals(10, Sources.all().size());
        for (Source s : Sources.all()) {
            assertTrue(s.sha256() != null && s.size() > 0, s.toString());
            for (URI u : s.urls()) {
                assertTrue(u.toString().endsWith("/" + s.fileName()), u.toString());
            }
        }
    }

    @Test
    void archivesGoToTheRootAndIdxFilesIntoTheSetFolder() {
        Path root = Path.of("/data");
        Source cifar = Sources.forSet(ImageSet.CIFAR_100).get(0);
        assertTrue(cifar.isArchive());
        assertEquals(root.resolve("cifar-100-binary.tar.gz"), cifar.targetIn(root));
        Source fashion = Sources.forSet(ImageSet.FASHION_MNIST).get(0);
        assertFalse(fashion.isArchive());
        assertEquals(root.resolve("fashion-mnist/train-images-idx3-ubyte.gz"), fashion.targetIn(root));
    }

    @Test
    void malformedChecksumIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Source(ImageSet.MNIST, "x",
                List.of(URI.create("http://x/x")), "ABC", 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Source(ImageSet.MNIST, "x", List.of(), null, 1));
    }
}
