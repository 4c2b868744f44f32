package org.addernet.app.ui.shots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.addernet.app.ui.analysis.AnalysisShots;
import org.addernet.app.ui.analysis.AnalysisWindow;
import org.addernet.app.ui.runs.ImageRunShots;
import org.addernet.app.ui.runs.ImageRunWindow;
import org.addernet.app.ui.runs.RunsShots;
import org.addernet.app.ui.view.MainView;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.presets.PresetLoader;

/**
 * The README's window tour at one screen size (not a test): under Xvfb at that size, with
 * {@code java --module-path app/target/fx --add-modules javafx.controls,javafx.swing -cp
 * app/target/classes:app/target/test-classes:app/target/lib/* org.addernet.app.ui.shots.WindowTour
 * OUT SUFFIX HOME [parts]} writes {@code window-main-SUFFIX.png}, {@code window-figure-SUFFIX.png},
 * {@code window-compare-SUFFIX.png} (HOME holds the runs to compare), {@code lab-theorem4-SUFFIX.png}
 * and {@code window-image-run-SUFFIX.png}; {@code parts} picks some of main, figure, compare,
 * theorem4, image (default all; dead, a network that stops learning, is not in the README). Every window is sized to the screen as the workbench sizes it.
 */
public final class WindowTour {
    private WindowTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String suffix = args[1];
        Path home = Path.of(args[2]);
        List<String> parts = args.length > 3 ? List.of(args[3].split(",")) : List.of("main", "figure", "compare",
                "theorem4", "image");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        Stage[] stage = new Stage[1];
        MainView[] view = new MainView[1];
        WorkbenchViewModel[] vm = new WorkbenchViewModel[1];
        Shots.fx(() -> {
            stage[0] = new Stage();
            vm[0] = new WorkbenchViewModel(PresetLoader.resolve("demo-l2-to-l1", List.of()), Platform::runLater);
            view[0] = new MainView(vm[0], stage[0]);
            stage[0].setScene(view[0].scene());
            MainView.fitToScreen(stage[0]);
            stage[0].show();
        });
        if (parts.contains("main")) {
            // mid-training: the L2-to-L1 demo, paused about a third of the way (slowly enough that a
            // busy machine's FX thread, which shows the iteration, does not lag far behind the trainer)
            Shots.fx(() -> {
                vm[0].speed.set(300);
                vm[0].panels.showDifference.set(false);
                vm[0].play();
            });
            Shots.await(() -> vm[0].iteration().get() >= 3000, 300);
            System.out.println("pausing at iteration " + vm[0].iteration().get() + ", speed " + vm[0].speed.get());
            Shots.fx(vm[0]::pause);
            Shots.await(() -> vm[0].lastSnapshot() != null && !vm[0].lastSnapshot().running(), 60);
            Shots.snap(stage[0].getScene(), out.resolve("window-main-" + suffix + ".png"));
        }
        if (parts.contains("dead")) {
            // not in the README: the one-unit demo whose MLP ReLU dies (WindowLayoutTest's), to look at its note
            Shots.fx(() -> {
                vm[0].loadPreset(PresetLoader.resolve("demo-one-unit", List.of("training.iterations=3000",
                        "training.lr=0.5", "seed=3")));
                vm[0].speed.set(0);
                vm[0].play();
            });
            Shots.await(() -> vm[0].lastSnapshot() != null && vm[0].lastSnapshot().finished(), 300);
            Shots.snap(stage[0].getScene(), out.resolve("window-dead-" + suffix + ".png"));
        }
        if (parts.contains("figure")) {
            // Fig. 2 replayed: the figure view, and the main view showing its n = 2 column
            Shots.fx(() -> {
                vm[0].loadPreset(PresetLoader.resolve("fig2-unit-ball", List.of()));
                vm[0].speed.set(1000);
                vm[0].settings.hidden.set(2);
                vm[0].play();
            });
            Shots.await(() -> vm[0].iteration().get() >= 6000, 300);
            Shots.fx(vm[0]::pause);
            Shots.await(() -> vm[0].lastSnapshot() != null && !vm[0].lastSnapshot().running(), 60);
            Shots.snap(stage[0].getScene(), out.resolve("window-main-figure-mode-" + suffix + ".png"));
            Stage figure = Shots.figureStage(stage[0]);
            Shots.snap(figure.getScene(), out.resolve("window-figure-" + suffix + ".png"));
            Shots.fx(figure::hide);
        }
        if (parts.contains("compare")) {
            RunsShots.compareTwelve(home, out.resolve("window-compare-" + suffix + ".png"));
        }
        if (parts.contains("theorem4")) {
            AnalysisWindow[] aw = new AnalysisWindow[1];
            Shots.fx(() -> aw[0] = view[0].openAnalysis("tab-theorem4"));
            AnalysisShots.theorem4(aw[0], out.resolve("lab-theorem4-" + suffix + ".png"));
            Shots.fx(() -> aw[0].stage().hide());
        }
        if (parts.contains("image")) {
            ImageRunWindow[] iw = new ImageRunWindow[1];
            Shots.fx(() -> iw[0] = view[0].openImageRuns());
            ImageRunShots.shoot(iw[0], out.resolve("window-image-run-" + suffix + ".png"), 3);
        }
        Shots.fx(vm[0]::dispose);
        Platform.exit();
        System.exit(0);
    }
}
