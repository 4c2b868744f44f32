package org.addernet.app.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.addernet.app.io.RunFiles;
import org.addernet.app.store.RunStore;
import org.addernet.app.testdata.SyntheticMnist;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.engine.train.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image-runs window's view model without a window: a same-thread executor, so a check or a
 * run has ended when its command returns; the cancel comes from the first epoch's update, so the
 * run stops after exactly one epoch; progress is timed by a clock the test moves.
 */
class ImageRunViewModelTest {
    private static final String SMALL = "training.batchSize=32 training.epochs=3 data.trainLimit=320";

    @TempDir
    Path tmp;

    @Test
    void aRunCancelledAfterItsFirstEpochResumesToItsEnd() throws Exception {
        Path data = SyntheticMnist.write(tmp.resolve("data"), 320, 96, 11);
        AtomicLong clock = new AtomicLong();
        ImageRunViewModel vm = new ImageRunViewModel(UiExecutor.sameThread(), new RunStore(tmp.resolve("home")),
                () -> clock.addAndGet(LiveRun.PROGRESS_NANOS));
        vm.select("lenet5-bn-mnist-adder-short", SMALL, data);
        vm.start();                      // unchecked: it checks instead
        assertEquals("Check the preset first: its memory estimate decides whether it may start.", vm.status().get());
        assertFalse(vm.checking().get());
        assertEquals(1, vm.estimates().size());
        assertTrue(vm.estimates().get(0).fits());
        assertTrue(vm.estimate().get().startsWith("lenet5-bn-adder: "), vm.estimate().get());
        assertEquals("", vm.refusal().get());

        List<String> progress = new ArrayList<>();
        vm.live().progressText().addListener((o, a, b) -> progress.add(b));
        vm.live().accuracy().addListener((o, a, b) -> {
            if (vm.live().epochs().values().stream().anyMatch(l -> l.size() == 1)) {
                vm.cancel();               // the first epoch is shown: stop after the current step
            }
        });
        vm.start();
        assertFalse(vm.running().get());
        Path out = vm.out();
        assertTrue(out.startsWith(tmp.resolve("home").resolve("runs")), "the run folder is in the run store: " + out);
        assertEquals(RunStatus.CANCELLED, vm.summary().get().runs().get(0).status());
        assertEquals(1, vm.summary().get().runs().get(0).epochsDone(), "cancelled in the second epoch's first step");
        assertTrue(Files.isRegularFile(out.resolve("lenet5-bn-adder-s1").resolve(RunFiles.CHECKPOINT)));
        assertTrue(vm.status().get().startsWith("1 run(s) not completed (lenet5-bn-adder-s1 cancelled"), vm.status().get());
        assertFalse(vm.status().get().contains("--resume"), "the window's words, not the command line's: " + vm.status().get());
        assertTrue(vm.status().get().contains("Resume a run folder"), vm.status().get());
        assertEquals("Cancelled: 0 of 1 run completed", vm.live().progressText().get(), "no ETA after the end");
        assertTrue(progress.stream().anyMatch(t -> t.endsWith("cancelling after this step\u2026") && !t.contains("ETA")),
                "Cancel drops the ETA at once: " + progress);
        assertTrue(vm.live().epochTime().get().startsWith("measured: 0:"), vm.live().epochTime().get());
        assertTrue(vm.live().epochTime().get().contains("for epoch 1 of lenet5-bn-adder-s1"), vm.live().epochTime().get());
        assertEquals(96, vm.live().confusion().get().total(), "every test image once");
        assertEquals(TestImages.STRIP, vm.live().strip().get().size());
        assertFalse(progress.isEmpty());
        assertTrue(progress.get(0).startsWith("lenet5-bn-adder-s1  epoch 1/3  step 1/10  "), progress.get(0));
        assertTrue(vm.live().log().get().contains("lenet5-bn-adder-s1"), vm.live().log().get());

        vm.resume(out);
        assertFalse(vm.running().get());
        assertEquals(RunStatus.COMPLETED, vm.summary().get().runs().get(0).status(), vm.status().get());
        assertEquals(3, vm.summary().get().runs().get(0).epochsDone());
        assertEquals(3, vm.live().epochs().get("lenet5-bn-adder-s1").size(), "the first epoch from metrics.csv, then the rest");
        assertTrue(vm.status().get().startsWith("Completed: lenet5-bn-adder-s1 test "), vm.status().get());
        assertEquals("Done: 1 of 1 run completed", vm.live().progressText().get(), "not the last step's ETA 0:00");
        assertEquals(1.0, vm.live().progress().get(), 0.1 + 1e-9, "the last update is at most a step from the end");
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(RunFiles.RUN_INFO).toFile());
        assertEquals("window", manifest.path("source").asText());
        assertEquals("completed", manifest.path("status").asText());
    }

    @Test
    void badInputIsOneLineAndNothingStarts() throws Exception {
        ImageRunViewModel vm = new ImageRunViewModel(UiExecutor.sameThread(), new RunStore(tmp.resolve("home")),
                System::nanoTime);
        vm.select("lenet5-bn-mnist-adder-short", "training.lr=fast", null);
        vm.check();
        assertEquals("training.lr=fast: training.lr: expected a number, got the string \"fast\"", vm.refusal().get());
        assertNull(vm.estimates());
        vm.overrides.set("");
        assertEquals("", vm.refusal().get(), "a new setting clears the refusal");
        vm.select("demo-one-unit", "", null);
        vm.check();
        assertEquals("demo-one-unit is a toy preset: it runs in the main window", vm.refusal().get());
        vm.resume(tmp);
        assertEquals(tmp + ": not an epoch run folder (it lacks preset.json)", vm.status().get());
        Path damaged = Files.createDirectories(tmp.resolve("damaged"));
        Files.writeString(damaged.resolve(RunFiles.PRESET), org.addernet.presets.PresetLoader.toJson(
                org.addernet.presets.PresetLoader.resolve("lenet5-bn-mnist-adder-short", List.of())));
        Files.writeString(damaged.resolve(RunFiles.RUN_INFO), "{\"seeds\": \"two\"}\n");
        vm.resume(damaged);
        assertFalse(vm.running().get(), "a damaged run.json is not resumed with a seed count guessed");
        assertTrue(vm.status().get().startsWith(damaged + ": " + damaged.resolve(RunFiles.RUN_INFO) + ":1:"), vm.status().get());
        assertTrue(vm.status().get().contains("seeds"), vm.status().get());
        vm.select("resnet20-cifar10-adder", "training.batchSize=60000", null);
        vm.check();
        assertFalse(vm.estimates().get(0).fits());
        vm.start();
        assertFalse(vm.running().get(), "refused runs do not start");
        assertTrue(vm.refusal().get().startsWith("Refused: resnet20-adder would need about "), vm.refusal().get());
        assertNull(vm.out());
        assertFalse(Files.exists(tmp.resolve("home").resolve("runs")), "no run folder was made");
        assertNotNull(vm.live().confusion().get());
    }

    @Test
    void theConfusionMatrixWritesEachCellsShareOfItsTrueClass() {
        assertEquals("77", ConfusionView.cellText(767, 1000));
        assertEquals("0.9", ConfusionView.cellText(9, 1000));
        assertEquals("0", ConfusionView.cellText(0, 1000));
        assertEquals("", ConfusionView.cellText(0, 0));
        assertEquals("continue it with Resume a run folder\u2026 (the checkpoint is kept)",
                ImageRunViewModel.forTheWindow("continue with --resume /tmp/x (the checkpoint is kept)"));
    }
}
