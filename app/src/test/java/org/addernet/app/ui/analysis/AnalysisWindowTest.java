package org.addernet.app.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.app.store.RunStore;
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

/**
 * Drives the analyses window headless: the theorem lab's clicks, operation counts, Table 1, Fig. 7 and Fig. 5 from
 * real runs. The tabs' view models have their own tests without a window (e.g. {@link FeaturesViewModelTest}).
 */
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
        assertEquals(3, w.lemma2.vm().units());
        assertTrue(w.lemma2.vm().maxDifference() < 1e-4, "the network is g up to float rounding: " + w.lemma2.vm().maxDifference());
        // a click on the map of g adds a centre there; the network is rebuilt and still agrees
        robot.clickOn("#lemma2-g");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, w.lemma2.vm().units());
        assertTrue(w.lemma2.vm().maxDifference() < 1e-4, "after a click: " + w.lemma2.vm().maxDifference());
        assertTrue(text(robot, "#lemma2-difference").startsWith("4 hidden units. Largest |AdderNet(X) - g(X)|"),
                text(robot, "#lemma2-difference"));
        robot.interact(() -> {
            for (int i = 0; i < 40; i++) {
                w.lemma2.vm().add(2.5 - i * 0.1, -2.5 + i * 0.1, i % 2 == 0 ? 2 : -0.5);
            }
        });
        assertEquals(Lemma2ViewModel.MAX_UNITS, w.lemma2.vm().units(), "the lab stops at its limit");
        assertTrue(w.lemma2.vm().maxDifference() < 1e-3, "32 units: " + w.lemma2.vm().maxDifference());
    }

    @Test
    void lemma5ChecksTheConstructionAndShowsTheWidthBounds(FxRobot robot) throws Exception {
        AnalysisWindow w = show(robot, "tab-lemma5");
        assertTrue(w.lemma5.vm().maxDifference() < 1e-3, "Lemma 5's net computes C: " + w.lemma5.vm().maxDifference());
        assertTrue(text(robot, "#lemma5-result").startsWith("AdderNet with 8 hidden units (2m + 2)"), text(robot, "#lemma5-result"));
        assertTrue(text(robot, "#lemma5-bounds").contains("2(d + 5) = 22 units per layer, plain ReLU net (Lu et al., 2017) "
                + "d + 4 = 10"), text(robot, "#lemma5-bounds"));
        String before = text(robot, "#lemma5-b-0-0");
        robot.clickOn("#lemma5-b-0-0");
        assertFalse(before.equals(text(robot, "#lemma5-b-0-0")), "a click flips B_00");
        assertTrue(w.lemma5.vm().maxDifference() < 1e-3);
        robot.clickOn("#lemma5-random");
        assertTrue(w.lemma5.vm().maxDifference() < 1e-3);
    }

    @Test
    void theorem4FitsEveryWidthAndDrawsOneChartPerTarget(FxRobot robot) throws Exception {
        AnalysisWindow w = show(robot, "tab-theorem4");
        org.addernet.engine.analysis.Theorem4.Config c = org.addernet.engine.analysis.Theorem4.Config.quick()
                .withWidths(List.of(1, 2, 4, 8, 16, 32), 1);
        robot.interact(() -> w.theorem4.vm().start(c));
        waitUntil("the fits", () -> !w.theorem4.vm().busy().get() && w.theorem4.vm().result().get() != null);
        assertFalse(w.theorem4.vm().result().get().cancelled());
        assertEquals(c.fits(), w.theorem4.vm().result().get().fits().size());
        assertEquals(c.targets().size(), w.theorem4.charts(), "one log-log chart per target");
        assertEquals(c.targets().size() * c.models().size(), w.theorem4.vm().result().get().slopes().size());
        for (var f : w.theorem4.vm().result().get().fits()) {
            assertTrue(f.ise() >= 0 && Double.isFinite(f.ise()), f.toString());
        }
        // on a projector's 1024 x 700: the text above whole, the slopes table's targets and model names too
        robot.interact(() -> {
            w.stage().setWidth(1024);
            w.stage().setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> org.addernet.app.ui.view.Layouts.elided(
                w.stage().getScene().getRoot())).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), cut, "text cut short");
        // cancel: the run stops between fits and shows what it has
        robot.interact(() -> w.theorem4.vm().start(org.addernet.engine.analysis.Theorem4.Config.defaults()));
        robot.clickOn("#thm4-cancel");
        waitUntil("cancelled", () -> !w.theorem4.vm().busy().get());
        assertTrue(w.theorem4.vm().result().get().cancelled());
        assertTrue(w.theorem4.vm().result().get().fits().size() < org.addernet.engine.analysis.Theorem4.Config.defaults().fits());
        Path out = tmp.resolve("thm4");
        robot.interact(() -> w.theorem4.vm().save(out));
        assertTrue(Files.isRegularFile(out.resolve("theorem4.csv")));
        assertTrue(Files.isRegularFile(out.resolve("theorem4.png")));
    }

    @Test
    void operationCountsFollowTheModelAndTheCosts(FxRobot robot) throws Exception {
        AnalysisWindow w = show(robot, "tab-ops");
        robot.interact(() -> w.ops.vm().select("lenet5-bn-adder"));
        OpCounts.Result r = OpCounts.ofZoo("lenet5-bn-adder", 1, 2, 10);
        assertEquals(r.additions(), w.ops.vm().result().get().additions());
        assertEquals(0, w.ops.vm().result().get().multiplications());
        assertTrue(text(robot, "#ops-totals").startsWith("lenet5-bn-adder: 0 multiplications, 833.0K additions"),
                text(robot, "#ops-totals"));
        assertTrue(text(robot, "#ops-paper").startsWith("The paper: 0 multiplications, 870.0K additions"), text(robot, "#ops-paper"));
        assertTrue(text(robot, "#ops-estimates").startsWith(String.format(Locale.ROOT, "latency estimate: %s cycles",
                OpsViewModel.human(2 * r.additions()))), text(robot, "#ops-estimates"));
        robot.interact(() -> ((TextField) robot.lookup("#ops-add-cycles").query()).setText("1"));
        assertTrue(text(robot, "#ops-estimates").startsWith("latency estimate: " + OpsViewModel.human(r.additions()) + " cycles"),
                text(robot, "#ops-estimates"));
        robot.interact(() -> ((TextField) robot.lookup("#ops-add-cycles").query()).setText("fast"));
        assertEquals("", text(robot, "#ops-estimates"));
        robot.interact(() -> w.ops.vm().select("resnet20-cnn"));
        assertEquals(w.ops.vm().result().get().multiplications(), w.ops.vm().result().get().additions(), "a CNN: one addition per multiplication");
        assertEquals(OpCounts.ofZoo("resnet20-cnn", 1, 2, 10).layers().size(),
                ((javafx.scene.control.TableView<?>) robot.lookup("#ops-table").query()).getItems().size());
    }

    @Test
    void table1Fig7AndFig5FromTheWindow(FxRobot robot) throws Exception {
        // a trained epoch run to read: LeNet-5-BN AdderNet and CNN, one epoch on a small synthetic MNIST
        Path data = SyntheticMnist.write(tmp.resolve("data"), 320, 64, 3);
        Path run = tmp.resolve("home/runs/20250101-000000-table1-gradient-norms");
        List<String> settings = List.of("training.batchSize=32", "training.epochs=1");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"run", "table1-gradient-norms", "--out", run.toString(), "--data", data.toString(), "--set",
            settings.get(0), "--set", settings.get(1)};
        int exit = WorkbenchCommand.execute(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, exit, err.toString());

        // Table 1 on the spot equals the run's first step
        AnalysisWindow w = show(robot, "tab-table1");
        robot.interact(() -> w.table1.vm().setDataRoot(data));
        robot.interact(() -> w.table1.vm().compute());
        waitUntil("one step of each net", () -> !w.table1.vm().work().isBusy() && w.table1.vm().rows().get().size() == 4);
        assertEquals("", w.table1.vm().work().message().get());
        List<FirstStepNorms.Row> direct = FirstStepNorms.compute(PresetLoader.resolve("table1-gradient-norms", settings), data);
        GradientNormsViewModel.Row adder = w.table1.vm().rows().get().get(0);
        assertEquals("AdderNet, ours (mnist)", adder.label());
        assertEquals(5, adder.norms().length);
        assertEquals("AdderNet, the paper (MNIST)", w.table1.vm().rows().get().get(1).label());
        assertEquals("CNN, ours (mnist)", w.table1.vm().rows().get().get(2).label());
        // the tab ran the preset with the default batch 256, more than the 320 images give twice; compare with the run's
        // own settings through the folder instead, and the on-the-spot rows with their own direct computation
        List<FirstStepNorms.Row> spot = FirstStepNorms.compute(PresetLoader.resolve("table1-gradient-norms", List.of()), data);
        for (int k = 0; k < 5; k++) {
            assertEquals(spot.get(0).norms()[k], adder.norms()[k], 1e-9);
            assertEquals(spot.get(1).norms()[k], w.table1.vm().rows().get().get(2).norms()[k], 1e-9);
        }
        robot.interact(() -> w.table1.vm().open(run));
        waitUntil("the folder's table", () -> !w.table1.vm().work().isBusy() && w.table1.vm().rows().get().get(0).label().startsWith("lenet5-bn-adder-s1"));
        for (int k = 0; k < 5; k++) {
            double written = w.table1.vm().rows().get().get(0).norms()[k];
            assertEquals(direct.get(0).norms()[k], written, 1e-5 * written, "layer " + (k + 1));
        }
        robot.interact(() -> w.table1.vm().open(tmp));
        waitUntil("a clear message", () -> !w.table1.vm().work().isBusy() && !w.table1.vm().work().message().get().isEmpty());
        assertEquals(tmp + ": no gradient-norms.csv (run `./workbench run table1-gradient-norms` or another image preset "
                + "first)", w.table1.vm().work().message().get());

        // Fig. 7: AdderNet left, CNN right, layer 3
        robot.interact(() -> w.show("tab-weights-fit"));
        robot.interact(() -> w.weights.vm().open(run));
        waitUntil("histograms", () -> !w.weights.vm().work().isBusy() && w.weights.left().selected() != null);
        assertEquals("lenet5-bn-adder-s1 / layer 3 (adder)", w.weights.left().selected());
        assertEquals("lenet5-bn-cnn-s1 / layer 3", w.weights.right().selected());
        assertEquals(2, w.weights.left().fits().size());
        assertEquals(DistributionFit.LAPLACE, w.weights.left().fits().get(0).law());
        assertEquals(10, w.weights.left().choices().size(), "every weight layer of both nets");
        // the toy nets of the session
        robot.interact(() -> vm.step());
        waitUntil("a snapshot", () -> vm.lastSnapshot() != null && vm.lastSnapshot().iteration() > 0);
        robot.interact(() -> w.weights.vm().fromSession());
        assertTrue(w.weights.left().selected().startsWith("AdderNet"), w.weights.left().selected());
        assertNotNull(w.weights.right().selected());

        // Fig. 5: one row of filters per run
        robot.interact(() -> w.show("tab-filters"));
        robot.interact(() -> w.filters.vm().open(run));
        waitUntil("filters", () -> w.filters.view().getImage() != null);
        assertEquals(62 + 2 * (64 + 8) + 8, (int) w.filters.view().getImage().getHeight());

        // before a folder is chosen, Fig. 5 shows the store's newest image run; an empty store says where it looked
        FiltersViewModel fresh = new FiltersViewModel(UiExecutor.sameThread(), () -> new RunStore(tmp.resolve("home")));
        fresh.openNewest();
        assertEquals(run, fresh.folder());
        assertNotNull(fresh.figure().get());
        assertTrue(fresh.work().message().get().startsWith("The newest run of the store: " + run), fresh.work().message().get());
        FiltersViewModel empty = new FiltersViewModel(UiExecutor.sameThread(), () -> new RunStore(tmp.resolve("nothing")));
        empty.openNewest();
        assertNull(empty.folder());
        assertTrue(empty.work().message().get().startsWith("No image run in " + tmp.resolve("nothing")), empty.work().message().get());
        FeaturesViewModel features = new FeaturesViewModel(UiExecutor.sameThread(), () -> new RunStore(tmp.resolve("home")));
        features.openNewest();
        assertNull(features.folder(), "a LeNet-5 run is no Fig. 1 run");
        assertTrue(features.work().message().get().startsWith("No fig1-features run in "), features.work().message().get());
    }
}
