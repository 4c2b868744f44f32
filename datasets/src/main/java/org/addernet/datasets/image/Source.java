package org.addernet.datasets.image;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One published file of an image set: its name, the addresses it is served from (first the
 * preferred one, then mirrors serving the same bytes), its SHA-256 as published (lower-case hex)
 * and its size in bytes. A null {@code sha256} means no checksum is known: such a download is
 * verified only by its size (when {@code size >= 0}) and later by the reader's format checks.
 */
public record Source(ImageSet set, String fileName, List<URI> urls, String sha256, long size) {
    /** Checks the fields: at least one address, a 64-digit hex checksum or null. */
    public Source {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": need at least one URL");
        }
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(fileName + ": SHA-256 must be 64 lower-case hex"
                    + " digits, got '" + sha256 + "'");
        }
    }

    /** Whether the file is an archive to unpack ({@code .tar.gz}), as CIFAR's are. */
    public boolean isArchive() {
        return fileName.endsWith(".tar.gz");
    }

    /**
     * Where the file belongs under data root {@code root}: IDX files in the set's folder
     * ({@code root/mnist/train-images-idx3-ubyte.gz}), archives in the root itself, because
     * they unpack to the set's folder ({@code root/cifar-10-binary.tar.gz} unpacks to
     * {@code root/cifar-10-batches-bin/}).
     */
    public Path targetIn(Path root) {
        return isArchive() ? root.resolve(fileName) : root.resolve(set.folder()).resolve(fileName);
    }
}
