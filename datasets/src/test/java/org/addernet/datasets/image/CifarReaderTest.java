package org.addernet.datasets.image;

import static org.addernet.datasets.image.Fixtures.cifar;
import static org.addernet.datasets.image.Fixtures.concat;
import static org.addernet.datasets.image.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.addernet.datasets.image.CifarReader.Format;
import org.addernet.engine.data.DataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {
    private static final int R10 = 3073;
    private static final int R100 = 3074;

    @TempDir
    Path dir;

    @Test
    void cifar10RecordsKeepChwOrderAndScaleTo01() throws Exception {
        Path file = write(dir.resolve("data_batch_1.bin"), cifar(new int[][] {{3}, {9}}));
        DataSet d = CifarReader.read(Format.CIFAR_10, file);
        assertEquals(2, d.size());
        assertEquals(3072, d.dim());
        assertEquals(10, d.numClasses());
        assertArrayEquals(new int[] {3, 9}, d.labels());
        // record 1, pixel p = (7 + p) mod 256: red (0,0) is p 0, green (0,0) is p 1024
        assertEquals(7 / 255f, d.feature(1, 0));
        assertEquals(((7 + 1024) % 256) / 255f, d.feature(1, 1024));
        assertEquals(((7 + 3071) % 256) / 255f, d.feature(1, 3071));
    }

    @Test
    void batchesAreConcatenatedInOrder() throws Exception {
        Path a = write(dir.resolve("a.bin"), cifar(new int[][] {{1}}));
        Path b = write(dir.resolve("b.bin"), cifar(new int[][] {{2}, {0}}));
        assertArrayEquals(new int[] {1, 2, 0}, CifarReader.read(Format.CIFAR_10, List.of(a, b)).labels());
    }

    @Test
    void cifar100UsesTheFineLabel() throws Exception {
        Path file = write(dir.resolve("train.bin"), cifar(new int[][] {{19, 99}, {0, 42}}));
        DataSet d = CifarReader.read(Format.CIFAR_100, file);
        assertEquals(100, d.numClasses());
        assertArrayEquals(new int[] {99, 42}, d.labels());
        assertEquals(0f, d.feature(0, 0));
    }

    @Test
    void partialRecordIsReportedAtItsStart() {
        Path file = write(dir.resolve("test_batch.bin"),
                concat(cifar(new int[][] {{1}, {2}}), new byte[100]));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarReader.read(Format.CIFAR_10, file));
        assertEquals(2L * R10, e.offset());
        assertEquals(file + ": byte 6146: expected whole records of 3073 bytes (1 label byte + 3072"
                + " pixels), found a partial record of 100 bytes at the end", e.getMessage());
    }

    @Test
    void cifar10BatchReadAsCifar100IsAPartialRecord() {
        Path file = write(dir.resolve("x.bin"), cifar(new int[][] {{1}, {2}}));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarReader.read(Format.CIFAR_100, file));
        assertEquals(R100, e.offset());
    }

    @Test
    void labelsOutOfRangeNameTheirByte() {
        Path ten = write(dir.resolve("a.bin"), cifar(new int[][] {{1}, {10}}));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarReader.read(Format.CIFAR_10, ten));
        assertEquals(R10, e.offset());
        assertTrue(e.getMessage().endsWith("expected a label in 0..9 (record 1), found 10"));

        Path fine = write(dir.resolve("b.bin"), cifar(new int[][] {{0, 100}}));
        assertEquals(1, assertThrows(DataFormatException.class,
                () -> CifarReader.read(Format.CIFAR_100, fine)).offset());
        Path coarse = write(dir.resolve("c.bin"), cifar(new int[][] {{3, 5}, {20, 5}}));
        assertEquals(R100, assertThrows(DataFormatException.class,
                () -> CifarReader.read(Format.CIFAR_100, coarse)).offset());
    }

    @Test
    void emptyFileIsAnError() {
        Path file = write(dir.resolve("e.bin"), new byte[0]);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarReader.read(Format.CIFAR_10, file));
        assertTrue(e.getMessage().endsWith("found an empty file"), e.getMessage());
    }
}
