package org.addernet.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.optim.LrSchedule;
import org.addernet.engine.optim.PSchedule;
import org.junit.jupiter.api.Test;

/** Trainer state, the checkpoint file format, and resuming at an epoch boundary. */
class CheckpointTest {
    /** 64 random 8x8 two-channel "images" in 3 classes, [N, 2, 8, 8]. */
    private static DataSet images(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * 784];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(10);
            for (int j = 0; j < 784; j++) {
                x[i * 784 + j] = (float) r.nextGaussian() + (j % 10 == y[i] ? 1f : 0f);
            }
        }
        return DataSet.adopt(x, y, 784, 10);
    }

    private static Trainer lenet(long epochs, DataSet train) {
        TrainConfig cfg = new TrainConfig(epochs * Trainer.stepsPerEpoch(train.size(), 16), 16,
                new LrSchedule.Cosine(0.05), 0.9, true, 5e-4, new PSchedule(2, 1, 0.5), 4);
        Trainer t = new Trainer(ImageModels.build("lenet5-bn-adder", 10, AdderRules.paper(), 3), cfg, train, null, 3,
                new int[] {1, 28, 28});
        // a data-dependent transform that draws from its generator: a random sign flip per image
        t.setBatchTransform((in, count, out, rng) -> {
            for (int i = 0; i < count; i++) {
                float s = rng.nextBoolean() ? 1f : -1f;
                for (int j = 0; j < 784; j++) {
                    out[i * 784 + j] = s * in[i * 784 + j];
                }
            }
        });
        return t;
    }

    private static void epoch(Trainer t, long e, long steps) {
        t.beginEpoch(e);
        for (long s = 0; s < steps; s++) {
            t.step(null);
        }
    }

    @Test
    void restoringAtAnEpochBoundaryRepeatsTheUninterruptedRunBitForBit() throws IOException {
        DataSet train = images(64, 1);
        long steps = Trainer.stepsPerEpoch(train.size(), 16);
        Trainer whole = lenet(3, train);
        for (int e = 0; e < 3; e++) {
            epoch(whole, e, steps);
        }
        Trainer first = lenet(3, train);
        epoch(first, 0, steps);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Checkpoint("r", 1, 1.5, "fp", first.state(), List.of()).write(bytes);

        Trainer resumed = lenet(3, train);      // a fresh process: new weights, new optimiser
        Checkpoint c = Checkpoint.read(new ByteArrayInputStream(bytes.toByteArray()), "mem");
        resumed.restore(c.state());
        assertEquals(steps, resumed.iteration());
        for (int e = 1; e < 3; e++) {
            epoch(resumed, e, steps);
        }
        TrainerState a = whole.state();
        TrainerState b = resumed.state();
        assertEquals(a.step(), b.step());
        for (int k = 0; k < a.parameters().length; k++) {
            assertArrayEquals(a.parameters()[k], b.parameters()[k], "parameter " + k);
            assertArrayEquals(a.velocities()[k], b.velocities()[k], "velocity " + k);
        }
        for (int k = 0; k < a.buffers().length; k++) {
            assertArrayEquals(a.buffers()[k], b.buffers()[k], "buffer " + k);
        }
        assertTrue(a.buffers().length > 0, "batch norm's running statistics are part of the state");
        assertEquals(whole.accuracy(train), resumed.accuracy(train));
    }

    @Test
    void theFormatRoundTripsAndRefusesDamage() throws IOException {
        TrainerState s = new TrainerState(42, new float[][] {{1, 2, 3}, {-0.5f}}, new float[][] {{0.1f, 0, 0}, {2}}, true,
                new float[][] {{7, 8}});
        EpochMetrics m = new EpochMetrics(1, 42, 0.5, 0.8, 0.75, 0.1, 1.5, 12.5, 2000, new double[] {1e-3, 2e-3});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Checkpoint("lenet5-bn-adder-s1", 1, 12.5, "abc", s, List.of(m)).write(out);
        byte[] b = out.toByteArray();

        Checkpoint c = Checkpoint.read(new ByteArrayInputStream(b), "ck");
        assertEquals("lenet5-bn-adder-s1", c.runId());
        assertEquals(1, c.epochsDone());
        assertEquals("abc", c.fingerprint());
        assertEquals(42, c.state().step());
        assertTrue(c.state().sgdStarted());
        assertArrayEquals(new float[] {1, 2, 3}, c.state().parameters()[0]);
        assertArrayEquals(new float[] {7, 8}, c.state().buffers()[0]);
        assertEquals(0.75, c.history().get(0).testAccuracy());
        assertArrayEquals(new double[] {1e-3, 2e-3}, c.history().get(0).gradNorms());

        String truncated = assertThrows(Checkpoint.FormatException.class,
                () -> Checkpoint.read(new ByteArrayInputStream(Arrays.copyOf(b, b.length - 20)), "ck")).getMessage();
        assertTrue(truncated.startsWith("ck: damaged or truncated"), truncated);
        String tiny = assertThrows(Checkpoint.FormatException.class,
                () -> Checkpoint.read(new ByteArrayInputStream(Arrays.copyOf(b, 10)), "ck")).getMessage();
        assertEquals("ck: byte 10: expected at least 16 bytes (the magic and the checksum), found the end of the data",
                tiny);
        byte[] flipped = b.clone();
        flipped[30] ^= 0x10;
        String corrupt = assertThrows(Checkpoint.FormatException.class,
                () -> Checkpoint.read(new ByteArrayInputStream(flipped), "ck")).getMessage();
        assertTrue(corrupt.startsWith("ck: damaged or truncated at byte " + (b.length - 8)), corrupt);
        byte[] other = b.clone();
        other[2] = 'X';
        String magic = assertThrows(Checkpoint.FormatException.class,
                () -> Checkpoint.read(new ByteArrayInputStream(other), "ck")).getMessage();
        assertEquals("ck: byte 2: expected the magic 'ADNCKPT1' of a workbench checkpoint, found 'ADXCKPT1' (not a "
                + "checkpoint)", magic);
    }

    @Test
    void restoreRefusesAStateOfAnotherModel() {
        DataSet train = images(32, 1);
        Trainer t = lenet(1, train);
        TrainerState wrong = new TrainerState(1, new float[][] {{1}}, new float[][] {{1}}, true, new float[0][]);
        String msg = assertThrows(IllegalArgumentException.class, () -> t.restore(wrong)).getMessage();
        assertTrue(msg.startsWith("the checkpoint holds 1 parameters"), msg);
    }
}
