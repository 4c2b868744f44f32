package org.addernet.datasets.image;

import static org.addernet.datasets.image.Fixtures.concat;
import static org.addernet.datasets.image.Fixtures.gzip;
import static org.addernet.datasets.image.Fixtures.idxHeader;
import static org.addernet.datasets.image.Fixtures.images;
import static org.addernet.datasets.image.Fixtures.labels;
import static org.addernet.datasets.image.Fixtures.ramp;
import static org.addernet.datasets.image.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.addernet.engine.data.DataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripGivesPixelsOver255RowMajorAndTheLabels(boolean gz) throws Exception {
        byte[] img = images(3, 2, 3);
        byte[] lab = labels(7, 0, 9);
        // names that lie about the compression: detection goes by the 1f 8b header
        Path images = write(dir.resolve(gz ? "images" : "images.gz"), gz ? gzip(img) : img);
        Path labels = write(dir.resolve("labels"), gz ? gzip(lab) : lab);
        DataSet d = IdxReader.read(images, labels);
        assertEquals(3, d.size());
        assertEquals(6, d.dim());
        assertEquals(10, d.numClasses());
        assertArrayEquals(new int[] {7, 0, 9}, d.labels());
        for (int i = 0; i < 18; i++) {
            assertEquals(i / 255f, d.features()[i], "pixel " + i);
        }
    }

    @Test
    void fullRangeOfBytesMapsOntoZeroToOne() throws Exception {
        byte[] img = concat(idxHeader(IdxReader.IMAGES_MAGIC, 1, 16, 16), ramp(256, 0));
        IdxReader.Images images = IdxReader.readImages(write(dir.resolve("i"), img));
        assertEquals(16, images.rows());
        float[] x = IdxReader.toUnit(images.pixels(), 256);
        assertEquals(0f, x[0]);
        assertEquals(1f, x[255]);
    }

    @Test
    void loadKeepsTheFirstLimitSamples() throws Exception {
        Path images = write(dir.resolve("i"), images(5, 2, 2));
        Path labels = write(dir.resolve("l"), labels(1, 2, 3, 4, 5));
        DataSet d = IdxReader.load(images, labels, 2);
        assertArrayEquals(new int[] {1, 2}, d.labels());
        assertArrayEquals(Arrays.copyOf(IdxReader.read(images, labels).features(), 8), d.features());
        assertEquals(5, IdxReader.load(images, labels, 0).size());
        assertEquals(5, IdxReader.load(images, labels, 99).size());
    }

    @Test
    void wrongMagicNamesFileOffsetExpectedAndFound() {
        Path file = write(dir.resolve("train-images-idx3-ubyte"), labels(1, 2));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readImages(file));
        assertEquals(file + ": byte 0: expected IDX magic 0x00000803 (unsigned byte, 3 dimensions),"
                + " found 0x00000801", e.getMessage());
        assertEquals(0, e.offset());
        assertEquals(file, e.file());
    }

    @Test
    void gzipOffsetsAreMarkedAsDecompressed() {
        Path file = write(dir.resolve("x.gz"), gzip(idxHeader(0x0803, 1, 2)));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readImages(file));
        assertEquals(12, e.offset());
        assertTrue(e.getMessage().startsWith(file + ": byte 12 (decompressed): expected size of"
                + " dimension 2"), e.getMessage());
    }

    @Test
    void truncatedPayloadFailsWhereTheDataRanOut() {
        byte[] full = images(3, 2, 3);
        Path file = write(dir.resolve("i"), Arrays.copyOf(full, 16 + 10));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readImages(file));
        assertEquals(26, e.offset());
        assertTrue(e.getMessage().contains("expected 34 bytes (16 header + 3 x 2 x 3 payload),"
                + " found the end of the data"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsAFormatError() {
        byte[] gz = gzip(images(50, 28, 28));
        Path file = write(dir.resolve("i.gz"), Arrays.copyOf(gz, gz.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("(decompressed): expected a complete gzip stream"),
                e.getMessage());
    }

    @Test
    void trailingBytesFailWhereThePayloadShouldHaveEnded() {
        Path file = write(dir.resolve("l"), concat(labels(1, 2, 3), new byte[5]));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readLabels(file));
        assertEquals(11, e.offset());
        assertTrue(e.getMessage().endsWith("found 5 trailing bytes"), e.getMessage());
    }

    @Test
    void zeroRowsIsRejectedAtItsSizeField() {
        Path file = write(dir.resolve("i"), idxHeader(IdxReader.IMAGES_MAGIC, 4, 0, 28));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readImages(file));
        assertEquals(8, e.offset());
    }

    @Test
    void labelCountDifferentFromImageCountNamesTheLabelsCountField() {
        Path images = write(dir.resolve("imgs"), images(3, 2, 2));
        Path labels = write(dir.resolve("labs"), labels(1, 2));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.read(images, labels));
        assertEquals(labels, e.file());
        assertEquals(4, e.offset());
        assertEquals(labels + ": byte 4: expected 3 labels (one per image of imgs), found 2 labels",
                e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesItsByte() {
        Path file = write(dir.resolve("l"), labels(1, 10, 3));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readLabels(file));
        assertEquals(9, e.offset());
        assertTrue(e.getMessage().endsWith("expected a label in 0..9 (sample 1), found 10"),
                e.getMessage());
    }

    @Test
    void emptyFileFailsAtByteZero() {
        Path file = write(dir.resolve("l"), new byte[0]);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readLabels(file));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("expected IDX magic 0x00000801"), e.getMessage());
    }
}
