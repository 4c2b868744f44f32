package org.addernet.app.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.addernet.app.io.AtomicFiles;

/**
 * The real file operations of the atomic writer, to override one of them in a test (a full disk,
 * a writer that breaks): install with {@link AtomicFiles#install}, put the old ones back after.
 */
public abstract class FileOpsAdapter implements AtomicFiles.FileOps {
    protected final AtomicFiles.FileOps real = AtomicFiles.DEFAULT;

    @Override
    public OutputStream create(Path file) throws IOException {
        return real.create(file);
    }

    @Override
    public OutputStream overwrite(Path file) throws IOException {
        return real.overwrite(file);
    }

    @Override
    public void replace(Path from, Path to) throws IOException {
        real.replace(from, to);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        real.createDirectories(dir);
    }

    @Override
    public void delete(Path file) throws IOException {
        real.delete(file);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        real.createDirectory(dir);
    }

    @Override
    public OutputStream append(Path file) throws IOException {
        return real.append(file);
    }
}
