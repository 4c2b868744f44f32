package org.addernet.app.ui.analysis;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.addernet.app.ui.shots.Shots;

/** Drives the analyses window for the documentation's screenshots (see {@link Shots}). */
public final class AnalysisShots {
    private AnalysisShots() {
    }

    public static void shoot(AnalysisWindow w, Path out, Path adderRun, Path cnnRun) throws Exception {
        Shots.fx(() -> w.show("tab-table1"));
        Shots.fx(() -> w.table1.vm().compute());
        Shots.await(() -> !w.table1.vm().work().isBusy() && w.table1.vm().rows().get().size() == 4, 300);
        Shots.snap(w.stage().getScene(), out.resolve("analysis-table1.png"));
        if (adderRun != null) {
            Shots.fx(() -> w.show("tab-weights-fit"));
            Shots.fx(() -> w.weights.vm().open(adderRun));
            Shots.await(() -> w.weights.left().selected() != null, 120);
            Shots.fx(() -> w.weights.vm().open(cnnRun));
            Shots.await(() -> w.weights.right().selected() != null && w.weights.right().selected().contains("cnn"), 120);
            Shots.snap(w.stage().getScene(), out.resolve("analysis-weights.png"));
        }
        Shots.fx(() -> w.show("tab-ops"));
        Shots.fx(() -> w.ops.vm().select("resnet20-adder"));
        Shots.snap(w.stage().getScene(), out.resolve("analysis-ops.png"));
        Shots.fx(() -> w.show("tab-theorem4"));
        Shots.fx(() -> w.theorem4.vm().start(org.addernet.engine.analysis.Theorem4.Config.quick()));
        BooleanSupplier done = () -> !w.theorem4.vm().busy().get() && w.theorem4.vm().result().get() != null;
        Shots.await(done, 600);
        Shots.snap(w.stage().getScene(), out.resolve("lab-theorem4.png"));
        Shots.fx(() -> w.show("tab-lemma5"));
        Shots.snap(w.stage().getScene(), out.resolve("lab-lemma5.png"));
    }

    /** Theorem 4's tab after the quick run, shot to {@code file}. */
    public static void theorem4(AnalysisWindow w, Path file) throws Exception {
        Shots.fx(() -> w.show("tab-theorem4"));
        Shots.fx(() -> w.theorem4.vm().start(org.addernet.engine.analysis.Theorem4.Config.quick()));
        BooleanSupplier done = () -> !w.theorem4.vm().busy().get() && w.theorem4.vm().result().get() != null;
        Shots.await(done, 600);
        Shots.snap(w.stage().getScene(), file);
    }
}
