package org.addernet.app.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without a window: a same-thread executor stands in for the FX thread. */
class WorkbenchViewModelTest {
    @TempDir
    Path tmp;

    private WorkbenchViewModel vm;

    private WorkbenchViewModel vm(String preset, String... overrides) {
        vm = new WorkbenchViewModel(PresetLoader.resolve(preset, List.of(overrides)), Runnable::run);
        return vm;
    }

    @AfterEach
    void dispose() {
        if (vm != null) {
            vm.dispose();
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(c.getAsBoolean(), what);
    }

    @Test
    void settingsRoundTripThroughAPreset() {
        vm("fig3-multi-ball");
        Preset p = vm.currentPreset();
        assertEquals("multi-ball", p.data().set());
        assertEquals(List.of(3, 5, 10), p.runs().hidden(), "a figure preset keeps its grid");
        assertEquals(List.of(3, 5, 10), vm.gridHidden());
        vm.settings.lr.set(0.05);
        vm.settings.pDecay.set(true);
        Preset q = vm.currentPreset();
        assertEquals(0.05, q.training().lr());
        assertEquals(2.0, q.adder().pStart());
        assertEquals(1.0, q.adder().pEnd());
    }

    @Test
    void aStructuralChangeRebuildsBeforeTrainingAndAsksForResetAfter() throws Exception {
        vm("demo-one-unit", "training.iterations=300");
        await("first frame", () -> vm.frame().get() != null);
        vm.settings.dataSet.set("xor");
        await("rebuilt on xor", () -> vm.lastSnapshot() != null && vm.lastSnapshot().data().spec().set().id().equals("xor"));
        assertFalse(vm.needsReset().get());
        vm.step();
        await("one step", () -> vm.iteration().get() == 1);
        vm.settings.hidden.set(4);
        assertTrue(vm.needsReset().get(), "changing n mid-run asks for a reset");
        assertEquals(1, vm.iteration().get(), "training state is kept until the reset");
        vm.reset();
        assertFalse(vm.needsReset().get());
        await("rebuilt with n = 4", () -> vm.lastSnapshot() != null && vm.lastSnapshot().models().get(0).spec().hidden() == 4);
        assertEquals(0, vm.iteration().get());
    }

    @Test
    void theLearningRateChangesWithoutAReset() throws Exception {
        vm("demo-one-unit", "training.iterations=300");
        vm.step();
        await("one step", () -> vm.iteration().get() == 1);
        vm.settings.lr.set(0.02);
        assertFalse(vm.needsReset().get());
        vm.step();
        await("two steps", () -> vm.iteration().get() == 2);
        assertEquals(0.02 * 0.5 * (1 + Math.cos(Math.PI * 1 / 300)), vm.lastSnapshot().models().get(0).last().lr(), 1e-9);
    }

    @Test
    void openingABadPresetReportsAndKeepsTheSession() throws Exception {
        vm("demo-one-unit");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"bad\", \"runs\": {\"hidden\": [0]}}");
        String msg = vm.openPreset(bad);
        assertNotNull(msg);
        assertTrue(msg.startsWith(bad + ":1:"), msg);
        assertTrue(msg.contains("runs.hidden[0]"), msg);
        assertEquals("demo-one-unit", vm.settings.base().name());
    }

    @Test
    void savedSettingsOpenAgainAsTheSamePreset() throws Exception {
        vm("demo-l2-to-l1");
        vm.settings.hidden.set(7);
        vm.settings.eta.set(0.1);
        Path f = tmp.resolve("mine.json");
        vm.savePreset(f);
        Preset back = PresetLoader.load(f, List.of());
        assertEquals(vm.currentPreset(), back);
        assertEquals(List.of(7), back.runs().hidden());
        assertNull(vm.openPreset(f));
    }

    @Test
    void framesCarryBothPanelsTheDifferenceAndThumbnails() throws Exception {
        vm("demo-l2-to-l1", "training.iterations=200");
        vm.panels.showDifference.set(true);
        vm.step();
        await("a frame after the step", () -> vm.frame().get() != null && vm.frame().get().snapshot().iteration() == 1);
        await("difference drawn", () -> vm.frame().get().difference() != null);
        Frame f = vm.frame().get();
        assertEquals(2, f.panels().size());
        assertEquals("mlp", f.panels().get(0).model().spec().kind());
        assertEquals(5, f.panels().get(1).thumbnails().size(), "one thumbnail per hidden unit");
    }

    @Test
    void metricsExportWritesOneCsvPerModel() throws Exception {
        vm("demo-one-unit", "training.iterations=50");
        vm.play();
        await("finished", () -> vm.lastSnapshot() != null && vm.lastSnapshot().finished());
        List<Path> files = vm.exportMetrics(tmp.resolve("m.csv"));
        assertEquals(2, files.size());
        List<String> lines = Files.readAllLines(files.get(1));
        assertTrue(lines.get(0).startsWith("iteration,loss,train_accuracy,test_accuracy,lr,p"));
        assertTrue(lines.size() > 10);
    }

    @Test
    void unusableSettingsKeepTheSessionThatRuns() throws Exception {
        vm("demo-one-unit", "training.iterations=200");
        await("first frame", () -> vm.lastSnapshot() != null);
        vm.settings.momentum.set(0);            // Nesterov is on: this combination is refused
        assertTrue(vm.status().get().startsWith("Cannot start with these settings: Momentum: must be > 0"),
                vm.status().get());
        assertFalse(vm.settings.input("training.momentum").isValid(), "the field is marked");
        assertTrue(vm.blocked().get().startsWith("Momentum"), vm.blocked().get());
        assertTrue(vm.hasSession());
        vm.settings.momentum.set(0.9);
        vm.play();
        await("the kept session trains", () -> vm.lastSnapshot() != null && vm.lastSnapshot().finished());
        assertEquals(200, vm.iteration().get());
    }

    @Test
    void aFrameOfAReplacedSessionNeverComesBack() throws Exception {
        // one thread stands in for the FX thread: frames are shown there and the commands run there, in order
        java.util.concurrent.ExecutorService fxThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            vm = fx(fxThread, () -> new WorkbenchViewModel(PresetLoader.resolve("demo-one-unit",
                    List.of("training.iterations=100000")), fxThread::execute));
            List<Frame> shown = new java.util.ArrayList<>();        // written and read on the FX stand-in only
            fx(fxThread, () -> {
                vm.frame().addListener((o, a, b) -> shown.add(b));
                vm.play();
                return null;
            });
            await("training", () -> vm.iteration().get() > 200);
            Object[] old = fx(fxThread, () -> {
                Object[] o = {vm.session(), vm.frame().get().generation(), null};
                vm.reset();
                vm.panels.discretize.set(true);                 // re-renders the newest snapshot of the *new* session
                o[2] = shown.size();
                return o;
            });
            var replaced = (org.addernet.app.ui.session.TrainingSession) old[0];
            long oldGeneration = (Long) old[1];
            replaced.join(30_000);
            assertFalse(replaced.isRunning(), "the replaced session has stopped");
            // the old session can publish nothing more; a step of the new one is rendered and shown after all it did
            fx(fxThread, () -> {
                vm.step();
                return null;
            });
            await("the new session's step", () -> fx(fxThread, () -> vm.lastSnapshot() != null
                    && vm.lastSnapshot().iteration() == 1));
            List<Frame> after = fx(fxThread, () -> List.copyOf(shown.subList((Integer) old[2], shown.size())));
            assertFalse(after.isEmpty());
            for (Frame f : after) {
                assertTrue(f.generation() != oldGeneration && f.snapshot().iteration() <= 1,
                        "no frame of the old session after the reset: iteration " + f.snapshot().iteration());
            }
            assertEquals(1, (long) fx(fxThread, () -> vm.iteration().get()), "no frame of the old session after the reset");
        } finally {
            fx(fxThread, () -> {
                vm.dispose();
                return null;
            });
            vm = null;
            fxThread.shutdown();
        }
    }

    private static <T> T fx(java.util.concurrent.ExecutorService thread, java.util.concurrent.Callable<T> c) {
        try {
            return thread.submit(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void playOnAFinishedRunDoesNothing() throws Exception {
        vm("demo-one-unit", "training.iterations=30");
        vm.play();
        await("finished", () -> vm.lastSnapshot() != null && vm.lastSnapshot().finished());
        await("stopped", () -> !vm.running().get());
        vm.play();
        assertFalse(vm.running().get());
        vm.loadPreset(PresetLoader.resolve("fig4-xor", List.of("training.iterations=30")));
        vm.play();                                // at once: the finished session is gone
        assertTrue(vm.running().get(), "Play on a newly opened preset starts it");
    }

    @Test
    void anInvalidEntryBlocksTrainingWithItsReasonAndChangesNothing() throws Exception {
        vm("demo-one-unit", "training.iterations=100");
        vm.speed.set(0);
        await("first frame", () -> vm.lastSnapshot() != null);
        var session = vm.session();
        vm.settings.input("data.samples").text.set("abc");
        assertEquals("Samples: 'abc' is not a number", vm.blocked().get());
        assertEquals(1000, vm.settings.samples.get(), "the value in effect is the last valid one");
        assertSame(session, vm.session(), "nothing was rebuilt");
        vm.play();
        assertFalse(vm.running().get(), "Play refuses");
        assertEquals("Cannot train: Samples: 'abc' is not a number", vm.status().get());
        vm.step();
        assertEquals(0, vm.iteration().get());
        vm.settings.input("training.lr").text.set("-5");     // the first problem is the one said
        assertTrue(vm.blocked().get().startsWith("Samples"));
        vm.settings.input("data.samples").text.set("800");
        assertEquals("Learning rate: must be greater than 0", vm.blocked().get());
        assertEquals(0.1, vm.settings.lr.get(), "-5 is not clamped to a tiny rate");
        vm.settings.input("training.lr").text.set("0.2");
        assertEquals("", vm.blocked().get());
        await("rebuilt on 800 samples", () -> vm.lastSnapshot() != null
                && vm.lastSnapshot().data().train().size() + vm.lastSnapshot().data().test().size() == 800);
        vm.play();
        await("trains", () -> vm.lastSnapshot().finished());
    }

    @Test
    void aPresetSetsTheDemoSpeedAndTheDefaultIsWatchable() {
        vm("demo-one-unit");
        assertEquals(200, vm.speed.get(), "demo-one-unit's output.demoSpeed");
        vm.loadPreset(PresetLoader.resolve("fig4-xor", List.of()));
        assertEquals(SessionFactory.DEFAULT_SPEED, vm.speed.get(), "no demo speed: the window's default");
        vm.loadPreset(PresetLoader.resolve("fig4-xor", List.of("output.demoSpeed=0")));
        assertEquals(0, vm.speed.get(), "0 = full speed");
    }

    @Test
    void figureModeSaysWhichColumnTheMainViewShowsAndAsksBeforeLeaving() throws Exception {
        vm("fig2-unit-ball", "training.iterations=200");
        vm.speed.set(0);
        assertEquals(List.of(1, 2, 3), vm.gridHidden());
        assertTrue(vm.figureNote().get().contains("n = 1, 2, 3"), vm.figureNote().get());
        assertTrue(vm.figureNote().get().contains("show the n = 1 column"), vm.figureNote().get());
        var session = vm.session();
        vm.settings.hidden.set(2);                       // another column: it trains already
        assertSame(session, vm.session(), "no restart");
        assertTrue(vm.figureNote().get().contains("show the n = 2 column"), vm.figureNote().get());
        vm.step();
        await("a frame of the n = 2 column", () -> vm.frame().get() != null && vm.frame().get().snapshot().iteration() == 1
                && vm.frame().get().panels().get(0).model().spec().hidden() == 2);
        vm.settings.hidden.set(5);                       // outside the figure: asked, nothing dropped yet
        assertTrue(vm.leaveFigureQuestion().get().startsWith("n = 5 is not a column of the figure (n = 1, 2, 3)"),
                vm.leaveFigureQuestion().get());
        assertEquals(List.of(1, 2, 3), vm.gridHidden());
        assertSame(session, vm.session());
        vm.keepFigure();
        assertEquals(2, vm.settings.hidden.get(), "keeping the figure puts the column back");
        assertEquals("", vm.leaveFigureQuestion().get());
        assertEquals(6, vm.session().specs().size(), "all six models train on");
        vm.settings.hidden.set(5);
        vm.leaveFigure();
        assertEquals(List.of(), vm.gridHidden());
        assertFalse(vm.panels.gridView.get());
        assertTrue(vm.needsReset().get(), "training had started: the change waits for Reset");
        vm.reset();
        assertEquals(List.of(5, 5), vm.session().specs().stream().map(m -> m.hidden()).toList());
        assertEquals("", vm.figureNote().get());
    }

    @Test
    void aLargeSampleIsGeneratedOffTheCallersThreadAndDrawnAsASubsample() throws Exception {
        vm("demo-one-unit", "training.iterations=20");
        vm.speed.set(0);
        vm.settings.input("data.samples").text.set("200000");
        await("generated", () -> !vm.preparing().get() && vm.lastSnapshot() != null
                && vm.lastSnapshot().data().train().size() + vm.lastSnapshot().data().test().size() == 200_000);
        assertEquals("Drawn: 4,000 of 200,000 points, a random subsample (accuracies count every point).",
                vm.pointsNote().get());
        vm.play();
        await("trained", () -> vm.lastSnapshot().finished());
        vm.settings.input("data.samples").text.set("2000000");
        assertTrue(vm.blocked().get().startsWith("Samples: must be at most 1,000,000"), vm.blocked().get());
    }

    @Test
    void aNetworkWhoseReluDiesSaysSoUnderItsPanel() throws Exception {
        // found by trying: this MLP's one ReLU unit dies within 200 steps (its gradient is exactly 0 from then on)
        vm("demo-one-unit", "training.iterations=3000", "training.lr=0.5", "seed=3", "runs.models=[\"mlp\"]");
        vm.speed.set(0);
        vm.play();
        await("finished", () -> vm.lastSnapshot() != null && vm.lastSnapshot().finished());
        await("the last frame", () -> vm.frame().get().snapshot().finished());
        Frame.Panel p = vm.frame().get().panels().get(0);
        assertTrue(p.stopped());
        assertTrue(p.note().matches("Dead since iteration \\d+: no gradient, every weight gradient is exactly 0 \\(its "
                + "ReLUs output 0 on every training point\\), so it cannot learn any more\\..*"), p.note());
        long since = Long.parseLong(p.note().replaceAll("\\D*(\\d+).*", "$1"));
        assertTrue(since > 1 && since <= 200, "dies early: " + since);
    }
}
