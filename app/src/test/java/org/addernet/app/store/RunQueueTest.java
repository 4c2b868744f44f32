package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.RunSummary;
import org.addernet.app.runner.Runners;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.testdata.SyntheticMnist;
import org.addernet.presets.PresetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.addernet.engine.train.RunStatus;

/**
 * The run queue through the real runners: toy presets one at a time and two at once, cancel,
 * reorder, retry, persistence, a close that interrupts and a reopen that resumes.
 */
class RunQueueTest {
    static final List<String> TINY = RunStoreTest.TINY;
    /** A toy item that takes a few seconds: long enough to be caught running. */
    static final List<String> LONGER = List.of("training.iterations=20000", "runs.hidden=[2]", "runs.models=[\"adder\"]");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Every state change and progress report, in order, per item. */
    static final class Events {
        final List<QueueItem> items = Collections.synchronizedList(new ArrayList<>());
        volatile int maxRunning;

        QueueListener listener() {
            return (all, it) -> {
                maxRunning = Math.max(maxRunning, (int) all.stream().filter(i -> i.state() == RunStatus.RUNNING).count());
                if (it != null) {
                    items.add(it);
                }
            };
        }

        List<QueueItem> of(String id) {
            synchronized (items) {
                return items.stream().filter(i -> i.id().equals(id)).toList();
            }
        }

        /** The order in which items first ran. */
        List<String> startOrder() {
            List<String> out = new ArrayList<>();
            synchronized (items) {
                for (QueueItem i : items) {
                    if (i.state() == RunStatus.RUNNING && !out.contains(i.id())) {
                        out.add(i.id());
                    }
                }
            }
            return out;
        }
    }

    static void waitFor(RunQueue q, String id, Predicate<QueueItem> p) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!p.test(q.item(id))) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting on " + q.item(id));
            Thread.sleep(10);
        }
    }

    @Test
    void itemsRunOnTheExecutorTheQueueIsGiven() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
        try (RunQueue q = RunQueue.open(new RunStore(tmp.resolve("home")), "cli", task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        })) {
            q.add("fig4-xor", TINY, 1, null);
            q.add("fig2-unit-ball", TINY, 1, null);
            q.start();
            assertTrue(q.awaitIdle(120_000));
            assertEquals(List.of(RunStatus.COMPLETED, RunStatus.COMPLETED), q.items().stream().map(QueueItem::state)
                    .toList());
        } finally {
            pool.shutdown();
        }
        assertEquals(2, tasks.get(), "one task per item, on the given executor");
    }

    @Test
    void aQueuedSweepRunsEveryVariantThroughTheSweepRunner() throws Exception {
        Path home = tmp.resolve("home");
        QueueItem it;
        try (RunQueue q = RunQueue.open(home)) {
            it = q.add("table5-toy", List.of("training.iterations=100", "runs.hidden=[1]", "runs.models=[\"adder\"]",
                    "data.samples=200", "output.gridResolution=20", "output.panelSize=100"), 1, null);
            q.start();
            assertTrue(q.awaitIdle(120_000));
            it = q.item(it.id());
        }
        assertEquals(RunStatus.COMPLETED, it.state(), String.valueOf(it));
        Path folder = it.runFolder();
        JsonNode summary = JSON.readTree(folder.resolve("summary.json").toFile());
        assertTrue(summary.get("variants").size() > 1, "a sweep summary: " + summary);
        assertTrue(Files.isRegularFile(folder.resolve("table.csv")), "the sweep's table");
        assertEquals(RunStatus.COMPLETED, RunManifest.read(folder).status(), "the store's manifest says how it ended");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void twoToyPresetsCompleteOneAtATimeOrTwoAtOnce(int parallel) throws Exception {
        Path home = tmp.resolve("home");
        Events ev = new Events();
        QueueItem a;
        QueueItem b;
        try (RunQueue q = RunQueue.open(home)) {
            q.setParallel(parallel);
            q.addListener(ev.listener());
            a = q.add("fig2-unit-ball", TINY, 1, null);
            b = q.add("fig4-xor", TINY, 1, null);
            assertEquals(List.of("q1", "q2"), List.of(a.id(), b.id()));
            assertEquals(RunStatus.QUEUED, a.state());
            q.start();
            assertTrue(q.awaitIdle(120_000));
            for (QueueItem it : q.items()) {
                assertEquals(RunStatus.COMPLETED, it.state(), String.valueOf(it));
                assertEquals(1.0, it.progress());
                assertNull(it.error());
                assertNotNull(it.finished());
            }
        }
        assertEquals(parallel, ev.maxRunning, "items at once");
        List<RunInfo> runs = new RunStore(home).list();
        assertEquals(2, runs.size());
        for (QueueItem it : List.of(a, b)) {
            // progress only grows, and reaches the end
            List<Double> p = ev.of(it.id()).stream().filter(i -> i.state() == RunStatus.RUNNING).map(QueueItem::progress)
                    .toList();
            for (int k = 1; k < p.size(); k++) {
                assertTrue(p.get(k) >= p.get(k - 1), "progress of " + it.id() + " went back: " + p);
            }
            assertTrue(p.size() >= 2, "progress was reported: " + p);
            RunInfo run = runs.stream().filter(r -> it.id().equals(r.queueItem())).findFirst().orElseThrow();
            assertEquals(RunStatus.COMPLETED, run.status());
            assertEquals("window", run.source());
            assertEquals(TINY, run.overrides());
            // the queue ran the real runner: the same numbers as running the preset directly
            RunSummary direct = Runners.create(RunRequest.of(it.preset(), TINY, 1, tmp.resolve("direct-" + it.id()
                    + "-" + parallel)).withJobs(1), RunLog.NONE).run();
            assertEquals(direct.runs().size(), run.runs().size());
            for (int k = 0; k < direct.runs().size(); k++) {
                RunRecord d = direct.runs().get(k);
                RunRecord r = run.runs().get(k);
                assertEquals(d.id(), r.id());
                assertEquals(d.testAccuracy(), r.testAccuracy(), "test accuracy of " + d.id());
                assertEquals(d.trainAccuracy(), r.trainAccuracy());
                assertEquals(d.finalLoss(), r.finalLoss());
            }
            assertTrue(Files.readString(run.folder().resolve(RunFiles.LOG)).contains("queue item " + it.id() + " starts"));
        }
        assertNoTemporaryFiles(home);
    }

    @Test
    void aQueuedItemCancelledWhileAnotherRunsNeverStarts() throws Exception {
        Path home = tmp.resolve("home");
        try (RunQueue q = RunQueue.open(home)) {
            q.setParallel(1);
            QueueItem a = q.add("fig2-unit-ball", List.of("training.iterations=100000000", "runs.hidden=[2]",
                    "runs.models=[\"adder\"]"), 1, null);
            QueueItem b = q.add("fig4-xor", TINY, 1, null);
            q.start();
            assertEquals(RunStatus.RUNNING, q.item(a.id()).state());
            assertTrue(q.cancel(b.id()));
            assertEquals(RunStatus.CANCELLED, q.item(b.id()).state());
            assertEquals("cancelled before it started", q.item(b.id()).error());
            waitFor(q, a.id(), i -> i.progress() > 0);
            assertEquals(RunStatus.RUNNING, q.item(a.id()).state(), "the other item runs on");
            assertTrue(q.cancel(a.id()));
            assertTrue(q.awaitIdle(60_000));
            QueueItem ca = q.item(a.id());
            assertEquals(RunStatus.CANCELLED, ca.state());
            assertTrue(ca.progress() > 0 && ca.progress() < 0.5, "stopped part-way: " + ca.progress());
            assertFalse(q.cancel(a.id()), "an ended item cannot be cancelled again");
            QueueItem cb = q.item(b.id());
            assertNull(cb.runFolder());
            assertNull(cb.started());
            List<RunInfo> runs = new RunStore(home).list();
            assertEquals(1, runs.size(), "only the running item made a folder");
            assertEquals(RunStatus.CANCELLED, runs.get(0).status());
            assertEquals(RunStatus.CANCELLED, runs.get(0).runs().get(0).status());
            assertEquals(ca.runFolder(), runs.get(0).folder());
        }
    }

    @Test
    void itemsRunInTheOrderTheyWereMovedTo() throws Exception {
        Path home = tmp.resolve("home");
        Events ev = new Events();
        try (RunQueue q = RunQueue.open(home)) {
            q.setParallel(1);
            q.addListener(ev.listener());
            q.add("fig4-xor", TINY, 1, null);
            q.add("fig2-unit-ball", TINY, 1, null);
            q.add("fig4-xor", List.of("training.iterations=100", "runs.hidden=[1]"), 1, null);
            assertTrue(q.move("q3", -2));
            assertEquals(List.of("q3", "q1", "q2"), q.items().stream().map(QueueItem::id).toList());
            assertTrue(q.move("q1", 5), "clamped to the end");
            assertEquals(List.of("q3", "q2", "q1"), q.items().stream().map(QueueItem::id).toList());
            assertFalse(q.move("q1", 1), "already last");
            assertFalse(q.move("q9", 1), "no such item");
            q.start();
            assertTrue(q.awaitIdle(120_000));
        }
        assertEquals(List.of("q3", "q2", "q1"), ev.startOrder());
    }

    @Test
    void retryRunsAToyItemInANewFolderAndContinuesAnImageItemInItsOwn() throws Exception {
        Path home = tmp.resolve("home");
        Path data = tmp.resolve("data-later");
        Events ev = new Events();
        try (RunQueue q = RunQueue.open(home)) {
            q.setParallel(1);
            q.addListener(ev.listener());
            QueueItem toy = q.add("fig2-unit-ball", LONGER, 1, null);
            QueueItem img = q.add("lenet5-bn-mnist-adder-short", List.of("training.batchSize=32", "training.epochs=1",
                    "runs.models=[\"lenet5-bn-adder\"]"), 1, data);
            assertFalse(q.retry(toy.id()), "a queued item is not retried");
            q.start();
            waitFor(q, toy.id(), i -> i.progress() > 0);
            q.cancel(toy.id());
            assertTrue(q.awaitIdle(120_000));

            // the image item failed: its data set is not there yet
            QueueItem failed = q.item(img.id());
            assertEquals(RunStatus.FAILED, failed.state());
            assertTrue(failed.error().startsWith("data set mnist in --data " + data + ": no such folder"),
                    failed.error());
            assertEquals(RunStatus.FAILED, RunManifest.read(failed.runFolder()).status());

            Path firstToyFolder = q.item(toy.id()).runFolder();
            assertEquals(RunStatus.CANCELLED, q.item(toy.id()).state());
            assertTrue(q.retry(toy.id()));
            SyntheticMnist.write(data, 320, 96, 7);
            assertTrue(q.retry(img.id()));
            assertEquals(RunStatus.QUEUED, q.item(img.id()).state());
            assertTrue(q.awaitIdle(180_000));

            QueueItem t = q.item(toy.id());
            assertEquals(RunStatus.COMPLETED, t.state());
            assertNotEquals(firstToyFolder, t.runFolder(), "a toy item is retried in a new folder");
            assertEquals(2, t.attempts());
            assertEquals(RunStatus.CANCELLED, RunStore.read(firstToyFolder).status(), "the cancelled attempt stays as it ended");
            assertEquals(RunStatus.COMPLETED, RunStore.read(t.runFolder()).status());

            QueueItem i = q.item(img.id());
            assertEquals(RunStatus.COMPLETED, i.state(), String.valueOf(i.error()));
            assertEquals(failed.runFolder(), i.runFolder(), "an image item continues in its folder");
            assertEquals(1, i.attempts());
            RunInfo run = RunStore.read(i.runFolder());
            assertEquals(RunStatus.COMPLETED, run.status());
            assertEquals(1, run.resumes());
            assertEquals(10, run.runs().get(0).iterations());
            assertFalse(q.retry(img.id()), "a completed item is not retried");
            assertEquals(1.0, i.progress());
        }
        // an image item reports training steps: epoch and step in the text, the share of all steps as progress
        List<QueueItem> steps = ev.of("q2").stream()
                .filter(x -> x.progressText().matches("lenet5-bn-adder-s1 epoch 1/1, step \\d+/10")).toList();
        assertFalse(steps.isEmpty(), String.valueOf(ev.of("q2")));
        for (QueueItem x : steps) {
            int step = Integer.parseInt(x.progressText().replaceAll(".*step (\\d+)/10", "$1"));
            assertEquals(step / 10.0, x.progress(), 1e-12, x.progressText());
        }
        assertNoTemporaryFiles(home);
    }

    @Test
    void theQueueSurvivesReopeningAndOneProcessHoldsIt() throws Exception {
        Path home = tmp.resolve("home");
        QueueItem a;
        QueueItem b;
        try (RunQueue q = RunQueue.open(home)) {
            a = q.add("fig2-unit-ball", TINY, 3, null);
            b = q.add("lenet5-bn-mnist-adder-short", List.of("training.epochs=1"), 1, tmp.resolve("data"));
            q.setParallel(3);
            assertTrue(q.cancel(b.id()));
            IOException held = assertThrows(IOException.class, () -> RunQueue.open(home));
            assertTrue(held.getMessage().contains("the queue is open in another workbench"), held.getMessage());
        }
        try (RunQueue q = RunQueue.open(home)) {
            assertEquals(3, q.parallel());
            List<QueueItem> items = q.items();
            assertEquals(2, items.size());
            QueueItem ra = items.get(0);
            assertEquals(a.id(), ra.id());
            assertEquals(RunStatus.QUEUED, ra.state());
            assertEquals(3, ra.seeds());
            assertEquals(TINY, ra.overrides());
            assertEquals(JSON.readTree(a.presetJson()), JSON.readTree(ra.presetJson()), "the merged preset is kept");
            assertEquals("toy", ra.kind());
            QueueItem rb = items.get(1);
            assertEquals(RunStatus.CANCELLED, rb.state());
            assertEquals("image", rb.kind());
            assertEquals(tmp.resolve("data").toAbsolutePath(), rb.dataRoot());
            assertEquals("q3", q.add("fig4-xor", TINY, 1, null).id(), "ids are never reused");
            assertTrue(q.remove(b.id()));
            assertEquals(List.of("q1", "q3"), q.items().stream().map(QueueItem::id).toList());
            PresetException bad = assertThrows(PresetException.class, () -> q.add("fig4-xor", List.of("training.lr=-1"),
                    1, null));
            assertEquals("--set training.lr=-1: training.lr: must be > 0, got -1.0", bad.getMessage());
            assertEquals(2, q.items().size(), "nothing added");
        }
        // a damaged queue.json is an error naming where; the file stays exactly as it is, and so does the lock
        Files.writeString(home.resolve(RunQueue.FILE), "{\"items\": [ {\"id\": 1");
        QueueFileException damaged = assertThrows(QueueFileException.class, () -> RunQueue.open(home));
        assertTrue(damaged.getMessage().startsWith(home.resolve(RunQueue.FILE) + ":1:"), damaged.getMessage());
        assertTrue(damaged.getMessage().endsWith("fix the file, or move it away to start an empty queue"),
                damaged.getMessage());
        assertEquals("{\"items\": [ {\"id\": 1", Files.readString(home.resolve(RunQueue.FILE)));
        try (var s = Files.list(home)) {
            assertEquals(0, s.filter(f -> f.getFileName().toString().startsWith("queue.json.")).count());
        }
        Files.delete(home.resolve(RunQueue.FILE));
        try (RunQueue q = RunQueue.open(home)) {
            assertEquals(List.of(), q.items(), "moved away by the user: an empty queue, the lock free again");
        }
    }

    @Test
    void aCloseInterruptsARunningToyItemWhichStartsAgainInItsFolder() throws Exception {
        Path home = tmp.resolve("home");
        Path folder;
        try (RunQueue q = RunQueue.open(home)) {
            QueueItem it = q.add("fig2-unit-ball", LONGER, 1, null);
            q.start();
            waitFor(q, it.id(), i -> i.progress() > 0);
            assertTrue(q.shutdown(60_000));
            QueueItem stopped = q.item(it.id());
            assertEquals(RunStatus.INTERRUPTED, stopped.state());
            assertTrue(stopped.error().contains("toy runs keep no checkpoints"), stopped.error());
            folder = stopped.runFolder();
            assertEquals(RunStatus.INTERRUPTED, RunStore.read(folder).status());
        }
        try (RunQueue q = RunQueue.open(home)) {
            assertEquals(RunStatus.INTERRUPTED, q.items().get(0).state());
            q.start();
            assertTrue(q.awaitIdle(120_000));
            QueueItem done = q.items().get(0);
            assertEquals(RunStatus.COMPLETED, done.state());
            assertEquals(folder, done.runFolder(), "the same folder");
            assertEquals(1, done.attempts(), "a resumption is not a new attempt");
        }
        RunInfo run = RunStore.read(folder);
        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(1, run.resumes());
        assertEquals(20000, run.runs().get(0).iterations(), "trained to the end");
        assertEquals(1, new RunStore(home).list().size());
    }

    /** No temporary file anywhere under {@code home}, and every manifest reads. */
    static void assertNoTemporaryFiles(Path home) throws IOException {
        List<Path> tmpFiles;
        List<Path> manifests;
        try (var s = Files.walk(home)) {
            List<Path> all = s.toList();
            tmpFiles = all.stream().filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
            manifests = all.stream().filter(f -> f.getFileName().toString().equals(RunManifest.FILE)).toList();
        }
        assertEquals(List.of(), tmpFiles);
        Map<Path, RunStatus> statuses = new HashMap<>();
        for (Path m : manifests) {
            statuses.put(m.getParent(), RunManifest.read(m.getParent()).status());
        }
        assertFalse(statuses.isEmpty());
        JsonNode queue = JSON.readTree(home.resolve(RunQueue.FILE).toFile());
        assertTrue(queue.get("items").isArray());
    }
}
