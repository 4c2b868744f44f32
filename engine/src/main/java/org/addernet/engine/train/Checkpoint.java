package org.addernet.engine.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A run's state after a whole epoch: what {@code --resume} continues from. The binary format is
 * the 8-byte magic {@code ADNCKPT1}, a body of big-endian fields (run id, epochs done, training
 * seconds, fingerprint of the settings, the {@link TrainerState}, the epoch history) and a CRC-32
 * of the body, so that a truncated or damaged file is refused with its byte offset instead of
 * restoring garbage.
 *
 * @param fingerprint a digest of the run's settings (model, data, training): a checkpoint is only
 *                    restored into the run it was written by
 */
public record Checkpoint(String runId, int epochsDone, double seconds, String fingerprint, TrainerState state,
                         List<EpochMetrics> history) {
    private static final byte[] MAGIC = "ADNCKPT1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ARRAYS = 1 << 20;

    public Checkpoint {
        history = List.copyOf(history);
    }

    /**
     * The architecture fingerprint of this checkpoint's network: the number and length of its
     * parameter arrays and of its buffers, in order, as {@link #architecture(Layer)} gives it for a
     * network. A checkpoint restores only into a network of the same fingerprint; a change of
     * layout that moves any array (such as the ResNets' projection shortcuts and conv head
     * against option A) changes it, also for checkpoints written before the fingerprint existed.
     */
    public String architecture() {
        return architecture(lengths(state.parameters()), lengths(state.buffers()));
    }

    /** The architecture fingerprint of {@code net} (see {@link #architecture()}). */
    public static String architecture(org.addernet.engine.nn.Layer net) {
        return architecture(net.parameters().stream().mapToInt(org.addernet.engine.nn.Parameter::size).toArray(),
                net.buffers().stream().mapToInt(b -> b.length).toArray());
    }

    /**
     * {@code "<P> parameter arrays (<V> values), <B> buffers (<W> values), layout <hex>"}: the
     * counts a person can compare, and 16 hex digits of a SHA-256 over every length in order.
     */
    private static String architecture(int[] parameters, int[] buffers) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * (parameters.length + buffers.length));
        b.putInt(parameters.length);
        for (int n : parameters) {
            b.putInt(n);
        }
        b.putInt(buffers.length);
        for (int n : buffers) {
            b.putInt(n);
        }
        String digest;
        try {
            digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b.array()),
                    0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return String.format(java.util.Locale.ROOT, "%d parameter arrays (%,d values), %d buffers (%,d values), layout %s",
                parameters.length, java.util.Arrays.stream(parameters).asLongStream().sum(), buffers.length,
                java.util.Arrays.stream(buffers).asLongStream().sum(), digest);
    }

    private static int[] lengths(float[][] arrays) {
        int[] n = new int[arrays.length];
        for (int k = 0; k < n.length; k++) {
            n[k] = arrays[k].length;
        }
        return n;
    }

    /**
     * A checkpoint that cannot be used: damaged, truncated, not a checkpoint, or not a readable
     * file. The message is one line naming the source and, for damage, the byte offset
     * ({@code SOURCE: byte N: expected WHAT, found WHAT}, or {@code SOURCE: damaged or truncated at
     * byte N: ...} when the checksum does not match); the user can fix it (delete the file, or
     * point at the right one). Its name stays: the command line maps it to exit 2.
     */
    public static final class FormatException extends IOException {
        private static final long serialVersionUID = 1L;

        private final String source;
        private final long offset;

        public FormatException(String message) {
            this(null, -1, message);
        }

        /** A problem at byte {@code offset} ({@code -1}: the file as a whole) of {@code source}; {@code message} is whole. */
        public FormatException(String source, long offset, String message) {
            super(message);
            this.source = source;
            this.offset = offset;
        }

        /** The file (or stream) named in the message; null when made from a message alone. */
        public String source() {
            return source;
        }

        /** The byte offset of the problem, or -1 when it concerns the file as a whole. */
        public long offset() {
            return offset;
        }
    }

    public void write(OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeUTF(runId);
        d.writeInt(epochsDone);
        d.writeDouble(seconds);
        d.writeUTF(fingerprint);
        d.writeLong(state.step());
        d.writeBoolean(state.sgdStarted());
        writeArrays(d, state.parameters());
        writeArrays(d, state.velocities());
        writeArrays(d, state.buffers());
        d.writeInt(history.size());
        for (EpochMetrics m : history) {
            d.writeInt(m.epoch());
            d.writeLong(m.iteration());
            for (double v : new double[] {m.loss(), m.trainAccuracy(), m.testAccuracy(), m.lr(), m.p(), m.seconds(),
                    m.imagesPerSecond()}) {
                d.writeDouble(v);
            }
            d.writeInt(m.gradNorms().length);
            for (double g : m.gradNorms()) {
                d.writeDouble(g);
            }
        }
        d.flush();
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        out.write(MAGIC);
        out.write(body);
        out.write(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
        out.flush();
    }

    private static void writeArrays(DataOutputStream d, float[][] arrays) throws IOException {
        d.writeInt(arrays.length);
        for (float[] a : arrays) {
            d.writeInt(a.length);
            ByteBuffer b = ByteBuffer.allocate(a.length * 4);
            b.asFloatBuffer().put(a);
            d.write(b.array());
        }
    }

    /**
     * Reads the checkpoint file {@code file}.
     *
     * @throws FormatException the file is damaged, truncated, not a checkpoint, a folder, missing,
     *                         unreadable or far larger than a checkpoint is
     */
    public static Checkpoint read(Path file) throws FormatException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new FormatException(source, -1, source + ": expected a checkpoint file, found a folder");
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new FormatException(source, -1, source + ": expected a checkpoint file below 2 GiB, found "
                        + size + " bytes");
            }
            return read(in, source);
        } catch (FormatException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new FormatException(source, -1, source + ": expected a checkpoint file, found no such file");
        } catch (AccessDeniedException e) {
            throw new FormatException(source, -1, source + ": expected a readable checkpoint file, found no permission "
                    + "to read it");
        } catch (IOException e) {
            String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            throw new FormatException(source, -1, source + ": expected a readable checkpoint file, found a read error ("
                    + why + ")");
        }
    }

    /**
     * Reads a checkpoint; {@code source} (e.g. the file name) goes into every error message.
     *
     * @throws FormatException the bytes are not a whole, undamaged checkpoint (the message names
     *                         the byte offset)
     * @throws IOException     {@code in} cannot be read (the message names {@code source})
     */
    public static Checkpoint read(InputStream in, String source) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (FormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(source + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(all, source);
    }

    private static Checkpoint parse(byte[] all, String source) throws FormatException {
        if (all.length < MAGIC.length + 8) {
            throw new FormatException(source, all.length, source + ": byte " + all.length + ": expected at least "
                    + (MAGIC.length + 8) + " bytes (the magic and the checksum), found the end of the data");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (all[i] != MAGIC[i]) {
                StringBuilder found = new StringBuilder();
                for (int k = 0; k < MAGIC.length; k++) {
                    int c = all[k] & 0xff;
                    found.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
                }
                throw new FormatException(source, i, source + ": byte " + i + ": expected the magic 'ADNCKPT1' of a "
                        + "workbench checkpoint, found '" + found + "' (not a checkpoint)");
            }
        }
        int end = all.length - 8;
        CRC32 crc = new CRC32();
        crc.update(all, MAGIC.length, end - MAGIC.length);
        long stored = ByteBuffer.wrap(all, end, 8).getLong();
        if (stored != crc.getValue()) {
            throw new FormatException(source, end, source + ": damaged or truncated at byte " + end + ": the checksum "
                    + "stored there does not match bytes " + MAGIC.length + "-" + (end - 1)
                    + "; delete the file to train this run again from its start");
        }
        Body d = new Body(all, MAGIC.length, end, source);
        String runId = d.text("the run id");
        int epochs = d.int32("the epochs done");
        double seconds = d.float64("the training seconds");
        String fingerprint = d.text("the settings' fingerprint");
        long step = d.int64("the step");
        boolean started = d.bool("the optimiser's started flag");
        float[][] params = d.arrays("parameter");
        float[][] vel = d.arrays("velocity");
        float[][] buf = d.arrays("buffer");
        int rows = d.count("the number of history rows", MAX_ARRAYS, 4 + 8 + 7 * 8 + 4);
        List<EpochMetrics> history = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            String row = "history row " + r;
            int epoch = d.int32("the epoch of " + row);
            long it = d.int64("the iteration of " + row);
            double[] v = new double[7];
            for (int k = 0; k < v.length; k++) {
                v[k] = d.float64("value " + k + " of " + row);
            }
            int g = d.count("the gradient-norm count of " + row, MAX_ARRAYS, 8);
            double[] norms = new double[g];
            for (int k = 0; k < g; k++) {
                norms[k] = d.float64("gradient norm " + k + " of " + row);
            }
            history.add(new EpochMetrics(epoch, it, v[0], v[1], v[2], v[3], v[4], v[5], v[6], norms));
        }
        if (d.pos != end) {
            throw d.error(d.pos, "the checksum", (end - d.pos) + " more bytes of fields");
        }
        return new Checkpoint(runId, epochs, seconds, fingerprint, new TrainerState(step, params, vel, started, buf),
                history);
    }

    /** The body's fields, read big-endian from {@code pos} up to {@code end}; each failure names its offset. */
    private static final class Body {
        private final byte[] b;
        private final int end;
        private final String source;
        private int pos;

        Body(byte[] b, int pos, int end, String source) {
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.source = source;
        }

        FormatException error(long at, String expected, String found) {
            return new FormatException(source, at, source + ": byte " + at + ": expected " + expected + ", found " + found);
        }

        /** Checks that {@code n} bytes of {@code what} are there before the checksum; returns their offset. */
        private int take(int n, String what) throws FormatException {
            if (end - pos < n) {
                throw error(pos, what + " (" + n + " bytes)", "the end of the data at byte " + end);
            }
            int at = pos;
            pos += n;
            return at;
        }

        int int32(String what) throws FormatException {
            return ByteBuffer.wrap(b, take(4, what), 4).getInt();
        }

        long int64(String what) throws FormatException {
            return ByteBuffer.wrap(b, take(8, what), 8).getLong();
        }

        double float64(String what) throws FormatException {
            return ByteBuffer.wrap(b, take(8, what), 8).getDouble();
        }

        boolean bool(String what) throws FormatException {
            int at = take(1, what);
            if (b[at] != 0 && b[at] != 1) {
                throw error(at, what + " (0 or 1)", String.valueOf(b[at] & 0xff));
            }
            return b[at] == 1;
        }

        /** A string as {@link DataOutputStream#writeUTF} writes it: a 2-byte length, then modified UTF-8. */
        String text(String what) throws FormatException {
            int at = pos;
            int len = ByteBuffer.wrap(b, take(2, "the length of " + what), 2).getShort() & 0xffff;
            pos = at;
            take(2 + len, what);
            try {
                return new DataInputStream(new ByteArrayInputStream(b, at, 2 + len)).readUTF();
            } catch (IOException e) {
                throw error(at, what + " (modified UTF-8 text)", "malformed text");
            }
        }

        /** A count in [0, max] whose items take at least {@code minBytes} each in what is left. */
        int count(String what, int max, int minBytes) throws FormatException {
            int at = pos;
            int n = int32(what);
            if (n < 0 || n > max) {
                throw error(at, what + " (0 to " + max + ")", String.valueOf(n));
            }
            if ((long) n * minBytes > end - pos) {
                throw error(at, what + " (at most the " + (end - pos) / minBytes + " that the " + (end - pos)
                        + " bytes left before the checksum can hold)", String.valueOf(n));
            }
            return n;
        }

        float[][] arrays(String kind) throws FormatException {
            int n = count("the number of " + kind + " arrays", MAX_ARRAYS, 4);
            float[][] out = new float[n][];
            for (int k = 0; k < n; k++) {
                int at = pos;
                int len = int32("the length of " + kind + " array " + k);
                if (len < 0 || len > (end - pos) / 4) {
                    throw error(at, "the length of " + kind + " array " + k + " (at most the " + (end - pos) / 4
                            + " floats left before the checksum)", String.valueOf(len));
                }
                out[k] = new float[len];
                ByteBuffer.wrap(b, take(4 * len, kind + " array " + k), 4 * len).asFloatBuffer().get(out[k]);
            }
            return out;
        }
    }
}
