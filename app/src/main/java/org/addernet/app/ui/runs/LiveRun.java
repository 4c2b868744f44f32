package org.addernet.app.ui.runs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.addernet.app.runner.MetricsCsv;
import org.addernet.app.runner.Progress;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.figures.EpochCurvesChart;
import org.addernet.app.ui.runs.TestImages.Confusion;
import org.addernet.app.ui.runs.TestImages.StripItem;
import org.addernet.app.ui.vm.FxBatcher;
import org.addernet.app.ui.vm.FxPublisher;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.datasets.image.ImagePipeline;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.Trainer;
import org.addernet.presets.ExperimentPlan.ImageRun;
import org.addernet.presets.Preset;
import org.jfree.chart.JFreeChart;

/**
 * What the image-runs window shows of an epoch run as it goes, part of {@link ImageRunViewModel}:
 * progress with images/s and ETA, train and test loss and accuracy per epoch of every run, the
 * last epoch's confusion matrix and strip of test images, and the runner's log. The runner's
 * {@link #observer} and {@link #logStream} are called on its thread; what they learn reaches the
 * properties on the FX thread: progress coalesced (the newest wins, measured over at least
 * {@link #PROGRESS_NANOS}), epochs and log lines batched (none lost).
 */
public final class LiveRun {
    /** Log lines kept. */
    static final int LOG_LINES = 200;
    /** Least time between two progress updates, so that images/s is measured over a span. */
    static final long PROGRESS_NANOS = 200_000_000L;

    private final UiExecutor executor;
    private final LongSupplier nanoTime;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<JFreeChart> accuracy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> loss = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Confusion> confusion = new ReadOnlyObjectWrapper<>(
            new Confusion(new int[10][10], ImageSet.FASHION_MNIST.classNames()));
    private final ReadOnlyObjectWrapper<List<StripItem>> strip = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper log = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper epochTime = new ReadOnlyStringWrapper("");
    private final Map<String, List<EpochMetrics>> epochs = new LinkedHashMap<>();
    private final Map<String, List<Double>> testLoss = new LinkedHashMap<>();
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    /** @param nanoTime the clock images/s and the ETA are measured by */
    LiveRun(UiExecutor executor, LongSupplier nanoTime) {
        this.executor = executor;
        this.nanoTime = nanoTime;
        redrawCurves();
    }

    /** Steps done of all, 0 to 1. */
    public ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    /** Run, epoch, step, images/s and ETA while a run goes on; how it ended once it did (no ETA then). */
    public ReadOnlyStringProperty progressText() {
        return progressText.getReadOnlyProperty();
    }

    /** The measured time of the newest epoch (training, test pass and checkpoint), empty before the first. */
    public ReadOnlyStringProperty epochTime() {
        return epochTime.getReadOnlyProperty();
    }

    /** Says how the run ended in place of its last progress line (its ETA no longer holds); FX thread. */
    void ended(String text) {
        progressText.set(text);
    }

    /** A cancel was asked for: the ETA no longer holds; FX thread. */
    void cancelling() {
        String t = progressText.get();
        int eta = t.lastIndexOf("  ETA ");
        progressText.set((eta < 0 ? t : t.substring(0, eta)) + "  cancelling after this step\u2026");
    }

    /** Train and test accuracy per epoch of every run. */
    public ReadOnlyObjectProperty<JFreeChart> accuracy() {
        return accuracy.getReadOnlyProperty();
    }

    /** Train and test loss per epoch of every run. */
    public ReadOnlyObjectProperty<JFreeChart> loss() {
        return loss.getReadOnlyProperty();
    }

    /** The last epoch's confusion matrix on the test set. */
    public ReadOnlyObjectProperty<Confusion> confusion() {
        return confusion.getReadOnlyProperty();
    }

    /** The last epoch's first test images with predicted and true class. */
    public ReadOnlyObjectProperty<List<StripItem>> strip() {
        return strip.getReadOnlyProperty();
    }

    /** The runner's last {@value #LOG_LINES} log lines. */
    public ReadOnlyStringProperty log() {
        return log.getReadOnlyProperty();
    }

    /** Every run's epochs so far, by run id (read on the FX thread). */
    Map<String, List<EpochMetrics>> epochs() {
        return epochs;
    }

    /** Forgets the epochs shown (a new run). */
    void clear() {
        epochs.clear();
        testLoss.clear();
        epochTime.set("");
        progress.set(0);
        progressText.set("");
        redrawCurves();
    }

    /** The epochs a run folder's runs have done so far, from their metrics.csv (a resumption; test losses unknown). */
    void load(Path dir) throws IOException {
        epochs.clear();
        testLoss.clear();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path run : s.filter(d -> Files.isRegularFile(d.resolve("metrics.csv"))).sorted().toList()) {
                List<EpochMetrics> m = new ArrayList<>(MetricsCsv.parseEpochs(run.resolve("metrics.csv")));
                epochs.put(run.getFileName().toString(), m);
                List<Double> nan = new ArrayList<>();
                m.forEach(x -> nan.add(Double.NaN));
                testLoss.put(run.getFileName().toString(), nan);
            }
        }
        redrawCurves();
    }

    /** The runner's log as a stream of UTF-8 lines, for {@link org.addernet.app.runner.RunLog}. */
    PrintStream logStream() {
        return new PrintStream(new LineSink(executor.batched(this::appendLog)), true, StandardCharsets.UTF_8);
    }

    /** One epoch of one run as the window shows it. */
    private record Epoch(String runId, EpochMetrics metrics, double testLoss, Confusion confusion, List<StripItem> strip,
                         double seconds) {
    }

    private record Step(double share, String text) {
    }

    /** An observer of one run of {@code p}: its steps and epochs. */
    RunObserver observer(Preset p) {
        FxPublisher<Step> stepToFx = executor.latest(s -> {
            progress.set(s.share());
            progressText.set(s.text());
        });
        FxBatcher<Epoch> epochToFx = executor.batched(this::showEpochs);
        int batch = p.training().batchSize();
        int totalEpochs = p.training().epochs();
        long[] last = {nanoTime.getAsLong(), 0, Long.MIN_VALUE};   // time, iteration at the last update, posted time
        long[] epochStart = {nanoTime.getAsLong()};
        return new RunObserver() {
            @Override
            public void started() {
                epochStart[0] = nanoTime.getAsLong();
            }

            @Override
            public void stepDone(String runId, long iteration, long steps) {
                long now = nanoTime.getAsLong();
                if (last[2] != Long.MIN_VALUE && now - last[2] < PROGRESS_NANOS) {
                    return;
                }
                double rate = iteration > last[1] && now > last[0] ? (iteration - last[1]) * batch / ((now - last[0]) / 1e9)
                        : 0;
                last[0] = now;
                last[1] = iteration;
                last[2] = now;
                long total = steps * totalEpochs;
                double eta = rate > 0 ? (total - iteration) * batch / rate : Double.NaN;
                stepToFx.accept(new Step(total == 0 ? 0 : iteration / (double) total, String.format(Locale.ROOT,
                        "%s  epoch %d/%d  step %d/%d  %,.0f images/s  ETA %s", runId,
                        Math.min(totalEpochs, steps == 0 ? 1 : (int) ((iteration - 1) / steps) + 1), totalEpochs,
                        steps == 0 ? 0 : (iteration - 1) % steps + 1, steps, rate,
                        Double.isNaN(eta) ? "-" : Progress.clock(eta))));
            }

            @Override
            public void epochDone(ImageRun run, EpochMetrics m, Trainer.Evaluation eval, ImagePipeline.Prepared prepared) {
                List<String> names = prepared.set().classNames();
                long now = nanoTime.getAsLong();
                double seconds = (now - epochStart[0]) / 1e9;
                epochStart[0] = now;
                epochToFx.accept(new Epoch(run.id(), m, eval.loss(),
                        TestImages.confusion(prepared.test(), eval.predicted(), prepared.set().numClasses(), names),
                        TestImages.strip(prepared.test(), prepared.sampleShape(), eval.predicted(), names), seconds));
            }
        };
    }

    private void showEpochs(List<Epoch> batch) {
        for (Epoch e : batch) {
            epochs.computeIfAbsent(e.runId(), k -> new ArrayList<>()).add(e.metrics());
            testLoss.computeIfAbsent(e.runId(), k -> new ArrayList<>()).add(e.testLoss());
        }
        redrawCurves();
        Epoch newest = batch.get(batch.size() - 1);
        confusion.set(newest.confusion());
        strip.set(newest.strip());
        epochTime.set(String.format(Locale.ROOT, "measured: %s for epoch %d of %s (its steps, the test pass and the "
                + "checkpoint)", Progress.clock(newest.seconds()), newest.metrics().epoch(), newest.runId()));
    }

    private void redrawCurves() {
        List<EpochCurvesChart.Run> runs = new ArrayList<>();
        for (var e : epochs.entrySet()) {
            List<Double> tl = testLoss.getOrDefault(e.getKey(), List.of());
            runs.add(new EpochCurvesChart.Run(e.getKey(), List.copyOf(e.getValue()),
                    tl.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        accuracy.set(EpochCurvesChart.accuracy("Accuracy per epoch", runs));
        loss.set(EpochCurvesChart.loss(runs));
    }

    private void appendLog(List<String> batch) {
        for (String line : batch) {
            lines.addLast(line);
            if (lines.size() > LOG_LINES) {
                lines.removeFirst();
            }
        }
        log.set(String.join("\n", lines) + "\n");
    }

    /** Bytes of UTF-8 text, handed on line by line. */
    private static final class LineSink extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final FxBatcher<String> lines;

        LineSink(FxBatcher<String> lines) {
            this.lines = lines;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }
}
