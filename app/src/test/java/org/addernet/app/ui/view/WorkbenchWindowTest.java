package org.addernet.app.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle): load a preset, train, read results, pause, bad files. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
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
    }

    private static int[] pixels(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = r.getArgb(x, y);
            }
        }
        return px;
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> c.getAsBoolean());
        assertTrue(c.getAsBoolean(), what);
    }

    @Test
    void trainingTheUnitBallPresetSeparatesItAndRepaintsTheHeatmap(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("#menu-gallery");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("One hidden unit: a diamond against a line");
        robot.clickOn("#gallery-open");
        waitUntil("both panels shown", () -> robot.lookup("#boundary-adder").tryQuery().isPresent()
                && ((ImageView) robot.lookup("#boundary-adder").query()).getImage() != null);
        int[] before = pixels(((ImageView) robot.lookup("#boundary-adder").query()).getImage());
        assertEquals(200, vm.speed.get(), "the preset's demo speed");
        robot.interact(() -> vm.speed.set(0));
        robot.clickOn("#play");
        waitUntil("training finishes", () -> vm.lastSnapshot() != null && vm.lastSnapshot().finished());
        WaitForAsyncUtils.waitForFxEvents();
        String acc = robot.lookup("#accuracy-adder").queryAs(Label.class).getText();
        double test = Double.parseDouble(acc.replaceAll(".*test[ \u00a0]([0-9.]+)[ \u00a0]%.*", "$1"));
        assertTrue(test > 98, "AdderNet test accuracy read from the window: " + acc);
        String mlp = robot.lookup("#accuracy-mlp").queryAs(Label.class).getText();
        assertTrue(Double.parseDouble(mlp.replaceAll(".*test[ \u00a0]([0-9.]+)[ \u00a0]%.*", "$1")) < 90, "one linear unit cannot: " + mlp);
        int[] after = pixels(((ImageView) robot.lookup("#boundary-adder").query()).getImage());
        int changed = 0;
        for (int k = 0; k < before.length; k++) {
            if (before[k] != after[k]) {
                changed++;
            }
        }
        assertTrue(changed > before.length / 20, "the heatmap changed: " + changed + " of " + before.length + " pixels");
        assertEquals(10_000, vm.iteration().get());
        assertEquals("iteration 10,000 / 10,000", robot.lookup("#iteration").queryAs(Label.class).getText(),
                "one iteration counter");
        assertEquals("finished", robot.lookup("#status").queryAs(Label.class).getText(), "the status does not repeat it");
    }

    @Test
    void pauseStopsTheIterationCounterAtOnce(FxRobot robot) throws Exception {
        robot.interact(() -> vm.speed.set(200));
        robot.clickOn("#play");
        waitUntil("training started", () -> vm.iteration().get() > 30);
        robot.clickOn("#play");   // now "Pause"
        // the button and the state answer at once, before any snapshot arrives
        assertFalse(vm.running().get());
        assertEquals("\u25B6 Play", robot.lookup("#play").queryButton().getText());
        // the worker stops within a step and publishes a paused snapshot; from then on nothing moves
        waitUntil("the paused snapshot is shown", () -> vm.lastSnapshot() != null && !vm.lastSnapshot().running());
        WaitForAsyncUtils.waitForFxEvents();
        long paused = vm.iteration().get();
        assertEquals(paused, vm.lastSnapshot().iteration());
        // paused, the worker only answers commands: the next snapshot is exactly one step on
        robot.clickOn("#step");
        waitUntil("the step is shown", () -> vm.lastSnapshot().iteration() != paused);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused + 1, vm.iteration().get(), "no step after the pause");
        assertEquals(paused + 1, vm.lastSnapshot().iteration());
        assertFalse(vm.running().get());
    }

    @Test
    void aBrokenPresetShowsTheExactProblemAndChangesNothing(FxRobot robot) throws Exception {
        Path bad = tmp.resolve("broken.json");
        Files.writeString(bad, "{\n  \"name\": \"broken\",\n  \"training\": { \"lr\": \"fast\" }\n}\n");
        int samplesBefore = vm.settings.samples.get();
        robot.interact(() -> view.openPreset(bad));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertNotNull(dialog);
        assertEquals(bad + ":3:17: training.lr: expected a number, got the string \"fast\"", dialog.getContentText());
        assertEquals(samplesBefore, vm.settings.samples.get(), "the session is untouched");
        assertEquals("demo-one-unit", vm.settings.base().name());
    }

    @Test
    void exportsWriteBoundariesChartsAndMetrics(FxRobot robot) throws Exception {
        robot.interact(() -> vm.settings.iterations.set(300));
        robot.clickOn("#play");
        waitUntil("finished", () -> vm.lastSnapshot() != null && vm.lastSnapshot().finished());
        WaitForAsyncUtils.waitForFxEvents();
        Path png = tmp.resolve("b.png");
        Path svg = tmp.resolve("b.svg");
        java.util.List<Path> charts = new java.util.ArrayList<>();
        robot.interact(() -> {
            try {
                Exports.boundaries(vm, png, false);
                Exports.boundaries(vm, svg, true);
                charts.addAll(view.exportCharts(tmp.resolve("c.svg"), true));
                charts.addAll(view.exportCharts(tmp.resolve("c.png"), false));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(2 * 340, img.getWidth(), "both panels side by side");
        String doc = Files.readString(svg);
        assertTrue(doc.startsWith("<?xml") || doc.startsWith("<svg"), doc.substring(0, 40));
        assertTrue(doc.contains("AdderNet n=1"), "titles stay text in the SVG");
        assertEquals(6, charts.size());
        for (Path c : charts) {
            assertTrue(Files.size(c) > 1000, c + " written");
        }
        assertEquals(2, vm.exportMetrics(tmp.resolve("m.csv")).size());
    }

    @Test
    void anInvalidNumberIsMarkedAsItIsTypedAndBlocksPlay(FxRobot robot) throws Exception {
        javafx.scene.control.TextField samples = robot.lookup("#samples").queryAs(javafx.scene.control.TextField.class);
        robot.doubleClickOn(samples).write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        Label reason = robot.lookup("#samples-reason").queryAs(Label.class);
        assertTrue(reason.isVisible());
        assertEquals("'abc' is not a number", reason.getText());
        assertTrue(samples.getStyleClass().contains("invalid"), "a red mark");
        assertTrue(robot.lookup("#play").queryButton().isDisabled(), "Play waits for a valid entry");
        assertTrue(samples.getTooltip().getText().contains("Allowed: a whole number from 10 to 1,000,000"),
                samples.getTooltip().getText());
        assertEquals(1000, vm.settings.samples.get(), "the value in effect is the one the panels show");
        robot.doubleClickOn(samples).write("1500");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(reason.isVisible());
        assertFalse(samples.getStyleClass().contains("invalid"));
        waitUntil("rebuilt on 1500 points", () -> vm.lastSnapshot() != null
                && vm.lastSnapshot().data().train().size() + vm.lastSnapshot().data().test().size() == 1500);
        assertFalse(robot.lookup("#play").queryButton().isDisabled());
    }

    @Test
    void typingAnNOutsideTheFigureAsksBeforeLeavingIt(FxRobot robot) throws Exception {
        robot.interact(() -> vm.loadPreset(PresetLoader.resolve("fig2-unit-ball", List.of("training.iterations=100"))));
        WaitForAsyncUtils.waitForFxEvents();
        Label note = robot.lookup("#figure-note").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().contains("show the n = 1 column"), note.getText());
        javafx.scene.control.TextField hidden = robot.lookup("#hidden").queryAs(javafx.scene.control.TextField.class);
        robot.doubleClickOn(hidden).write("5");
        waitUntil("the question", () -> robot.lookup("#leave-figure-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#leave-figure-dialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().startsWith("n = 5 is not a column of the figure (n = 1, 2, 3)"),
                dialog.getContentText());
        robot.clickOn("Keep the figure");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1", hidden.getText(), "the column shown before");
        assertEquals(List.of(1, 2, 3), vm.gridHidden(), "the figure's models are all there");
        robot.doubleClickOn(hidden).write("5");
        waitUntil("asked again", () -> robot.lookup("#leave-figure-dialog").tryQuery().isPresent());
        robot.clickOn("Leave the figure");
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("n = 5 alone", () -> vm.lastSnapshot() != null && vm.lastSnapshot().models().size() == 2
                && vm.lastSnapshot().models().get(0).spec().hidden() == 5);
        assertFalse(note.isVisible());
    }
}
