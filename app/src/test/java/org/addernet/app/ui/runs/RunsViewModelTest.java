package org.addernet.app.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.addernet.app.store.ComparisonTable;
import org.addernet.app.store.QueueItem;
import org.addernet.app.store.RunInfo;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.engine.train.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue-and-history window's view models without a window. Background work runs inline; what
 * would go to the FX thread waits in a queue that the test runs on its own thread ({@link #drain}),
 * so every property changes on the test's thread, at points the test chooses.
 */
class RunsViewModelTest {
    private static final String TINY = "training.iterations=100 runs.hidden=[1] runs.models=[\"adder\"]";

    @TempDir
    Path tmp;

    private final ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private final UiExecutor executor = new UiExecutor(Runnable::run, fx::add);
    private final List<RunsViewModel> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RunsViewModel::close);
    }

    private RunsViewModel open(Path home) {
        RunsViewModel vm = new RunsViewModel(home, executor);
        opened.add(vm);
        return vm;
    }

    /** Runs what waits for the FX thread, including what that posts. */
    private void drain() {
        for (Runnable r; (r = fx.poll()) != null; ) {
            r.run();
        }
    }

    /** Drains until {@code c} holds (the queue reports from its own thread); fails after a minute. */
    private void await(String what, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        drain();
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
            drain();
        }
        assertTrue(c.getAsBoolean(), what);
    }

    private static List<String> ids(QueueViewModel q) {
        return q.items().get().stream().map(QueueItem::id).toList();
    }

    private static String state(QueueViewModel q, String id) {
        return q.items().get().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow().state().id();
    }

    @Test
    void theFormAddsItemsOrSaysWhatIsWrongAndTheItemCommandsFollowTheSelection() throws Exception {
        RunsViewModel w = open(tmp.resolve("home"));
        QueueViewModel q = w.queueVm();
        assertTrue(q.available());
        assertFalse(q.started().get(), "nothing runs before the window opens the queue");
        q.fill("fig4-xor", 1, "training.iterations=200 runs.hidden=[1]", "training.lr=0.05,0.1", null);
        q.add();
        assertEquals("Added 2 items: q1, q2 (the queue is paused: Start runs them)", q.message().get());
        assertFalse(q.problem().get());
        await("both items shown", () -> q.items().get().size() == 2);
        assertEquals(List.of("training.iterations=200", "runs.hidden=[1]", "training.lr=0.1"),
                q.items().get().get(1).overrides());
        assertTrue(q.summary().get().startsWith("paused, 0 running, 2 waiting, 0 completed   (home: "), q.summary().get());

        q.fill("fig4-xor", 1, "training.lr=-1", "", null);
        q.add();
        assertEquals("--set training.lr=-1: training.lr: must be > 0, got -1.0", q.message().get());
        assertTrue(q.problem().get());
        q.fill("fig4-xor", 0, "", "", null);
        q.add();
        assertEquals("Seeds: expected a whole number >= 1", q.message().get());
        q.fill("fig4-xor", 1, "", "training.lr=", null);
        q.add();
        assertEquals("Sweep: 'training.lr=': expected key.path=v1,v2,...", q.message().get());
        q.fill("fig4-xor", 1, "", "", null);
        q.dataRoot.set("bad\u0000root");
        q.add();
        assertTrue(q.message().get().startsWith("Data root: 'bad\u0000root': not a path ("), q.message().get());
        drain();
        assertEquals(List.of("q1", "q2"), ids(q), "nothing was added");

        assertFalse(q.canCancel().get(), "no selection: no item command");
        q.selected.set("q1");
        assertTrue(q.canCancel().get());
        assertFalse(q.canUp().get());
        assertTrue(q.canDown().get());
        assertFalse(q.canRetry().get());
        assertTrue(q.canRemove().get());
        q.down();
        await("q1 moved down", () -> ids(q).equals(List.of("q2", "q1")));
        assertTrue(q.canUp().get());
        assertFalse(q.canDown().get());
        q.cancelSelected();
        await("q1 cancelled", () -> "cancelled".equals(state(q, "q1")));
        assertFalse(q.canCancel().get());
        assertTrue(q.canRetry().get());
        q.cancelSelected();
        assertEquals("Nothing to do for q1 in its state (cancelled)", q.message().get());
        q.retry();
        await("q1 queued again", () -> "queued".equals(state(q, "q1")));
        assertEquals("", q.message().get());
        q.remove();
        await("q1 removed", () -> ids(q).equals(List.of("q2")));
        assertNull(q.selected.get(), "a removed item is no longer selected");
        q.parallel.set(3);
        assertEquals(3, w.queue().parallel());
    }

    @Test
    void anItemThatEndsRefreshesTheHistoryWhoseCompareFillsTheComparison() throws Exception {
        RunsViewModel w = open(tmp.resolve("home"));
        w.open();
        QueueViewModel q = w.queueVm();
        assertFalse(q.started().get(), "an empty queue stays paused: what is added waits for Start");
        assertFalse(q.canStart().get(), "nothing to start");
        assertFalse(q.canPause().get(), "nothing to pause");
        q.fill("fig4-xor", 2, TINY, "", null);
        q.add();
        await("the item is shown", () -> q.items().get().size() == 1);
        assertEquals("queued", state(q, "q1"), "added, not started");
        assertTrue(q.canStart().get());
        q.start();
        assertTrue(q.started().get());
        assertTrue(q.canPause().get());
        assertFalse(q.canStart().get());
        await("the item completes", () -> q.items().get().size() == 1 && "completed".equals(state(q, "q1")));
        await("the history read again when it ended", () -> w.historyVm().all().get().size() == 1);
        HistoryViewModel h = w.historyVm();
        assertEquals(RunStatus.COMPLETED, h.all().get().get(0).status());
        assertTrue(h.status().get().startsWith("1 run in "), h.status().get());
        assertEquals(List.of(HistoryViewModel.ANY, "fig4-xor"), h.presets().get());
        h.filter(null, null, "damaged");
        assertEquals(0, h.shown().get().size());
        h.compare(List.of());
        assertEquals("Nothing to compare: no readable run is shown or selected.", h.status().get());
        h.filter("fig4-xor", "adder", "completed");
        assertEquals(1, h.shown().get().size());

        // a damaged folder is listed with its reason; a filter that names a preset no longer listed goes back to any
        Path broken = Files.createDirectories(w.store().runsDir().resolve("20200101-000000-broken"));
        Files.writeString(broken.resolve("run.json"), "{\"format\": 1, \"seeds\": ");
        h.presetFilter.set("gone");
        h.refresh();
        drain();
        assertEquals(2, h.all().get().size());
        assertEquals(HistoryViewModel.ANY, h.presetFilter.get());
        assertTrue(h.status().get().endsWith("; 1 damaged (see Note)"), h.status().get());

        h.filter(null, null, null);
        h.compare(List.of());
        drain();
        assertEquals(RunsViewModel.COMPARE, w.page().get(), "Compare turns to the comparison");
        ComparisonViewModel c = w.comparisonVm();
        assertFalse(c.loading().get());
        assertEquals("1 folder, 2 runs", c.what().get(), "the damaged folder is left out");
        assertEquals(1, c.comparison().get().rows().size());
        assertEquals(2, c.comparison().get().rows().get(0).seeds());
        assertEquals(List.of(), c.notes());
        Path csv = tmp.resolve("out/t.csv");
        c.save(ComparisonViewModel.Export.CSV, csv);
        assertEquals("Wrote " + csv, c.status().get());
        assertEquals(2, Files.readAllLines(csv).size(), "a header and one row");
        c.save(ComparisonViewModel.Export.PNG, tmp.resolve("out/c.png"));
        assertEquals("Wrote the charts beside " + tmp.resolve("out/c.png"), c.status().get());
        assertTrue(Files.isRegularFile(tmp.resolve("out/c-final-accuracy.png")));
        c.save(ComparisonViewModel.Export.LATEX, tmp.resolve("out"));
        assertTrue(c.status().get().startsWith("Cannot write " + tmp.resolve("out") + ": "), c.status().get());
        assertEquals(ComparisonViewModel.Tone.PROBLEM, c.tone().get());
    }

    @Test
    void aSecondWindowIsRefusedTheQueueAndItsHistoryStillWorks() throws Exception {
        Path home = tmp.resolve("home");
        RunsViewModel first = open(home);
        RunsViewModel second = open(home);
        assertFalse(second.queueVm().available());
        assertTrue(second.queueVm().problem().get());
        assertTrue(second.queueVm().message().get().contains("the queue is open in another workbench"),
                second.queueVm().message().get());
        assertTrue(second.queueVm().message().get().endsWith("The history below still works."));
        second.open();
        drain();
        assertFalse(second.queueVm().started().get());
        assertEquals(0, second.historyVm().all().get().size());
        assertFalse(second.historyVm().problem().get(), second.historyVm().status().get());
        first.close();
        assertTrue(first.isClosed());
        RunsViewModel third = open(home);
        assertTrue(third.queueVm().available(), "the closed window let go of the queue");
    }

    @Test
    void theComparisonPlotsWhatIsTickedAndNamesEachModelsBest() throws Exception {
        RunsViewModel w = open(tmp.resolve("home"));
        w.open();
        QueueViewModel q = w.queueVm();
        q.fill("fig4-xor fig2-unit-ball", 1, "training.iterations=100 runs.hidden=[1,2]", "", null);
        q.add();
        q.start();
        await("both complete", () -> q.items().get().size() == 2
                && q.items().get().stream().allMatch(i -> "completed".equals(i.state().id())));
        await("listed", () -> w.historyVm().all().get().size() == 2);
        w.historyVm().compare(List.of());
        drain();
        ComparisonViewModel c = w.comparisonVm();
        assertEquals(8, c.comparison().get().rows().size(), "2 presets x 2 models x 2 n");
        assertEquals(List.of("run", "run", "model", "model", "n", "n"),
                c.ticks().get().stream().map(ComparisonViewModel.Tick::kind).toList());
        assertTrue(c.bests().get().startsWith("Best test accuracy per model: "), c.bests().get());
        assertTrue(c.bests().get().contains("mlp ") && c.bests().get().contains("adder "), c.bests().get());
        c.tick("model", "mlp", false);
        assertEquals(4, c.comparison().get().rows().size());
        assertTrue(c.comparison().get().rows().stream().allMatch(r -> r.model().equals("adder")));
        List<String> keys = new ArrayList<>();
        var acc = (org.jfree.chart.plot.XYPlot) c.accuracy().get().getPlot();
        for (int k = 0; k < acc.getDataset().getSeriesCount(); k++) {
            keys.add(String.valueOf(acc.getDataset().getSeriesKey(k)));
        }
        assertEquals(8, keys.size(), "the adder's test and train curves of 4 groups: " + keys);
        assertTrue(keys.stream().allMatch(k -> k.contains(" adder ")), String.valueOf(keys));
        assertFalse(c.bests().get().contains("mlp"), c.bests().get());
        c.tick("n", "n = 2", false);
        ComparisonViewModel.Tick firstRun = c.ticks().get().get(0);
        assertEquals(w.historyVm().all().get().get(0).folder(), firstRun.value());
        assertTrue(firstRun.label().matches("fig2-unit-ball \\[training.iterations=100 runs.hidden=\\[1,2]] \\(\\d\\d:\\d\\d:\\d\\d\\)"),
                "the preset, its settings and the folder's time: " + firstRun.label());
        firstRun.shown().set(false);
        assertEquals(1, c.comparison().get().rows().size(), "one preset, the adder, n = 1");
        ComparisonTable.Row row = c.comparison().get().rows().get(0);
        RunCurves.Meta best = c.best(row);
        assertEquals(RunStatus.COMPLETED, best.bestStatus());
        assertTrue(best.best() >= row.testMean() - 1e-6, "the best logged is at least the final");
        c.tick("model", "mlp", true);
        assertEquals(2, c.comparison().get().rows().size());
    }

    @Test
    void theHistoryNamesEachModelsBestAndACancelledRunsBestEpoch() {
        var run = new org.addernet.app.runner.RunRecord.Run("lenet5-bn-adder-s1", "lenet5-bn-adder", null, 0, 1, 1);
        var cancelled = new org.addernet.app.runner.RunRecord(run, RunStatus.CANCELLED,
                org.addernet.app.runner.RunRecord.Result.NONE, "cancelled after epoch 3",
                new org.addernet.app.runner.RunRecord.EpochStats(10, 3, 0.816, 2000.0));
        RunInfo image = new RunInfo(Path.of("x"), "x", "lenet5-bn-fashion-mnist-adder", "", "image", null, 1, List.of(),
                List.of("lenet5-bn-adder"), "0.1.0", null, "now", RunStatus.CANCELLED, null, 0, null, List.of(cancelled));
        assertEquals("81.60 (cancelled)", HistoryViewModel.bestText(image));
        assertEquals("cli", HistoryViewModel.sourceText(image), "not recorded: made by the command line");
        List<org.addernet.app.runner.RunRecord> grid = new ArrayList<>();
        double[][] acc = {{0.70, 0.80, 0.96}, {0.999, 0.998, 0.9}};
        String[] models = {"mlp", "adder"};
        for (int m = 0; m < 2; m++) {
            for (int n = 1; n <= 3; n++) {
                grid.add(new org.addernet.app.runner.RunRecord(new org.addernet.app.runner.RunRecord.Run(
                        models[m] + "-n" + n, models[m], n, 2, 1, 1), RunStatus.COMPLETED,
                        new org.addernet.app.runner.RunRecord.Result(acc[m][n - 1], acc[m][n - 1], 0.1, 100, 1), null));
            }
        }
        RunInfo fig = new RunInfo(Path.of("y"), "y", "fig2-unit-ball", "", "toy", null, 1, List.of(), List.of("mlp", "adder"),
                "0.1.0", "window", "now", RunStatus.COMPLETED, null, 0, null, grid);
        assertEquals("mlp n=3 96.00  \u00b7  adder n=1 99.90", HistoryViewModel.bestText(fig), "one best per model, not of all six");
        assertEquals("window", HistoryViewModel.sourceText(fig));
    }
}
