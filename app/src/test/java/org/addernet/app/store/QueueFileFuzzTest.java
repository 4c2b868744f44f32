package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.addernet.engine.train.RunStatus;
import org.addernet.presets.PresetLoader;

/**
 * Fuzzing queue.json's reader ({@link QueueFile#read(Path)}) with random damage to files the queue
 * itself saved: the queue is read, or refused with a {@link QueueFileException} naming the file
 * in our words; the file is never changed, moved or copied. Valid files round-trip. Tries are
 * bounded (README).
 */
class QueueFileFuzzTest {
    private static Path root;
    private static int n;
    private static final List<String> PRESETS = List.of("fig2-unit-ball", "fig4-xor", "lenet5-bn-mnist-adder-short",
            "table4-toy");
    private static final java.util.Map<String, org.addernet.presets.Preset> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeContainer
    static void makeRoot() throws IOException {
        root = TempRoot.make("queue-fuzz");
    }

    @AfterContainer
    static void removeRoot() throws IOException {
        TempRoot.remove(root);
    }

    /** Random items as the queue keeps them. */
    static List<QueueEntry> entries(Random r, Path home) {
        List<QueueEntry> out = new ArrayList<>();
        int k = r.nextInt(5);
        RunStatus[] states = {RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.COMPLETED, RunStatus.FAILED,
            RunStatus.CANCELLED, RunStatus.INTERRUPTED};
        for (int i = 0; i < k; i++) {
            String p = PRESETS.get(r.nextInt(PRESETS.size()));
            QueueEntry e = QueueEntry.queued(p, LOADED.computeIfAbsent(p, x -> PresetLoader.resolve(x, List.of())), r.nextBoolean() ? List.of()
                    : List.of("seed=" + r.nextInt(9)), 1 + r.nextInt(5), r.nextBoolean() ? null : Path.of("/data"));
            e.id = "q" + (i + 1);
            e.state = states[r.nextInt(states.length)];
            e.added = "2025-01-01T00:00:00Z";
            e.progress = r.nextDouble();
            if (r.nextBoolean()) {
                e.runFolder = home.resolve("runs").resolve("r" + i);
                e.error = r.nextBoolean() ? null : "it failed";
            }
            out.add(e);
        }
        return out;
    }

    /** The text {@link QueueFile#save} writes for random items. */
    static String saved(Random r) throws IOException {
        Path home = root.resolve("gen");
        return QueueFile.text(home, entries(r, home), 1 + r.nextInt(4), 1 + r.nextInt(20));
    }

    @Provide
    Arbitrary<Mutate.Damage> damaged() {
        return Mutate.of(r -> {
            try {
                return saved(r);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Property(tries = 400)
    void aDamagedQueueIsReadOrRefusedAndNeverTouched(@ForAll("damaged") Mutate.Damage d) throws IOException {
        Path home = Files.createDirectories(root.resolve("h" + n++));
        Path file = home.resolve(QueueFile.FILE);
        Files.write(file, d.bytes());
        try {
            QueueFile.Loaded l = QueueFile.read(home);
            for (QueueEntry e : l.items()) {
                assertTrue(e.seeds >= 1 && e.progress >= 0 && e.progress <= 1 && e.state != null, d.what());
                assertTrue(e.presetJson.startsWith("{"), d.what());      // the JSON text of an object
            }
        } catch (QueueFileException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertNull(Mutate.foreign(e.getMessage()), d.what() + ": " + e.getMessage());
            for (String line : e.getMessage().split("\n")) {      // a heading and one line per problem, none broken
                assertTrue(line.startsWith(" ") || line.startsWith(e.getMessage().substring(0, 5)), e.getMessage());
            }
            assertTrue(e.getMessage().endsWith(QueueFile.HINT), e.getMessage());
        }
        assertArrayEquals(d.bytes(), Files.readAllBytes(file), "never changed");
        try (var s = Files.list(home)) {
            assertEquals(List.of(QueueFile.FILE), s.map(p -> p.getFileName().toString()).toList(), "nothing made");
        }
    }

    @Property(tries = 150)
    void savedQueuesRoundTrip(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        Path home = Files.createDirectories(root.resolve("rt" + n++));
        List<QueueEntry> items = entries(r, home);
        Files.writeString(home.resolve(QueueFile.FILE), QueueFile.text(home, items, 2, 9));   // as save() writes it
        QueueFile.Loaded l = QueueFile.read(home);
        assertEquals(items.stream().map(QueueEntry::snapshot).toList(), l.items().stream().map(QueueEntry::snapshot).toList());
        assertEquals(2, l.parallel());
    }
}
