package org.addernet.app.ui.analysis;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.addernet.app.render.TableFigure;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runners;
import org.addernet.app.runner.SweepRunner;
import org.addernet.app.runner.SweepSummary;
import org.addernet.app.runner.SweepTable;
import org.addernet.app.store.RunStore;
import org.addernet.app.ui.runs.Overrides;
import org.addernet.app.ui.vm.Activity;
import org.addernet.app.ui.vm.FxPublisher;
import org.addernet.app.ui.vm.StatusLine;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;

/**
 * Tables 4-6 (the ablations: full-precision gradient x L2-to-L1 x adaptive learning rate; eta;
 * the length of p's decay): a sweep preset runs variant by variant off the FX thread into the run
 * store, and the table, laid out like the paper's with its values beside ours, fills in as each
 * variant ends (coalesced: the newest table wins).
 */
final class AblationsViewModel {
    /** The table and its figure, drawn off the FX thread. */
    record Shown(SweepTable table, BufferedImage figure) {
        static Shown of(SweepTable t) {
            return new Shown(t, TableFigure.render(t.figureSpec()));
        }
    }

    final StringProperty preset = new SimpleStringProperty();
    final IntegerProperty seeds = new SimpleIntegerProperty(1);
    /** Overrides, separated by spaces. */
    final StringProperty settings = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StatusLine status = new StatusLine("Choose a sweep and press Run.");
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SweepSummary> summary = new ReadOnlyObjectWrapper<>();
    private final UiExecutor executor;
    private final FxPublisher<Shown> tableToFx;
    private final FxPublisher<String> statusToFx;
    private volatile SweepRunner runner;
    private Path dataRoot;
    private Path out;

    AblationsViewModel(UiExecutor executor) {
        this.executor = executor;
        this.tableToFx = executor.latest(shown::set);
        this.statusToFx = executor.latest(s -> status.say(s, false));
        List<String> sweeps = sweeps();
        preset.set(sweeps.contains("table4-toy") ? "table4-toy" : sweeps.isEmpty() ? null : sweeps.get(0));
    }

    /** The bundled sweep presets of Tables 4-6. */
    static List<String> sweeps() {
        List<String> out = new ArrayList<>();
        for (String name : PresetLoader.BUNDLED) {
            if (name.matches("table[456]-.*")) {
                out.add(name);
            }
        }
        return out;
    }

    void setDataRoot(Path root) {
        dataRoot = root;
    }

    ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty status() {
        return status.text();
    }

    ReadOnlyBooleanProperty problem() {
        return status.problem();
    }

    /** The table so far with its figure (null before the first sweep starts). */
    ReadOnlyObjectProperty<Shown> shown() {
        return shown.getReadOnlyProperty();
    }

    /** The table so far (null before the first sweep starts). */
    SweepTable table() {
        return shown.get() == null ? null : shown.get().table();
    }

    /** The last sweep's summary, once it has ended. */
    ReadOnlyObjectProperty<SweepSummary> summary() {
        return summary.getReadOnlyProperty();
    }

    /** The last sweep's folder. */
    Path out() {
        return out;
    }

    void select(String name, String overrides, int n) {
        preset.set(name);
        settings.set(overrides);
        seeds.set(n);
    }

    /** Runs the chosen sweep into a new run-store folder, off the FX thread. */
    void start() {
        if (busy.get()) {
            return;
        }
        Preset p;
        List<String> sets = Overrides.words(settings.get());
        try {
            p = PresetLoader.resolve(preset.get(), sets);
            out = RunStore.atDefaultHome().createRunFolder(p.name());
        } catch (PresetException e) {
            status.say(e.getMessage().replaceFirst("^--set ", ""), true);
            return;
        } catch (IOException e) {
            status.say("Cannot make a run folder: " + e.getMessage(), true);
            return;
        }
        busy.set(true);
        summary.set(null);
        status.say("Running " + p.name() + " into " + out, false);
        // a sweep preset: the factory's runner is the sweep runner
        SweepRunner r = (SweepRunner) Runners.create(p, RunRequest.of(p, preset.get(), sets, seeds.get(), out)
                .withDataRoot(dataRoot), RunLog.NONE);
        r.observe(new RunObserver() {
            @Override
            public void sweepStarted(SweepTable t) {
                tableToFx.accept(Shown.of(t));
            }

            @Override
            public void variantStarted(int index, int total, Preset.Variant variant, Preset merged) {
                statusToFx.accept(String.format("Variant %d of %d: %s", index + 1, total, variant.id()));
            }

            @Override
            public void variantFinished(int index, int total, SweepTable t) {
                tableToFx.accept(Shown.of(t));
            }
        });
        runner = r;
        Path dir = out;
        executor.submit(() -> {
            SweepSummary s = r.run();
            return new Ended(s, r.table() == null ? null : Shown.of(r.table()),
                    (r.isCancelled() ? "Cancelled; the variants done so far are in the table. " : "Done. ") + "Folder: " + dir);
        }, this::finish, e -> finish(new Ended(null, r.table() == null ? null : Shown.of(r.table()),
                "Cannot run " + p.name() + ": " + Activity.message(e))));
    }

    private record Ended(SweepSummary summary, Shown table, String text) {
    }

    private void finish(Ended e) {
        runner = null;
        if (e.table() != null) {
            shown.set(e.table());
        }
        status.say(e.text(), e.summary() == null);
        summary.set(e.summary());
        busy.set(false);
    }

    /** Asks the sweep to stop after the current step. */
    void cancel() {
        SweepRunner r = runner;
        if (r != null) {
            r.cancel();
            status.say("Cancelling after the current step\u2026", false);
        }
    }
}
