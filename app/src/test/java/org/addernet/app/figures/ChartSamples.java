package org.addernet.app.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.addernet.engine.train.StepMetrics;

/**
 * Writes every chart with realistic synthetic data to a folder for looking at by eye (not a
 * test): two models, 100 logged steps; default folder {@code /tmp/chart-check}.
 */
public final class ChartSamples {
    private ChartSamples() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/chart-check");
        List<ModelCurves> runs = Synthetic.twoModels(100, 100);

        LossAccuracyChart loss = new LossAccuracyChart();
        loss.update(Synthetic.prefix(runs, 60));
        loss.update(runs);
        ChartExport.png(loss.chart(), dir.resolve("loss-accuracy.png"), 900, 620);
        ChartExport.svg(loss.chart(), dir.resolve("loss-accuracy.svg"), 900, 620);
        ChartExport.png(loss.chart(), dir.resolve("loss-accuracy-small.png"), 480, 360);

        GradientNormChart grads = new GradientNormChart();
        grads.update(runs);
        ChartExport.png(grads.chart(), dir.resolve("grad-norms.png"), 900, 560);

        WeightHistogramChart weights = new WeightHistogramChart();
        weights.update(List.of(Synthetic.laplaceWeights("AdderNet n=3", 20_000, 11),
                Synthetic.gaussianWeights("MLP n=3", 20_000, 12)));
        ChartExport.png(weights.chart(), dir.resolve("weights-adder.png"), 900, 560);
        System.out.println(weights.summary());
        weights.select("MLP n=3 / layer1");
        ChartExport.png(weights.chart(), dir.resolve("weights-mlp.png"), 900, 560);
        System.out.println(weights.summary());

        // deeper nets: many layers, condensed legend
        List<String> names = List.of("conv1", "conv2", "fc1", "fc2", "fc3");
        List<ModelCurves> deep = new ArrayList<>();
        List<String> labels = List.of("LeNet-5-BN CNN", "LeNet-5-BN AdderNet", "LeNet-5-BN AdderNet L2");
        for (int m = 0; m < labels.size(); m++) {
            String label = labels.get(m);
            double shift = -0.8 * m;
            List<StepMetrics> h = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                double[] g = new double[names.size()];
                for (int k = 0; k < g.length; k++) {
                    g[k] = Math.pow(10, shift - k * 0.6 - 2.0 * i / 100) * (1 + 0.2 * Math.sin(i * (k + 1)));
                }
                h.add(new StepMetrics(i * 50L, 2.3 * Math.exp(-i / 30.0) + 0.05, 1 - 0.9 * Math.exp(-i / 15.0),
                        1 - 0.9 * Math.exp(-i / 15.0) - 0.01, 0.1, 1, names, g));
            }
            deep.add(new ModelCurves(label, h));
        }
        grads.update(deep);
        ChartExport.png(grads.chart(), dir.resolve("grad-norms-deep.png"), 900, 560);
        loss.update(deep);
        ChartExport.png(loss.chart(), dir.resolve("loss-accuracy-deep.png"), 900, 620);
        ChartExport.png(new LossAccuracyChart().chart(), dir.resolve("empty.png"), 600, 400);
    }
}
