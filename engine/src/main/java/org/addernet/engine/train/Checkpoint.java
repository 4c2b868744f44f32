package org.addernet.engine.train;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    /** A checkpoint that cannot be read: names the source and the byte offset. */
    public static final class FormatException extends IOException {
        public FormatException(String message) {
            super(message);
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

    /** Reads a checkpoint; {@code source} (e.g. the file name) goes into every error message. */
    public static Checkpoint read(InputStream in, String source) throws IOException {
        byte[] all = in.readAllBytes();
        if (all.length < MAGIC.length + 8) {
            throw new FormatException(source + ": truncated at byte " + all.length + " (a checkpoint holds at least "
                    + (MAGIC.length + 8) + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (all[i] != MAGIC[i]) {
                throw new FormatException(source + ": not a workbench checkpoint (byte " + i
                        + " of the magic 'ADNCKPT1' differs)");
            }
        }
        int bodyLen = all.length - MAGIC.length - 8;
        CRC32 crc = new CRC32();
        crc.update(all, MAGIC.length, bodyLen);
        long stored = ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new FormatException(source + ": damaged or truncated (checksum of bytes " + MAGIC.length + "-"
                    + (all.length - 8) + " does not match the one stored at byte " + (all.length - 8) + ")");
        }
        DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(all, MAGIC.length, bodyLen));
        try {
            String runId = d.readUTF();
            int epochs = d.readInt();
            double seconds = d.readDouble();
            String fingerprint = d.readUTF();
            long step = d.readLong();
            boolean started = d.readBoolean();
            float[][] params = readArrays(d, source);
            float[][] vel = readArrays(d, source);
            float[][] buf = readArrays(d, source);
            int rows = d.readInt();
            if (rows < 0 || rows > MAX_ARRAYS) {
                throw new FormatException(source + ": impossible history length " + rows);
            }
            List<EpochMetrics> history = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                int epoch = d.readInt();
                long it = d.readLong();
                double[] v = new double[7];
                for (int k = 0; k < v.length; k++) {
                    v[k] = d.readDouble();
                }
                int g = d.readInt();
                if (g < 0 || g > MAX_ARRAYS) {
                    throw new FormatException(source + ": impossible gradient-norm count " + g);
                }
                double[] norms = new double[g];
                for (int k = 0; k < g; k++) {
                    norms[k] = d.readDouble();
                }
                history.add(new EpochMetrics(epoch, it, v[0], v[1], v[2], v[3], v[4], v[5], v[6], norms));
            }
            if (d.available() != 0) {
                throw new FormatException(source + ": " + d.available() + " unexpected bytes before the checksum");
            }
            return new Checkpoint(runId, epochs, seconds, fingerprint,
                    new TrainerState(step, params, vel, started, buf), history);
        } catch (EOFException e) {
            throw new FormatException(source + ": truncated (the body ends before its fields do)");
        }
    }

    private static float[][] readArrays(DataInputStream d, String source) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > MAX_ARRAYS) {
            throw new FormatException(source + ": impossible array count " + n);
        }
        float[][] out = new float[n][];
        for (int k = 0; k < n; k++) {
            int len = d.readInt();
            if (len < 0 || len > d.available() / 4) {
                throw new FormatException(source + ": array " + k + " claims " + len + " values, more than the file holds");
            }
            byte[] raw = new byte[len * 4];
            d.readFully(raw);
            out[k] = new float[len];
            ByteBuffer.wrap(raw).asFloatBuffer().get(out[k]);
        }
        return out;
    }
}
