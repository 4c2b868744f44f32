package org.addernet.app.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/**
 * The one writer of the workbench's files: each goes to a temporary file in the same folder,
 * is forced to disk and renamed over the old one, so that a crash, a kill or a full disk never
 * leaves half a file where a whole one was. Missing folders are created. Every failure is a
 * {@link WriteFailedException} naming the file and the reason in words
 * ({@code cannot write DIR/grid.png: no space left on device}); the temporary file is removed and
 * the old file, if any, is intact. The temporary file is not made with
 * {@code Files.createTempFile}, whose owner-only permissions would stick to the result.
 *
 * <p>The file operations are {@link FileOps}, replaceable for tests ({@link #install}): a test
 * simulates a full disk with operations whose streams throw, no tmpfs needed.
 *
 * <p>For fault-injection tests a JVM started with {@code -Daddernet.test.pauseAt=NAME@N:PHASE[,...]}
 * and {@code -Daddernet.test.pauseMarker=FILE} stops for good at write {@code N} (counted from 1
 * in this JVM) of a file named {@code NAME}, at {@code PHASE}: {@code open} (the temporary file
 * made, nothing in it), {@code half} (half the bytes in it), {@code written} (all of them on disk,
 * before the rename) or {@code renamed} (after it); it writes {@code FILE} when it gets there, so
 * that the test can kill it (SIGKILL) at exactly that point.
 */
public final class AtomicFiles {
    static {
        imagesInMemory();
    }

    /**
     * Turns ImageIO's disk cache off for this JVM: by default it writes temporary files of its own
     * (beside none of ours, uncounted, on the system's temporary folder) and closes them from a
     * shutdown hook, which threw a NullPointerException on a full disk. Every image the workbench
     * writes goes through this writer, encoded in memory. Called when this class loads, and by the
     * runners and {@code Main} before anything draws (Java2D's warm-up encodes a PNG too).
     */
    public static void imagesInMemory() {
        ImageIO.setUseCache(false);
    }

    /** The file operations the writer uses; {@link #DEFAULT} is the real file system. */
    public interface FileOps {
        /** Creates {@code file}, which must not exist, for writing; the stream's {@code close()} has the bytes on disk. */
        OutputStream create(Path file) throws IOException;

        /**
         * Opens the existing {@code file} to be written again from its start; {@code close()}
         * cuts it to what was written and has it on disk (no new space is needed when the new
         * content is not longer).
         */
        OutputStream overwrite(Path file) throws IOException;

        /** Renames {@code from} over {@code to}, atomically where the file system can. */
        void replace(Path from, Path to) throws IOException;

        void createDirectories(Path dir) throws IOException;

        /** Deletes {@code file} if it exists. */
        void delete(Path file) throws IOException;

        /** Makes the one folder {@code dir}, which must not exist (its parent must): an exclusive claim of a name. */
        default void createDirectory(Path dir) throws IOException {
            Files.createDirectory(dir);
        }

        /**
         * Opens {@code file} (made when missing) to add to its end, each write going to the file as
         * it comes: a log ({@link AppendLog}), the one file not written whole through a rename.
         */
        default OutputStream append(Path file) throws IOException {
            return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        }
    }

    /** The real file system: channels forced to disk on close, atomic renames. */
    public static final FileOps DEFAULT = new FileOps() {
        @Override
        public OutputStream create(Path file) throws IOException {
            return new Synced(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), false);
        }

        @Override
        public OutputStream overwrite(Path file) throws IOException {
            return new Synced(FileChannel.open(file, StandardOpenOption.WRITE), true);
        }

        @Override
        public void replace(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public void createDirectories(Path dir) throws IOException {
            Files.createDirectories(dir);
        }

        @Override
        public void delete(Path file) throws IOException {
            Files.deleteIfExists(file);
        }
    };

    private static volatile FileOps ops = DEFAULT;

    private AtomicFiles() {
    }

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Makes every write of this JVM go through {@code replacement} (tests: a full disk); returns
     * the operations in use before, to be installed again when done.
     */
    public static FileOps install(FileOps replacement) {
        FileOps before = ops;
        ops = Objects.requireNonNull(replacement);
        return before;
    }

    /** The operations in use. */
    public static FileOps ops() {
        return ops;
    }

    public static void writeString(Path file, String text) throws WriteFailedException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] bytes) throws WriteFailedException {
        write(file, out -> out.write(bytes));
    }

    /**
     * Writes {@code file} through a temporary file and a rename.
     *
     * @throws WriteFailedException the folder or the file could not be written, or {@code content}
     *                              failed: the message names the file and why; the old file is intact
     */
    public static void write(Path file, Content content) throws WriteFailedException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        FileOps fs = ops;
        PausePoints.Point pause = PausePoints.next(target.getFileName().toString());
        try {
            fs.createDirectories(dir);
        } catch (IOException e) {
            throw new WriteFailedException(target, e);
        }
        Path tmp = dir.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean renamed = false;
        try {
            try (OutputStream out = new BufferedOutputStream(fs.create(tmp), 1 << 16)) {
                if (pause == null) {
                    content.writeTo(out);
                } else {
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    content.writeTo(all);
                    byte[] b = all.toByteArray();
                    pause.reach("open");
                    out.write(b, 0, b.length / 2);
                    out.flush();
                    pause.reach("half");
                    out.write(b, b.length / 2, b.length - b.length / 2);
                }
            }
            if (pause != null) {
                pause.reach("written");
            }
            fs.replace(tmp, target);
            renamed = true;
            if (pause != null) {
                pause.reach("renamed");
            }
        } catch (WriteFailedException e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailedException(target, e);
        } finally {
            if (!renamed) {
                try {
                    fs.delete(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed when the folder's run continues
                }
            }
        }
    }

    /**
     * Makes the folder {@code dir} and its missing parents through the same file operations as a
     * write (so that a full disk, real or simulated, refuses it as it refuses a file): every
     * folder a run makes inside its own goes through here.
     *
     * @throws WriteFailedException the folder could not be made, or a file is in its place:
     *                              {@code cannot make the folder DIR: no space left on device}
     */
    public static void createFolder(Path dir) throws WriteFailedException {
        Path target = dir.toAbsolutePath();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw WriteFailedException.folder(target, "a file of that name is in its place", null);
        }
        try {
            ops.createDirectories(target);
        } catch (IOException e) {
            throw WriteFailedException.folder(target, IoText.reason(e), e);
        }
    }

    /**
     * Makes the new folder {@code dir} (its parents when missing) through the file operations:
     * exclusive, so that two processes choosing one name in the same second never share it.
     *
     * @throws java.nio.file.FileAlreadyExistsException the folder is there already (take another name)
     * @throws WriteFailedException                     it could not be made: {@code cannot make the folder DIR: ...}
     */
    public static Path createNewFolder(Path dir) throws IOException {
        Path target = dir.toAbsolutePath();
        createFolder(target.getParent());
        try {
            ops.createDirectory(target);
        } catch (java.nio.file.FileAlreadyExistsException taken) {
            throw taken;
        } catch (IOException e) {
            throw WriteFailedException.folder(target, IoText.reason(e), e);
        }
        return dir;
    }

    /**
     * Writes {@code bytes} over the existing {@code file} in place, when they are not longer than
     * it (so that a full disk can take them): not atomic, a crash in the middle leaves a mixed
     * file. Only for the last word of a file that must say what happened when nothing else can
     * be written (a run's manifest saying {@code failed} on a full disk).
     *
     * @throws WriteFailedException the file is missing, shorter than {@code bytes}, or cannot be written
     */
    public static void overwriteInPlace(Path file, byte[] bytes) throws WriteFailedException {
        Path target = file.toAbsolutePath();
        try {
            long size = Files.size(target);
            if (size < bytes.length) {
                throw new WriteFailedException(target, "no room in place (" + bytes.length + " bytes for a file of "
                        + size + ")", null);
            }
            try (OutputStream out = ops.overwrite(target)) {
                out.write(bytes);
            }
        } catch (WriteFailedException e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailedException(target, e);
        }
    }

    /** A file channel's stream whose close forces the bytes to disk (and, rewritten in place, cuts the rest). */
    private static final class Synced extends OutputStream {
        private final FileChannel channel;
        private final OutputStream out;
        private final boolean truncate;
        private long written;

        Synced(FileChannel channel, boolean truncate) {
            this.channel = channel;
            this.out = Channels.newOutputStream(channel);
            this.truncate = truncate;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
        }

        @Override
        public void close() throws IOException {
            try {
                if (truncate) {
                    channel.truncate(written);
                }
                channel.force(true);      // on disk before the rename: a power cut leaves the old file or the new one
            } finally {
                channel.close();
            }
        }
    }
}
