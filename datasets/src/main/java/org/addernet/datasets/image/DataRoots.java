package org.addernet.datasets.image;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.addernet.engine.data.DataSet;

/**
 * Finds an image set on disk and loads it.
 *
 * <p>Layout: a data root holds one folder per set ({@link ImageSet#folder()}: {@code mnist/},
 * {@code fashion-mnist/}, {@code cifar-10-batches-bin/}, {@code cifar-100-binary/}). Roots are
 * searched in order: the explicit {@code --data DIR}, {@code $ADDERNET_DATA},
 * {@code ~/.addernet/data}; for Fashion-MNIST last the folder of Debian's package
 * {@code dataset-fashion-mnist}, which holds the files directly. A folder counts only when every
 * file of the set is there (IDX files raw or {@code .gz}); the first such folder wins.
 */
public final class DataRoots {
    /** Environment variable naming a data root. */
    public static final String ENV_DATA = "ADDERNET_DATA";
    /** Where Debian's {@code dataset-fashion-mnist} puts the four gzip IDX files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private DataRoots() {
    }

    /** {@link #find(String, Path, Map, Path, Path)} with Debian's Fashion-MNIST folder. */
    public static Path find(String setId, Path explicitRoot, Map<String, String> env, Path home)
            throws FileNotFoundException {
        return find(setId, explicitRoot, env, home, DEBIAN_FASHION_MNIST);
    }

    /**
     * The folder that holds set {@code setId}, searching {@code explicitRoot} (nullable),
     * {@code env.get("ADDERNET_DATA")}, {@code home/.addernet/data} and, for Fashion-MNIST,
     * {@code debianDir}. Throws a one-line FileNotFoundException listing every place searched,
     * what each lacked, and how to get the set; IllegalArgumentException for an unknown id.
     */
    public static Path find(String setId, Path explicitRoot, Map<String, String> env, Path home,
                            Path debianDir) throws FileNotFoundException {
        ImageSet set = ImageSet.of(setId);
        List<String> searched = new ArrayList<>();
        List<Path> places = new ArrayList<>();          // null: a root that is not given
        List<String> labels = new ArrayList<>();
        places.add(explicitRoot == null ? null : explicitRoot.resolve(set.folder()));
        labels.add(explicitRoot == null ? "--data (not given)" : "--data");
        String envRoot = env.get(ENV_DATA);
        boolean envSet = envRoot != null && !envRoot.isBlank();
        places.add(envSet ? Path.of(envRoot).resolve(set.folder()) : null);
        labels.add(envSet ? "$" + ENV_DATA : "$" + ENV_DATA + " (not set)");
        places.add(defaultRoot(home).resolve(set.folder()));
        labels.add("~/.addernet/data");
        if (set == ImageSet.FASHION_MNIST && debianDir != null) {
            places.add(debianDir);
            labels.add("dataset-fashion-mnist");
        }
        for (int i = 0; i < places.size(); i++) {
            Path folder = places.get(i);
            if (folder == null) {
                searched.add(labels.get(i));
                continue;
            }
            String lack = missing(set, folder);
            if (lack.isEmpty()) {
                return folder;
            }
            searched.add(labels.get(i) + " " + folder + " (" + lack + ")");
        }
        throw new FileNotFoundException("data set " + set.id() + " not found; searched: "
                + String.join("; ", searched) + "; " + howToGet(set));
    }

    /** Finds {@code setId} with the real environment and home folder and loads both parts. */
    public static TrainTest loadImages(String setId, Path explicitRoot) throws IOException {
        Path home = Path.of(System.getProperty("user.home"));
        return load(ImageSet.of(setId), find(setId, explicitRoot, System.getenv(), home));
    }

    /** Loads both parts of {@code set} from {@code folder} (as {@link #find} returns it). */
    public static TrainTest load(ImageSet set, Path folder) throws IOException {
        return new TrainTest(load(set, folder, set.trainFiles()), load(set, folder, set.testFiles()));
    }

    private static DataSet load(ImageSet set, Path folder, List<String> files) throws IOException {
        return switch (set) {
            case MNIST, FASHION_MNIST ->
                    IdxReader.read(file(folder, files.get(0)), file(folder, files.get(1)));
            case CIFAR_10 -> CifarReader.read(CifarReader.Format.CIFAR_10, paths(folder, files));
            case CIFAR_100 -> CifarReader.read(CifarReader.Format.CIFAR_100, paths(folder, files));
        };
    }

    /** {@code home/.addernet/data}: the last root searched, and where downloads go by default. */
    public static Path defaultRoot(Path home) {
        return home.resolve(".addernet").resolve("data");
    }

    /** {@code folder/name} if it exists, else {@code folder/name.gz} if that exists, else the former. */
    public static Path file(Path folder, String name) {
        Path raw = folder.resolve(name);
        Path gz = folder.resolve(name + ".gz");
        return !Files.isRegularFile(raw) && Files.isRegularFile(gz) ? gz : raw;
    }

    /** What {@code folder} lacks to hold {@code set}: "" when complete. */
    static String missing(ImageSet set, Path folder) {
        if (!Files.isDirectory(folder)) {
            return "no such folder";
        }
        List<String> lacks = new ArrayList<>();
        List<String> all = new ArrayList<>(set.trainFiles());
        all.addAll(set.testFiles());
        for (String name : all) {
            if (!Files.isRegularFile(file(folder, name))) {
                lacks.add(set.isIdx() ? name + "[.gz]" : name);
            }
        }
        return lacks.isEmpty() ? "" : "lacks " + String.join(", ", lacks);
    }

    private static List<Path> paths(Path folder, List<String> names) {
        return names.stream().map(folder::resolve).toList();
    }

    private static String howToGet(ImageSet set) {
        String get = "get it with `./workbench download " + set.id() + "`";
        return switch (set) {
            case FASHION_MNIST -> get + " or `apt-get install dataset-fashion-mnist`";
            case MNIST -> get + " or put the four IDX files (raw or .gz) in DATA_ROOT/mnist/";
            case CIFAR_10, CIFAR_100 -> get + " or unpack the binary archive from "
                    + "https://www.cs.toronto.edu/~kriz/cifar.html into DATA_ROOT (it makes "
                    + set.folder() + "/)";
        };
    }
}
