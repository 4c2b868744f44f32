package org.addernet.app.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.addernet.app.figures.Theorem4Figure;
import org.addernet.app.lab.Theorem4Run;
import org.addernet.app.ui.vm.Activity;
import org.addernet.app.ui.vm.FxPublisher;
import org.addernet.app.ui.vm.StatusLine;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.engine.analysis.Theorem4;
import org.jfree.chart.JFreeChart;

/**
 * The theorem lab's Theorem 4: one-hidden-layer AdderNets and MLPs of width n = 1 ... 256 fitted
 * to Lipschitz targets on a square, off the FX thread with progress per fit (coalesced: at most one
 * update pending), then their integrated squared error against n on log-log axes, one chart per
 * target, and the fitted slopes ({@link Theorem4}). Cancel stops between fits and shows those done.
 */
final class Theorem4ViewModel {
    static final String QUICK = "quick: n up to 64, one seed (seconds)";
    static final String FULL = "full: n up to 256, three seeds (about a minute)";

    /** A fit done of all, and which. */
    private record Progress(int done, int total, String label) {
    }

    /** {@link #QUICK} or {@link #FULL}: what Run runs. */
    final StringProperty size = new SimpleStringProperty(QUICK);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final StatusLine status = new StatusLine("Press Run: the quick setting takes seconds.");
    private final ReadOnlyObjectWrapper<Theorem4.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<JFreeChart>> charts = new ReadOnlyObjectWrapper<>(List.of());
    private final UiExecutor executor;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final FxPublisher<Progress> progressToFx;

    Theorem4ViewModel(UiExecutor executor) {
        this.executor = executor;
        this.progressToFx = executor.latest(p -> {
            if (busy.get()) {
                progress.set(p.done() / (double) p.total());
                status.say(String.format(Locale.ROOT, "%d of %d fits: %s", p.done(), p.total(), p.label()), false);
            }
        });
    }

    ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** Fits done of all, 0 to 1. */
    ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty status() {
        return status.text();
    }

    ReadOnlyBooleanProperty problem() {
        return status.problem();
    }

    /** The last run's result (null before the first ends). */
    ReadOnlyObjectProperty<Theorem4.Result> result() {
        return result.getReadOnlyProperty();
    }

    /** One log-log chart per target of the last result. */
    ReadOnlyObjectProperty<List<JFreeChart>> charts() {
        return charts.getReadOnlyProperty();
    }

    /** Runs the size chosen. */
    void run() {
        start(FULL.equals(size.get()) ? Theorem4.Config.defaults() : Theorem4.Config.quick());
    }

    /** Asks a run to stop after its current fit. */
    void cancel() {
        cancelled.set(true);
    }

    /** Runs {@code config} off the FX thread; progress per fit; charts and slopes at the end. */
    void start(Theorem4.Config config) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        cancelled.set(false);
        progress.set(0);
        status.say("Fitting " + config.fits() + " nets\u2026", false);
        executor.submit(() -> Theorem4.run(config, (done, total, label) -> progressToFx.accept(new Progress(done, total,
                label)), cancelled::get), this::finish, e -> {
                    status.say(Activity.message(e), true);
                    busy.set(false);
                });
    }

    /** On the FX thread; {@code busy} turns false last, once everything is shown. */
    private void finish(Theorem4.Result r) {
        List<JFreeChart> list = new ArrayList<>();
        for (Theorem4.Target target : r.config().targets()) {
            list.add(Theorem4Figure.chart(r, target));
        }
        charts.set(List.copyOf(list));
        status.say(r.cancelled() ? "Cancelled after " + r.fits().size() + " fits: the charts show those."
                : r.fits().size() + " fits done. Slopes below -0.5 beat the theorem's n^(-1/2) bound; -1 is O(1/n).", false);
        result.set(r);
        busy.set(false);
    }

    /** Writes the last result's CSV files and figures into {@code dir}. */
    void save(Path dir) {
        Theorem4.Result r = result.get();
        if (r == null) {
            return;
        }
        try {
            Theorem4Run.write(r, dir);
            status.say("Written to " + dir + ": " + Theorem4Run.ISE_CSV + ", " + Theorem4Run.SLOPES_CSV + ", "
                    + Theorem4Run.FIGURE + ", " + Theorem4Run.FIGURE_SVG, false);
        } catch (IOException | RuntimeException e) {
            status.say("Cannot write to " + dir + ": " + Activity.message(e), true);
        }
    }
}
