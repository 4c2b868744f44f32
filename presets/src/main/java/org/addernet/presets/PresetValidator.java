package org.addernet.presets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.addernet.datasets.image.ImageSet;
import org.addernet.datasets.toy.ToySet;
import org.addernet.engine.model.ImageModels;

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

    /** Largest epoch count of an image run. */
    public static final int MAX_EPOCHS = 100_000;
    /** Largest step count of a toy run. */
    public static final long MAX_ITERATIONS = 100_000_000L;
    /** Largest hidden width n. */
    public static final int MAX_HIDDEN = 4096;
    /** Decision-grid lattice sizes allowed. */
    public static final int MIN_GRID = 10;
    public static final int MAX_GRID = 1000;
    /** Panel sizes allowed, in pixels. */
    public static final int MIN_PANEL = 100;
    public static final int MAX_PANEL = 2000;
    /** Fastest demo speed a preset may ask the window for, in steps per second (0 = full speed). */
    public static final double MAX_DEMO_SPEED = 100_000;
    /** Weight layers allowed. */
    public static final int MIN_DEPTH = 2;
    public static final int MAX_DEPTH = 64;

    /**
     * The values each whole-number field may take, {@code {min, max}}; {@code runs.hidden[]} stands
     * for every entry of runs.hidden. Fields missing here may take any value of their Java type.
     */
    private static final java.util.Map<String, long[]> WHOLE = java.util.Map.ofEntries(
            java.util.Map.entry("data.samples", new long[] {10, MAX_SAMPLES}),
            java.util.Map.entry("data.trainLimit", new long[] {2, Integer.MAX_VALUE}),
            java.util.Map.entry("data.testLimit", new long[] {1, Integer.MAX_VALUE}),
            java.util.Map.entry("model.depth", new long[] {MIN_DEPTH, MAX_DEPTH}),
            java.util.Map.entry("training.iterations", new long[] {1, MAX_ITERATIONS}),
            java.util.Map.entry("training.batchSize", new long[] {2, MAX_BATCH}),
            java.util.Map.entry("training.stepEvery", new long[] {1, Long.MAX_VALUE}),
            java.util.Map.entry("training.logEvery", new long[] {1, Integer.MAX_VALUE}),
            java.util.Map.entry("training.epochs", new long[] {1, MAX_EPOCHS}),
            java.util.Map.entry("runs.hidden[]", new long[] {1, MAX_HIDDEN}),
            java.util.Map.entry("output.gridResolution", new long[] {MIN_GRID, MAX_GRID}),
            java.util.Map.entry("output.panelSize", new long[] {MIN_PANEL, MAX_PANEL}));

    /** {@code {min, max}} of the whole-number field at {@code path} ({@code runs.hidden[3]}: an entry), or null. */
    public static long[] wholeRange(String path) {
        long[] r = WHOLE.get(path.replaceAll("\\[\\d+]$", "[]"));
        return r == null ? null : r.clone();
    }

    private PresetValidator() {
    }

    /** Whether {@code set} names an image data set (MNIST, Fashion-MNIST, CIFAR-10/100). */
    public static boolean isImageSet(String set) {
        return set != null && Arrays.stream(ImageSet.values()).anyMatch(s -> s.id().equals(set));
    }

    /** The zoo models that take the images of {@code set}: LeNet for 28x28 grey, VGG and ResNet for CIFAR. */
    public static List<String> modelsFor(ImageSet set) {
        boolean grey = set.isIdx();
        return ImageModels.NAMES.stream().filter(m -> m.startsWith("lenet") == grey).toList();
    }

    public static List<Problem> validate(Preset p) {
        List<Problem> out = new ArrayList<>();
        if (p.name() == null || !p.name().matches("[A-Za-z0-9._-]{1,64}")) {
            out.add(new Problem("name", "expected 1-64 letters, digits, '.', '_' or '-', got \"" + p.name() + "\""));
        }
        Preset.Data d = p.data();
        boolean image = isImageSet(d.set());
        if (!image) {
            try {
                ToySet.fromId(String.valueOf(d.set()));
            } catch (IllegalArgumentException e) {
                out.add(new Problem("data.set", "unknown data set '" + d.set() + "'; expected a toy set ("
                        + Arrays.stream(ToySet.values()).map(ToySet::id).collect(Collectors.joining(", "))
                        + ") or an image set ("
                        + Arrays.stream(ImageSet.values()).map(ImageSet::id).collect(Collectors.joining(", ")) + ")"));
            }
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
        if (m.depth() < MIN_DEPTH || m.depth() > MAX_DEPTH) {
            out.add(new Problem("model.depth", "must lie in [" + MIN_DEPTH + ", " + MAX_DEPTH + "] weight layers, got "
                    + m.depth()));
        }
        oneOf(out, "model.activation", m.activation(), List.of("relu", "tanh", "sigmoid"));
        oneOf(out, "model.shortcut", m.shortcut(), SHORTCUTS);
        Preset.Training t = p.training();
        within(out, "training.iterations", t.iterations(), 1, MAX_ITERATIONS);
        within(out, "training.batchSize", t.batchSize(), 2, MAX_BATCH);
        positive(out, "training.lr", t.lr());
        oneOf(out, "training.schedule", t.schedule(), SCHEDULES);
        if (EPOCH_COSINE.equals(t.schedule()) && !image) {
            out.add(new Problem("training.schedule", EPOCH_COSINE + " steps the rate once an epoch, so it needs an image "
                    + "set (training.epochs); data.set is the toy set " + d.set() + ": use cosine"));
        }
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
        if (image) {
            if (t.epochs() == null) {
                out.add(new Problem("training.epochs", "an image set (" + d.set()
                        + ") trains for whole epochs: give a whole number in [1, " + MAX_EPOCHS + "], got null"));
            } else {
                within(out, "training.epochs", t.epochs(), 1, MAX_EPOCHS);
            }
            if (d.trainLimit() != null && (d.trainLimit() < t.batchSize() || d.trainLimit() < 2)) {
                out.add(new Problem("data.trainLimit", "must be at least training.batchSize (" + t.batchSize()
                        + ") so that an epoch holds one whole batch, got " + d.trainLimit()));
            }
            if (d.testLimit() != null && d.testLimit() < 1) {
                out.add(new Problem("data.testLimit", "must be >= 1 (or null for the whole test set), got " + d.testLimit()));
            }
            standardisation(out, d);
        } else {
            String[][] imageOnly = {{"training.epochs", String.valueOf(t.epochs())},
                    {"data.augment", String.valueOf(d.augment())}, {"data.trainLimit", String.valueOf(d.trainLimit())},
                    {"data.testLimit", String.valueOf(d.testLimit())}, {"data.mean", String.valueOf(d.mean())},
                    {"data.std", String.valueOf(d.std())}};
            for (String[] f : imageOnly) {
                if (!"null".equals(f[1])) {
                    out.add(new Problem(f[0], "applies to image sets only (data.set is the toy set " + d.set()
                            + "); leave it null, got " + f[1]));
                }
            }
        }
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
        List<String> allowed = image ? modelsFor(ImageSet.of(d.set())) : List.of("mlp", "adder");
        if (r.models().isEmpty()) {
            out.add(new Problem("runs.models", "must name at least one model (" + String.join(", ", allowed) + ")"));
        }
        for (int k = 0; k < r.models().size(); k++) {
            if (image && r.models().get(k) != null && ImageModels.NAMES.contains(r.models().get(k))
                    && !allowed.contains(r.models().get(k))) {
                out.add(new Problem("runs.models[" + k + "]", r.models().get(k) + " does not take the images of "
                        + d.set() + "; expected one of " + String.join(", ", allowed)));
                continue;
            }
            oneOf(out, "runs.models[" + k + "]", r.models().get(k), allowed);
            if (r.models().indexOf(r.models().get(k)) < k) {
                out.add(new Problem("runs.models[" + k + "]", "\"" + r.models().get(k) + "\" is listed twice"));
            }
        }
        if (r.hidden().isEmpty()) {
            out.add(new Problem("runs.hidden", "must list at least one hidden size n"));
        }
        for (int k = 0; k < r.hidden().size(); k++) {
            Integer n = r.hidden().get(k);
            if (n == null || n < 1 || n > MAX_HIDDEN) {
                out.add(new Problem("runs.hidden[" + k + "]", "hidden units n must lie in [1, " + MAX_HIDDEN + "], got " + n));
            } else if (r.hidden().indexOf(n) < k) {
                out.add(new Problem("runs.hidden[" + k + "]", "n = " + n + " is listed twice"));
            } else if ((long) n * n * t.batchSize() > MAX_LAYER_ELEMENTS) {
                out.add(new Problem("runs.hidden[" + k + "]", "n = " + n + " with batch " + t.batchSize()
                        + " needs n x n x batch <= " + MAX_LAYER_ELEMENTS + " (the adder layer's per-step buffers)"));
            }
        }
        Preset.Output o = p.output();
        within(out, "output.gridResolution", o.gridResolution(), MIN_GRID, MAX_GRID);
        if (o.panelSize() < MIN_PANEL || o.panelSize() > MAX_PANEL) {
            out.add(new Problem("output.panelSize", "must lie in [" + MIN_PANEL + ", " + MAX_PANEL + "] pixels, got "
                    + o.panelSize()));
        }
        if (o.demoSpeed() != null && !(o.demoSpeed() >= 0 && o.demoSpeed() <= MAX_DEMO_SPEED)) {
            out.add(new Problem("output.demoSpeed", "must lie in [0, " + (long) MAX_DEMO_SPEED
                    + "] steps per second (0 = full speed), or null for the window's default; got " + o.demoSpeed()));
        }
        if (p.sweep() != null) {
            validateSweep(p.sweep(), image, out);
        }
        return out;
    }

    /** The values of {@code model.shortcut}: the official projection layout, or option A. */
    public static final List<String> SHORTCUTS = List.of("projection", "A");

    /** The per-epoch cosine schedule's name (the official AdderNet main.py's schedule). */
    public static final String EPOCH_COSINE = "cosine-epoch";

    /** The values of {@code training.schedule}. */
    public static final List<String> SCHEDULES = List.of("cosine", "polynomial", "step", "constant", EPOCH_COSINE);

    /**
     * {@code data.mean} and {@code data.std}: both null (the set's own statistics) or both one
     * finite number per channel of the set, the deviations positive.
     */
    private static void standardisation(List<Problem> out, Preset.Data d) {
        if ((d.mean() == null) != (d.std() == null)) {
            String missing = d.mean() == null ? "data.mean" : "data.std";
            out.add(new Problem(missing, "data.mean and data.std go together: give both (one per channel) or neither "
                    + "(null: the set's own statistics), got null"));
            return;
        }
        if (d.mean() == null) {
            return;
        }
        int channels = ImageSet.of(d.set()).isIdx() ? 1 : 3;
        String[] names = {"data.mean", "data.std"};
        List<List<Double>> lists = List.of(d.mean(), d.std());
        for (int k = 0; k < 2; k++) {
            List<Double> v = lists.get(k);
            if (v.size() != channels) {
                out.add(new Problem(names[k], "expected " + channels + " number" + (channels == 1 ? "" : "s")
                        + " (one per channel of " + d.set() + "), got " + v.size()));
                continue;
            }
            for (int c = 0; c < channels; c++) {
                Double x = v.get(c);
                boolean ok = x != null && Double.isFinite(x) && (k == 0 || x > 0);
                if (!ok) {
                    out.add(new Problem(names[k] + "[" + c + "]", (k == 0 ? "expected a finite number" : "must be a finite number > 0")
                            + ", got " + x));
                }
            }
        }
    }

    /** Most variants a sweep may hold (columns of its table). */
    public static final int MAX_VARIANTS = 64;

    /**
     * The sweep's own values: labels present, a known metric, 1 to {@link #MAX_VARIANTS} variants
     * with distinct ids and one cell per header row. (Each variant's {@code set} is checked by
     * merging it onto the preset, in {@link PresetLoader}.)
     */
    private static void validateSweep(Preset.Sweep s, boolean image, List<Problem> out) {
        String[][] texts = {{"sweep.title", s.title()}, {"sweep.metricLabel", s.metricLabel()},
                {"sweep.paperNote", s.paperNote()}};
        for (String[] t : texts) {
            if (t[1] == null) {
                out.add(new Problem(t[0], "expected a string, got null"));
            }
        }
        if (s.headerRows() == null) {
            out.add(new Problem("sweep.headerRows", "expected a list [ ... ] of row labels, got null"));
            return;
        }
        for (int k = 0; k < s.headerRows().size(); k++) {
            if (s.headerRows().get(k) == null) {
                out.add(new Problem("sweep.headerRows[" + k + "]", "expected a string, got null"));
            }
        }
        oneOf(out, "sweep.metric", s.metric(), Preset.Sweep.METRICS);
        if ("bestTestAccuracy".equals(s.metric()) && !image) {
            out.add(new Problem("sweep.metric", "bestTestAccuracy (the best epoch) is kept for epoch runs on image sets "
                    + "only; use testAccuracy or trainAccuracy for a toy set"));
        }
        List<Preset.Variant> vs = s.variants();
        if (vs == null) {
            out.add(new Problem("sweep.variants", "expected a list [ ... ] of variants, got null"));
            return;
        }
        if (vs.isEmpty() || vs.size() > MAX_VARIANTS) {
            out.add(new Problem("sweep.variants", "must list 1 to " + MAX_VARIANTS + " variants, got " + vs.size()));
        }
        int rows = s.headerRows().size();
        for (int k = 0; k < vs.size(); k++) {
            String at = "sweep.variants[" + k + "]";
            Preset.Variant v = vs.get(k);
            if (v == null) {
                out.add(new Problem(at, "expected an object {\"id\": ..., \"cells\": [...], \"set\": {...}}, got null"));
                continue;
            }
            if (v.id() == null || !v.id().matches("[A-Za-z0-9._-]{1,32}")) {
                out.add(new Problem(at + ".id", "expected 1-32 letters, digits, '.', '_' or '-' (it names the variant's "
                        + "folder), got " + (v.id() == null ? "null" : "\"" + v.id() + "\"")));
            } else {
                for (int j = 0; j < k; j++) {
                    if (vs.get(j) != null && v.id().equals(vs.get(j).id())) {
                        out.add(new Problem(at + ".id", "\"" + v.id() + "\" is used twice (first by sweep.variants["
                                + j + "]); each variant needs its own id"));
                        break;
                    }
                }
            }
            if (v.cells() == null || v.cells().size() != rows) {
                out.add(new Problem(at + ".cells", "expected " + rows + " cell" + (rows == 1 ? "" : "s")
                        + " (one per sweep.headerRows entry), got " + (v.cells() == null ? "null" : v.cells().size())));
            } else {
                for (int j = 0; j < rows; j++) {
                    if (v.cells().get(j) == null) {
                        out.add(new Problem(at + ".cells[" + j + "]", "expected a string (\"\" for an empty cell), got null"));
                    }
                }
            }
            if (v.set() == null) {
                out.add(new Problem(at + ".set", "expected an object {\"key.path\": value, ...}, got null"));
            }
            if (v.paper() != null && !Double.isFinite(v.paper())) {
                out.add(new Problem(at + ".paper", "expected a finite number or null, got " + v.paper()));
            }
        }
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
