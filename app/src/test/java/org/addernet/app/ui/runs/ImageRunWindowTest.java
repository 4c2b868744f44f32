package org.addernet.app.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunEstimate;
import org.addernet.app.testdata.SyntheticMnist;
import org.addernet.app.ui.view.MainView;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.presets.PresetLoader;
import org.addernet.engine.train.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the image-runs window headless on a small synthetic MNIST: check (estimate), start, live
 * epochs with confusion matrix and test images, cancel after an epoch, resume from the checkpoint;
 * and a run refused because it would not fit in the heap.
 */
@ExtendWith(ApplicationExtension.class)
class ImageRunWindowTest {
    private WorkbenchViewModel vm;
    private MainView view;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        vm = new WorkbenchViewModel(PresetLoader.resolve("demo-one-unit", List.of()), Platform::runLater);
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.dispose();
        System.clearProperty("addernet.home");
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> c.getAsBoolean());
        assertTrue(c.getAsBoolean(), what);
    }

    private static String text(FxRobot robot, String id) {
        return ((Label) robot.lookup(id).query()).getText();
    }

    private ImageRunWindow open(FxRobot robot) throws Exception {
        robot.clickOn("Run").clickOn("#menu-image-runs");
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> view.openImageRuns()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCheckedRunTrainsShowsItsEpochsAndResumesAfterACancel(FxRobot robot) throws Exception {
        Path data = SyntheticMnist.write(tmp.resolve("data"), 320, 96, 11);
        System.setProperty("addernet.home", tmp.resolve("home").toString());   // the run store of the test
        ImageRunWindow w = open(robot);
        robot.interact(() -> w.vm().select("lenet5-bn-mnist-adder-short", "training.batchSize=32 training.epochs=20 "
                + "data.trainLimit=320", data));
        robot.clickOn("#image-start");        // unchecked: starting checks first
        waitUntil("the estimate", () -> !w.vm().checking().get() && w.vm().estimates() != null);
        RunEstimate.Estimate e = w.vm().estimates().get(0);
        assertEquals("lenet5-bn-adder", e.model());
        assertTrue(e.parameters() > 50_000, "LeNet-5-BN's parameters: " + e.parameters());
        assertTrue(e.secondsPerStep() > 0, "a measured step");
        assertTrue(e.fits());
        assertTrue(text(robot, "#image-estimate").startsWith("lenet5-bn-adder: "), text(robot, "#image-estimate"));
        assertEquals("", text(robot, "#image-refusal"));

        robot.clickOn("#image-start");
        waitUntil("the first epoch", () -> w.vm().live().epochs().values().stream().anyMatch(l -> !l.isEmpty()));
        robot.clickOn("#image-cancel");
        waitUntil("the run stops", () -> !w.vm().running().get());
        Path out = w.vm().out();
        assertNotNull(out);
        assertTrue(out.startsWith(tmp.resolve("home").resolve("runs")), "the run folder is in the run store: " + out);
        assertEquals(RunStatus.CANCELLED, w.vm().summary().get().runs().get(0).status());
        int done = w.vm().summary().get().runs().get(0).epochsDone();
        assertTrue(done >= 1 && done < 20, "cancelled after " + done + " epochs");
        assertTrue(Files.isRegularFile(out.resolve("lenet5-bn-adder-s1").resolve(RunFiles.CHECKPOINT)));
        // the confusion matrix holds every test image once; the strip shows twelve with their labels
        int total = 0;
        for (int[] row : w.confusion().counts()) {
            for (int v : row) {
                total += v;
            }
        }
        assertEquals(96, total);
        assertEquals(TestImages.STRIP, w.stripSize());
        // on a projector's 1024 x 700 nothing is cut short (the progress line, the confusion matrix's title)
        robot.interact(() -> {
            w.stage().setWidth(1024);
            w.stage().setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> org.addernet.app.ui.view.Layouts.elided(
                w.stage().getScene().getRoot())).get(10, java.util.concurrent.TimeUnit.SECONDS), "text cut short");

        robot.interact(() -> w.vm().resume(out));
        waitUntil("the resumed run ends", () -> !w.vm().running().get() && w.vm().summary().get() != null);
        assertEquals(RunStatus.COMPLETED, w.vm().summary().get().runs().get(0).status(), text(robot, "#image-status"));
        assertEquals(20, w.vm().summary().get().runs().get(0).epochsDone());
        assertEquals(20, w.vm().live().epochs().get("lenet5-bn-adder-s1").size(), "the earlier epochs from metrics.csv, then the rest");
        assertTrue(text(robot, "#image-status").startsWith("Completed: lenet5-bn-adder-s1 test "), text(robot, "#image-status"));
        // the run store's manifest: made in the window, completed after one resumption
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(RunFiles.RUN_INFO).toFile());
        assertEquals("window", manifest.path("source").asText());
        assertEquals("completed", manifest.path("status").asText());
        assertEquals("lenet5-bn-mnist-adder-short", manifest.path("preset").asText());
    }

    @Test
    void aRunThatCannotFitIsRefusedWithTheReason(FxRobot robot) throws Exception {
        ImageRunWindow w = open(robot);
        robot.interact(() -> w.vm().select("resnet20-cifar10-adder", "training.batchSize=60000", null));
        robot.clickOn("#image-check");
        waitUntil("the estimate", () -> !w.vm().checking().get() && w.vm().estimates() != null);
        RunEstimate.Estimate e = w.vm().estimates().get(0);
        assertFalse(e.fits());
        assertTrue(Double.isNaN(e.secondsPerStep()), "a run that does not fit is not even measured");
        String r = text(robot, "#image-refusal");
        assertTrue(r.startsWith("Refused: resnet20-adder would need about "), r);
        assertTrue(r.contains("lower training.batchSize or data.trainLimit"), r);
        robot.clickOn("#image-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(w.vm().running().get(), "refused runs do not start");
        assertNull(w.vm().out());
        // a bad override is one line, nothing starts
        robot.interact(() -> w.vm().select("lenet5-bn-mnist-adder-short", "training.lr=fast", null));
        robot.clickOn("#image-check");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("training.lr=fast: training.lr: expected a number, got the string \"fast\"", text(robot, "#image-refusal"));
    }
}
