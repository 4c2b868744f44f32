package org.addernet.app.runner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.addernet.datasets.image.ImagePipeline;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.Trainer;
import org.addernet.presets.ExperimentPlan.ImageRun;
import org.addernet.presets.Preset;

/** The observers of one runner, told in the order they were added; each call is {@link RunObserver#quietly quiet}. */
final class Observers implements RunObserver {
    private final List<RunObserver> all = new CopyOnWriteArrayList<>();

    void add(RunObserver o) {
        if (o != null && o != NONE) {
            all.add(o);
        }
    }

    private void each(Consumer<RunObserver> call) {
        for (RunObserver o : all) {
            RunObserver.quietly(() -> call.accept(o));
        }
    }

    @Override
    public void started() {
        each(RunObserver::started);
    }

    @Override
    public void progress(long done, long total, String text) {
        each(o -> o.progress(done, total, text));
    }

    @Override
    public void line(String line) {
        each(o -> o.line(line));
    }

    @Override
    public void stepDone(String runId, long iteration, long stepsPerEpoch) {
        each(o -> o.stepDone(runId, iteration, stepsPerEpoch));
    }

    @Override
    public void epochDone(ImageRun run, EpochMetrics metrics, Trainer.Evaluation test, ImagePipeline.Prepared data) {
        each(o -> o.epochDone(run, metrics, test, data));
    }

    @Override
    public void sweepStarted(SweepTable table) {
        each(o -> o.sweepStarted(table));
    }

    @Override
    public void variantStarted(int index, int total, Preset.Variant variant, Preset preset) {
        each(o -> o.variantStarted(index, total, variant, preset));
    }

    @Override
    public void variantFinished(int index, int total, SweepTable table) {
        each(o -> o.variantFinished(index, total, table));
    }

    @Override
    public void finished(RunSummary summary) {
        each(o -> o.finished(summary));
    }

    @Override
    public void failed(Throwable error) {
        each(o -> o.failed(error));
    }
}
