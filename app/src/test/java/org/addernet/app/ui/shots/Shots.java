package org.addernet.app.ui.shots;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.addernet.app.ui.analysis.AnalysisShots;
import org.addernet.app.ui.analysis.AnalysisWindow;
import org.addernet.app.ui.runs.ImageRunShots;
import org.addernet.app.ui.runs.ImageRunWindow;
import org.addernet.app.ui.view.MainView;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.addernet.presets.PresetLoader;

/**
 * Takes the README's screenshots of the analyses and image-runs windows (not a test): run under a
 * display (Xvfb) with {@code java --module-path app/target/fx --add-modules javafx.controls,javafx.swing,jdk.incubator.vector -cp app/target/classes:app/target/test-classes:app/target/lib/*
 * org.addernet.app.ui.shots.Shots OUT_DIR [ADDER_RUN CNN_RUN]}.
 */
public final class Shots {
    private Shots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/shots");
        Files.createDirectories(out);
        Path adder = args.length > 2 ? Path.of(args[1]) : null;
        Path cnn = args.length > 2 ? Path.of(args[2]) : null;
        Platform.startup(() -> { });
        Stage[] main = new Stage[1];
        MainView[] view = new MainView[1];
        fx(() -> {
            main[0] = new Stage();
            WorkbenchViewModel vm = new WorkbenchViewModel(PresetLoader.resolve("fig2-unit-ball", List.of()),
                    Platform::runLater);
            view[0] = new MainView(vm, main[0]);
            main[0].setScene(view[0].scene());
            main[0].show();
        });
        AnalysisWindow[] aw = new AnalysisWindow[1];
        fx(() -> aw[0] = view[0].openAnalysis("tab-table1"));
        AnalysisShots.shoot(aw[0], out, adder, cnn);
        fx(() -> aw[0].stage().hide());
        ImageRunWindow[] iw = new ImageRunWindow[1];
        fx(() -> iw[0] = view[0].openImageRuns());
        ImageRunShots.shoot(iw[0], out);
        Platform.exit();
        System.exit(0);
    }

    public static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        f.get(60, TimeUnit.SECONDS);
    }

    public static void await(BooleanSupplier c, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(200);
        }
        Thread.sleep(800);          // let the charts lay out
    }

    /** The figure view's window (the grid of Figs. 2-4) of the main window {@code owner}, once it shows. */
    public static Stage figureStage(Stage owner) throws Exception {
        Stage[] found = new Stage[1];
        await(() -> {
            try {
                fx(() -> {
                    for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                        if (w instanceof Stage st && st.getTitle() != null && st.getTitle().startsWith("Figure view")
                                && st.isShowing()) {
                            found[0] = st;
                        }
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return found[0] != null;
        }, 60);
        return found[0];
    }

    public static void snap(Scene scene, Path file) throws Exception {
        CompletableFuture<WritableImage> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(scene.snapshot(null)));
        WritableImage img = f.get(60, TimeUnit.SECONDS);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        ImageIO.write(b, "png", file.toFile());
        System.out.println(file);
    }
}
