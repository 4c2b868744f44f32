package org.addernet.datasets.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.addernet.engine.data.DataSet;

/**
 * Fuzzing the IDX and CIFAR readers: random headers (any magic, any sizes, negative and huge
 * ones), random bodies, truncations, byte flips, gzip or not. A reader returns the data a valid
 * file holds, exactly, and for anything else throws a {@link DataFormatException} whose message
 * names the file and what was expected; no other exception ever leaves it. Bounded tries (see
 * each property) keep {@code mvn verify} quick.
 */
class ReaderFuzzTest {
    private static Path dir;

    @BeforeContainer
    static void folder() throws IOException {
        dir = Files.createTempDirectory("reader-fuzz");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Bytes and how they were made, for the report of a failing try. */
    record Input(String how, byte[] bytes, boolean gzip) {
        @Override
        public String toString() {
            return how + (gzip ? " (gzip)" : "") + ", " + bytes.length + " bytes";
        }
    }

    private static Path write(byte[] bytes) {
        try {
            return Files.write(Files.createTempFile(dir, "f", ".bin"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code read} on {@code file}: true when it read, false after a DataFormatException naming the file. */
    private static boolean readOrExplain(Path file, Reader read) {
        try {
            read.read(file);
            return true;
        } catch (DataFormatException e) {
            assertEquals(file, e.file());
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("expected "), e.getMessage());
            assertTrue(e.offset() >= -1, e.getMessage());
            return false;
        } catch (IOException | RuntimeException | Error e) {
            fail("the reader threw " + e + " instead of a DataFormatException", e);
            return false;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    @FunctionalInterface
    interface Reader {
        void read(Path file) throws IOException;
    }

    @Provide
    Arbitrary<Input> idxFiles() {
        Arbitrary<Integer> magic = Arbitraries.oneOf(Arbitraries.of(IdxReader.IMAGES_MAGIC, IdxReader.LABELS_MAGIC,
                0x00000802, 0x00000C03, 0x1f8b0800), Arbitraries.integers());
        Arbitrary<Integer> size = Arbitraries.oneOf(Arbitraries.integers().between(0, 6),
                Arbitraries.of(-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 16, 1 << 30), Arbitraries.integers());
        Arbitrary<Integer> dims = Arbitraries.integers().between(0, 4);
        Arbitrary<Long> seed = Arbitraries.longs();
        Arbitrary<Boolean> gzip = Arbitraries.of(false, true);
        return Combinators.combine(magic, size.list().ofSize(4), dims, seed, gzip).as((m, sizes, d, s, gz) -> {
            Random r = new Random(s);
            ByteBuffer header = ByteBuffer.allocate(4 + 4 * d).putInt(m);
            long payload = 1;
            for (int k = 0; k < d; k++) {
                header.putInt(sizes.get(k));
                payload *= Math.max(0, Math.min(sizes.get(k), 64));
            }
            int len = (int) Math.min(payload, 4096) + r.nextInt(3) - 1;
            byte[] body = new byte[Math.max(0, len)];
            r.nextBytes(body);
            byte[] raw = Fixtures.concat(header.array(), body);
            if (r.nextInt(4) == 0) {
                raw = Arrays.copyOf(raw, r.nextInt(raw.length + 1));
            }
            byte[] bytes = gz ? Fixtures.gzip(raw) : raw;
            if (r.nextInt(4) == 0 && bytes.length > 0) {
                bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
            }
            if (gz && r.nextInt(4) == 0) {
                bytes = Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
            }
            return new Input("magic " + Integer.toHexString(m) + ", sizes " + sizes.subList(0, d), bytes, gz);
        });
    }

    /** 500 random IDX files as images and as labels: read, or one DataFormatException naming the file. */
    @Property(tries = 500)
    void anyIdxFileIsReadOrExplained(@ForAll("idxFiles") Input in) {
        readOrExplain(write(in.bytes()), IdxReader::readImages);
        readOrExplain(write(in.bytes()), IdxReader::readLabels);
    }

    /** 200 valid images/labels pairs, raw or gzip, read back exactly; any cut of them is explained. */
    @Property(tries = 200)
    void validIdxFilesReadBackExactlyAndEveryCutIsExplained(@ForAll("shapes") int[] shape, @ForAll long seed,
                                                            @ForAll boolean gzip) throws IOException {
        Random r = new Random(seed);
        int n = shape[0];
        int rows = shape[1];
        int cols = shape[2];
        byte[] pixels = new byte[n * rows * cols];
        r.nextBytes(pixels);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(10);
        }
        byte[] images = Fixtures.concat(Fixtures.idxHeader(IdxReader.IMAGES_MAGIC, n, rows, cols), pixels);
        byte[] labelFile = Fixtures.labels(labels);
        Path imagesPath = write(gzip ? Fixtures.gzip(images) : images);
        Path labelsPath = write(gzip ? Fixtures.gzip(labelFile) : labelFile);
        DataSet d = IdxReader.read(imagesPath, labelsPath);
        assertEquals(n, d.size());
        assertEquals(rows * cols, d.dim());
        assertArrayEquals(labels, d.labels());
        for (int i = 0; i < pixels.length; i++) {
            assertEquals((pixels[i] & 0xff) / 255f, d.features()[i]);
        }
        byte[] cut = Arrays.copyOf(images, r.nextInt(images.length));
        assertTrue(!readOrExplain(write(gzip ? Fixtures.gzip(cut) : cut), IdxReader::readImages), "a cut file is refused");
    }

    @Provide
    Arbitrary<int[]> shapes() {
        return Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 12)).as((n, h, w) -> new int[] {n, h, w});
    }

    @Provide
    Arbitrary<Input> cifarFiles() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(-3, 3),
                Arbitraries.longs(), Arbitraries.of(false, true)).as((records, extra, s, gz) -> {
                    Random r = new Random(s);
                    int len = Math.max(0, records * CifarReader.Format.CIFAR_100.recordBytes() + extra);
                    byte[] raw = new byte[len];
                    for (int i = 0; i < len; i++) {      // mostly plausible labels, sometimes not
                        raw[i] = (byte) (r.nextInt(8) == 0 ? r.nextInt(256) : r.nextInt(10));
                    }
                    return new Input(records + " records " + (extra >= 0 ? "+" : "") + extra + " bytes",
                            gz ? Fixtures.gzip(raw) : raw, gz);
                });
    }

    /** 300 random CIFAR-10 and CIFAR-100 batch files: read, or one DataFormatException naming the file. */
    @Property(tries = 300)
    void anyCifarFileIsReadOrExplained(@ForAll("cifarFiles") Input in) {
        for (CifarReader.Format f : CifarReader.Format.values()) {
            Path file = write(in.bytes());
            boolean read = readOrExplain(file, p -> CifarReader.read(f, List.of(p)));
            int length = in.gzip() ? -1 : in.bytes().length;
            if (read && length >= 0) {
                assertEquals(0, length % f.recordBytes(), "only whole records are read");
            }
        }
    }

    /** 200 valid CIFAR-10 batches read back exactly (labels, CHW pixels / 255). */
    @Property(tries = 200)
    void validCifarBatchesReadBackExactly(@ForAll("labelLists") List<Integer> labels, @ForAll long seed)
            throws IOException {
        Random r = new Random(seed);
        byte[] raw = new byte[labels.size() * CifarReader.Format.CIFAR_10.recordBytes()];
        r.nextBytes(raw);
        for (int i = 0; i < labels.size(); i++) {
            raw[i * CifarReader.Format.CIFAR_10.recordBytes()] = (byte) (int) labels.get(i);
        }
        DataSet d = CifarReader.read(CifarReader.Format.CIFAR_10, write(raw));
        assertEquals(labels, Arrays.stream(d.labels()).boxed().toList());
        for (int i = 0; i < labels.size(); i++) {
            for (int p = 0; p < CifarReader.IMAGE_BYTES; p += 97) {
                assertEquals((raw[i * 3073 + 1 + p] & 0xff) / 255f, d.feature(i, p));
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> labelLists() {
        return Arbitraries.integers().between(0, 9).list().ofMinSize(1).ofMaxSize(6);
    }
}
