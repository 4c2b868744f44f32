package org.addernet.presets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.addernet.datasets.toy.ToySet;

/** Checks a bound preset's values; each problem names the field path and what was expected. */
public final class PresetValidator {
    /** One impossible value. */
    public record Problem(String path, String message) {
    }

    /** Largest toy sample (the points are generated in memory). */
    public static final int MAX_SAMPLES = 10_000_000;
    /** Largest batch. */
    public static final int MAX_BATCH = 65_536;
    /** Largest hidden x hidden x batch: the p-cache of a dense adder layer holds that many floats. */
    public static final long MAX_LAYER_ELEMENTS = 200_000_000L;

    /** Model names a toy preset may train. */
    public static final Set<String> TOY_MODELS = Set.of("mlp", "adder");

    private PresetValidator() {
    }

    public static List<Problem> validate(Preset p) {
        List<Problem> out = new ArrayList<>();
        if (p.name() == null || !p.name().matches("[A-Za-z0-9._-]{1,64}")) {
            out.add(new Problem("name", "expected 1-64 letters, digits, '.', '_' or '-', got \"" + p.name() + "\""));
        }
        Preset.Data d = p.data();
        try {
            ToySet.fromId(String.valueOf(d.set()));
        } catch (IllegalArgumentException e) {
            out.add(new Problem("data.set", e.getMessage()));
        }
        within(out, "data.samples", d.samples(), 10, MAX_SAMPLES);
        if (d.spread() != null && !(d.spread() > 0 && Double.isFinite(d.spread()))) {
            out.add(new Problem("data.spread", "must be > 0 (or null for the set's default), got " + d.spread()));
        }
        range(out, "data.labelNoise", d.labelNoise(), 0, 0.5);
        if (!(d.testFraction() > 0 && d.testFraction() < 1)) {
            out.add(new Problem("data.testFraction", "must lie strictly between 0 and 1, got " + d.testFraction()));
        }
        Preset.Model m = p.model();
        if (m.depth() < 2 || m.depth() > 64) {
            out.add(new Problem("model.depth", "must lie in [2, 64] weight layers, got " + m.depth()));
        }
        oneOf(out, "model.activation", m.activation(), List.of("relu", "tanh", "sigmoid"));
        Preset.Training t = p.training();
        within(out, "training.iterations", t.iterations(), 1, 100_000_000);
        within(out, "training.batchSize", t.batchSize(), 2, MAX_BATCH);
        positive(out, "training.lr", t.lr());
        oneOf(out, "training.schedule", t.schedule(), List.of("cosine", "polynomial", "step", "constant"));
        positive(out, "training.power", t.power());
        atLeast(out, "training.stepEvery", t.stepEvery(), 1);
        if (!(t.stepGamma() > 0 && t.stepGamma() <= 1)) {
            out.add(new Problem("training.stepGamma", "must lie in (0, 1], got " + t.stepGamma()));
        }
        if (!(t.momentum() >= 0 && t.momentum() < 1)) {
            out.add(new Problem("training.momentum", "must lie in [0, 1), got " + t.momentum()));
        }
        if (t.nesterov() && t.momentum() == 0) {
            out.add(new Problem("training.momentum", "must be > 0 when training.nesterov is true, got 0.0"));
        }
        if (!(t.weightDecay() >= 0 && Double.isFinite(t.weightDecay()))) {
            out.add(new Problem("training.weightDecay", "must be >= 0, got " + t.weightDecay()));
        }
        atLeast(out, "training.logEvery", t.logEvery(), 1);
        Preset.Adder a = p.adder();
        range(out, "adder.pStart", a.pStart(), 1, 2);
        range(out, "adder.pEnd", a.pEnd(), 1, 2);
        range(out, "adder.pDecayShare", a.pDecayShare(), 0, 1);
        oneOf(out, "adder.filterGradient", a.filterGradient(), List.of("full-precision", "sign", "exact"));
        oneOf(out, "adder.inputGradient", a.inputGradient(), List.of("auto", "hardtanh", "eq27", "exact"));
        if (!(a.eta() >= 0 && Double.isFinite(a.eta()))) {
            out.add(new Problem("adder.eta", "must be >= 0 (0 switches adaptive scaling off), got " + a.eta()));
        }
        Preset.Runs r = p.runs();
        if (r.models() == null || r.hidden() == null) {
            out.add(new Problem(r.models() == null ? "runs.models" : "runs.hidden", "expected a list [ ... ], got null"));
            return out;
        }
        if (r.models().isEmpty()) {
            out.add(new Problem("runs.models", "must name at least one model (mlp, adder)"));
        }
        for (int k = 0; k < r.models().size(); k++) {
            oneOf(out, "runs.models[" + k + "]", r.models().get(k), List.of("mlp", "adder"));
            if (r.models().indexOf(r.models().get(k)) < k) {
                out.add(new Problem("runs.models[" + k + "]", "\"" + r.models().get(k) + "\" is listed twice"));
            }
        }
        if (r.hidden().isEmpty()) {
            out.add(new Problem("runs.hidden", "must list at least one hidden size n"));
        }
        for (int k = 0; k < r.hidden().size(); k++) {
            Integer n = r.hidden().get(k);
            if (n == null || n < 1 || n > 4096) {
                out.add(new Problem("runs.hidden[" + k + "]", "hidden units n must lie in [1, 4096], got " + n));
            } else if (r.hidden().indexOf(n) < k) {
                out.add(new Problem("runs.hidden[" + k + "]", "n = " + n + " is listed twice"));
            } else if ((long) n * n * t.batchSize() > MAX_LAYER_ELEMENTS) {
                out.add(new Problem("runs.hidden[" + k + "]", "n = " + n + " with batch " + t.batchSize()
                        + " needs n x n x batch <= " + MAX_LAYER_ELEMENTS + " (the adder layer's per-step buffers)"));
            }
        }
        Preset.Output o = p.output();
        if (o.gridResolution() < 10 || o.gridResolution() > 1000) {
            out.add(new Problem("output.gridResolution", "must lie in [10, 1000], got " + o.gridResolution()));
        }
        if (o.panelSize() < 100 || o.panelSize() > 2000) {
            out.add(new Problem("output.panelSize", "must lie in [100, 2000] pixels, got " + o.panelSize()));
        }
        return out;
    }

    private static void within(List<Problem> out, String path, long v, long min, long max) {
        if (v < min || v > max) {
            out.add(new Problem(path, "must lie in [" + min + ", " + max + "], got " + v));
        }
    }

    private static void atLeast(List<Problem> out, String path, long v, long min) {
        if (v < min) {
            out.add(new Problem(path, "must be >= " + min + ", got " + v));
        }
    }

    private static void positive(List<Problem> out, String path, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            out.add(new Problem(path, "must be > 0, got " + v));
        }
    }

    private static void range(List<Problem> out, String path, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            out.add(new Problem(path, "must lie in [" + lo + ", " + hi + "], got " + v));
        }
    }

    private static void oneOf(List<Problem> out, String path, String v, List<String> allowed) {
        if (v == null || !allowed.contains(v)) {
            out.add(new Problem(path, "expected one of " + String.join(", ", allowed) + ", got \"" + v + "\""));
        }
    }
}
