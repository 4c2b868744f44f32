package org.addernet.app.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A task's folder as zip bytes (what a worker sends home when the store is not shared), and back:
 * {@link #unzipAtomically} writes it beside its target and renames it into place, so the store
 * never holds half a folder.
 */
public final class FolderZip {
    private FolderZip() {
    }

    /** Every regular file under {@code folder}, paths relative to it ({@code /}-separated). */
    public static byte[] zip(Path folder) throws IOException {
        return zip(folder, List.of(folder));
    }

    /** Every regular file under each of {@code parts} (folders inside {@code base}), paths relative to {@code base}. */
    public static byte[] zip(Path base, List<Path> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path part : parts) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(part)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    String name = base.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                    if (name.endsWith(".tmp")) {
                        continue;            // an atomic write in flight when the runner stopped
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Unpacks {@code zip} to {@code target} (which must not exist): into a temporary sibling
     * first, then one rename. An entry that would land outside the target is refused.
     */
    public static void unzipAtomically(byte[] zip, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new IOException(target + ": already exists");
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".incoming");
        if (Files.exists(tmp)) {
            deleteTree(tmp);
        }
        Files.createDirectories(tmp);
        try {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Path out = tmp.resolve(e.getName()).normalize();
                    if (!out.startsWith(tmp) || e.getName().isEmpty()) {
                        throw new IOException("a returned folder holds an entry outside it: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    try (OutputStream os = Files.newOutputStream(out)) {
                        in.transferTo(os);
                    }
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    /** Deletes {@code dir} and everything under it. */
    public static void deleteTree(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
