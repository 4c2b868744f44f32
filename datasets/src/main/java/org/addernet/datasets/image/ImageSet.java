package org.addernet.datasets.image;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The image data sets the workbench knows: their command-line id, the folder a data root holds
 * them in, and the files that folder must contain. IDX sets accept each file raw or with
 * {@code .gz} (the {@code files} listed here are the raw names).
 */
public enum ImageSet {
    /** LeCun et al.'s handwritten digits, 28x28 grey, 60,000 + 10,000. */
    MNIST("mnist", "mnist", true),
    /** Zalando's clothing images in MNIST's format, 28x28 grey, 60,000 + 10,000. */
    FASHION_MNIST("fashion-mnist", "fashion-mnist", true),
    /** Krizhevsky's 32x32 colour images, 10 classes, 50,000 + 10,000. */
    CIFAR_10("cifar-10", "cifar-10-batches-bin", false),
    /** Krizhevsky's 32x32 colour images, 100 fine classes, 50,000 + 10,000. */
    CIFAR_100("cifar-100", "cifar-100-binary", false);

    /** The IDX file names of the MNIST-format sets, without {@code .gz}. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private static final List<String> IDX_FILES =
            List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    private static final List<String> CIFAR_10_TRAIN = List.of("data_batch_1.bin",
            "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    private static final List<String> CIFAR_100_TRAIN = List.of("train.bin");

    private final String id;
    private final String folder;
    private final boolean idx;

    ImageSet(String id, String folder, boolean idx) {
        this.id = id;
        this.folder = folder;
        this.idx = idx;
    }

    /** The name used on the command line and in presets, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** The folder under a data root, e.g. {@code cifar-10-batches-bin}. */
    public String folder() {
        return folder;
    }

    /** Images in the published training part: 60,000 for the MNIST-format sets, 50,000 for CIFAR. */
    public int trainImages() {
        return idx ? 60_000 : 50_000;
    }

    /** Images in the published test part: 10,000 for each set. */
    public int testImages() {
        return 10_000;
    }

    /** Values per image: 28 x 28 grey for the MNIST-format sets, 3 x 32 x 32 for CIFAR. */
    public int imageValues() {
        return idx ? 28 * 28 : 3 * 32 * 32;
    }

    /** Number of classes: 100 for CIFAR-100, 10 for the others. */
    public int numClasses() {
        return this == CIFAR_100 ? 100 : 10;
    }

    /**
     * Short names of the classes, by label: the digits for MNIST, Zalando's names for
     * Fashion-MNIST, Krizhevsky's for CIFAR-10, the label numbers for CIFAR-100.
     */
    public List<String> classNames() {
        return switch (this) {
            case MNIST -> java.util.stream.IntStream.range(0, 10).mapToObj(Integer::toString).toList();
            case FASHION_MNIST -> List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                    "Sneaker", "Bag", "Ankle boot");
            case CIFAR_10 -> List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                    "truck");
            case CIFAR_100 -> java.util.stream.IntStream.range(0, 100).mapToObj(i -> "class " + i).toList();
        };
    }

    /** Images in the set's standard training split: 60,000 for the MNIST formats, 50,000 for CIFAR. */
    public int trainSize() {
        return idx ? 60_000 : 50_000;
    }

    /** Images in the set's standard test split: 10,000 for each set. */
    public int testSize() {
        return 10_000;
    }

    /** Whether the set is stored as IDX files (MNIST format), each raw or gzip. */
    public boolean isIdx() {
        return idx;
    }

    /** The training files (for IDX sets: images then labels, raw names). */
    public List<String> trainFiles() {
        return switch (this) {
            case MNIST, FASHION_MNIST -> IDX_FILES.subList(0, 2);
            case CIFAR_10 -> CIFAR_10_TRAIN;
            case CIFAR_100 -> CIFAR_100_TRAIN;
        };
    }

    /** The test files (for IDX sets: images then labels, raw names). */
    public List<String> testFiles() {
        return switch (this) {
            case MNIST, FASHION_MNIST -> IDX_FILES.subList(2, 4);
            case CIFAR_10 -> List.of("test_batch.bin");
            case CIFAR_100 -> List.of("test.bin");
        };
    }

    /** The set with this id, or an IllegalArgumentException listing the known ids. */
    public static ImageSet of(String id) {
        for (ImageSet s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown data set '" + id + "', expected one of "
                + Arrays.stream(values()).map(ImageSet::id).collect(Collectors.joining(", ")));
    }
}
