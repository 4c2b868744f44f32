package org.addernet.app.testdata;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.addernet.app.io.AtomicFiles;

/**
 * A disk that fills up, for the atomic writer ({@link AtomicFiles#install}): real files until a
 * write of a file that {@code trigger} picks (or the making of a folder that {@link #whenFolder}
 * picks), from then on every new file, every new folder and every line added to a log fails with
 * the operating system's "No space left on device", as ext4 does; a file rewritten in place within
 * its size still can be (no new blocks). Close to restore the real disk.
 */
public final class FullDisk extends FileOpsAdapter implements AutoCloseable {
    private final AtomicFiles.FileOps before;
    private final Predicate<String> trigger;
    private final Predicate<String> folderTrigger;
    private final AtomicBoolean full = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();

    private FullDisk(Predicate<String> trigger, Predicate<String> folderTrigger) {
        this.trigger = trigger;
        this.folderTrigger = folderTrigger;
        this.before = AtomicFiles.install(this);
    }

    private FullDisk(Predicate<String> trigger) {
        this(trigger, name -> false);
    }

    /** Full from the making of a folder whose name {@code trigger} accepts (that folder is refused too). */
    public static FullDisk whenFolder(Predicate<String> trigger) {
        return new FullDisk(name -> false, trigger);
    }

    /** Full from the first write of a file whose name {@code trigger} accepts (that write fails too). */
    public static FullDisk when(Predicate<String> trigger) {
        return new FullDisk(trigger);
    }

    /** Full from the {@code n}-th write of files named {@code name}. */
    public static FullDisk atWrite(String name, int n) {
        AtomicInteger seen = new AtomicInteger();
        return new FullDisk(f -> f.equals(name) && seen.incrementAndGet() >= n);
    }

    /** Whether the disk has filled up. */
    public boolean isFull() {
        return full.get();
    }

    /** Writes refused so far. */
    public int refused() {
        return refused.get();
    }

    private static IOException noSpace() {
        return new IOException("No space left on device");
    }

    /** The name a temporary file {@code .NAME.<hex>.tmp} is for. */
    private static String target(Path tmp) {
        String n = tmp.getFileName().toString();
        if (n.startsWith(".") && n.endsWith(".tmp")) {
            String s = n.substring(1, n.length() - 4);
            int dot = s.lastIndexOf('.');
            return dot > 0 ? s.substring(0, dot) : s;
        }
        return n;
    }

    @Override
    public OutputStream create(Path file) throws IOException {
        if (!full.get() && trigger.test(target(file))) {
            full.set(true);
        }
        OutputStream out = real.create(file);
        if (!full.get()) {
            return out;
        }
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                refused.incrementAndGet();
                throw noSpace();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) {
                    refused.incrementAndGet();
                    throw noSpace();
                }
            }
        };
    }

    @Override
    public OutputStream append(Path file) throws IOException {
        OutputStream out = real.append(file);
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (full.get() && len > 0) {
                    refused.incrementAndGet();
                    throw noSpace();
                }
                out.write(b, off, len);
            }
        };
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        if (!full.get() && !Files.isDirectory(dir) && dir.getFileName() != null
                && folderTrigger.test(dir.getFileName().toString())) {
            full.set(true);
        }
        if (full.get() && !Files.isDirectory(dir)) {
            refused.incrementAndGet();
            throw new java.nio.file.FileSystemException(dir.toString(), null, "No space left on device");
        }
        real.createDirectories(dir);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        if (!full.get() && !Files.exists(dir) && folderTrigger.test(dir.getFileName().toString())) {
            full.set(true);
        }
        if (full.get() && !Files.exists(dir)) {
            refused.incrementAndGet();
            throw new java.nio.file.FileSystemException(dir.toString(), null, "No space left on device");
        }
        real.createDirectory(dir);
    }

    @Override
    public void close() {
        AtomicFiles.install(before);
    }
}
