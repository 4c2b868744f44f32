package org.addernet.app.ui.runs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.addernet.app.io.RunFiles;
import org.addernet.app.store.ManifestWriter;
import org.addernet.app.store.RunManifest;
import org.addernet.app.store.RunStore;
import org.addernet.app.runner.MetricsCsv;
import org.addernet.app.runner.RunEstimate;
import org.addernet.app.runner.RunLog;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunRequest;
import org.addernet.app.runner.Runner;
import org.addernet.app.runner.Runners;
import org.addernet.app.runner.Summary;
import org.addernet.app.figures.EpochCurvesChart;
import org.addernet.datasets.image.ImagePipeline;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.Trainer;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;
import org.jfree.chart.fx.ChartViewer;
import org.addernet.engine.train.RunStatus;

/**
 * Image-scale runs in the window: pick an image preset (LeNet-5-BN on MNIST / Fashion-MNIST,
 * ResNet-20 or VGG-small on CIFAR-10), check it (parameters, memory against the heap, time per
 * epoch measured on a few steps; a run that would not fit is refused with the reason), start it,
 * and watch progress with images/s and ETA, train and test loss and accuracy per epoch, the test
 * set's confusion matrix and a strip of test images with predicted and true labels. Cancel keeps
 * the last epoch's checkpoint; Resume continues a run folder from it. Runs go to the run store,
 * {@code $ADDERNET_HOME/runs/<time>-<preset>}, with the same folders and manifest as
 * {@code ./workbench run} (source {@code window}).
 */
public final class ImageRunWindow {
    static final int STRIP = 12;

    private final Stage stage = new Stage();
    private final ComboBox<String> preset = new ComboBox<>();
    private final TextField settings = new TextField();
    private final TextField dataRoot = new TextField();
    private final Button check = new Button("Check");
    private final Button start = new Button("Start");
    private final Button cancel = new Button("Cancel");
    private final Button resume = new Button("Resume a run folder\u2026");
    private final Label estimate = new Label();
    private final Label refusal = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label status = new Label();
    private final ChartViewer accuracy = new ChartViewer(EpochCurvesChart.accuracy("Accuracy per epoch", List.of()));
    private final ChartViewer loss = new ChartViewer(EpochCurvesChart.loss(List.of()));
    private final ConfusionView confusion = new ConfusionView(330);
    private final FlowPane strip = new FlowPane(6, 6);
    private final TextArea log = new TextArea();
    private final Map<String, List<EpochMetrics>> epochs = new LinkedHashMap<>();
    private final Map<String, List<Double>> testLoss = new LinkedHashMap<>();

    private volatile Runner runner;
    private volatile Summary summary;
    private volatile boolean running;
    private volatile boolean checking;
    private volatile List<RunEstimate.Estimate> checked;
    private String checkedKey;
    private Path out;

    public ImageRunWindow(Window owner) {
        preset.getItems().setAll(PresetLoader.BUNDLED_IMAGE);
        preset.setValue(PresetLoader.BUNDLED_IMAGE.contains("lenet5-bn-fashion-mnist-adder-short")
                ? "lenet5-bn-fashion-mnist-adder-short" : PresetLoader.BUNDLED_IMAGE.get(0));
        preset.setId("image-preset");
        settings.setPromptText("overrides, e.g. training.epochs=3 data.trainLimit=20000");
        settings.setPrefColumnCount(28);
        settings.setId("image-settings");
        dataRoot.setPromptText("data root (optional; also $ADDERNET_DATA, ~/.addernet/data)");
        dataRoot.setPrefColumnCount(22);
        dataRoot.setId("image-data");
        check.setId("image-check");
        start.setId("image-start");
        cancel.setId("image-cancel");
        resume.setId("image-resume");
        estimate.setId("image-estimate");
        refusal.setId("image-refusal");
        progress.setId("image-progress");
        progressText.setId("image-progress-text");
        status.setId("image-status");
        strip.setId("image-strip");
        estimate.setWrapText(true);
        refusal.setWrapText(true);
        refusal.setStyle("-fx-text-fill: #d0103a; -fx-font-weight: bold;");
        status.setWrapText(true);
        progress.setPrefWidth(320);
        cancel.setDisable(true);
        check.setOnAction(e -> check());
        start.setOnAction(e -> start());
        cancel.setOnAction(e -> cancel());
        resume.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("An epoch run folder to continue");
            java.io.File f = dc.showDialog(stage);
            if (f != null) {
                resume(f.toPath());
            }
        });
        preset.valueProperty().addListener((o, a, b) -> clearCheck());
        settings.textProperty().addListener((o, a, b) -> clearCheck());
        HBox row1 = new HBox(8, new Label("Preset"), preset, settings, new Label("Data"), dataRoot);
        row1.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(8, check, start, cancel, resume, progress, progressText);
        row2.setAlignment(Pos.CENTER_LEFT);
        accuracy.setPrefSize(560, 330);
        loss.setPrefSize(460, 330);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        HBox charts = new HBox(8, accuracy, loss);
        Label stripTitle = new Label("Test images: predicted / true (red: wrong)");
        stripTitle.setStyle("-fx-font-weight: bold;");
        Label confusionTitle = new Label("Confusion matrix on the test set (row share)");
        confusionTitle.setStyle("-fx-font-weight: bold;");
        VBox left = new VBox(6, confusionTitle, confusion.node());
        VBox right = new VBox(6, stripTitle, strip);
        HBox.setHgrow(right, Priority.ALWAYS);
        strip.setPrefWrapLength(560);
        log.setEditable(false);
        log.setPrefRowCount(5);
        log.setId("image-log");
        log.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        VBox root = new VBox(8, row1, row2, estimate, refusal, status, charts, new HBox(16, left, right), log);
        root.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 1240, 960);
        var css = ImageRunWindow.class.getResource("/org/addernet/app/ui/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.initOwner(owner);
        stage.setTitle("Image runs");
        stage.setScene(scene);
        stage.setOnHidden(e -> cancel());
        estimate.setText("Check a preset to see its size, memory and time per epoch before it starts.");
        confusion.show(new int[10][10], ImageSet.FASHION_MNIST.classNames());
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    boolean running() {
        return running;
    }

    boolean checking() {
        return checking;
    }

    Summary summary() {
        return summary;
    }

    Path out() {
        return out;
    }

    ConfusionView confusion() {
        return confusion;
    }

    int stripSize() {
        return strip.getChildren().size();
    }

    Map<String, List<EpochMetrics>> epochs() {
        return epochs;
    }

    List<RunEstimate.Estimate> estimates() {
        return checked;
    }

    void select(String name, String overrides, Path data) {
        preset.setValue(name);
        settings.setText(overrides);
        dataRoot.setText(data == null ? "" : data.toString());
    }

    private void clearCheck() {
        checked = null;
        checkedKey = null;
        refusal.setText("");
    }

    private String key() {
        return preset.getValue() + "|" + settings.getText() + "|" + dataRoot.getText();
    }

    private Preset resolve() {
        List<String> sets = new ArrayList<>();
        for (String s : settings.getText().trim().split("\\s+")) {
            if (!s.isBlank()) {
                sets.add(s);
            }
        }
        return PresetLoader.resolve(preset.getValue(), sets);
    }

    private Path data() {
        return dataRoot.getText().isBlank() ? null : Path.of(dataRoot.getText().strip());
    }

    /** Parameters, memory and a measured time per epoch of every model of the preset, off the FX thread. */
    void check() {
        if (checking || running) {
            return;
        }
        Preset p;
        try {
            p = resolve();
        } catch (PresetException e) {
            refusal.setText(e.getMessage().replaceFirst("^--set ", ""));
            return;
        }
        if (p.training().epochs() == null) {
            refusal.setText(p.name() + " is a toy preset: it runs in the main window");
            return;
        }
        checking = true;
        check.setDisable(true);
        start.setDisable(true);
        String key = key();
        estimate.setText("Measuring a few training steps of each model\u2026");
        Thread t = new Thread(() -> {
            List<RunEstimate.Estimate> list = new ArrayList<>();
            String problem = null;
            try {
                ImageSet set = ImageSet.of(p.data().set());
                int train = set.isIdx() ? 60_000 : 50_000;
                int test = 10_000;
                if (p.data().trainLimit() != null) {
                    train = Math.min(train, p.data().trainLimit());
                }
                if (p.data().testLimit() != null) {
                    test = Math.min(test, p.data().testLimit());
                }
                for (String m : p.runs().models()) {
                    list.add(RunEstimate.of(p, m, set.numClasses(), org.addernet.engine.model.ImageModels.inputShape(m),
                            train, test, 3));
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                problem = "cannot measure " + p.name() + ": " + e;
            }
            String why = problem;
            Platform.runLater(() -> {
                check.setDisable(false);
                start.setDisable(running);
                if (why != null) {
                    refusal.setText(why);
                    checking = false;
                    return;
                }
                checked = list;
                checkedKey = key;
                StringBuilder sb = new StringBuilder();
                String refuse = null;
                for (RunEstimate.Estimate e : list) {
                    sb.append(sb.length() == 0 ? "" : "\n").append(e.describe());
                    if (refuse == null) {
                        refuse = e.refusal();
                    }
                }
                estimate.setText(sb.toString());
                refusal.setText(refuse == null ? "" : "Refused: " + refuse);
                checking = false;
            });
        }, "image run check");
        t.setDaemon(true);
        t.start();
    }

    /** Starts the checked preset (checking it first when needed); refuses a run that would not fit. */
    void start() {
        if (running || checking) {
            return;
        }
        if (checked == null || !key().equals(checkedKey)) {
            status.setText("Check the preset first: its memory estimate decides whether it may start.");
            check();
            return;
        }
        for (RunEstimate.Estimate e : checked) {
            if (!e.fits()) {
                refusal.setText("Refused: " + e.refusal());
                return;
            }
        }
        Preset p = resolve();
        Path dir;
        try {
            dir = RunStore.atDefaultHome().createRunFolder(p.name());
        } catch (IOException e) {
            status.setText("Cannot make a run folder under " + RunStore.atDefaultHome().runsDir() + ": " + e.getMessage());
            return;
        }
        List<String> sets = List.of(settings.getText().trim().split("\\s+")).stream().filter(x -> !x.isBlank()).toList();
        launch(p, dir, 1, false, ManifestWriter.fresh(dir, RunManifest.begin(p, preset.getValue(), sets, 1, "window"), true));
    }

    /** Continues the epoch run in {@code dir} from its checkpoints. */
    void resume(Path dir) {
        if (running || checking) {
            return;
        }
        Path presetFile = dir.resolve("preset.json");
        Path info = dir.resolve(RunFiles.RUN_INFO);
        if (!Files.isRegularFile(presetFile) || !Files.isRegularFile(info)) {
            status.setText(dir + ": not an epoch run folder (it lacks "
                    + (!Files.isRegularFile(presetFile) ? "preset.json" : RunFiles.RUN_INFO) + ")");
            return;
        }
        try {
            Preset p = PresetLoader.resolve(presetFile.toString(), List.of());
            int seeds = Math.max(1, new com.fasterxml.jackson.databind.ObjectMapper().readTree(info.toFile())
                    .path("seeds").asInt(1));
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
            launch(p, dir, seeds, true, ManifestWriter.resuming(dir, p, null, List.of(), seeds, "window"));
        } catch (PresetException | IOException e) {
            status.setText(dir + ": " + e.getMessage());
        }
    }

    void cancel() {
        Runner r = runner;
        if (r != null) {
            r.cancel();
            status.setText("Cancelling after the current step; the last epoch's checkpoint is kept.");
        }
    }

    private void launch(Preset p, Path dir, int seeds, boolean isResume, ManifestWriter manifest) {
        out = dir;
        summary = null;
        if (!isResume) {
            epochs.clear();
            testLoss.clear();
            redrawCurves();
        }
        PrintStream logStream = new PrintStream(new LineSink(), true, StandardCharsets.UTF_8);
        Runner r = Runners.create(p, RunRequest.of(p, null, List.of(), seeds, dir).withDataRoot(data()).withResume(isResume),
                RunLog.to(logStream));
        r.observe(manifest);          // run.json: the run store's manifest, source "window"
        int batch = p.training().batchSize();
        int totalEpochs = p.training().epochs();
        long[] last = {System.nanoTime(), 0, -1};   // time, iteration at the last update, posted time
        r.observe(new RunObserver() {
            @Override
            public void stepDone(String runId, long iteration, long steps) {
                long now = System.nanoTime();
                if (now - last[2] < 200_000_000L) {
                    return;
                }
                double rate = iteration > last[1] && now > last[0] ? (iteration - last[1]) * batch / ((now - last[0]) / 1e9) : 0;
                last[0] = now;
                last[1] = iteration;
                last[2] = now;
                long total = steps * totalEpochs;
                double eta = rate > 0 ? (total - iteration) * batch / rate : Double.NaN;
                Platform.runLater(() -> {
                    progress.setProgress(total == 0 ? 0 : iteration / (double) total);
                    progressText.setText(String.format(Locale.ROOT, "%s  epoch %d/%d  step %d/%d  %,.0f images/s  ETA %s",
                            runId, Math.min(totalEpochs, steps == 0 ? 1 : (int) ((iteration - 1) / steps) + 1), totalEpochs,
                            steps == 0 ? 0 : (iteration - 1) % steps + 1, steps, rate,
                            Double.isNaN(eta) ? "-" : org.addernet.app.runner.Progress.clock(eta)));
                });
            }

            @Override
            public void epochDone(ExperimentPlan.ImageRun run, EpochMetrics m, Trainer.Evaluation eval,
                                  ImagePipeline.Prepared data) {
                DataSet test = data.test();
                int classes = data.set().numClasses();
                int[] labels = new int[test.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = test.label(i);
                }
                int[][] c = ConfusionView.count(eval.predicted(), labels, classes);
                List<StripItem> items = strip(test, data.sampleShape(), eval.predicted(), data.set().classNames());
                Platform.runLater(() -> {
                    epochs.computeIfAbsent(run.id(), k -> new ArrayList<>()).add(m);
                    testLoss.computeIfAbsent(run.id(), k -> new ArrayList<>()).add(eval.loss());
                    redrawCurves();
                    confusion.show(c, data.set().classNames());
                    showStrip(items);
                });
            }
        });
        runner = r;
        running = true;
        start.setDisable(true);
        check.setDisable(true);
        resume.setDisable(true);
        cancel.setDisable(false);
        status.setText((isResume ? "Resuming " : "Running ") + p.name() + " into " + dir);
        Thread t = new Thread(() -> {
            String done;
            Summary s = null;
            try {
                s = (Summary) r.run();    // an image preset: the epoch runner's summary
                long bad = s.incomplete();
                done = bad == 0 ? "Completed: " + describe(s) + ". Folder: " + dir
                        : bad + " run(s) not completed (" + s.runs().stream().filter(x -> x.status() != RunStatus.COMPLETED)
                                .map(x -> x.id() + " " + x.status() + (x.reason() == null ? "" : ": " + x.reason()))
                                .reduce((a, b) -> a + "; " + b).orElse("") + "). Folder: " + dir;
            } catch (IOException | RuntimeException e) {
                done = "Cannot run " + p.name() + ": " + e.getMessage();
            }
            String text = done;
            Summary fin = s;
            Platform.runLater(() -> {
                runner = null;
                start.setDisable(false);
                check.setDisable(false);
                resume.setDisable(false);
                cancel.setDisable(true);
                status.setText(text);
                summary = fin;
                running = false;
            });
        }, "image run");
        t.setDaemon(true);
        t.start();
    }

    private static String describe(Summary s) {
        StringBuilder b = new StringBuilder();
        for (var r : s.runs()) {
            b.append(b.length() == 0 ? "" : ", ").append(r.id()).append(" test ")
                    .append(r.testAccuracy() == null ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * r.testAccuracy()));
        }
        return b.toString();
    }

    private void redrawCurves() {
        List<EpochCurvesChart.Run> runs = new ArrayList<>();
        for (var e : epochs.entrySet()) {
            List<Double> tl = testLoss.getOrDefault(e.getKey(), List.of());
            runs.add(new EpochCurvesChart.Run(e.getKey(), e.getValue(), tl.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        accuracy.setChart(EpochCurvesChart.accuracy("Accuracy per epoch", runs));
        loss.setChart(EpochCurvesChart.loss(runs));
    }

    /** One test image as grey (or colour) pixels with its predicted and true class. */
    record StripItem(int width, int height, int[] argb, String predicted, String truth) {
    }

    static List<StripItem> strip(DataSet test, int[] shape, int[] predicted, List<String> names) {
        List<StripItem> out = new ArrayList<>();
        int c = shape[0];
        int h = shape[1];
        int w = shape[2];
        float[] x = new float[c * h * w];
        for (int i = 0; i < Math.min(STRIP, test.size()); i++) {
            test.copySample(i, x, 0);
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            float span = hi > lo ? hi - lo : 1;
            int[] argb = new int[h * w];
            for (int p = 0; p < h * w; p++) {
                int[] rgb = new int[3];
                for (int k = 0; k < 3; k++) {
                    rgb[k] = Math.round(255 * (x[(c == 3 ? k : 0) * h * w + p] - lo) / span);
                }
                argb[p] = 0xFF000000 | rgb[0] << 16 | rgb[1] << 8 | rgb[2];
            }
            out.add(new StripItem(w, h, argb, names.get(predicted[i]), names.get(test.label(i))));
        }
        return out;
    }

    private void showStrip(List<StripItem> items) {
        strip.getChildren().clear();
        for (StripItem s : items) {
            WritableImage img = new WritableImage(s.width(), s.height());
            img.getPixelWriter().setPixels(0, 0, s.width(), s.height(), PixelFormat.getIntArgbInstance(), s.argb(), 0,
                    s.width());
            ImageView v = new ImageView(img);
            v.setFitWidth(72);
            v.setFitHeight(72);
            v.setSmooth(false);
            Label l = new Label(s.predicted() + " /\n" + s.truth());
            l.setMaxWidth(86);
            l.setWrapText(true);
            l.setAlignment(Pos.CENTER);
            l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            l.setStyle("-fx-font-size: 11px;" + (s.predicted().equals(s.truth()) ? "" : " -fx-text-fill: #d0103a;"));
            VBox box = new VBox(2, v, l);
            box.setAlignment(Pos.CENTER);
            box.setPrefWidth(88);
            strip.getChildren().add(box);
        }
    }

    /** The runner's log lines, appended to the text area on the FX thread (the last 200 kept). */
    private final class LineSink extends OutputStream {
        private final StringBuilder line = new StringBuilder();

        @Override
        public void write(int b) {
            if (b == '\n') {
                String text = line.toString();
                line.setLength(0);
                Platform.runLater(() -> {
                    log.appendText(text + "\n");
                    String[] all = log.getText().split("\n");
                    if (all.length > 200) {
                        log.setText(String.join("\n", java.util.Arrays.copyOfRange(all, all.length - 200, all.length)) + "\n");
                    }
                });
            } else if (b != '\r') {
                line.append((char) b);
            }
        }
    }
}
