package org.addernet.app.ui.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import org.addernet.app.store.QueueItem;
import org.addernet.app.store.RunInfo;
import org.addernet.app.ui.shots.Shots;
import org.addernet.engine.train.RunStatus;

/**
 * Takes the documentation's screenshots of the queue and the comparison (not a test): run under a
 * display (Xvfb) with {@code java --module-path app/target/fx --add-modules javafx.controls,javafx.swing,jdk.incubator.vector -cp app/target/classes:app/target/test-classes:app/target/lib/*
 * org.addernet.app.ui.runs.RunsShots OUT_DIR HOME} on an empty, temporary HOME.
 */
public final class RunsShots {
    private RunsShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/shots");
        Path home = Path.of(args.length > 1 ? args[1] : Files.createTempDirectory("runs-shots").toString());
        Files.createDirectories(out);
        Platform.startup(() -> { });
        RunsWindow[] w = new RunsWindow[1];
        Shots.fx(() -> {
            w[0] = new RunsWindow(null, home);
            w[0].show();
        });
        RunsWindow win = w[0];
        QueuePane q = win.queuePane();
        Path noData = Files.createDirectories(home.resolve("no-data-here"));
        Shots.fx(() -> {
            win.queue().setParallel(1);
            q.parallelSpinner().getValueFactory().setValue(1);
            // an image preset whose data set is missing: it fails at once, with the reason
            q.fill("lenet5-bn-mnist-adder-short", 1, "training.epochs=1", "", noData);
            q.vm().add();
            // the paper's unit ball and XOR quadrants with one hidden unit, three seeds each
            q.fill("fig4-xor fig2-unit-ball", 3, "runs.hidden=[1]", "", null);
            q.vm().add();
            // the multiple balls at two learning rates: the first runs while the screenshot is taken
            q.fill("fig3-multi-ball", 1, "", "training.lr=0.05,0.1", null);
            q.vm().add();
            q.fill("demo-spiral-deep", 2, "training.iterations=4000", "", null);
            q.vm().add();
            q.vm().start();                // an empty queue opens paused: added items wait for Start
        });
        Shots.fx(() -> win.queue().cancel("q6"));
        Shots.fx(() -> win.stage().setHeight(560));
        Shots.await(() -> {
            QueueItem it = win.queue().item("q4");
            return it.state() == RunStatus.RUNNING && it.progress() > 0.3;
        }, 600);
        Shots.fx(() -> {
            q.select("q4");
            q.fill("fig3-multi-ball", 1, "", "training.lr=0.05,0.1", null);
        });
        Shots.snap(win.stage().getScene(), out.resolve("window-queue.png"));
        Shots.fx(() -> win.stage().setHeight(1000));

        // the comparison of the two completed toy presets
        Shots.fx(() -> win.showTab("tab-history"));
        Shots.await(() -> !win.history().vm().loading().get(), 60);
        @SuppressWarnings("unchecked")
        List<RunInfo>[] chosen = new List[1];
        Shots.fx(() -> chosen[0] = win.history().vm().all().get().stream()
                .filter(r -> r.preset().equals("fig4-xor") || r.preset().equals("fig2-unit-ball")).toList());
        Shots.fx(() -> win.compare(chosen[0]));
        Shots.await(() -> !win.comparison().vm().loading().get(), 120);
        Shots.snap(win.stage().getScene(), out.resolve("window-compare.png"));
        Shots.fx(() -> {
            try {
                win.comparison().vm().exportCharts(out.resolve("compare.png"), false);
                win.comparison().vm().exportCsv(out.resolve("compare.csv"));
                win.comparison().vm().exportLatex(out.resolve("compare.tex"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Shots.fx(win::close);
        Platform.exit();
        System.exit(0);
    }

    /**
     * The comparison of every run in {@code home}'s history (the tour's twelve: Figs. 2 and 4, two
     * models x three n), three of them hidden by a legend click, shot to {@code file}.
     */
    public static void compareTwelve(Path home, Path file) throws Exception {
        RunsWindow[] w = new RunsWindow[1];
        Shots.fx(() -> {
            w[0] = new RunsWindow(null, home);
            w[0].show();
        });
        RunsWindow win = w[0];
        Shots.fx(() -> win.showTab("tab-history"));
        Shots.await(() -> !win.history().vm().loading().get() && !win.history().vm().all().get().isEmpty(), 60);
        Shots.fx(() -> win.compare(win.history().vm().all().get()));
        Shots.await(() -> !win.comparison().vm().loading().get(), 120);
        Shots.fx(() -> {
            ComparisonViewModel c = win.comparison().vm();
            for (var g : org.addernet.app.figures.Curves.groups(c.accuracy().get())) {
                if (g.label().endsWith("mlp n=1") || g.label().equals("fig4-xor adder n=1")) {
                    c.curveState.toggle(g.label());
                }
            }
            c.smoothing.set(0.6);
            c.applyCurveState();
        });
        Thread.sleep(1500);
        Shots.snap(win.stage().getScene(), file);
        Shots.fx(win::close);
    }
}
