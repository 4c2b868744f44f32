package org.addernet.app.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.addernet.app.figures.EpochCurvesChart;
import org.addernet.app.figures.GradientNormTableChart;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.RunFiles;
import org.addernet.app.render.Png;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.ExperimentPlan.ImageRun;
import org.addernet.presets.Preset;

/**
 * The figures of an epoch run's folder, over all its runs: {@code gradient-norms.csv} and
 * {@code gradient-norms.png} (the paper's Table 1) and {@code curves.png}. The epoch runner redraws
 * them as it goes; a folder put together from one-seed folders (a cluster run's) draws them once
 * with {@link #writeAll}. A figure that cannot be drawn is only logged; a file that cannot be
 * written ({@link org.addernet.app.io.WriteFailedException}) is thrown, so that the run fails.
 */
public final class EpochFigures {
    private EpochFigures() {
    }

    /** Both figures of {@code out} ({@code seeds} seeds of {@code preset}), from the runs' own files. */
    public static void writeAll(Preset preset, Path out, int seeds, Consumer<String> log) throws IOException {
        List<ImageRun> plan = ExperimentPlan.imageRuns(preset, seeds);
        writeGradientNormTable(preset, out, plan, log);
        Map<String, List<EpochMetrics>> curves = new LinkedHashMap<>();
        for (ImageRun r : plan) {
            Path m = out.resolve(r.id()).resolve(RunFiles.METRICS);
            if (Files.isRegularFile(m)) {
                try {
                    curves.put(r.id(), MetricsCsv.parseEpochs(m));
                } catch (IOException e) {
                    log.accept("  " + m + " not read: " + e.getMessage());
                }
            }
        }
        writeCurves(preset, out, curves, log);
    }

    /**
     * The top-level {@code gradient-norms.csv}, laid out like the paper's Table 1: one row per run
     * ({@code run,model,layer1,layer2,...}) from the runs' own files, and its bars beside the paper's; also logged.
     */
    public static void writeGradientNormTable(Preset preset, Path out, List<ImageRun> plan, Consumer<String> log)
            throws IOException {
        List<String> rows = new ArrayList<>();
        List<GradientNormTableChart.Series> bars = new ArrayList<>();
        int width = 0;
        for (ImageRun r : plan) {
            Path f = out.resolve(r.id()).resolve(RunFiles.GRADIENT_NORMS);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try {
                List<String> values = new ArrayList<>();
                List<String> lines = Files.readAllLines(f);
                for (String line : lines.subList(1, lines.size())) {
                    String[] c = line.split(",");
                    values.add(c[c.length - 1]);
                }
                width = Math.max(width, values.size());
                rows.add(r.id() + "," + r.model() + "," + String.join(",", values));
                bars.add(new GradientNormTableChart.Series(r.id() + " (" + preset.data().set() + ")",
                        r.model().contains("adder"), false, values.stream().mapToDouble(Double::parseDouble).toArray()));
            } catch (IOException | RuntimeException e) {
                log.accept("  " + f + " not read: " + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("run,model");
        for (int k = 1; k <= width; k++) {
            sb.append(",layer").append(k);
        }
        sb.append('\n');
        rows.forEach(r -> sb.append(r).append('\n'));
        AtomicFiles.writeString(out.resolve(RunFiles.GRADIENT_NORMS), sb.toString());
        try {
            for (ImageRun r : plan) {
                double[] paper = FirstStepNorms.PAPER.get(r.model());
                if (paper != null && r.seedIndex() == 0) {
                    bars.add(new GradientNormTableChart.Series((r.model().contains("adder") ? "AdderNet" : "CNN")
                            + ", the paper (MNIST)", r.model().contains("adder"), true, paper));
                }
            }
            bars.sort(java.util.Comparator.comparing((GradientNormTableChart.Series b) -> !b.adder()));
            Png.write(GradientNormTableChart.create("Gradient norms at the first iteration (Table 1)", bars)
                    .createBufferedImage(1000, 520), out.resolve(RunFiles.GRADIENT_NORMS_PNG));
            log.accept("gradient L2 norms at iteration 1, before adaptive scaling (" + RunFiles.GRADIENT_NORMS + ", "
                    + RunFiles.GRADIENT_NORMS_PNG + "):");
            for (String r : sb.toString().split("\n")) {
                log.accept("  " + r.replace(",", "  "));
            }
        } catch (org.addernet.app.io.WriteFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.accept("  " + RunFiles.GRADIENT_NORMS_PNG + " not drawn: " + e.getMessage());
        }
    }

    /** {@code curves.png}: accuracy and loss per epoch of every run in {@code curves}. */
    public static void writeCurves(Preset preset, Path out, Map<String, List<EpochMetrics>> curves, Consumer<String> log)
            throws IOException {
        try {
            List<EpochCurvesChart.Run> runs = curves.entrySet().stream()
                    .map(e -> new EpochCurvesChart.Run(e.getKey(), e.getValue())).toList();
            String title = preset.title().isBlank() ? preset.name() : preset.title();
            Png.write(EpochCurvesChart.render(title, runs, 1400, 560), out.resolve(RunFiles.CURVES));
        } catch (org.addernet.app.io.WriteFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.accept("  curves.png not drawn: " + e);
        }
    }
}
