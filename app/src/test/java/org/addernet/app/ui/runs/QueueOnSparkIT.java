package org.addernet.app.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.addernet.app.store.ClusterLedger;
import org.addernet.app.store.QueueItem;
import org.addernet.app.store.RunInfo;
import org.addernet.engine.train.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The queue tab's "Run on": items queued while it says "a Spark master" (local[2]) run as Spark
 * tasks, their folders come home into the store, and the history says where each task ran.
 */
@ExtendWith(ApplicationExtension.class)
class QueueOnSparkIT {
    @TempDir
    Path tmp;

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new Label("owner"), 200, 80));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(120, TimeUnit.SECONDS);
    }

    @Test
    void itemsQueuedToRunOnSparkRunThereAndTheHistorySaysWhere(FxRobot robot) throws Exception {
        RunsWindow w = fx(() -> {
            RunsWindow r = new RunsWindow(owner, tmp.resolve("home"));
            r.show();
            return r;
        });
        try {
            robot.interact(() -> {                 // the controls, bound to the tab's view model
                robot.lookup("#queue-run-on").<javafx.scene.control.ChoiceBox<String>>query().setValue(RunOnViewModel.SPARK);
                robot.lookup("#queue-master").<javafx.scene.control.TextField>query().setText("local[2]");
                w.queuePane().fill("fig2-unit-ball", 2, "training.iterations=300 runs.hidden=[2]", "", null);
            });
            assertEquals(RunOnViewModel.SPARK, w.queuePane().runOn().target.get());
            assertEquals("local[2]", w.queuePane().runOn().master.get());
            robot.clickOn("#queue-add");
            robot.clickOn("#queue-start");          // an empty queue opens paused: added items wait for Start
            WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !w.queue().items().isEmpty()
                    && w.queue().items().stream().allMatch(QueueItem::isDone));
            QueueItem it = w.queue().items().get(0);
            assertEquals(RunStatus.COMPLETED, it.state(), String.valueOf(it.error()));
            ClusterLedger ledger = ClusterLedger.read(it.runFolder());
            assertNotNull(ledger, "cluster.json in " + it.runFolder());
            assertEquals("local[2]", ledger.master());
            assertEquals(2, ledger.tasks().size());
            assertTrue(Files.isDirectory(it.runFolder().resolve("adder-n2-s2")));

            robot.interact(() -> w.showTab("tab-history"));
            robot.clickOn("#history-refresh");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !w.history().vm().loading().get());
            WaitForAsyncUtils.waitForFxEvents();
            List<RunInfo> runs = fx(() -> w.history().vm().all().get());
            assertEquals(1, runs.size());
            assertEquals("2 tasks on executor driver (local[2])", runs.get(0).ranOn());
            String shown = fx(() -> (String) w.history().table().getColumns().stream()
                    .filter(c -> c.getText().equals("Ran on")).findFirst().orElseThrow().getCellData(0));
            assertEquals(runs.get(0).ranOn(), shown);
        } finally {
            fx(() -> {
                w.close();
                return null;
            });
        }
    }
}
