package org.addernet.app.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.store.ComparisonTable;
import org.addernet.app.store.QueueItem;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunQueue;
import org.addernet.app.store.RunStore;
import org.addernet.app.store.WorkbenchHome;
import org.addernet.app.testdata.SyntheticMnist;
import org.addernet.app.ui.view.MainView;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.presets.PresetLoader;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.addernet.engine.train.RunStatus;

/**
 * Drives the queue-and-history window headless, each test on a temporary workbench home: two toy
 * presets queued and compared (curves, table, exports); the queue and history after the window is
 * closed and opened again (and a second window refused the queue while one holds it); a queued
 * item cancelled while another runs; an image run closed after its first checkpoint that resumes
 * from it in a new window.
 */
@ExtendWith(ApplicationExtension.class)
class RunsWindowTest {
    /** Two short toy presets' settings: 300 iterations, n = 2 (MLP and AdderNet). */
    private static final String SHORT = "training.iterations=300 runs.hidden=[2]";

    @TempDir
    Path tmp;

    private Stage owner;
    private final List<RunsWindow> windows = new ArrayList<>();

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new Label("owner"), 200, 80));
        stage.show();
    }

    @AfterEach
    void closeAll() throws Exception {
        fx(() -> {
            windows.forEach(RunsWindow::close);
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(120, TimeUnit.SECONDS);
    }

    private static void waitUntil(String what, BooleanSupplier c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(150, TimeUnit.SECONDS, c::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below says what did not happen
        }
        assertTrue(c.getAsBoolean(), what);
    }

    private RunsWindow open(Path home) throws Exception {
        RunsWindow w = fx(() -> {
            RunsWindow r = new RunsWindow(owner, home);
            r.show();
            return r;
        });
        windows.add(w);
        return w;
    }

    private static List<QueueItem> items(RunsWindow w) throws Exception {
        return fx(() -> w.queuePane().items());
    }

    private static boolean allDone(RunsWindow w) {
        RunQueue q = w.queue();
        return !q.items().isEmpty() && q.items().stream().allMatch(QueueItem::isDone);
    }

    private static List<RunInfo> history(FxRobot robot, RunsWindow w) throws Exception {
        robot.interact(() -> w.showTab("tab-history"));
        robot.clickOn("#history-refresh");
        waitUntil("the history is read", () -> !w.history().vm().loading().get());
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> w.history().vm().all().get());
    }

    private static List<String> keys(XYDataset d) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.getSeriesCount(); i++) {
            out.add(String.valueOf(d.getSeriesKey(i)));
        }
        return out;
    }

    private static XYSeries series(JFreeChart chart, String key) {
        XYSeriesCollection c = (XYSeriesCollection) ((XYPlot) chart.getPlot()).getDataset();
        int i = c.getSeriesIndex(key);
        assertTrue(i >= 0, "no series '" + key + "' in " + keys(c));
        return c.getSeries(i);
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double sd(List<Double> v) {
        double m = mean(v);
        return Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (v.size() - 1));
    }

    @Test
    void twoQueuedToyPresetsFinishAndTheComparisonShowsBothCurvesAndTheTable(FxRobot robot) throws Exception {
        Path home = tmp.resolve("home");
        RunsWindow w = open(home);
        robot.interact(() -> w.queuePane().fill("fig4-xor fig2-unit-ball", 2, SHORT, "", null));
        robot.clickOn("#queue-add");
        robot.clickOn("#queue-start");
        waitUntil("both items end", () -> allDone(w));
        WaitForAsyncUtils.waitForFxEvents();
        List<QueueItem> shown = items(w);
        assertEquals(List.of("fig4-xor", "fig2-unit-ball"), shown.stream().map(QueueItem::presetName).toList());
        for (QueueItem it : shown) {
            assertEquals(RunStatus.COMPLETED, it.state(), String.valueOf(it.error()));
            assertEquals(1.0, it.progress());
            assertEquals(List.of("training.iterations=300", "runs.hidden=[2]"), it.overrides());
            assertEquals(2, it.seeds());
        }

        List<RunInfo> runs = history(robot, w);
        assertEquals(2, runs.size());
        for (RunInfo r : runs) {
            assertEquals(RunStatus.COMPLETED, r.status());
            assertEquals(4, r.runs().size(), "mlp and adder, n = 2, two seeds");
        }
        robot.clickOn("#history-compare");       // nothing selected: every run shown
        waitUntil("the comparison is read", () -> !w.comparison().vm().loading().get());
        WaitForAsyncUtils.waitForFxEvents();
        ComparisonPane c = w.comparison();
        assertEquals(List.of(), fx(() -> c.vm().notes()));

        // the table: one row per (preset, model), mean and sample sd over the two seeds of the runs' own numbers
        ComparisonTable table = fx(() -> c.vm().comparison().get());
        assertEquals(4, table.rows().size());
        assertEquals(4, fx(() -> c.table().getItems().size()));
        for (ComparisonTable.Row row : table.rows()) {
            List<Double> tests = new ArrayList<>();
            for (RunInfo r : runs) {
                if (r.preset().equals(row.preset())) {
                    r.runs().stream().filter(x -> x.model().equals(row.model())).forEach(x -> tests.add(x.testAccuracy()));
                }
            }
            assertEquals(2, tests.size());
            assertEquals(2, row.seeds());
            assertEquals(mean(tests), row.testMean(), 1e-12);
            assertEquals(sd(tests), row.testSd(), 1e-12);
            assertEquals(Integer.valueOf(2), row.hidden());
        }
        String cell = fx(() -> (String) c.table().getColumns().get(5).getCellData(0));
        ComparisonTable.Row first = table.rows().get(0);
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f \u00b1 %.2f", 100 * first.testMean(), 100 * first.testSd()),
                cell);

        // the curves: both presets, both models, the mean over seeds; its last point is the seeds' mean final accuracy
        JFreeChart acc = fx(() -> c.vm().accuracy().get());
        List<String> accKeys = keys(((XYPlot) acc.getPlot()).getDataset());
        assertEquals(8, accKeys.size(), String.valueOf(accKeys));
        for (String preset : List.of("fig4-xor", "fig2-unit-ball")) {
            for (String model : List.of("mlp", "adder")) {
                String label = preset + " " + model + " n=2";
                XYSeries test = series(acc, label + " test");
                XYSeries train = series(acc, label + " train");
                assertEquals(300.0, test.getMaxX());
                assertEquals(1.0, test.getMinX());
                assertEquals(test.getItemCount(), train.getItemCount());
                List<Double> finals = new ArrayList<>();
                RunInfo folder = runs.stream().filter(r -> r.preset().equals(preset)).findFirst().orElseThrow();
                for (RunRecord r : folder.runs()) {
                    if (r.model().equals(model)) {
                        finals.add(r.testAccuracy());
                    }
                }
                double last = test.getY(test.getItemCount() - 1).doubleValue();
                assertEquals(100 * mean(finals), last, 1e-3, label + ": metrics.csv keeps 6 significant digits");
                XYSeries loss = series(fx(() -> c.vm().loss().get()), label);
                assertTrue(loss.getY(0).doubleValue() > loss.getY(loss.getItemCount() - 1).doubleValue(),
                        label + ": the loss falls over 300 iterations");
                for (String layer : List.of("layer1", "layer2")) {
                    XYSeries g = series(fx(() -> c.vm().norms().get()), label + " " + layer);
                    assertTrue(g.getItemCount() > 0);
                    assertTrue(g.getMinY() > 0, "norms on a log axis are positive");
                }
            }
        }
        CategoryPlot bars = (CategoryPlot) fx(() -> c.vm().bars().get()).getPlot();
        assertEquals(Set.of("mlp", "adder"), new HashSet<>(bars.getDataset().getRowKeys()));
        assertEquals(2, bars.getDataset().getColumnCount(), "one group per preset");

        // each seed: the seeds' own curves
        robot.interact(() -> c.vm().eachSeed.set(true));
        List<String> each = keys(((XYPlot) fx(() -> c.vm().accuracy().get()).getPlot()).getDataset());
        assertEquals(16, each.size());
        assertTrue(each.contains("fig2-unit-ball adder n=2 seed 2 test"), String.valueOf(each));

        // exports
        Path csv = tmp.resolve("out/t.csv");
        Path tex = tmp.resolve("out/t.tex");
        fx(() -> {
            c.vm().exportCsv(csv);
            c.vm().exportLatex(tex);
            return null;
        });
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("preset,settings,model,hidden,seeds,runs,test_mean,test_sd"), lines.get(0));
        String[] f = lines.get(1).split(",");
        assertEquals(13, f.length, lines.get(1));
        assertEquals(first.preset(), f[0]);
        assertEquals(first.testMean(), Double.parseDouble(f[6]), 1e-6);
        assertEquals(first.testSd(), Double.parseDouble(f[7]), 1e-6);
        String latex = Files.readString(tex);
        assertTrue(latex.contains("\\toprule") && latex.contains("\\midrule") && latex.contains("\\bottomrule"), latex);
        assertEquals(5, latex.lines().filter(l -> l.endsWith("\\\\")).count(), "a header and four rows");
        assertTrue(latex.contains(String.format(java.util.Locale.ROOT, "$%.2f \\pm %.2f$", 100 * first.testMean(),
                100 * first.testSd())), latex);
        List<Path> pngs = fx(() -> c.vm().exportCharts(tmp.resolve("out/charts.png"), false));
        List<Path> svgs = fx(() -> c.vm().exportCharts(tmp.resolve("out/charts.svg"), true));
        assertEquals(4, pngs.size());
        for (Path p : pngs) {
            BufferedImage img = ImageIO.read(p.toFile());
            assertEquals(ComparisonViewModel.EXPORT_W, img.getWidth(), p.toString());
            assertEquals(ComparisonViewModel.EXPORT_H, img.getHeight());
        }
        assertEquals(tmp.resolve("out/charts-gradient-norms.svg"), svgs.get(2));
        for (Path p : svgs) {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var doc = dbf.newDocumentBuilder().parse(p.toFile());
            assertEquals("svg", doc.getDocumentElement().getNodeName());
        }
    }

    @Test
    void theQueueAndHistorySurviveClosingAndReopeningAndASecondWindowIsRefusedTheQueue(FxRobot robot) throws Exception {
        Path home = tmp.resolve("home");
        String property = System.getProperty(WorkbenchHome.PROPERTY);
        System.setProperty(WorkbenchHome.PROPERTY, home.toString());   // the menu's window uses the default home
        WorkbenchViewModel vm = new WorkbenchViewModel(PresetLoader.resolve("demo-one-unit", List.of()), Platform::runLater);
        try {
            MainView view = fx(() -> {
                MainView v = new MainView(vm, owner);
                owner.setScene(v.scene());
                return v;
            });
            // the menu bar's buttons come with its skin, on the next pulse: wait for it before clicking
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> robot.lookup("Run").tryQuery().isPresent());
            robot.clickOn("Run").clickOn("#menu-runs");
            WaitForAsyncUtils.waitForFxEvents();
            RunsWindow w = fx(view::openRuns);
            windows.add(w);
            assertEquals(home.toAbsolutePath().normalize(), w.queue().store().home());
            // an empty queue opens paused, Start and Pause both off: what is added waits for Start
            assertFalse(w.queue().isStarted(), "an empty queue stays paused");
            assertTrue(robot.lookup("#queue-start").queryButton().isDisabled(), "nothing to start");
            assertTrue(robot.lookup("#queue-pause").queryButton().isDisabled(), "nothing to pause");
            // one item runs to its end, the second stays queued, the third is cancelled
            robot.interact(() -> w.queuePane().fill("fig4-xor", 1, "training.iterations=200 runs.hidden=[1]",
                    "training.lr=0.05,0.1", null));
            robot.clickOn("#queue-add");
            robot.interact(() -> w.queuePane().fill("fig2-unit-ball", 1, SHORT, "", null));
            robot.clickOn("#queue-add");
            assertEquals(3, items(w).size(), "the sweep made two items");
            assertFalse(robot.lookup("#queue-start").queryButton().isDisabled(), "items wait: Start");
            assertTrue(items(w).stream().allMatch(i -> i.state() == RunStatus.QUEUED), "none started at once");
            assertEquals(List.of("training.iterations=200", "runs.hidden=[1]", "training.lr=0.1"),
                    items(w).get(1).overrides());
            robot.interact(() -> w.queuePane().select("q3"));
            robot.clickOn("#queue-cancel");
            robot.interact(() -> w.queuePane().select("q2"));
            robot.clickOn("#queue-down");
            assertEquals(List.of("q1", "q3", "q2"), items(w).stream().map(QueueItem::id).toList());
            // parallel 1, started and paused at once: q1 runs to its end, q2 stays queued
            robot.interact(() -> {
                w.queue().setParallel(1);
                w.queuePane().vm().start();
                w.queuePane().vm().pause();
            });
            assertNotEquals(RunStatus.QUEUED, w.queue().item("q1").state(), "q1 was started");
            waitUntil("q1 completes", () -> w.queue().item("q1").state() == RunStatus.COMPLETED);
            assertEquals(RunStatus.QUEUED, w.queue().item("q2").state());
            List<QueueItem> before = w.queue().items();

            // a second window on the same home while this one holds the queue: a message, not an exception
            RunsWindow second = open(home);
            assertNull(second.queue());
            assertTrue(second.queueProblem().contains("the queue is open in another workbench"), second.queueProblem());
            assertTrue(fx(() -> second.queuePane().vm().message().get()).contains("The history below still works"));
            fx(() -> {
                second.stage().close();
                return null;
            });

            robot.interact(() -> w.stage().close());
            assertTrue(w.isClosed());
            RunsWindow again = fx(view::openRuns);
            windows.add(again);
            assertNotEquals(w, again, "a closed window's queue is gone: the menu opens a new window");
            List<QueueItem> after = items(again);
            assertEquals(before.stream().map(QueueItem::id).toList(), after.stream().map(QueueItem::id).toList());
            assertEquals(RunStatus.COMPLETED, after.get(0).state());
            assertEquals(RunStatus.CANCELLED, after.get(1).state());
            assertEquals(before.get(0).runFolder(), after.get(0).runFolder());
            // the reopened queue was started: q2, left queued, runs now
            waitUntil("q2 completes", () -> again.queue().item("q2").state() == RunStatus.COMPLETED);
            List<RunInfo> runs = history(robot, again);
            assertEquals(2, runs.size(), "q1's run from before the close and q2's; the cancelled q3 made none");
            RunInfo q1 = runs.stream().filter(r -> "q1".equals(r.queueItem())).findFirst().orElseThrow();
            assertEquals(RunStatus.COMPLETED, q1.status());
            assertEquals(before.get(0).runFolder(), q1.folder());
            assertEquals(List.of("training.iterations=200", "runs.hidden=[1]", "training.lr=0.05"), q1.overrides());
            // filters
            robot.interact(() -> again.history().vm().filter(null, null, "cancelled"));
            assertEquals(0, fx(() -> again.history().vm().shown().get().size()));
            robot.interact(() -> again.history().vm().filter("fig4-xor", "adder", "completed"));
            assertEquals(2, fx(() -> again.history().vm().shown().get().size()));
            robot.interact(() -> again.history().vm().filter("fig2-unit-ball", null, null));
            assertEquals(0, fx(() -> again.history().vm().shown().get().size()), "fig2-unit-ball was cancelled before it ran");
            // a damaged folder is listed with its reason, not hidden and not thrown
            Path broken = Files.createDirectories(home.resolve("runs/20200101-000000-broken"));
            Files.writeString(broken.resolve("run.json"), "{\"format\": 1, \"seeds\": ");
            assertEquals(3, history(robot, again).size());
            robot.interact(() -> again.history().vm().filter(null, null, "damaged"));
            List<RunInfo> damaged = fx(() -> again.history().vm().shown().get());
            assertEquals(1, damaged.size());
            assertEquals(broken, damaged.get(0).folder());
            String note = fx(() -> (String) again.history().table().getColumns().stream()
                    .filter(c -> c.getText().equals("Note")).findFirst().orElseThrow().getCellData(0));
            assertEquals(damaged.get(0).reason(), note);
            assertTrue(note.contains("run.json"), note);
            fx(() -> {
                again.close();
                return null;
            });
        } finally {
            vm.dispose();
            if (property == null) {
                System.clearProperty(WorkbenchHome.PROPERTY);
            } else {
                System.setProperty(WorkbenchHome.PROPERTY, property);
            }
        }
    }

    @Test
    void aQueuedItemCancelledWhileAnotherRunsEndsCancelledAndTheOthersComplete(FxRobot robot) throws Exception {
        Path home = tmp.resolve("home");
        RunsWindow w = open(home);
        robot.interact(() -> w.queuePane().parallelSpinner().getValueFactory().setValue(1));
        assertEquals(1, w.queue().parallel());
        // q1 runs far longer than the test: it stays running while the others are cancelled and complete
        robot.interact(() -> w.queuePane().fill("fig2-unit-ball", 1,
                "training.iterations=100000000 runs.hidden=[2] runs.models=[\"adder\"]", "", null));
        robot.clickOn("#queue-add");
        robot.clickOn("#queue-start");
        robot.interact(() -> w.queuePane().fill("fig4-xor", 1, SHORT, "training.lr=0.05,0.1", null));
        robot.clickOn("#queue-add");
        assertEquals(RunStatus.RUNNING, w.queue().item("q1").state());
        assertEquals(RunStatus.QUEUED, w.queue().item("q2").state());
        robot.interact(() -> w.queuePane().select("q2"));
        robot.clickOn("#queue-cancel");
        assertEquals(RunStatus.CANCELLED, w.queue().item("q2").state());
        assertEquals("cancelled before it started", w.queue().item("q2").error());
        // a second worker: q3 runs beside q1 and completes; the cancelled q2 never starts
        robot.interact(() -> w.queuePane().parallelSpinner().getValueFactory().setValue(2));
        waitUntil("q3 completes", () -> w.queue().item("q3").state() == RunStatus.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
        List<QueueItem> now = items(w);
        assertEquals(List.of(RunStatus.RUNNING, RunStatus.CANCELLED, RunStatus.COMPLETED), now.stream().map(QueueItem::state).toList());
        assertTrue(now.get(0).progress() > 0 && now.get(0).progress() < 1, "q1 goes on: " + now.get(0).progress());
        assertNull(now.get(1).runFolder());
        assertNull(now.get(1).started());
        assertEquals(List.of("training.iterations=300", "runs.hidden=[2]", "training.lr=0.05"), now.get(1).overrides());
        // cancelling the running q1 stops it after its current step; its folder says so
        robot.interact(() -> w.queuePane().select("q1"));
        robot.clickOn("#queue-cancel");
        waitUntil("q1 stops", () -> w.queue().item("q1").state() == RunStatus.CANCELLED);
        assertEquals(RunStatus.CANCELLED, RunStore.read(w.queue().item("q1").runFolder()).status());
        List<RunInfo> runs = history(robot, w);
        assertEquals(2, runs.size(), "the cancelled item made no folder");
        assertEquals(Set.of(RunStatus.CANCELLED, RunStatus.COMPLETED), Set.of(runs.get(0).status(), runs.get(1).status()));
        // retry runs it after all
        robot.interact(() -> w.showTab("tab-queue"));
        robot.interact(() -> w.queuePane().select("q2"));
        robot.clickOn("#queue-retry");
        waitUntil("q2 completes on retry", () -> w.queue().item("q2").state() == RunStatus.COMPLETED);
        robot.interact(() -> w.queuePane().select("q2"));
        robot.clickOn("#queue-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("q1", "q3"), items(w).stream().map(QueueItem::id).toList());
        assertEquals(3, history(robot, w).size(), "removing an item keeps its run");
        // a bad override is one line in the window, nothing is added
        robot.interact(() -> w.showTab("tab-queue"));
        robot.interact(() -> w.queuePane().fill("fig4-xor", 1, "training.lr=-1", "", null));
        robot.clickOn("#queue-add");
        assertEquals("--set training.lr=-1: training.lr: must be > 0, got -1.0", fx(() -> w.queuePane().vm().message().get()));
        assertEquals(2, items(w).size());
    }

    @Test
    void anImageRunClosedAfterItsFirstCheckpointResumesFromItInANewWindow(FxRobot robot) throws Exception {
        Path home = tmp.resolve("home");
        Path data = SyntheticMnist.write(tmp.resolve("data"), 320, 96, 11);
        RunsWindow w = open(home);
        robot.interact(() -> w.queuePane().fill("lenet5-bn-mnist-adder-short", 1,
                "training.batchSize=32\ntraining.epochs=3", "", data));
        robot.clickOn("#queue-add");
        robot.clickOn("#queue-start");
        Path[] csv = new Path[1];
        waitUntil("the first checkpoint", () -> {
            QueueItem it = w.queue().item("q1");
            if (it.runFolder() == null) {
                return false;
            }
            Path run = it.runFolder().resolve("lenet5-bn-adder-s1");
            csv[0] = run.resolve("metrics.csv");
            return Files.isRegularFile(run.resolve(RunFiles.CHECKPOINT)) && Files.isRegularFile(csv[0]);
        });
        robot.interact(() -> w.stage().close());
        QueueItem stopped = w.queue().item("q1");
        assertEquals(RunStatus.INTERRUPTED, stopped.state(), "closed before the run's end: " + stopped.progressText());
        Path folder = stopped.runFolder();
        List<String> atClose = Files.readAllLines(csv[0]);
        int epochsAtClose = atClose.size() - 1;
        assertTrue(epochsAtClose >= 1 && epochsAtClose < 3, "epochs at the close: " + epochsAtClose);
        assertEquals(RunStatus.INTERRUPTED, RunStore.read(folder).status());

        RunsWindow again = open(home);
        QueueItem shown = items(again).get(0);
        assertTrue(List.of(RunStatus.INTERRUPTED, RunStatus.RUNNING).contains(shown.state()), shown.state().id());
        waitUntil("the resumed run completes", () -> allDone(again));
        QueueItem done = again.queue().item("q1");
        assertEquals(RunStatus.COMPLETED, done.state(), String.valueOf(done.error()));
        assertEquals(folder, done.runFolder(), "it continued in its folder");
        assertEquals(1, done.attempts(), "a resumption is not a new attempt");
        List<String> rows = Files.readAllLines(csv[0]);
        assertEquals(4, rows.size(), "three epochs");
        assertEquals(atClose.subList(0, epochsAtClose + 1), rows.subList(0, epochsAtClose + 1),
                "the epochs before the close were not trained again");
        assertTrue(Files.readString(folder.resolve(RunFiles.LOG)).contains("queue item q1 continues in"));
        RunInfo run = RunStore.read(folder);
        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(1, run.resumes());
        assertEquals(3, run.runs().get(0).epochsDone());
        List<RunInfo> all = history(robot, again);
        assertEquals(1, all.size());
        assertFalse(all.stream().anyMatch(RunInfo::isDamaged), "no damaged run in the store");
        try (var s = Files.walk(home)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
        assertNotNull(run.runs().get(0).testAccuracy());
    }
}
