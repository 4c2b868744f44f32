package org.addernet.app.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.addernet.app.cli.WorkbenchCommand;
import org.addernet.app.runner.FirstStepNorms;
import org.addernet.app.testdata.SyntheticMnist;
import org.addernet.app.figures.DistributionFit;
import org.addernet.app.ui.view.MainView;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.engine.analysis.OpCounts;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the analyses window headless: theorem lab, operation counts, Table 1, Fig. 7 and Fig. 5 from real runs. */
@ExtendWith(ApplicationExtension.class)
class AnalysisWindowTest {
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

    private static void waitUntil(String what, java.util.function.BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> c.getAsBoolean());
        assertTrue(c.getAsBoolean(), what);
    }

    private AnalysisWindow window() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.openAnalysis(currentTab())).get(10, TimeUnit.SECONDS);
    }

    private String shownTab;

    private String currentTab() {
        return shownTab;
    }

    private AnalysisWindow show(FxRobot robot, String tabId) throws Exception {
        robot.clickOn("#menu-analyses").clickOn("#menu-" + tabId);
        WaitForAsyncUtils.waitForFxEvents();
        shownTab = tabId;
        AnalysisWindow w = window();
        assertEquals(tabId, ((javafx.scene.control.TabPane) w.stage().getScene().getRoot()).getSelectionModel()
                .getSelectedItem().getId());
        return w;
    }

    private static String text(FxRobot robot, String id) {
        return ((Label) robot.lookup(id).query()).getText();
    }

    @Test
    void lemma2BuildsTheNetworkOfTheCentresTheUserPlaces(FxRobot robot) throws Exception {
        AnalysisWindow w = show(robot, "tab-lemma2");
        assertEquals(3, w.lemma2.units());
        assertTrue(w.lemma2.maxDifference() < 1e-4, "the network is g up to float rounding: " + w.lemma2.maxDifference());
        // a click on the map of g adds a centre there; the network is rebuilt and still agrees
        robot.clickOn("#lemma2-g");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, w.lemma2.units());
        assertTrue(w.lemma2.maxDifference() < 1e-4, "after a click: " + w.lemma2.maxDifference());
        assertTrue(text(robot, "#lemma2-difference").startsWith("4 hidden units. Largest |AdderNet(X) - g(X)|"),
                text(robot, "#lemma2-difference"));
        robot.interact(() -> {
            for (int i = 0; i < 40; i++) {
                w.lemma2.add(2.5 - i * 0.1, -2.5 + i * 0.1, i % 2 == 0 ? 2 : -0.5);
            }
        });
        assertEquals(Lemma2Tab.MAX_UNITS, w.lemma2.units(), "the lab stops at its limit");
        assertTrue(w.lemma2.maxDifference() < 1e-3, "32 units: " + w.lemma2.maxDifference());
    }

    @Test
    void lemma5ChecksTheConstructionAndShowsTheWidthBounds(FxRobot robot) throws Exception {
        AnalysisWindow w = show(robot, "tab-lemma5");
        assertTrue(w.lemma5.maxDifference() < 1e-3, "Lemma 5's net computes C: " + w.lemma5.maxDifference());
        assertTrue(text(robot, "#lemma5-result").startsWith("AdderNet with 8 hidden units (2m + 2)"), text(robot, "#lemma5-result"));
        assertTrue(text(robot, "#lemma5-bounds").contains("2(d + 5) = 22 units per layer, plain ReLU net (Lu et al., 2017) "
                + "d + 4 = 10"), text(robot, "#lemma5-bounds"));
        String before = text(robot, "#lemma5-b-0-0");
        robot.clickOn("#lemma5-b-0-0");
        assertFalse(before.equals(text(robot, "#lemma5-b-0-0")), "a click flips B_00");
        assertTrue(w.lemma5.maxDifference() < 1e-3);
        robot.clickOn("#lemma5-random");
        assertTrue(w.lemma5.maxDifference() < 1e-3);
    }

    @Test
    void theorem4FitsEveryWidthAndDrawsOneChartPerTarget(FxRobot robot) throws Exception {
        AnalysisWindow w = show(robot, "tab-theorem4");
        org.addernet.engine.analysis.Theorem4.Config c = org.addernet.engine.analysis.Theorem4.Config.quick()
                .withWidths(List.of(1, 2, 4, 8, 16, 32), 1);
        robot.interact(() -> w.theorem4.start(c));
        waitUntil("the fits", () -> !w.theorem4.busy() && w.theorem4.result() != null);
        assertFalse(w.theorem4.result().cancelled());
        assertEquals(c.fits(), w.theorem4.result().fits().size());
        assertEquals(c.targets().size(), w.theorem4.charts(), "one log-log chart per target");
        assertEquals(c.targets().size() * c.models().size(), w.theorem4.result().slopes().size());
        for (var f : w.theorem4.result().fits()) {
            assertTrue(f.ise() >= 0 && Double.isFinite(f.ise()), f.toString());
        }
        // cancel: the run stops between fits and shows what it has
        robot.interact(() -> w.theorem4.start(org.addernet.engine.analysis.Theorem4.Config.defaults()));
        robot.clickOn("#thm4-cancel");
        waitUntil("cancelled", () -> !w.theorem4.busy());
        assertTrue(w.theorem4.result().cancelled());
        assertTrue(w.theorem4.result().fits().size() < org.addernet.engine.analysis.Theorem4.Config.defaults().fits());
        Path out = tmp.resolve("thm4");
        robot.interact(() -> w.theorem4.save(out));
        assertTrue(Files.isRegularFile(out.resolve("theorem4.csv")));
        assertTrue(Files.isRegularFile(out.resolve("theorem4.png")));
    }

    @Test
    void fig1ScattersTheFeaturesOfATrainedLeNetPlusPlus(FxRobot robot) throws Exception {
        Path data = SyntheticMnist.write(tmp.resolve("data"), 256, 64, 5);
        Path run = tmp.resolve("fig1");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"run", "fig1-features-mnist", "--out", run.toString(), "--data", data.toString(), "--set",
            "training.epochs=1", "--set", "training.batchSize=32"};
        int exit = WorkbenchCommand.execute(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, exit, err.toString());
        AnalysisWindow w = show(robot, "tab-features");
        robot.interact(() -> w.features.setDataRoot(data));
        robot.interact(() -> w.features.open(run));
        waitUntil("the scatter", () -> !w.features.busy() && w.features.view().getImage() != null);
        assertEquals("", w.features.status());
        assertEquals(2, w.features.loaded().features().size(), "AdderNet and CNN");
        for (var f : w.features.loaded().features()) {
            assertEquals(64, f.size(), "every test image has its 2-D feature");
        }
        assertTrue(((Label) robot.lookup("#features-numbers").query()).getText().contains("lenetpp-adder-s1"));
        // a folder of another model: one clear line
        robot.interact(() -> w.features.open(tmp.resolve("data")));
        waitUntil("a message", () -> !w.features.busy() && !w.features.status().isEmpty());
        assertTrue(w.features.status().startsWith(tmp.resolve("data") + ": not a run folder"), w.features.status());
    }

    @Test
    void anAblationSweepFillsThePapersTableVariantByVariant(FxRobot robot) throws Exception {
        System.setProperty("addernet.home", tmp.resolve("home").toString());
        try {
            AnalysisWindow w = show(robot, "tab-ablations");
            robot.interact(() -> w.ablations.select("table5-toy", "training.iterations=300", 2));
            robot.clickOn("#ablation-run");
            waitUntil("the sweep", () -> !w.ablations.busy() && w.ablations.summary() != null);
            var t = w.ablations.table();
            assertEquals(5, t.columns().size(), "eta 1, 0.5, 0.2, 0.1, 0.05");
            assertEquals(List.of(99.28, 99.35, 99.40, 99.35, 99.30), t.paper(), "Table 5's values beside ours");
            for (var cell : t.ours().get(0).cells()) {
                assertEquals(2, cell.completed(), "two seeds per variant");
                assertTrue(cell.mean() > 50 && cell.mean() <= 100, "a test accuracy in %: " + cell.mean());
            }
            assertTrue(w.ablations.out().startsWith(tmp.resolve("home")), w.ablations.out().toString());
            assertTrue(Files.isRegularFile(w.ablations.out().resolve("table.csv")));
            assertTrue(Files.isRegularFile(w.ablations.out().resolve("table.png")));
            assertTrue(w.ablations.status().startsWith("Done. Folder: "), w.ablations.status());
            robot.interact(() -> w.ablations.select("table5-toy", "training.lr=fast", 1));
            robot.clickOn("#ablation-run");
            assertEquals("training.lr=fast: training.lr: expected a number, got the string \"fast\"", w.ablations.status());
        } finally {
            System.clearProperty("addernet.home");
        }
    }

    @Test
    void operationCountsFollowTheModelAndTheCosts(FxRobot robot) throws Exception {
        AnalysisWindow w = show(robot, "tab-ops");
        robot.interact(() -> w.ops.select("lenet5-bn-adder"));
        OpCounts.Result r = OpCounts.ofZoo("lenet5-bn-adder", 1, 2, 10);
        assertEquals(r.additions(), w.ops.result().additions());
        assertEquals(0, w.ops.result().multiplications());
        assertTrue(text(robot, "#ops-totals").startsWith("lenet5-bn-adder: 0 multiplications, 833.0K additions"),
                text(robot, "#ops-totals"));
        assertTrue(text(robot, "#ops-paper").startsWith("The paper: 0 multiplications, 870.0K additions"), text(robot, "#ops-paper"));
        assertTrue(text(robot, "#ops-estimates").startsWith(String.format(Locale.ROOT, "latency estimate: %s cycles",
                OpsTab.human(2 * r.additions()))), text(robot, "#ops-estimates"));
        robot.interact(() -> ((TextField) robot.lookup("#ops-add-cycles").query()).setText("1"));
        assertTrue(text(robot, "#ops-estimates").startsWith("latency estimate: " + OpsTab.human(r.additions()) + " cycles"),
                text(robot, "#ops-estimates"));
        robot.interact(() -> ((TextField) robot.lookup("#ops-add-cycles").query()).setText("fast"));
        assertEquals("", text(robot, "#ops-estimates"));
        robot.interact(() -> w.ops.select("resnet20-cnn"));
        assertEquals(w.ops.result().multiplications(), w.ops.result().additions(), "a CNN: one addition per multiplication");
        assertEquals(OpCounts.ofZoo("resnet20-cnn", 1, 2, 10).layers().size(),
                ((javafx.scene.control.TableView<?>) robot.lookup("#ops-table").query()).getItems().size());
    }

    @Test
    void table1Fig7AndFig5FromTheWindow(FxRobot robot) throws Exception {
        // a trained epoch run to read: LeNet-5-BN AdderNet and CNN, one epoch on a small synthetic MNIST
        Path data = SyntheticMnist.write(tmp.resolve("data"), 320, 64, 3);
        Path run = tmp.resolve("run");
        List<String> settings = List.of("training.batchSize=32", "training.epochs=1");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"run", "table1-gradient-norms", "--out", run.toString(), "--data", data.toString(), "--set",
            settings.get(0), "--set", settings.get(1)};
        int exit = WorkbenchCommand.execute(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, exit, err.toString());

        // Table 1 on the spot equals the run's first step
        AnalysisWindow w = show(robot, "tab-table1");
        robot.interact(() -> w.table1.setDataRoot(data));
        robot.interact(() -> w.table1.compute());
        waitUntil("one step of each net", () -> !w.table1.busy() && w.table1.rows().size() == 4);
        assertEquals("", w.table1.status());
        List<FirstStepNorms.Row> direct = FirstStepNorms.compute(PresetLoader.resolve("table1-gradient-norms", settings), data);
        GradientNormsTab.Row adder = w.table1.rows().get(0);
        assertEquals("AdderNet, ours (mnist)", adder.label());
        assertEquals(5, adder.norms().length);
        assertEquals("AdderNet, the paper (MNIST)", w.table1.rows().get(1).label());
        assertEquals("CNN, ours (mnist)", w.table1.rows().get(2).label());
        // the tab ran the preset with the default batch 256, more than the 320 images give twice; compare with the run's
        // own settings through the folder instead, and the on-the-spot rows with their own direct computation
        List<FirstStepNorms.Row> spot = FirstStepNorms.compute(PresetLoader.resolve("table1-gradient-norms", List.of()), data);
        for (int k = 0; k < 5; k++) {
            assertEquals(spot.get(0).norms()[k], adder.norms()[k], 1e-9);
            assertEquals(spot.get(1).norms()[k], w.table1.rows().get(2).norms()[k], 1e-9);
        }
        robot.interact(() -> w.table1.open(run));
        waitUntil("the folder's table", () -> !w.table1.busy() && w.table1.rows().get(0).label().startsWith("lenet5-bn-adder-s1"));
        for (int k = 0; k < 5; k++) {
            double written = w.table1.rows().get(0).norms()[k];
            assertEquals(direct.get(0).norms()[k], written, 1e-5 * written, "layer " + (k + 1));
        }
        robot.interact(() -> w.table1.open(tmp));
        waitUntil("a clear message", () -> !w.table1.busy() && !w.table1.status().isEmpty());
        assertEquals(tmp + ": no gradient-norms.csv (run `./workbench run table1-gradient-norms` or another image preset "
                + "first)", w.table1.status());

        // Fig. 7: AdderNet left, CNN right, layer 3
        robot.interact(() -> w.show("tab-weights-fit"));
        robot.interact(() -> w.weights.open(run));
        waitUntil("histograms", () -> !w.weights.busy() && w.weights.left().selected() != null);
        assertEquals("lenet5-bn-adder-s1 / layer 3 (adder)", w.weights.left().selected());
        assertEquals("lenet5-bn-cnn-s1 / layer 3", w.weights.right().selected());
        assertEquals(2, w.weights.left().fits().size());
        assertEquals(DistributionFit.LAPLACE, w.weights.left().fits().get(0).law());
        assertEquals(10, w.weights.left().choices().size(), "every weight layer of both nets");
        // the toy nets of the session
        robot.interact(() -> vm.step());
        waitUntil("a snapshot", () -> vm.lastSnapshot() != null && vm.lastSnapshot().iteration() > 0);
        robot.interact(() -> w.weights.fromSession());
        assertTrue(w.weights.left().selected().startsWith("AdderNet"), w.weights.left().selected());
        assertNotNull(w.weights.right().selected());

        // Fig. 5: one row of filters per run
        robot.interact(() -> w.show("tab-filters"));
        robot.interact(() -> w.filters.open(run));
        waitUntil("filters", () -> w.filters.view().getImage() != null);
        assertEquals(62 + 2 * (64 + 8) + 8, (int) w.filters.view().getImage().getHeight());
    }
}
