package org.addernet.presets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A merged, validated experiment preset (see {@code src/site/presets.md} for the schema). Every
 * field is present after merging onto {@code defaults.json}; nullable fields say so.
 *
 * @param name     short id, used in run-folder names
 * @param title    one line for the gallery and figure titles
 * @param description what to look at, which result it reproduces
 * @param seed     the first run seed; {@code --seeds N} uses seed, seed + 1, ...
 * @param sweep    null for a single experiment; otherwise the variants of an ablation table, each
 *                 run as this preset with its own overrides (see {@link Sweep})
 */
public record Preset(String name, String title, String description, String reproduces, long seed,
                     Data data, Model model, Training training, Adder adder, Runs runs, Output output,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Sweep sweep) {

    /** A preset without a sweep. */
    public Preset(String name, String title, String description, String reproduces, long seed, Data data, Model model,
                  Training training, Adder adder, Runs runs, Output output) {
        this(name, title, description, reproduces, seed, data, model, training, adder, runs, output, null);
    }

    /**
     * @param set          toy set id (unit-ball, multi-ball, xor, moons, spiral, rings, checkerboard, blobs)
     * @param samples      points generated (train + test)
     * @param spread       standard deviation of the point cloud; null = the set's default
     * @param labelNoise   probability of flipping each label
     * @param testFraction share of the points held out for testing
     * @param seed         data seed; null = the run seed (each seed sees its own sample)
     * @param augment      image sets: random crop with padding and horizontal flip of training
     *                     batches; null = the set's default (on for CIFAR, off for MNIST-format sets)
     * @param trainLimit   image sets: use only the first this many training images; null = all
     * @param testLimit    image sets: use only the first this many test images; null = all
     * @param mean         image sets: the per-channel means images are standardised with, one per
     *                     channel; null = the set's published statistics (left out of the JSON when null)
     * @param std          image sets: the per-channel standard deviations, with {@code mean}; null = the set's
     */
    public record Data(String set, int samples, Double spread, double labelNoise, double testFraction, Long seed,
                       Boolean augment, Integer trainLimit, Integer testLimit,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> mean,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> std) {
        public Data {
            // not List.copyOf: a null element must reach the validator, which names it
            mean = mean == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(mean));
            std = std == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(std));
        }

        /** A toy-set data section (the image-only fields null). */
        public Data(String set, int samples, Double spread, double labelNoise, double testFraction, Long seed) {
            this(set, samples, spread, labelNoise, testFraction, seed, null, null, null, null, null);
        }
    }

    /**
     * @param depth        weight layers (2 = Definition 2's two-layer net)
     * @param activation   relu, tanh or sigmoid
     * @param mlpBatchNorm whether the MLP gets batch norm after its hidden layers (the AdderNet always has it)
     * @param shortcut     the ResNets' shortcuts where the shape changes: {@code projection} (the official
     *                     AdderNet resnet20.py: a 1x1 stride-2 projection and BN, and a 1x1-conv + BN head)
     *                     or {@code A} (parameter-free option A and a Linear head, the zoo's earlier layout)
     */
    public record Model(int depth, String activation, boolean mlpBatchNorm, String shortcut) {
        /** The default shortcut: the official layout. */
        public static final String DEFAULT_SHORTCUT = "projection";

        /** A toy-set model section (the ResNets' shortcut at its default). */
        public Model(int depth, String activation, boolean mlpBatchNorm) {
            this(depth, activation, mlpBatchNorm, DEFAULT_SHORTCUT);
        }
    }

    /**
     * @param schedule cosine, polynomial, step, constant or cosine-epoch (image sets: a cosine stepped
     *                 once an epoch, the official AdderNet main.py's)
     * @param power    polynomial schedule's exponent
     * @param stepEvery step schedule's period in iterations
     * @param stepGamma step schedule's factor
     * @param epochs   image sets: passes over the training set (the run's steps are epochs x
     *                 floor(train size / batch)); null = {@code iterations} steps (toy sets)
     */
    public record Training(long iterations, int batchSize, double lr, String schedule, double power, long stepEvery,
                           double stepGamma, double momentum, boolean nesterov, double weightDecay, int logEvery,
                           Integer epochs) {
    }

    /**
     * @param pStart         p at the start (2 = L2-AdderNet)
     * @param pEnd           p after the decay (1 = L1-AdderNet)
     * @param pDecayShare    share of the iterations over which p decays linearly (0 = fixed pEnd)
     * @param filterGradient full-precision (eq. 23), sign (eq. 22) or exact
     * @param inputGradient  auto, hardtanh, eq27 or exact
     * @param eta            adaptive learning-rate scaling (eq. 33); 0 = off
     */
    public record Adder(double pStart, double pEnd, double pDecayShare, String filterGradient, String inputGradient,
                        double eta) {
    }

    /** Every model is trained with every hidden size: models x hidden runs per seed. */
    public record Runs(List<String> models, List<Integer> hidden) {
        public Runs {
            // not List.copyOf: a null element must reach the validator, which names it
            models = models == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(models));
            hidden = hidden == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(hidden));
        }
    }

    /**
     * @param gridResolution lattice size R of the decision grids drawn
     * @param panelSize      pixel size of one decision-boundary panel
     * @param demoSpeed      the window's training speed when it opens the preset, in steps per second
     *                       per model (0 = as fast as the machine goes); null = the window's default.
     *                       Headless runs ignore it.
     */
    public record Output(int gridResolution, int panelSize,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double demoSpeed) {
        /** Output settings without a demo speed (the window's default). */
        public Output(int gridResolution, int panelSize) {
            this(gridResolution, panelSize, null);
        }
    }

    /**
     * An ablation table (the paper's Tables 4-6): every variant is this preset with the variant's
     * overrides applied after the command line's {@code --set}, run into its own folder; the
     * results fill one row of the table under header rows that say what each variant changes.
     *
     * @param title      the table's title (blank: the preset's title)
     * @param headerRows labels of the header rows, e.g. the three techniques of Table 4 or "eta";
     *                   every variant gives one cell per header row
     * @param metric     what the table reports of each run, in percent: {@code testAccuracy} (after
     *                   the last step or epoch), {@code bestTestAccuracy} (best epoch; image sets) or
     *                   {@code trainAccuracy}
     * @param metricLabel the label of the result rows, e.g. "top-1 accuracy (%)"
     * @param paperNote  where the paper's numbers come from (network, data set, budget)
     * @param variants   the columns, in table order
     */
    public record Sweep(String title, List<String> headerRows, String metric, String metricLabel, String paperNote,
                        List<Variant> variants) {
        /** The metrics a sweep can report. */
        public static final List<String> METRICS = List.of("testAccuracy", "bestTestAccuracy", "trainAccuracy");

        public Sweep {
            headerRows = headerRows == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(headerRows));
            variants = variants == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(variants));
        }
    }

    /**
     * One column of a sweep.
     *
     * @param id    short name: the variant's folder and its column key in {@code table.csv}
     * @param cells what the header rows show for this variant (e.g. a check mark), one per header row
     * @param set   overrides {@code key.path -> value}, with the meaning of {@code --set key.path=value}
     * @param paper the paper's number for this variant (percent), or null
     */
    public record Variant(String id, List<String> cells, Map<String, JsonNode> set, Double paper) {
        public Variant {
            cells = cells == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
            set = set == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
        }

        /** The overrides as {@code --set} arguments ({@code key.path=JSON value}), in file order. */
        public List<String> overrides() {
            return set.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toString()).toList();
        }
    }
}
