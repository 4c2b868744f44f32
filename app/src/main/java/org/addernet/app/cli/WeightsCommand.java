package org.addernet.app.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.addernet.app.render.Png;
import org.addernet.app.runner.EpochRunner;
import org.addernet.app.ui.charts.DistributionFit;
import org.addernet.app.ui.charts.ModelWeights;
import org.addernet.app.ui.charts.WeightHistogramPanel;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.train.Checkpoint;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetLoader;
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
            err.println("workbench weights: " + e.getMessage());
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
                err.println("workbench weights: cannot write " + out + ": " + e.getMessage());
                return 1;
            }
            o.println(out);
        }
        return 0;
    }

    /** The chosen layer of every epoch run under {@code dir} that has a checkpoint. */
    private List<Layer> read(Path dir) throws IOException {
        Path presetFile = dir.resolve("preset.json");
        if (!Files.isRegularFile(presetFile)) {
            throw new IOException(dir + ": not a run folder (no preset.json)");
        }
        Preset p = PresetLoader.resolve(presetFile.toString(), List.of());
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir)) {
            runs = s.filter(d -> Files.isRegularFile(d.resolve(EpochRunner.CHECKPOINT))).sorted().toList();
        }
        if (runs.isEmpty()) {
            throw new IOException(dir + ": holds no trained epoch run (no <run>/" + EpochRunner.CHECKPOINT + ")");
        }
        int classes = "cifar-100".equals(p.data().set()) ? 100 : 10;
        List<Layer> out = new ArrayList<>();
        for (Path run : runs) {
            Checkpoint c;
            try (InputStream in = Files.newInputStream(run.resolve(EpochRunner.CHECKPOINT))) {
                c = Checkpoint.read(in, run.resolve(EpochRunner.CHECKPOINT).toString());
            }
            String model = p.runs().models().stream().filter(m -> c.runId().startsWith(m + "-s")).findFirst()
                    .orElseThrow(() -> new IOException(run + ": run " + c.runId() + " is none of the preset's models "
                            + p.runs().models()));
            List<Parameter> params = ImageModels.build(model, classes, AdderRules.paper(), 0).parameters();
            if (params.size() != c.state().parameters().length) {
                throw new IOException(run + ": the checkpoint holds " + c.state().parameters().length
                        + " parameters, " + model + " has " + params.size());
            }
            int k = 0;
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).isWeight() && ++k == layer) {
                    String kind = params.get(i).kind() == Parameter.Kind.ADDER_FILTER ? "adder filter" : "weight";
                    out.add(new Layer(c.runId(), "layer" + layer + " " + kind + " " + shape(params.get(i).shape()),
                            c.state().parameters()[i]));
                }
            }
            if (k < layer) {
                throw new IllegalArgumentException("--layer " + layer + ": " + model + " has only " + k + " weight layers");
            }
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
            WeightHistogramPanel panel = new WeightHistogramPanel();
            Map<String, float[]> one = new LinkedHashMap<>();
            one.put(l.layerName(), l.weights());
            panel.update(List.of(new ModelWeights(l.label(), one)));
            panel.chart().draw(g, new Rectangle2D.Double(i * w, 0, w, h));
        }
        g.dispose();
        return img;
    }
}
