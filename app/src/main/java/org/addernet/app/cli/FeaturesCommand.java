package org.addernet.app.cli;

import org.addernet.app.io.IoText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.addernet.app.lab.FeatureScatter;
import org.addernet.app.lab.FeatureStats;
import org.addernet.app.render.Png;
import org.addernet.engine.model.FeatureProbe;
import org.addernet.presets.PresetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench features RUN_DIR [--out FILE] [--limit N] [--data DIR]}: the paper's Fig. 1.
 * Rebuilds the trained LeNet++ models of a run folder (preset {@code fig1-features-*}), takes the
 * 2-D features of the first N test images, draws one scatter panel per model side by side and
 * prints, per model, how often the nearest class mean (l1, l2, by angle) is the true class.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Scatter the 2-D features of trained LeNet++ runs by class, AdderNet beside CNN (Fig. 1).")
public final class FeaturesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "a run folder of `workbench run fig1-features-fashion-mnist` (or any preset "
            + "training lenetpp-adder / lenetpp-cnn)")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "the PNG to write (default RUN_DIR/features.png)")
    Path out;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10000",
            description = "use the first N test images (default 10000: all of MNIST's and Fashion-MNIST's)")
    int limit;

    @Option(names = "--data", paramLabel = "DIR", description = "data root searched first, as for `workbench run`")
    Path data;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (limit < 1) {
            err.println("workbench features: --limit must be >= 1, got " + limit);
            return 2;
        }
        Path file = out != null ? out : dir.resolve("features.png");
        String problem = OutputFile.problem("--out", file);
        if (problem != null) {
            err.println("workbench features: " + problem);
            return 2;
        }
        FeatureScatter.Loaded loaded;
        try {
            loaded = FeatureScatter.fromRun(dir, data, limit);
            loaded.notes().forEach(n -> err.println("workbench features: " + n));
            String title = "LeNet++ features by class on " + loaded.set().id() + ": AdderNet vs CNN (the paper's Fig. 1)";
            Png.write(FeatureScatter.render(loaded.features(), FeatureScatter.classNames(loaded.set()), title), file);
        } catch (IOException | PresetException | IllegalArgumentException e) {
            err.println("workbench features: " + IoText.message(e));
            return 2;
        }
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%-22s %-14s %7s %9s %9s %9s %9s %9s%n", "run", "model", "images", "accuracy", "mean l1",
                "mean l2", "angle", "radial");
        for (FeatureProbe.Features f : loaded.features()) {
            FeatureStats.Separation s = FeatureStats.separation(f);
            o.printf(Locale.ROOT, "%-22s %-14s %7d %8.2f%% %8.2f%% %8.2f%% %8.2f%% %8.2f%%%n", f.label(), f.model(),
                    f.size(), 100 * s.accuracy(), 100 * s.nearestMeanL1(), 100 * s.nearestMeanL2(), 100 * s.nearestAngle(),
                    100 * s.radialShare());
        }
        o.println("mean l1, mean l2, angle: share of the images whose nearest class mean of the features is their true "
                + "class, by l1 distance, l2 distance, angle about the origin");
        o.println("radial: share of the within-class variance along the ray from the origin through the class mean "
                + "(about 50 % for round clusters, near 100 % for angular sectors)");
        o.println(file);
        return 0;
    }
}
