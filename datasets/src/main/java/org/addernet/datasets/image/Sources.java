package org.addernet.datasets.image;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each image set is published, with the published SHA-256 and size of every file.
 *
 * <p>MNIST: the four gzip IDX files (LeCun's site now often refuses downloads, so the
 * PyTorch and Google mirrors, which serve the same bytes, come first). Fashion-MNIST: Zalando's
 * four gzip IDX files. CIFAR-10/100: Krizhevsky's binary archives, which unpack to
 * {@code cifar-10-batches-bin/} and {@code cifar-100-binary/}. Every checksum and size here
 * was checked against several independent published lists (torchvision, TensorFlow Datasets,
 * Julia's MLDatasets). Debian's {@code dataset-fashion-mnist} ships its own gzip files (dated
 * 2020, no file name in the gzip header, each 23-24 bytes shorter than Zalando's), so they do
 * not match these checksums: they are read and format-checked, never verified against this
 * table.
 */
public final class Sources {
    private static final List<String> MNIST_BASES = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "http://yann.lecun.com/exdb/mnist/");
    private static final List<String> FASHION_BASES = List.of(
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/");
    private static final String CIFAR_BASE = "https://www.cs.toronto.edu/~kriz/";

    private static final List<Source> ALL = List.of(
            idx(ImageSet.MNIST, MNIST_BASES, "train-images-idx3-ubyte.gz",
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9912422),
            idx(ImageSet.MNIST, MNIST_BASES, "train-labels-idx1-ubyte.gz",
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28881),
            idx(ImageSet.MNIST, MNIST_BASES, "t10k-images-idx3-ubyte.gz",
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1648877),
            idx(ImageSet.MNIST, MNIST_BASES, "t10k-labels-idx1-ubyte.gz",
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4542),
            idx(ImageSet.FASHION_MNIST, FASHION_BASES, "train-images-idx3-ubyte.gz",
                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", 26421880),
            idx(ImageSet.FASHION_MNIST, FASHION_BASES, "train-labels-idx1-ubyte.gz",
                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", 29515),
            idx(ImageSet.FASHION_MNIST, FASHION_BASES, "t10k-images-idx3-ubyte.gz",
                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", 4422102),
            idx(ImageSet.FASHION_MNIST, FASHION_BASES, "t10k-labels-idx1-ubyte.gz",
                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", 5148),
            new Source(ImageSet.CIFAR_10, "cifar-10-binary.tar.gz",
                    List.of(URI.create(CIFAR_BASE + "cifar-10-binary.tar.gz")),
                    "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", 170052171),
            new Source(ImageSet.CIFAR_100, "cifar-100-binary.tar.gz",
                    List.of(URI.create(CIFAR_BASE + "cifar-100-binary.tar.gz")),
                    "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec", 168513733));

    private Sources() {
    }

    /** Every file of every set, MNIST first. */
    public static List<Source> all() {
        return ALL;
    }

    /** The files of {@code set}: four IDX files, or one archive for CIFAR. */
    public static List<Source> forSet(ImageSet set) {
        return ALL.stream().filter(s -> s.set() == set).toList();
    }

    private static Source idx(ImageSet set, List<String> bases, String name, String sha256,
                              long size) {
        List<URI> urls = new ArrayList<>();
        for (String base : bases) {
            urls.add(URI.create(base + name));
        }
        return new Source(set, name, urls, sha256, size);
    }
}
