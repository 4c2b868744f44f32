package org.addernet.app.ui.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import org.addernet.app.store.QueueItem;
import org.addernet.app.ui.shots.Shots;
import org.addernet.engine.train.RunStatus;

/**
 * Takes the README's screenshots of the queue running on a Spark cluster and of the history
 * saying where each run ran (not a test): under a display (Xvfb), with a master running (e.g. the
 * tests' loopback cluster, {@code org.addernet.app.cluster.StandaloneClusterMain}):
 * {@code java --module-path app/target/fx --add-modules javafx.controls,javafx.swing,jdk.incubator.vector -cp app/target/classes:app/target/test-classes:app/target/lib/* org.addernet.app.ui.runs.ClusterShots
 * OUT_DIR HOME spark://127.0.0.1:PORT [WIDTHxHEIGHT]}. Spark's jars are loaded by the window itself,
 * as in a window started with {@code ./workbench}.
 */
public final class ClusterShots {
    private ClusterShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path home = Path.of(args[1]);
        String master = args[2];
        String[] size = (args.length > 3 ? args[3] : "1600x1000").split("x");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        RunsWindow[] w = new RunsWindow[1];
        Shots.fx(() -> {
            w[0] = new RunsWindow(null, home);
            w[0].show();
            w[0].stage().setWidth(Integer.parseInt(size[0]));
            w[0].stage().setHeight(Integer.parseInt(size[1]));
        });
        RunsWindow win = w[0];
        QueuePane q = win.queuePane();
        Shots.fx(() -> {
            q.runOn().target.set(RunOnViewModel.SPARK);
            q.runOn().master.set(master);
            q.parallelSpinner().getValueFactory().setValue(2);
            win.queue().setParallel(2);
            q.fill("table5-toy", 10, "", "", null);
            q.vm().add();
            q.fill("lenet5-bn-fashion-mnist-adder-short", 1, "data.trainLimit=8192 data.testLimit=1024 training.epochs=3", "",
                    null);
            q.vm().add();
            q.fill("fig3-multi-ball", 3, "", "", null);
            q.vm().add();
            q.vm().start();                // an empty queue opens paused: added items wait for Start
        });
        Shots.await(() -> {              // the toy sweep part-way, or done, and the LeNet run in its first epochs
            QueueItem toy = win.queue().item("q1");
            QueueItem image = win.queue().item("q2");
            return toy.progress() > 0.3 && image.state() == RunStatus.RUNNING && image.progress() > 0.1;
        }, 900);
        Shots.fx(() -> q.select("q2"));
        Shots.snap(win.stage().getScene(), out.resolve("window-queue-cluster.png"));
        Shots.await(() -> win.queue().items().stream().allMatch(QueueItem::isDone), 1800);
        Shots.fx(() -> win.showTab("tab-history"));
        Shots.await(() -> !win.history().vm().loading().get(), 60);
        Shots.snap(win.stage().getScene(), out.resolve("window-history-cluster.png"));
        Shots.fx(win::close);
        Thread.sleep(3000);          // the Spark session closes off the FX thread
        Platform.exit();
        System.exit(0);
    }
}
