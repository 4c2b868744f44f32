package org.addernet.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the checkpoint reader: random checkpoints round-trip exactly; any byte flip, cut or
 * insertion is refused with one {@link Checkpoint.FormatException} naming the source and a byte
 * offset inside the file; and a body with a matching checksum but random or mutated fields (what
 * another version or a crafted file would hold) is read or refused the same way, never with
 * another exception and never by allocating what the file does not hold. Bounded tries keep
 * {@code mvn verify} quick.
 */
class CheckpointFuzzTest {
    static Checkpoint random(Random r) {
        float[][][] arrays = new float[3][][];
        for (int a = 0; a < 3; a++) {
            arrays[a] = new float[r.nextInt(4)][];
            for (int k = 0; k < arrays[a].length; k++) {
                arrays[a][k] = new float[r.nextInt(20)];
                for (int i = 0; i < arrays[a][k].length; i++) {
                    arrays[a][k][i] = r.nextInt(10) == 0 ? Float.NaN : (float) r.nextGaussian();
                }
            }
        }
        List<EpochMetrics> history = new ArrayList<>();
        for (int e = 0, rows = r.nextInt(5); e < rows; e++) {
            double[] g = new double[r.nextInt(6)];
            for (int k = 0; k < g.length; k++) {
                g[k] = r.nextDouble();
            }
            history.add(new EpochMetrics(e + 1, r.nextLong(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                    r.nextDouble(), 1 + r.nextDouble(), r.nextDouble() * 100, r.nextDouble() * 1000, g));
        }
        String id = r.nextBoolean() ? "lenet5-bn-adder-s" + r.nextInt(100) : "r\u00e9sum\u00e9-\u4e2d-" + r.nextInt();
        return new Checkpoint(id, r.nextInt(1000), r.nextDouble() * 1e4, Long.toHexString(r.nextLong()),
                new TrainerState(r.nextLong(), arrays[0], arrays[1], r.nextBoolean(), arrays[2]), history);
    }

    static byte[] bytes(Checkpoint c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            c.write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Reads {@code b}: the checkpoint, or null after checking the FormatException names the source and an offset in the file. */
    static Checkpoint readOrExplain(byte[] b) {
        try {
            return Checkpoint.read(new ByteArrayInputStream(b), "ckpt");
        } catch (Checkpoint.FormatException e) {
            assertTrue(e.getMessage().startsWith("ckpt: "), e.getMessage());
            assertEquals("ckpt", e.source());
            assertTrue(e.offset() >= 0 && e.offset() <= b.length, e.offset() + " in " + b.length + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("byte " + e.offset()), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
            return null;
        } catch (IOException | RuntimeException | Error e) {
            fail("the reader threw " + e + " instead of a Checkpoint.FormatException", e);
            return null;
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** 300 random checkpoints read back field for field. */
    @Property(tries = 300)
    void randomCheckpointsRoundTrip(@ForAll("seeds") long seed) {
        Checkpoint c = random(new Random(seed));
        Checkpoint back = readOrExplain(bytes(c));
        assertEquals(c.runId(), back.runId());
        assertEquals(c.epochsDone(), back.epochsDone());
        assertEquals(c.seconds(), back.seconds());
        assertEquals(c.fingerprint(), back.fingerprint());
        assertEquals(c.state().step(), back.state().step());
        assertEquals(c.state().sgdStarted(), back.state().sgdStarted());
        for (int k = 0; k < c.state().parameters().length; k++) {
            assertArrayEquals(c.state().parameters()[k], back.state().parameters()[k]);
        }
        assertEquals(c.state().velocities().length, back.state().velocities().length);
        assertEquals(c.state().buffers().length, back.state().buffers().length);
        assertEquals(c.history().size(), back.history().size());
        for (int k = 0; k < c.history().size(); k++) {
            assertEquals(c.history().get(k).testAccuracy(), back.history().get(k).testAccuracy());
            assertArrayEquals(c.history().get(k).gradNorms(), back.history().get(k).gradNorms());
        }
    }

    /** 400 damaged files (flipped, cut, inserted bytes): always a FormatException with an offset. */
    @Property(tries = 400)
    void damageIsAlwaysRefusedWithAnOffset(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        byte[] b = bytes(random(r));
        byte[] damaged = switch (r.nextInt(3)) {
            case 0 -> {
                byte[] f = b.clone();
                f[r.nextInt(f.length)] ^= (byte) (1 + r.nextInt(255));
                yield f;
            }
            case 1 -> Arrays.copyOf(b, r.nextInt(b.length));
            default -> {
                int at = r.nextInt(b.length + 1);
                byte[] f = new byte[b.length + 1];
                System.arraycopy(b, 0, f, 0, at);
                f[at] = (byte) r.nextInt(256);
                System.arraycopy(b, at, f, at + 1, b.length - at);
                yield f;
            }
        };
        assertEquals(null, readOrExplain(damaged), "damage is refused");
    }

    /**
     * 500 bodies with a matching checksum: a random body, or a real one with flipped, cut or
     * random bytes. Read or refused with an offset; nothing else.
     */
    @Property(tries = 500)
    void aMatchingChecksumOverAnyBodyIsReadOrExplained(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        byte[] real = bytes(random(r));
        byte[] body = Arrays.copyOfRange(real, 8, real.length - 8);
        switch (r.nextInt(4)) {
            case 0 -> {
                body = new byte[r.nextInt(200)];
                r.nextBytes(body);
            }
            case 1 -> {
                for (int i = 0, n = 1 + r.nextInt(4); i < n && body.length > 0; i++) {
                    body[r.nextInt(body.length)] = (byte) r.nextInt(256);
                }
            }
            case 2 -> body = Arrays.copyOf(body, r.nextInt(body.length + 1));
            default -> {
                if (body.length > 4) {          // a count or length made huge
                    int at = r.nextInt(body.length - 3);
                    body[at] = (byte) 0x7f;
                    body[at + 1] = (byte) 0xff;
                }
            }
        }
        readOrExplain(CheckpointDamageTest.withChecksum(body));
    }
}
