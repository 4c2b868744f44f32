package org.addernet.app.cli;

import org.addernet.app.io.IoText;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.addernet.app.figures.DistributionFit;
import org.addernet.app.figures.ModelWeights;
import org.addernet.app.figures.WeightHistogramChart;
import org.addernet.app.render.Png;
import org.addernet.app.lab.TrainedRuns;
import org.addernet.engine.nn.Parameter;
import org.addernet.presets.PresetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench weights [--layer K] [--out FILE] DIR...}: the weight distribution of one layer
 * of trained epoch runs (their last checkpoints), with Laplace and Gaussian maximum-likelihood fits
 * side by side: the paper's Fig. 7 (LeNet-5-BN's third layer, AdderNet against CNN).
 */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = "Weight histograms of one layer of trained epoch runs with Laplace and Gaussian fits (Fig. 7).")
public final class WeightsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "run folders of `workbench run` on image presets")
    List<Path> dirs;

    @Option(names = "--layer", paramLabel = "K", defaultValue = "3",
            description = "the K-th weight layer, counting convolutions and fully-connected layers from 1 (default 3, as Fig. 7)")
    int layer;

    @Option(names = "--out", paramLabel = "FILE", description = "also draw the histograms into this PNG")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One trained model's chosen layer. */
    record Layer(String label, String layerName, float[] weights) {
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var o = spec.commandLine().getOut();
        if (layer < 1) {
            err.println("workbench weights: --layer must be >= 1, got " + layer);
            return 2;
        }
        String problem = out == null ? null : OutputFile.problem("--out", out);
        if (problem != null) {
            err.println("workbench weights: " + problem);
            return 2;
        }
        List<Layer> found = new ArrayList<>();
        try {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Path dir : dirs) {
                for (Layer l : read(dir)) {
                    // the same run id in two folders (say two presets' lenet5-bn-adder-s1): name the folder too
                    found.add(seen.add(l.label()) ? l : new Layer(dir.getFileName() + "/" + l.label(), l.layerName(),
                            l.weights()));
                }
            }
        } catch (IOException | PresetException | IllegalArgumentException e) {
            err.println("workbench weights: " + IoText.message(e));
            return 2;
        }
        o.printf(Locale.ROOT, "%-26s %-26s %8s %-9s %11s %11s %13s %12s %8s   %s%n", "run", "layer", "weights", "fit",
                "location", "scale", "log-lik.", "AIC", "KS", "better");
        for (Layer l : found) {
            double[] w = DistributionFit.toDoubles(l.weights());
            DistributionFit.Fit lap = DistributionFit.laplace(w);
            DistributionFit.Fit gau = DistributionFit.gaussian(w);
            String better = DistributionFit.better(lap, gau);
            for (DistributionFit.Fit f : List.of(lap, gau)) {
                o.printf(Locale.ROOT, "%-26s %-26s %8d %-9s %11.4g %11.4g %13.1f %12.1f %8.4f   %s%n", l.label(),
                        l.layerName(), w.length, f.law(), f.location(), f.scale(), f.logLikelihood(), f.aic(), f.ks(),
                        f == lap ? better : "");
            }
        }
        if (out != null) {
            try {
                Png.write(render(found), out);
            } catch (IOException e) {
                err.println("workbench weights: " + IoText.message(e));
                return 1;
            }
            o.println(out);
        }
        return 0;
    }

    /** The chosen layer of every epoch run under {@code dir} that has a checkpoint. */
    private List<Layer> read(Path dir) throws IOException {
        List<Layer> out = new ArrayList<>();
        for (TrainedRuns.Trained t : TrainedRuns.load(dir)) {
            Parameter w = t.weightLayer(layer);
            String kind = w.kind() == Parameter.Kind.ADDER_FILTER ? "adder filter" : "weight";
            out.add(new Layer(t.id(), "layer" + layer + " " + kind + " " + shape(w.shape()), w.value));
        }
        return out;
    }

    private static String shape(int[] s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) {
            b.append(i == 0 ? "" : "x").append(s[i]);
        }
        return b.append("]").toString();
    }

    /** One histogram panel per run, side by side. */
    static BufferedImage render(List<Layer> layers) {
        int w = 620;
        int h = 440;
        BufferedImage img = new BufferedImage(w * layers.size(), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            WeightHistogramChart panel = new WeightHistogramChart();
            Map<String, float[]> one = new LinkedHashMap<>();
            one.put(l.layerName(), l.weights());
            panel.update(List.of(new ModelWeights(l.label(), one)));
            panel.chart().draw(g, new Rectangle2D.Double(i * w, 0, w, h));
        }
        g.dispose();
        return img;
    }
}
