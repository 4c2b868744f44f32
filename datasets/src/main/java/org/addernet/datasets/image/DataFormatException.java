package org.addernet.datasets.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that does not hold what its format promises. The message always reads
 * {@code FILE: byte OFFSET: expected WHAT, found WHAT}, e.g.
 * {@code /data/mnist/train-images-idx3-ubyte.gz: byte 0 (decompressed): expected IDX magic
 * 0x00000803 (unsigned byte, 3 dimensions), found 0x00000801}, so that a user can see at once
 * which file is wrong and where. For gzip files the offset counts decompressed bytes. A file that
 * cannot be read at all (a folder, missing, unreadable) reads {@code FILE: expected a data file,
 * found a folder}. The readers throw nothing else for a bad file.
 */
public final class DataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;
    private final String expected;
    private final String found;

    /** A problem at byte {@code offset} of {@code file} (counted in the file's own bytes). */
    public DataFormatException(Path file, long offset, String expected, String found) {
        this(file, false, offset, expected, found);
    }

    /**
     * A problem at byte {@code offset} of {@code file}; {@code decompressed} says that the file
     * is gzip and the offset counts bytes of its decompressed content.
     */
    public DataFormatException(Path file, boolean decompressed, long offset, String expected,
                               String found) {
        super(file + ": byte " + offset + (decompressed ? " (decompressed)" : "")
                + ": expected " + expected + ", found " + found);
        this.file = file;
        this.offset = offset;
        this.expected = expected;
        this.found = found;
    }

    /**
     * A problem of {@code file} as a whole (it is a folder, missing, unreadable): the message reads
     * {@code FILE: expected WHAT, found WHAT} and {@link #offset()} is -1.
     */
    public DataFormatException(Path file, String expected, String found) {
        super(file + ": expected " + expected + ", found " + found);
        this.file = file;
        this.offset = -1;
        this.expected = expected;
        this.found = found;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The byte offset of the problem (in decompressed bytes for gzip files); -1 for the file as a whole. */
    public long offset() {
        return offset;
    }

    /** What the format required at that offset. */
    public String expected() {
        return expected;
    }

    /** What the file held instead. */
    public String found() {
        return found;
    }
}
