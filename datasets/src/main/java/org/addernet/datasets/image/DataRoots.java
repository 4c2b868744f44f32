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
 * {@code fashion-mnist/}, {@code cifar-10-batches-bin/}, {@code cifar-100-binary/}). A root named
 * on purpose, {@code --data DIR} or else {@code $ADDERNET_DATA}, is binding: the set is read from
 * it or refused with what it lacks (a missing file, a folder where a file should be, an
 * unreadable file), never passed over for another copy. Without one the implicit roots are
 * searched in order: the workbench home's {@code data/} ({@code $ADDERNET_HOME/data}, by default
 * {@code ~/.addernet/data}, where downloads go) and, for Fashion-MNIST, the folder of Debian's
 * package {@code dataset-fashion-mnist}, which holds the files directly; every root passed over
 * is reported in {@link Location#notes()}. A folder counts only when every file of the set is
 * there (IDX files raw or {@code .gz}).
 */
public final class DataRoots {
    /** Environment variable naming a data root. */
    public static final String ENV_DATA = "ADDERNET_DATA";
    /** Environment variable naming the workbench home, whose {@code data/} is the default root. */
    public static final String ENV_HOME = "ADDERNET_HOME";
    /** Where Debian's {@code dataset-fashion-mnist} puts the four gzip IDX files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private DataRoots() {
    }

    /**
     * Where a set was found.
     *
     * @param folder the folder holding the set's files
     * @param notes  one line for each root passed over on the way (empty when the first root
     *               searched held it); the caller prints them
     */
    public record Location(ImageSet set, Path folder, List<String> notes) {
        public Location {
            notes = List.copyOf(notes);
        }
    }

    /** {@link #find(String, Path, Map, Path, Path)} with Debian's Fashion-MNIST folder. */
    public static Path find(String setId, Path explicitRoot, Map<String, String> env, Path home)
            throws FileNotFoundException {
        return find(setId, explicitRoot, env, home, DEBIAN_FASHION_MNIST);
    }

    /** The folder of {@link #locate(String, Path, Map, Path, Path)} (its notes dropped). */
    public static Path find(String setId, Path explicitRoot, Map<String, String> env, Path home,
                            Path debianDir) throws FileNotFoundException {
        return locate(setId, explicitRoot, env, home, debianDir).folder();
    }

    /** {@link #locate(String, Path, Map, Path, Path)} with Debian's Fashion-MNIST folder. */
    public static Location locate(String setId, Path explicitRoot, Map<String, String> env, Path home)
            throws FileNotFoundException {
        return locate(setId, explicitRoot, env, home, DEBIAN_FASHION_MNIST);
    }

    /**
     * Where set {@code setId} is: in {@code explicitRoot} when given (nullable), else in
     * {@code env.get("ADDERNET_DATA")} when set (both binding), else in
     * {@link #defaultRoot(Map, Path) the workbench home's data folder} or, for Fashion-MNIST,
     * {@code debianDir} (with a note for each root passed over).
     *
     * @param home the user's home folder
     * @throws FileNotFoundException one line: for a binding root what it lacks; otherwise every
     *                               place searched and what each lacked; and how to get the set
     * @throws IllegalArgumentException an unknown set id
     */
    public static Location locate(String setId, Path explicitRoot, Map<String, String> env, Path home,
                                  Path debianDir) throws FileNotFoundException {
        ImageSet set = ImageSet.of(setId);
        String envRoot = env.get(ENV_DATA);
        boolean envSet = envRoot != null && !envRoot.isBlank();
        if (explicitRoot != null) {
            return bound(set, explicitRoot, "--data " + explicitRoot);
        }
        if (envSet) {
            return bound(set, Path.of(envRoot.trim()), "$" + ENV_DATA + " " + envRoot.trim());
        }
        List<String> searched = new ArrayList<>(List.of("--data (not given)", "$" + ENV_DATA + " (not set)"));
        Path root = defaultRoot(env, home);
        String rootLabel = root.equals(defaultRoot(home)) ? "~/.addernet/data" : "$" + ENV_HOME + "/data";
        Path folder = root.resolve(set.folder());
        String lack = missing(set, folder);
        if (lack.isEmpty()) {
            return new Location(set, folder, List.of());
        }
        searched.add(rootLabel + " " + folder + " (" + lack + ")");
        if (set == ImageSet.FASHION_MNIST && debianDir != null) {
            String debianLack = missing(set, debianDir);
            if (debianLack.isEmpty()) {
                String why = Files.isDirectory(folder) ? folder + " " + lack
                        : "not in " + root + " (no folder " + set.folder() + "/)";
                return new Location(set, debianDir, List.of(set.id() + ": " + why
                        + "; reading Debian's dataset-fashion-mnist from " + debianDir));
            }
            searched.add("dataset-fashion-mnist " + debianDir + " (" + debianLack + ")");
        }
        throw new FileNotFoundException("data set " + set.id() + " not found; searched: "
                + String.join("; ", searched) + "; " + howToGet(set, null));
    }

    /** {@code set} from the root the user named ({@code label} says how), or the refusal naming what it lacks. */
    private static Location bound(ImageSet set, Path root, String label) throws FileNotFoundException {
        Path folder = root.resolve(set.folder());
        String problem;
        if (!Files.exists(root)) {
            problem = "no such folder";
        } else if (!Files.isDirectory(root)) {
            problem = "not a folder";
        } else if (!Files.exists(folder)) {
            problem = "no folder " + set.folder() + "/ in it (expected " + folder + " holding "
                    + String.join(", ", names(set)) + ")";
            if (missing(set, root).isEmpty()) {
                problem += ": it holds the set's files itself; name the folder above it: --data "
                        + (root.toAbsolutePath().getParent() == null ? "/" : root.toAbsolutePath().getParent())
                        + (root.getFileName() != null && root.getFileName().toString().equals(set.folder()) ? ""
                        : " (after renaming " + root.getFileName() + " to " + set.folder() + ")");
            }
            for (Source s : Sources.forSet(set)) {
                if (s.isArchive() && Files.isRegularFile(root.resolve(s.fileName()))) {
                    problem += "; unpack " + root.resolve(s.fileName()) + " there (it makes " + set.folder() + "/)";
                }
            }
        } else {
            String lack = missing(set, folder);
            if (lack.isEmpty()) {
                return new Location(set, folder, List.of());
            }
            problem = lack.equals("not a folder") ? folder + " is not a folder" : lack.startsWith(folder.toString())
                    ? lack : folder + " " + lack;
        }
        throw new FileNotFoundException("data set " + set.id() + " in " + label + ": " + problem + "; a data root named on purpose is used or refused, "
                + "never passed over; " + howToGet(set, root));
    }

    /** Finds {@code setId} with the real environment and home folder and loads both parts (notes dropped). */
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

    /**
     * {@code home/.addernet/data}, the default root when {@code $ADDERNET_HOME} is not set; prefer
     * {@link #defaultRoot(Map, Path)}, which honours it.
     */
    public static Path defaultRoot(Path home) {
        return home.resolve(".addernet").resolve("data");
    }

    /**
     * The default data root, searched after the roots named on purpose and where downloads go:
     * {@code $ADDERNET_HOME/data} when {@code env} sets {@code ADDERNET_HOME}, else
     * {@code home/.addernet/data} (the workbench home's default, as DESIGN.md's lookup has it).
     */
    public static Path defaultRoot(Map<String, String> env, Path home) {
        String wb = env.get(ENV_HOME);
        return wb != null && !wb.isBlank() ? Path.of(wb.trim()).resolve("data") : defaultRoot(home);
    }

    /** {@code folder/name} if it exists, else {@code folder/name.gz} if that exists, else the former. */
    public static Path file(Path folder, String name) {
        Path raw = folder.resolve(name);
        Path gz = folder.resolve(name + ".gz");
        // the .gz one when the plain file is not there (also when the .gz is a folder: refused as one, not as missing)
        return !Files.isRegularFile(raw) && (Files.isRegularFile(gz) || !Files.exists(raw) && Files.exists(gz)) ? gz : raw;
    }

    /**
     * What {@code folder} lacks to hold {@code set}, "" when complete: {@code no such folder},
     * {@code lacks a, b}, {@code FILE is a folder, expected the file NAME}, {@code FILE cannot be
     * read}, joined with ", and ".
     */
    static String missing(ImageSet set, Path folder) {
        if (!Files.exists(folder)) {
            return "no such folder";
        }
        if (!Files.isDirectory(folder)) {
            return "not a folder";
        }
        List<String> lacks = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> all = new ArrayList<>(set.trainFiles());
        all.addAll(set.testFiles());
        for (String name : all) {
            Path f = file(folder, name);
            String shown = set.isIdx() ? name + "[.gz]" : name;
            if (Files.isRegularFile(f)) {
                if (!Files.isReadable(f)) {
                    others.add(f + " cannot be read (permission denied)");
                }
            } else if (Files.isDirectory(f)) {
                others.add(f + " is a folder, expected the file " + shown);
            } else if (Files.exists(f)) {
                others.add(f + " is not a regular file, expected the file " + shown);
            } else {
                lacks.add(shown);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!lacks.isEmpty()) {
            parts.add("lacks " + String.join(", ", lacks));
        }
        parts.addAll(others);
        return String.join(", and ", parts);
    }

    /** The names of {@code set}'s files as a message lists them ({@code train-images-idx3-ubyte[.gz]}, ...). */
    private static List<String> names(ImageSet set) {
        List<String> all = new ArrayList<>(set.trainFiles());
        all.addAll(set.testFiles());
        return all.stream().map(n -> set.isIdx() ? n + "[.gz]" : n).toList();
    }

    private static List<Path> paths(Path folder, List<String> names) {
        return names.stream().map(folder::resolve).toList();
    }

    /** How to get {@code set} (into {@code root} when the user named one, else the default root). */
    private static String howToGet(ImageSet set, Path root) {
        String get = "get it with `./workbench download " + set.id() + (root == null ? "" : " --data " + root) + "`";
        return switch (set) {
            case FASHION_MNIST -> get + " or `apt-get install dataset-fashion-mnist`";
            case MNIST -> get + " or put the four IDX files (raw or .gz) in DATA_ROOT/mnist/";
            case CIFAR_10, CIFAR_100 -> get + " or unpack the binary archive from "
                    + "https://www.cs.toronto.edu/~kriz/cifar.html into DATA_ROOT (it makes "
                    + set.folder() + "/)";
        };
    }
}
