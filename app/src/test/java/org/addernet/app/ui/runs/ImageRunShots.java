package org.addernet.app.ui.runs;

import java.nio.file.Path;
import org.addernet.app.ui.shots.Shots;

/** Drives the image-runs window for the documentation's screenshot (see {@link Shots}). */
public final class ImageRunShots {
    private ImageRunShots() {
    }

    public static void shoot(ImageRunWindow w, Path out) throws Exception {
        shoot(w, out.resolve("window-image-run.png"), 3);
    }

    /** A LeNet-5-BN AdderNet on part of Fashion-MNIST, shot after {@code epochs} of its four epochs. */
    public static void shoot(ImageRunWindow w, Path file, int epochs) throws Exception {
        Shots.fx(() -> w.stage().setTitle("Image runs"));
        Shots.fx(() -> w.vm().select("lenet5-bn-fashion-mnist-adder", "training.epochs=4 data.trainLimit=12000", null));
        Shots.fx(w.vm()::check);
        Shots.await(() -> !w.vm().checking().get() && w.vm().estimates() != null, 300);
        Shots.fx(w.vm()::start);
        Shots.await(() -> w.vm().live().epochs().values().stream().anyMatch(l -> l.size() >= epochs), 900);
        Shots.snap(w.stage().getScene(), file);
        Shots.await(() -> !w.vm().running().get(), 600);
    }
}
