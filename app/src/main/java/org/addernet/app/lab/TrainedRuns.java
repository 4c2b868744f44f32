package org.addernet.app.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.addernet.app.io.RunFiles;
import org.addernet.app.render.FilterFigure;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.train.Checkpoint;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/** The trained models of an epoch-run folder, rebuilt from its preset and restored from their last checkpoints. */
public final class TrainedRuns {
    /**
     * One run: its id, zoo model, the model's parameters (in {@code net.parameters()} order)
     * holding the checkpoint's values, and the network itself with those parameters and the
     * checkpoint's buffers (batch norm's running statistics), ready for eval-mode forward passes.
     */
    public record Trained(String id, String model, int epochs, List<Parameter> parameters, Sequential net) {
        /** The {@code k}-th (1-based) weight parameter: convolution, adder filter or fully-connected weights. */
        public Parameter weightLayer(int k) {
            int seen = 0;
            for (Parameter p : parameters) {
                if (p.isWeight() && ++seen == k) {
                    return p;
                }
            }
            throw new IllegalArgumentException("--layer " + k + ": " + model + " has only " + seen + " weight layers");
        }

        /**
         * The {@code layer}-th weight layer as a row of filters (the paper's Fig. 5); a clear message
         * when it is not a convolution over 1 or 3 channels.
         */
        public FilterFigure.Row filterRow(int layer) {
            Parameter w = weightLayer(layer);
            int[] s = w.shape();
            if (s.length != 4 || s[2] != s[3] || (s[1] != 1 && s[1] != 3)) {
                throw new IllegalArgumentException("--layer " + layer + " of " + model + " has shape "
                        + java.util.Arrays.toString(s) + "; filters are drawn for convolutions over 1 or 3 channels");
            }
            int k = s[2];
            float[][][] f = new float[s[0]][s[1]][k * k];
            for (int o = 0; o < s[0]; o++) {
                for (int c = 0; c < s[1]; c++) {
                    System.arraycopy(w.value, (o * s[1] + c) * k * k, f[o][c], 0, k * k);
                }
            }
            String kind = w.kind() == Parameter.Kind.ADDER_FILTER ? "adder filters" : "conv filters";
            return new FilterFigure.Row(id + " (" + kind + ")", f, k);
        }
    }

    private TrainedRuns() {
    }

    /** The preset a run folder was written with ({@code preset.json}); one clear message when it is not a run folder. */
    public static Preset preset(Path dir) throws IOException {
        Path presetFile = dir.resolve(RunFiles.PRESET);
        if (!Files.isRegularFile(presetFile)) {
            throw new IOException(dir + ": not a run folder (no preset.json)");
        }
        return PresetLoader.resolve(presetFile.toString(), List.of());
    }

    /** Every run under {@code dir} that has a checkpoint, in name order; one clear message when there is none. */
    public static List<Trained> load(Path dir) throws IOException {
        Path presetFile = dir.resolve(RunFiles.PRESET);
        Preset p = preset(dir);
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir)) {
            runs = s.filter(d -> Files.isRegularFile(d.resolve(RunFiles.CHECKPOINT))).sorted().toList();
        }
        if (runs.isEmpty()) {
            throw new IOException(dir + ": holds no trained epoch run (no <run>/" + RunFiles.CHECKPOINT + ")");
        }
        int classes = org.addernet.datasets.image.ImageSet.of(p.data().set()).numClasses();
        int seeds = 1;
        Path info = dir.resolve(RunFiles.RUN_INFO);
        if (Files.isRegularFile(info)) {
            seeds = RunFiles.seeds(dir);      // checked as the store reads it: a damaged run.json is named
        }
        java.util.Map<String, ExperimentPlan.ImageRun> plan = new java.util.HashMap<>();
        for (ExperimentPlan.ImageRun r : ExperimentPlan.imageRuns(p, seeds)) {
            plan.put(r.id(), r);
        }
        List<Trained> out = new ArrayList<>();
        for (Path run : runs) {
            Path file = run.resolve(RunFiles.CHECKPOINT);
            Checkpoint c;
            try (InputStream in = Files.newInputStream(file)) {
                c = Checkpoint.read(in, file.toString());
            }
            ExperimentPlan.ImageRun r = plan.get(c.runId());
            if (r == null) {
                throw new IOException(file + ": run " + c.runId() + " is not one of the runs of " + presetFile + " "
                        + plan.keySet());
            }
            String model = r.model();
            Sequential net = r.build(classes, 0);
            String layout = org.addernet.presets.CheckpointLayout.mismatch(file.toString(), c, r, net, classes,
                    presetFile.toString());
            if (layout != null) {
                throw new IOException(layout);
            }
            List<Parameter> params = net.parameters();
            float[][] values = c.state().parameters();
            if (params.size() != values.length) {
                throw new IOException(file + ": holds " + values.length + " parameters, " + model + " has " + params.size());
            }
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).size() != values[i].length) {
                    throw new IOException(file + ": parameter " + i + " holds " + values[i].length + " values, "
                            + model + " needs " + params.get(i).size());
                }
                System.arraycopy(values[i], 0, params.get(i).value, 0, values[i].length);
            }
            List<float[]> buffers = net.buffers();
            float[][] saved = c.state().buffers();
            if (buffers.size() != saved.length) {
                throw new IOException(file + ": holds " + saved.length + " buffers, " + model + " has " + buffers.size());
            }
            for (int i = 0; i < buffers.size(); i++) {
                if (buffers.get(i).length != saved[i].length) {
                    throw new IOException(file + ": buffer " + i + " holds " + saved[i].length + " values, "
                            + model + " needs " + buffers.get(i).length);
                }
                System.arraycopy(saved[i], 0, buffers.get(i), 0, saved[i].length);
            }
            out.add(new Trained(c.runId(), model, c.epochsDone(), params, net));
        }
        return out;
    }
}
