package org.addernet.app.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.addernet.app.testdata.Mutate;
import org.addernet.app.testdata.TempRoot;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.StepMetrics;

/**
 * Fuzzing metrics.csv's readers ({@link MetricsCsv#parseEpochs}, {@link MetricsCsv#parseSteps},
 * which {@code workbench curves} and the runs window use) with random damage to files the runners
 * wrote: rows are read, or the file is refused with one message naming it and the line, in our
 * words. Valid files round-trip. Tries are bounded (README).
 */
class MetricsCsvFuzzTest {
    private static Path root;
    private static int n;

    @BeforeContainer
    static void makeRoot() throws IOException {
        root = TempRoot.make("metrics-fuzz");
    }

    @AfterContainer
    static void removeRoot() throws IOException {
        TempRoot.remove(root);
    }

    static List<String> layers(Random r) {
        List<String> l = new ArrayList<>();
        for (int k = 0, m = 1 + r.nextInt(4); k < m; k++) {
            l.add("layer" + (k + 1));
        }
        return l;
    }

    static double value(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> Double.NaN;                   // written as an empty cell
            case 1 -> r.nextDouble() * 1e-9;
            case 2 -> r.nextDouble() * 1e9;
            default -> r.nextDouble();
        };
    }

    static String epochs(Random r) {
        List<String> layers = layers(r);
        List<EpochMetrics> rows = new ArrayList<>();
        for (int e = 1, k = r.nextInt(6); e <= k; e++) {
            double[] g = new double[layers.size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = value(r);
            }
            rows.add(new EpochMetrics(e, e * 10L, value(r), value(r), value(r), value(r), 1, e * 1.5, 100 + e, g));
        }
        return MetricsCsv.formatEpochs(layers, rows);
    }

    static String steps(Random r) {
        List<String> layers = layers(r);
        List<StepMetrics> rows = new ArrayList<>();
        for (int s = 1, k = r.nextInt(6); s <= k; s++) {
            double[] g = new double[layers.size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = value(r);
            }
            double loss = r.nextInt(10) == 0 ? Double.POSITIVE_INFINITY : value(r);     // a diverged run's loss
            rows.add(new StepMetrics(s * 100L, loss, value(r), value(r), value(r), 1, layers, g));
        }
        return MetricsCsv.format(layers, rows);
    }

    @Provide
    Arbitrary<Mutate.Damage> damagedEpochs() {
        return Mutate.of(r -> epochs(r));
    }

    @Provide
    Arbitrary<Mutate.Damage> damagedSteps() {
        return Mutate.of(r -> steps(r));
    }

    private static Path write(byte[] bytes) throws IOException {
        Path f = Files.createDirectories(root.resolve("m" + n++)).resolve("metrics.csv");
        Files.write(f, bytes);
        return f;
    }

    private static void explained(Path f, IOException e, Mutate.Damage d) {
        assertTrue(e.getMessage().startsWith(f.toString() + ":"), d.what() + ": " + e.getMessage());
        assertNull(Mutate.foreign(e.getMessage()), d.what() + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Property(tries = 300)
    void aDamagedEpochFileIsReadOrRefusedInOurWords(@ForAll("damagedEpochs") Mutate.Damage d) throws IOException {
        Path f = write(d.bytes());
        try {
            for (EpochMetrics m : MetricsCsv.parseEpochs(f)) {
                assertTrue(m.epoch() >= 1 && m.iteration() >= 0, d.what());
            }
        } catch (IOException e) {
            explained(f, e, d);
        }
    }

    @Property(tries = 300)
    void aDamagedStepFileIsReadOrRefusedInOurWords(@ForAll("damagedSteps") Mutate.Damage d) throws IOException {
        Path f = write(d.bytes());
        try {
            for (StepMetrics m : MetricsCsv.parseSteps(f)) {
                assertTrue(m.iteration() >= 0, d.what());
            }
        } catch (IOException e) {
            explained(f, e, d);
        }
    }

    @Property(tries = 200)
    void writtenFilesRoundTrip(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        String e = epochs(r);
        Path fe = write(e.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<EpochMetrics> back = MetricsCsv.parseEpochs(fe);
        List<String> layers = List.of(e.substring(0, e.indexOf('\n')).split(",")).stream()
                .filter(c -> c.startsWith("grad_norm_")).map(c -> c.substring(10)).toList();
        assertEquals(e, MetricsCsv.formatEpochs(layers, back), "epochs: what is read writes the same text");
        String s = steps(r);
        Path fs = write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<StepMetrics> steps = MetricsCsv.parseSteps(fs);
        List<String> sl = List.of(s.substring(0, s.indexOf('\n')).split(",")).stream()
                .filter(c -> c.startsWith("grad_norm_")).map(c -> c.substring(10)).toList();
        assertEquals(s, MetricsCsv.format(sl, steps), "steps: what is read writes the same text");
    }
}
