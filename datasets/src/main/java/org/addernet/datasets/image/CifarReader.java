package org.addernet.datasets.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.addernet.engine.data.DataSet;

/**
 * Reads CIFAR-10 and CIFAR-100 binary batches.
 *
 * <p>Format: a file is a run of fixed-size records, nothing else. CIFAR-10 record: 1 label byte
 * (0..9) then 3072 pixel bytes; CIFAR-100 record: 1 coarse label byte (0..19), 1 fine label byte
 * (0..99), then 3072 pixel bytes. The pixels are [3, 32, 32] channel-major (CHW: the 1024 red
 * values row by row, then green, then blue), kept in that order here and scaled to [0, 1].
 * CIFAR-10 ships {@code data_batch_1.bin .. data_batch_5.bin} and {@code test_batch.bin},
 * CIFAR-100 {@code train.bin} and {@code test.bin}; CIFAR-100 sets use the fine label.
 *
 * <p>Checks: the file is not empty, its size is a whole number of records (a partial record is
 * reported at its starting offset), and every label is in range.
 */
public final class CifarReader {
    /** Channels, height and width of a CIFAR image. */
    public static final int CHANNELS = 3;
    public static final int SIDE = 32;
    /** Pixel bytes per record: 3 x 32 x 32, CHW. */
    public static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;

    /** The two record layouts. */
    public enum Format {
        /** 1 label byte (0..9). */
        CIFAR_10(1, 10, "1 label byte"),
        /** 1 coarse label byte (0..19) and 1 fine label byte (0..99); the fine one is used. */
        CIFAR_100(2, 100, "2 label bytes (coarse, fine)");

        private final int labelBytes;
        private final int numClasses;
        private final String layout;

        Format(int labelBytes, int numClasses, String layout) {
            this.labelBytes = labelBytes;
            this.numClasses = numClasses;
            this.layout = layout;
        }

        /** Bytes per record: the label bytes plus 3072 pixel bytes. */
        public int recordBytes() {
            return labelBytes + IMAGE_BYTES;
        }

        public int numClasses() {
            return numClasses;
        }
    }

    /** CIFAR-100's coarse (super-class) labels are 0..19. */
    static final int COARSE_CLASSES = 20;

    private CifarReader() {
    }

    /** Reads one batch file. */
    public static DataSet read(Format format, Path file) throws IOException {
        return read(format, List.of(file));
    }

    /**
     * Reads the batch files in order and concatenates them: dim 3072 (CHW), pixels / 255. Every
     * failure of a file is a {@link DataFormatException} naming it.
     */
    public static DataSet read(Format format, List<Path> files) throws IOException {
        int record = format.recordBytes();
        byte[][] contents = new byte[files.size()][];
        long total = 0;
        long heap = Runtime.getRuntime().maxMemory();
        for (int f = 0; f < files.size(); f++) {
            contents[f] = checked(format, files.get(f));
            long before = total;
            total += contents[f].length / record;
            long most = Math.min(FileBytes.MAX_BYTES, heap / 4) / IMAGE_BYTES;
            if (total > most) {
                throw new DataFormatException(files.get(f), (most - before) * record, String.format(java.util.Locale.ROOT,
                        "at most %,d images in all the batch files (what %s as floats)", most,
                        most * IMAGE_BYTES == FileBytes.MAX_BYTES ? "one array holds" : "this heap holds"),
                        String.format(java.util.Locale.ROOT, "%,d", total));
            }
        }
        float[] x = new float[(int) total * IMAGE_BYTES];   // [total, 3, 32, 32]
        int[] y = new int[(int) total];                      // [total], fine label
        int i = 0;
        for (byte[] data : contents) {
            for (int off = 0; off < data.length; off += record, i++) {
                y[i] = data[off + format.labelBytes - 1] & 0xff;
                int base = i * IMAGE_BYTES;
                int src = off + format.labelBytes;
                for (int p = 0; p < IMAGE_BYTES; p++) {
                    x[base + p] = (data[src + p] & 0xff) / 255f;
                }
            }
        }
        return DataSet.adopt(x, y, IMAGE_BYTES, format.numClasses());
    }

    /** The raw bytes of {@code file} after checking size and labels. */
    private static byte[] checked(Format format, Path file) throws IOException {
        FileBytes.Content c = FileBytes.read(file);
        byte[] data = c.data();
        int record = format.recordBytes();
        String layout = "records of " + record + " bytes (" + format.layout + " + "
                + IMAGE_BYTES + " pixels)";
        if (data.length == 0) {
            throw c.error(0, "at least one of the " + layout, "an empty file");
        }
        int partial = data.length % record;
        if (partial != 0) {
            throw c.error(data.length - partial, "whole " + layout,
                    "a partial record of " + partial + " bytes at the end");
        }
        for (int off = 0, i = 0; off < data.length; off += record, i++) {
            if (format == Format.CIFAR_100 && (data[off] & 0xff) >= COARSE_CLASSES) {
                throw c.error(off, "a coarse label in 0.." + (COARSE_CLASSES - 1)
                        + " (record " + i + ")", String.valueOf(data[off] & 0xff));
            }
            int at = off + format.labelBytes - 1;
            int label = data[at] & 0xff;
            if (label >= format.numClasses()) {
                throw c.error(at, "a label in 0.." + (format.numClasses() - 1) + " (record " + i
                        + ")", String.valueOf(label));
            }
        }
        return data;
    }
}
