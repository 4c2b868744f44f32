package org.addernet.app.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window at a projector's 1024 x 700 and at 1600 x 1000 (headless): the two boundary
 * panels side by side and larger on the larger screen, every note whole (none cut to "...", none
 * drawn over the next setting), the charts given room.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {
    private WorkbenchViewModel vm;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // found by trying (WorkbenchViewModelTest): this MLP's one ReLU dies early, so its panel carries the
        // long "Dead since iteration ..." note
        vm = new WorkbenchViewModel(PresetLoader.resolve("demo-one-unit", List.of("training.iterations=3000",
                "training.lr=0.5", "seed=3")), Platform::runLater);
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.show();
        sizeBefore = new double[] {stage.getWidth(), stage.getHeight()};
    }

    private double[] sizeBefore;

    @AfterEach
    void stop() throws Exception {
        vm.dispose();
        // the stage is the one every window test of this JVM shows its scene in: give it back as it was
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(sizeBefore[0]);
            stage.setHeight(sizeBefore[1]);
        }).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> c.getAsBoolean());
        assertTrue(c.getAsBoolean(), what);
    }

    /** Sizes the window, lets the panels be redrawn at their new size and lays it out. */
    private void size(FxRobot robot, int w, int h) throws Exception {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        for (int k = 0; k < 3; k++) {        // fit() asks for a size; the frame at that size comes a render later
            Thread.sleep(400);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private Bounds panel(FxRobot robot, String kind) {
        Node n = robot.lookup("#boundary-" + kind).query();
        return Layouts.inScene(n);
    }

    @Test
    void thePanelsStandSideBySideFrom1024x700UpAndEveryNoteIsWhole(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.speed.set(0);
            vm.play();
        });
        waitUntil("trained", () -> vm.lastSnapshot() != null && vm.lastSnapshot().finished());
        waitUntil("the last frame", () -> vm.frame().get() != null && vm.frame().get().snapshot().finished());
        double[] small = new double[1];
        for (int[] s : new int[][] {{1024, 700}, {1600, 1000}}) {
            size(robot, s[0], s[1]);
            String at = s[0] + "x" + s[1] + ": ";
            Bounds mlp = panel(robot, "mlp");
            Bounds adder = panel(robot, "adder");
            assertEquals(mlp.getMinY(), adder.getMinY(), 1, at + "side by side, not one below the other");
            assertTrue(adder.getMinX() >= mlp.getMaxX(), at + "the AdderNet right of the MLP");
            assertTrue(mlp.getWidth() >= 200, at + "a panel as large as the space allows: " + mlp.getWidth());
            // the dead network's note over its frozen picture, whole
            Label note = robot.lookup("#banner-mlp").queryAs(Label.class);
            assertTrue(note.isVisible() && note.getText().startsWith("Dead since iteration"), at + note.getText());
            Bounds nb = Layouts.inScene(note);
            assertTrue(mlp.contains(nb), at + "the note on the MLP's panel: " + nb + " in " + mlp);
            Bounds boundaries = Layouts.inScene(robot.lookup("#boundaries").query());
            for (String strip : List.of("#units-0", "#units-1")) {
                Bounds u = Layouts.inScene(robot.lookup(strip).query());
                assertTrue(u.getMaxY() <= boundaries.getMaxY() + 1, at + "the unit strip " + strip + " whole: " + u
                        + " in " + boundaries);
            }
            Bounds charts = Layouts.inScene(robot.lookup(".tab-pane").query());
            assertTrue(charts.getHeight() >= 200, at + "the charts keep their room: " + charts.getHeight());
            List<String> cut = WaitForAsyncUtils.asyncFx(() -> Layouts.elided(stage.getScene().getRoot()))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), cut, at + "text cut short");
            javafx.scene.image.ImageView key = robot.lookup("#legend").queryAs(javafx.scene.image.ImageView.class);
            assertTrue(key.isVisible() && key.getImage() != null, at + "the key beside the panels");
            // the weight histograms: "Layer" whole and a plot a reader can see
            robot.interact(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                    .getSelectionModel().select(2));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cutWeights = WaitForAsyncUtils.asyncFx(() -> Layouts.elided(stage.getScene().getRoot()))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), cutWeights, at + "text cut short on the histograms' tab");
            javafx.scene.control.Tab weights = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                    .getTabs().stream().filter(t -> "tab-weights".equals(t.getId())).findFirst().orElseThrow();
            Node histogram = robot.from(weights.getContent()).lookup((java.util.function.Predicate<Node>) n -> n instanceof org.jfree.chart.fx.ChartViewer).query();
            assertTrue(histogram.getBoundsInLocal().getHeight() >= 120, at + "the histogram's height: "
                    + histogram.getBoundsInLocal().getHeight());
            robot.interact(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                    .getSelectionModel().select(0));
            if (s[0] == 1024) {
                small[0] = mlp.getWidth();
            } else {
                assertTrue(mlp.getWidth() > small[0] + 100, "the panels grow on the larger screen: " + small[0]
                        + " -> " + mlp.getWidth());
            }
        }
    }

    @Test
    void theFigureModeNoteAndAFieldsReasonTakeTheirRoomInTheSettings(FxRobot robot) throws Exception {
        size(robot, 1024, 700);
        robot.interact(() -> vm.loadPreset(PresetLoader.resolve("fig2-unit-ball", List.of("training.iterations=100"))));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.settings.input("training.batchSize").text.set("xyz"));
        WaitForAsyncUtils.waitForFxEvents();
        Label note = robot.lookup("#figure-note").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().startsWith("Figure mode"), note.getText());
        Label reason = robot.lookup("#batch-size-reason").queryAs(Label.class);
        assertTrue(reason.isVisible(), "the reason under Batch size");
        List<String> over = WaitForAsyncUtils.asyncFx(() -> Layouts.overlaps(robot.lookup("#settings-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class))).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), over, "settings drawn over each other");
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> Layouts.elided(robot.lookup("#settings-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class))).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), cut, "settings text cut short");
        Bounds nb = Layouts.inScene(note);
        Bounds depth = Layouts.inScene(robot.lookup("#depth").query());
        assertTrue(nb.getMaxY() <= depth.getMinY(), "the note above Depth, not over it: " + nb + " / " + depth);
    }
}
