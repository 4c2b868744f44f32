package org.addernet.app.cli;

import org.addernet.app.io.IoText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.addernet.app.io.RunFiles;
import org.addernet.app.render.Png;
import org.addernet.app.runner.MetricsCsv;
import org.addernet.app.figures.EpochCurvesChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench curves --out FILE [--title T] DIR...}: draws the accuracy and loss curves of the
 * epoch runs in one or more run folders in one figure, e.g. an AdderNet run beside a CNN run.
 */
@Command(name = "curves", mixinStandardHelpOptions = true,
        description = "Draw the per-epoch accuracy and loss of the epoch runs in the given run folders into one PNG.")
public final class CurvesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "run folders of `workbench run` on image presets")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the PNG to write")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Accuracy per epoch", description = "figure title")
    String title;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1400x560", description = "pixels (default 1400x560)")
    String size;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        String[] wh = size.split("x");
        int w;
        int h;
        try {
            w = Integer.parseInt(wh[0]);
            h = Integer.parseInt(wh[1]);
            if (wh.length != 2 || w < 300 || h < 200 || w > 8000 || h > 8000) {
                throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            err.println("workbench curves: --size " + size + ": expected WIDTHxHEIGHT within 300x200 .. 8000x8000");
            return 2;
        }
        String problem = OutputFile.problem("--out", out);
        if (problem != null) {
            err.println("workbench curves: " + problem);
            return 2;
        }
        List<EpochCurvesChart.Run> runs = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        try {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    err.println("workbench curves: " + dir + ": no such folder");
                    return 2;
                }
                List<Path> csvs;
                try (Stream<Path> s = Files.list(dir)) {
                    csvs = s.map(d -> d.resolve(RunFiles.METRICS)).filter(Files::isRegularFile).sorted().toList();
                }
                int found = 0;
                for (Path csv : csvs) {
                    if (!MetricsCsv.isEpochs(csv)) {
                        continue;                 // a toy run's metrics.csv: iterations, not epochs
                    }
                    // runs of several folders are named, and coloured, by their folder
                    String group = dir.toAbsolutePath().normalize().getFileName().toString();
                    String label = csv.getParent().getFileName().toString();
                    if (dirs.size() > 1 || !labels.add(label)) {
                        label = group + "/" + label;
                        labels.add(label);
                    }
                    runs.add(EpochCurvesChart.Run.of(dirs.size() > 1 ? group : null, label, MetricsCsv.parseEpochs(csv)));
                    found++;
                }
                if (found == 0) {
                    err.println("workbench curves: " + dir + ": holds no epoch run (no <run>/metrics.csv with an epoch column)");
                    return 2;
                }
            }
        } catch (IOException e) {
            err.println("workbench curves: " + IoText.message(e));
            return 2;
        }
        try {
            Png.write(EpochCurvesChart.render(title, runs, w, h), out);
        } catch (IOException e) {
            err.println("workbench curves: " + IoText.message(e));
            return 1;
        }
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
