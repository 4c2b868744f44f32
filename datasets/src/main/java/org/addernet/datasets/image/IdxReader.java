package org.addernet.datasets.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.addernet.engine.data.DataSet;

/**
 * Reads MNIST-style IDX files (MNIST, Fashion-MNIST), gzip or raw.
 *
 * <p>Format (all integers big-endian): a 4-byte magic {@code 00 00 08 D} (type 0x08 = unsigned
 * byte, D dimensions), then D 32-bit sizes, then the payload of exactly the product of the
 * sizes in bytes. Images: magic 0x00000803, sizes {@code [n, rows, cols]}, payload [n, rows,
 * cols] row-major, 0 = background. Labels: magic 0x00000801, size {@code [n]}, payload [n]
 * class indices 0..9.
 *
 * <p>Every check says the file, the byte offset and what it expected: the magic, each size,
 * that the payload holds exactly the promised bytes (a short file fails at the offset where the
 * data ran out, trailing bytes fail at the offset where the payload should have ended), that
 * the label count equals the image count, and that every label is in 0..9.
 */
public final class IdxReader {
    /** Magic of an unsigned-byte IDX file with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic of an unsigned-byte IDX file with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** MNIST and Fashion-MNIST have ten classes. */
    public static final int NUM_CLASSES = 10;

    private IdxReader() {
    }

    /** An IDX image file: {@code pixels} is [count, rows, cols] row-major, unsigned bytes. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
    }

    /** Reads an images file (magic 0x803) whole. */
    public static Images readImages(Path file) throws IOException {
        FileBytes.Content c = FileBytes.read(file);
        int[] dims = header(c, IMAGES_MAGIC, 3, "unsigned byte, 3 dimensions");
        return new Images(dims[0], dims[1], dims[2], payload(c, 16, dims));
    }

    /** Reads a labels file (magic 0x801) whole; every label is checked to be in 0..9. */
    public static int[] readLabels(Path file) throws IOException {
        FileBytes.Content c = FileBytes.read(file);
        int[] dims = header(c, LABELS_MAGIC, 1, "unsigned byte, 1 dimension");
        byte[] raw = payload(c, 8, dims);
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            labels[i] = raw[i] & 0xff;
            if (labels[i] >= NUM_CLASSES) {
                throw c.error(8L + i, "a label in 0.." + (NUM_CLASSES - 1) + " (sample " + i + ")",
                        String.valueOf(labels[i]));
            }
        }
        return labels;
    }

    /** Reads an images/labels pair into a data set: dim rows*cols, pixels / 255, 10 classes. */
    public static DataSet read(Path imagesFile, Path labelsFile) throws IOException {
        return load(imagesFile, labelsFile, 0);
    }

    /**
     * Reads an images/labels pair and keeps the first {@code limit} samples ({@code limit <= 0}:
     * all). Both files are checked whole, so a bad file fails even when {@code limit} is small.
     */
    public static DataSet load(Path imagesFile, Path labelsFile, int limit) throws IOException {
        Images images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw new DataFormatException(labelsFile, 4, images.count() + " labels (one per image"
                    + " of " + imagesFile.getFileName() + ")", labels.length + " labels");
        }
        int n = limit > 0 ? Math.min(limit, images.count()) : images.count();
        int dim = images.rows() * images.cols();
        requireFloatsFit(imagesFile, n, images.rows(), images.cols(), Runtime.getRuntime().maxMemory());
        return DataSet.adopt(toUnit(images.pixels(), n * dim), Arrays.copyOf(labels, n), dim,
                NUM_CLASSES);
    }

    /**
     * Refuses {@code count} images of rows x cols whose floats (4 bytes a value) would not fit a
     * heap of {@code heapBytes}, before they are allocated: the message names the count field.
     */
    static void requireFloatsFit(Path file, int count, int rows, int cols, long heapBytes) throws DataFormatException {
        long perImage = 4L * rows * cols;
        long most = heapBytes / perImage;
        if (count > most) {
            throw new DataFormatException(file, 4, String.format(java.util.Locale.ROOT, "at most %,d images of %d x %d "
                    + "(what a heap of %d MB holds as floats)", most, rows, cols, heapBytes >> 20),
                    String.format(java.util.Locale.ROOT, "%,d", count));
        }
    }

    /** The first {@code count} bytes as floats in [0, 1] (byte / 255). */
    static float[] toUnit(byte[] bytes, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (bytes[i] & 0xff) / 255f;
        }
        return out;
    }

    /** Checks the magic and reads {@code dims} sizes, each positive (the count may be 0). */
    private static int[] header(FileBytes.Content c, int magic, int dims, String meaning)
            throws DataFormatException {
        String expectMagic = "IDX magic " + hex(magic) + " (" + meaning + ")";
        int found = c.int32(0, expectMagic);
        if (found != magic) {
            throw c.error(0, expectMagic, hex(found));
        }
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            int at = 4 + 4 * d;
            sizes[d] = c.int32(at, "size of dimension " + d);
            if (sizes[d] < 0 || sizes[d] == 0 && d > 0) {
                throw c.error(at, "a positive size for dimension " + d,
                        Integer.toUnsignedString(sizes[d]));
            }
        }
        return sizes;
    }

    /** The payload after a {@code start}-byte header; its length must equal the product. */
    private static byte[] payload(FileBytes.Content c, int start, int[] dims)
            throws DataFormatException {
        long want = 1;
        boolean overflow = false;
        StringBuilder shape = new StringBuilder();
        for (int d : dims) {
            long next = want * d;
            overflow |= d != 0 && next / d != want;
            want = next;
            shape.append(shape.length() == 0 ? "" : " x ").append(d);
        }
        if (overflow) {
            throw c.error(4, "a payload below 2 GiB", shape + " values (more than 9.2e18 bytes)");
        }
        if (want > FileBytes.MAX_BYTES - start) {
            throw c.error(4, "a payload below 2 GiB", shape + " = " + want + " bytes");
        }
        long have = c.data().length - (long) start;
        if (have < want) {
            throw c.error(c.data().length, (start + want) + " bytes (" + start + " header + "
                    + shape + " payload)", "the end of the data");
        }
        if (have > want) {
            throw c.error(start + want, "the end of the data after " + shape + " = " + want
                    + " payload bytes", (have - want) + " trailing bytes");
        }
        return Arrays.copyOfRange(c.data(), start, c.data().length);
    }

    static String hex(int v) {
        return String.format("0x%08X", v);
    }
}
