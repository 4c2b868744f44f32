package org.addernet.app.ui.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.addernet.app.io.RunFiles;
import org.addernet.app.runner.MetricsCsv;
import org.addernet.engine.train.EpochMetrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A finished run folder as Table 1 reads it: its top-level {@code gradient-norms.csv} (one row per
 * run: the first step's norm per layer) and each run's norms over training from its
 * {@code metrics.csv}, as a chart on a log axis. Headless.
 *
 * @param rows   one row per run of the folder, in the file's order
 * @param curves the norms after every epoch; null when no run logged any
 */
record GradientNormsFolder(List<GradientNormsViewModel.Row> rows, JFreeChart curves) {
    static GradientNormsFolder read(Path dir) throws IOException {
        Path csv = dir.resolve(RunFiles.GRADIENT_NORMS);
        if (!Files.isRegularFile(csv)) {
            throw new IOException(dir + ": no " + RunFiles.GRADIENT_NORMS + " (run `./workbench run table1-gradient-norms` "
                    + "or another image preset first)");
        }
        org.addernet.presets.Problems problems = new org.addernet.presets.Problems(csv.toString());
        String text = org.addernet.presets.LocatedJson.decode(csv.toString(), Files.readAllBytes(csv), problems);
        if (text == null) {              // bytes that are not UTF-8: the file, line and byte named
            throw new IOException(problems.message());
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("run,model,layer1")) {
            throw new IOException(csv + ": line 1: expected the header run,model,layer1,..., found '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "'");
        }
        List<GradientNormsViewModel.Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            if (c.length < 3) {
                throw new IOException(csv + ": line " + (i + 1) + ": expected run,model and a norm per layer");
            }
            double[] n = new double[c.length - 2];
            for (int k = 0; k < n.length; k++) {
                try {
                    n[k] = Double.parseDouble(c[k + 2]);
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": line " + (i + 1) + ", layer" + (k + 1) + ": expected a number, found '"
                            + c[k + 2] + "'");
                }
            }
            rows.add(new GradientNormsViewModel.Row(c[0] + " (" + dir.getFileName() + ")", c[1].contains("adder"), false, n));
        }
        return new GradientNormsFolder(rows, curves(dir));
    }

    /** Each run's per-layer norms after every epoch (metrics.csv), on a log axis; null when there is none. */
    private static JFreeChart curves(Path dir) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir)) {
            runs = s.filter(d -> Files.isRegularFile(d.resolve("metrics.csv"))).sorted().toList();
        }
        for (Path run : runs) {
            List<EpochMetrics> m = MetricsCsv.parseEpochs(run.resolve("metrics.csv"));
            if (m.isEmpty()) {
                continue;
            }
            for (int k = 0; k < m.get(0).gradNorms().length; k++) {
                XYSeries s = new XYSeries(run.getFileName() + " layer " + (k + 1));
                for (EpochMetrics e : m) {
                    if (e.gradNorms()[k] > 0) {
                        s.add(e.epoch(), e.gradNorms()[k]);
                    }
                }
                data.addSeries(s);
            }
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        LogAxis y = new LogAxis("gradient L2 norm (log scale)");
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.#####"));
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(new java.awt.Color(0xE2, 0xE4, 0xE7));
        plot.setDomainGridlinePaint(new java.awt.Color(0xE2, 0xE4, 0xE7));
        JFreeChart chart = new JFreeChart("Over training: norms at each epoch's last step",
                new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        return chart;
    }
}
