package org.addernet.app.cli;

import org.addernet.app.io.IoText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.addernet.app.render.FilterFigure;
import org.addernet.app.render.Png;
import org.addernet.app.lab.TrainedRuns;
import org.addernet.presets.PresetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench filters [--layer K] --out FILE DIR...}: the filters of a trained convolution
 * layer as images, one row per run: the paper's Fig. 5 (LeNet-5-BN's first layer, AdderNet
 * against CNN). Each filter is stretched from its own minimum (black) to its maximum (white);
 * filters over three input channels are drawn in colour.
 */
@Command(name = "filters", mixinStandardHelpOptions = true,
        description = "Draw the filters of a trained convolution layer of epoch runs as images (Fig. 5).")
public final class FiltersCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "run folders of `workbench run` on image presets")
    List<Path> dirs;

    @Option(names = "--layer", paramLabel = "K", defaultValue = "1",
            description = "the K-th weight layer (default 1, the first convolution); it must be a convolution over 1 or 3 channels")
    int layer;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the PNG to write")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        String problem = OutputFile.problem("--out", out);
        if (problem != null) {
            err.println("workbench filters: " + problem);
            return 2;
        }
        List<FilterFigure.Row> rows = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                for (TrainedRuns.Trained t : TrainedRuns.load(dir)) {
                    rows.add(t.filterRow(layer));
                }
            }
            Png.write(FilterFigure.render(rows, layer), out);
        } catch (IOException | PresetException | IllegalArgumentException e) {
            err.println("workbench filters: " + IoText.message(e));
            return 2;
        }
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
