package org.addernet.app.cluster;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.addernet.datasets.image.DataRoots;
import org.addernet.datasets.image.ImageSet;

/**
 * An image data set the driver has and ships with the job (once per executor: Spark's
 * {@code addFile}/SparkFiles), for workers that do not have it. Each file travels under the name
 * {@code <digest>-<file name>} (SparkFiles names are flat and unique per session; the digest is
 * of the driver's folder), and a worker rebuilds {@code <root>/<set folder>/<file name>} from the
 * fetched files so that the usual data-root lookup finds them.
 *
 * @param set    the set's id ({@code fashion-mnist})
 * @param digest names this copy of the set
 * @param names  the file names as the set's folder holds them ({@code train-images-idx3-ubyte.gz}, ...)
 */
public record ShippedData(String set, String digest, List<String> names) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Object MATERIALIZING = new Object();

    public ShippedData {
        names = List.copyOf(names);
    }

    /** What the driver ships: the description, and each local file with the name it travels under. */
    public record Staged(ShippedData data, List<Path> files) {
    }

    /**
     * Stages the set {@code setId} as the driver finds it (the lookup of a local run: {@code root}
     * first, then {@code $ADDERNET_DATA}, {@code ~/.addernet/data}, Debian's folder): hard links
     * (copies across disks) named {@code <digest>-<name>} in {@code staging}.
     *
     * @throws FileNotFoundException the driver does not have the set (the message lists what was searched)
     */
    public static Staged stage(String setId, Path root, Path staging) throws IOException {
        ImageSet set = ImageSet.of(setId);
        Path folder = DataRoots.find(setId, root, System.getenv(), Path.of(System.getProperty("user.home")))
                .toAbsolutePath();
        List<Path> sources = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String f : concat(set.trainFiles(), set.testFiles())) {
            Path p = DataRoots.file(folder, f);
            sources.add(p);
            names.add(p.getFileName().toString());
        }
        String digest = digest(folder, sources);
        Files.createDirectories(staging);
        List<Path> files = new ArrayList<>();
        for (Path src : sources) {
            Path link = staging.resolve(digest + "-" + src.getFileName());
            if (Files.isSymbolicLink(link)) {
                Files.delete(link);                   // Spark would serve it under its target's name
            }
            if (!Files.exists(link)) {
                Path real = src.toRealPath();         // Spark serves a symbolic link under its target's name
                try {
                    Files.createLink(link, real);     // a second name, no copy
                } catch (IOException | UnsupportedOperationException otherDisk) {
                    Files.copy(real, link);
                }
            }
            files.add(link);
        }
        return new Staged(new ShippedData(setId, digest, names), files);
    }

    /**
     * On a worker: the data root holding this set, built under {@code dir} from the fetched files
     * ({@code fetched} maps a shipped name to its local path). Safe to call from several tasks.
     */
    public Path materialize(Path dir, Function<String, Path> fetched) throws IOException {
        synchronized (MATERIALIZING) {            // tasks of one executor, each with its own copy of this record
            return materializeAlone(dir, fetched);
        }
    }

    private Path materializeAlone(Path dir, Function<String, Path> fetched) throws IOException {
        Path root = dir.resolve(digest);
        Path folder = root.resolve(ImageSet.of(set).folder());
        Files.createDirectories(folder);
        for (String n : names) {
            Path target = folder.resolve(n);
            if (Files.exists(target)) {
                continue;
            }
            Path src = fetched.apply(digest + "-" + n);
            if (src == null || !Files.isRegularFile(src)) {
                throw new FileNotFoundException("shipped data set " + set + ": " + digest + "-" + n
                        + " did not reach this executor (" + src + ")");
            }
            Path tmp = folder.resolve("." + n + "." + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId()
                    + ".tmp");
            try {
                Files.createSymbolicLink(tmp, src.toAbsolutePath());
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(src, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
            }
        }
        return root;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String digest(Path folder, List<Path> files) throws IOException {
        StringBuilder sb = new StringBuilder(folder.toString());
        for (Path f : files) {
            sb.append('|').append(f.getFileName()).append('|').append(Files.size(f)).append('|')
                    .append(Files.getLastModifiedTime(f).toMillis());
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
