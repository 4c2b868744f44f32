package org.addernet.datasets.image;

import static org.addernet.datasets.image.Fixtures.concat;
import static org.addernet.datasets.image.Fixtures.gzip;
import static org.addernet.datasets.image.Fixtures.idxHeader;
import static org.addernet.datasets.image.Fixtures.images;
import static org.addernet.datasets.image.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures of the IDX and CIFAR readers that escaped as bare Java exceptions (no file named)
 * or with a wrong reason before issue 12: each is now a {@link DataFormatException} naming the
 * file and what was expected.
 */
class ReaderFailuresTest {
    @TempDir
    Path dir;

    private static DataFormatException idx(Path file) {
        return assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));
    }

    @Test
    void aGzipFileCutInsideItsHeaderNamesTheFile() {
        // before: java.io.EOFException "Unexpected end of ZLIB input stream", no file named
        Path file = write(dir.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(gzip(images(2, 2, 2)), 5));
        DataFormatException e = idx(file);
        assertEquals(file + ": byte 0 (decompressed): expected a complete gzip stream, found the compressed data "
                + "ends early (truncated download?)", e.getMessage());
    }

    @Test
    void aGzipHeaderWithAnUnknownMethodNamesTheFile() {
        // before: java.util.zip.ZipException "Unsupported compression method", no file named
        byte[] gz = gzip(images(2, 2, 2));
        gz[2] = 7;
        DataFormatException e = idx(write(dir.resolve("i.gz"), gz));
        assertTrue(e.getMessage().startsWith(dir.resolve("i.gz") + ": byte 0 (decompressed): expected valid gzip data, "
                + "found corrupt data"), e.getMessage());
    }

    @Test
    void sizesWhoseProductOverflowsAreTooLargeNotTrailingBytes() {
        // before: the product wrapped around and the file was said to hold trailing bytes
        int big = Integer.MAX_VALUE;
        DataFormatException e = idx(write(dir.resolve("i"), concat(idxHeader(IdxReader.IMAGES_MAGIC, big, big, big),
                new byte[8])));
        assertEquals(dir.resolve("i") + ": byte 4: expected a payload below 2 GiB, found 2147483647 x 2147483647 x "
                + "2147483647 values (more than 9.2e18 bytes)", e.getMessage());
    }

    @Test
    void aFolderWhereTheFileShouldBeIsNamed() throws Exception {
        // before: java.io.IOException "Is a directory", no file named
        Path folder = Files.createDirectory(dir.resolve("train-images-idx3-ubyte"));
        DataFormatException e = idx(folder);
        assertEquals(folder + ": expected a data file, found a folder", e.getMessage());
        assertEquals(-1, e.offset());
        DataFormatException c = assertThrows(DataFormatException.class,
                () -> CifarReader.read(CifarReader.Format.CIFAR_10, List.of(folder)));
        assertEquals(folder + ": expected a data file, found a folder", c.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path none = dir.resolve("t10k-labels-idx1-ubyte");
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(none));
        assertEquals(none + ": expected a data file, found no such file", e.getMessage());
    }

    @Test
    void imagesBeyondTheHeapAreRefusedBeforeTheirFloatsAreMade() {
        Path file = dir.resolve("train-images-idx3-ubyte");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.requireFloatsFit(file, 60_000, 28, 28, 100L << 20));
        assertEquals(file + ": byte 4: expected at most 33,436 images of 28 x 28 (what a heap of 100 MB holds as floats), "
                + "found 60,000", e.getMessage());
    }
}
