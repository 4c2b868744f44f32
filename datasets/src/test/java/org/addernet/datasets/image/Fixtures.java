package org.addernet.datasets.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small synthetic IDX and CIFAR files for the tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** An IDX header: the magic then each size, big-endian. */
    static byte[] idxHeader(int magic, int... sizes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length).putInt(magic);
        for (int s : sizes) {
            b.putInt(s);
        }
        return b.array();
    }

    /** {@code parts} concatenated. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Pixel bytes 0, 1, 2, ... (mod 256) for {@code n} values. */
    static byte[] ramp(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    /** A well-formed images file with {@code n} images of rows x cols, pixels from a ramp. */
    static byte[] images(int n, int rows, int cols) {
        return concat(idxHeader(IdxReader.IMAGES_MAGIC, n, rows, cols), ramp(n * rows * cols, 0));
    }

    /** A well-formed labels file. */
    static byte[] labels(int... labels) {
        byte[] payload = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            payload[i] = (byte) labels[i];
        }
        return concat(idxHeader(IdxReader.LABELS_MAGIC, labels.length), payload);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CIFAR records: each is the label bytes then 3072 pixels where pixel p of record r is
     * {@code (r * 7 + p) mod 256}.
     */
    static byte[] cifar(int[][] labelBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < labelBytes.length; r++) {
            for (int l : labelBytes[r]) {
                out.write(l);
            }
            out.writeBytes(ramp(CifarReader.IMAGE_BYTES, r * 7));
        }
        return out.toByteArray();
    }

    /** A complete MNIST-format folder: train n images, test m images, 2x2 pixels. */
    static void idxFolder(Path folder, int n, int m, boolean gz) {
        String ext = gz ? ".gz" : "";
        int[] trainLabels = new int[n];
        int[] testLabels = new int[m];
        for (int i = 0; i < Math.max(n, m); i++) {
            if (i < n) {
                trainLabels[i] = i % 10;
            }
            if (i < m) {
                testLabels[i] = (i + 3) % 10;
            }
        }
        byte[][] files = {images(n, 2, 2), labels(trainLabels), images(m, 2, 2), labels(testLabels)};
        String[] names = {ImageSet.TRAIN_IMAGES, ImageSet.TRAIN_LABELS, ImageSet.TEST_IMAGES,
                ImageSet.TEST_LABELS};
        for (int i = 0; i < 4; i++) {
            write(folder.resolve(names[i] + ext), gz ? gzip(files[i]) : files[i]);
        }
    }
}
