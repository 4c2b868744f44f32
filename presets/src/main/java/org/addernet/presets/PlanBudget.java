package org.addernet.presets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.ResidualBlock;
import org.addernet.engine.nn.Sequential;

/**
 * What a plan will hold in memory, worked out from the preset before anything is allocated, so
 * that a count too large for the heap ({@code --seeds 1000000000}, {@code training.logEvery 1} over
 * 10^8 iterations, {@code runs.hidden 4096} at depth 64) is refused at once with its limit instead
 * of ending in an OutOfMemoryError minutes later.
 *
 * <p>The estimate follows what the runners keep (the app's {@code PresetRunner}, {@code EpochRunner},
 * {@code SweepRunner}), with sizes measured on this code (Java 17, compressed pointers):
 * <ul>
 *   <li>toy data: {@value #POINT_BYTES} bytes per point (16.6 measured, plus generation's
 *       transients), one set per seed unless {@code data.seed} fixes it, all generated up front;</li>
 *   <li>every run (toy and image) until the summary: {@value #RUN_BYTES} bytes of records, and for a
 *       toy run its decision grid for the grid figure, 4 bytes per cell of
 *       {@code output.gridResolution}^2;</li>
 *   <li>each toy run in progress ({@code --jobs} at a time): its metrics rows until metrics.csv is
 *       written (113 bytes per row measured for two layers, 8 per further layer, and the CSV text
 *       built from them, 36 bytes per column), its model ({@value #PARAMETER_BYTES} bytes per
 *       parameter: values, gradients, momentum and the layers' caches, 7-11 copies measured), one
 *       batch's activations ({@value #ACTIVATION_BYTES} bytes per value) and its panel image
 *       (12 bytes per pixel while the PNG is encoded);</li>
 *   <li>an image run: the whole data set as read ({@value #PIXEL_BYTES} bytes per value: the file's
 *       bytes, the floats and the copy a limit takes), the model as the window's estimate counts it
 *       (16 bytes per parameter, 12 per activation value of one batch) plus 24 bytes per parameter
 *       while a checkpoint is serialised, and per run its epoch history (160 bytes per epoch and 8
 *       per layer's gradient norm).</li>
 * </ul>
 * A plan fits when it needs at most {@link #USABLE_SHARE} of the heap ({@code -Xmx}), as the
 * window's image-run estimate requires, after a fixed {@value #BASELINE_BYTES} bytes for the
 * program itself.
 */
public final class PlanBudget {
    /** Share of the heap a plan may take; the rest is left to the collector and the program. */
    public static final double USABLE_SHARE = 0.75;
    static final long BASELINE_BYTES = 64L << 20;
    static final long POINT_BYTES = 24;
    static final long RUN_BYTES = 1024;
    static final long PARAMETER_BYTES = 48;
    static final long ACTIVATION_BYTES = 40;
    static final long PIXEL_BYTES = 6;

    private PlanBudget() {
    }

    /**
     * One thing a plan holds: {@code count} units of {@code unitBytes} each, sized by the preset's
     * {@code field}, with what the user can do about it.
     *
     * @param perSeed whether it is held once per seed ({@code --seeds} multiplies it)
     * @param limit   the limit in the user's terms given the most units that fit
     *                ({@code "a batch of at most 45 fits"}), or null for {@code "at most N units fit"}
     */
    public record Item(String field, String what, long count, String unit, long unitBytes, boolean perSeed, String fix,
                       LongFunction<String> limit) {
        Item(String field, String what, long count, String unit, long unitBytes, boolean perSeed, String fix) {
            this(field, what, count, unit, unitBytes, perSeed, fix, null);
        }

        public long bytes() {
            return saturatedMultiply(count, unitBytes);
        }

        /** The limit in words when at most {@code most} units fit. */
        String limitWords(long most) {
            return limit != null ? limit.apply(most) : String.format(Locale.ROOT, "at most %,d %s fit", most, unit);
        }
    }

    /** The items of a plan; {@link #bytes(int)} is their total for a number of seeds. */
    public record Estimate(String preset, List<Item> items, int runsPerSeed) {
        public Estimate {
            items = List.copyOf(items);
        }

        /** Bytes held once whatever the seeds. */
        public long fixedBytes() {
            return items.stream().filter(i -> !i.perSeed()).mapToLong(Item::bytes).reduce(0, PlanBudget::saturatedAdd);
        }

        /** Bytes each seed adds. */
        public long perSeedBytes() {
            return items.stream().filter(Item::perSeed).mapToLong(Item::bytes).reduce(0, PlanBudget::saturatedAdd);
        }

        /** Bytes for {@code seeds} seeds. */
        public long bytes(int seeds) {
            return saturatedAdd(fixedBytes(), saturatedMultiply(perSeedBytes(), seeds));
        }

        /** Most seeds that fit in {@code heapBytes} (0 when not even one does), at most what a list of runs holds. */
        public int maxSeeds(long heapBytes) {
            long room = usable(heapBytes) - fixedBytes();
            if (room < perSeedBytes()) {
                return 0;
            }
            long bySize = perSeedBytes() == 0 ? Integer.MAX_VALUE : room / perSeedBytes();
            long byCount = (Integer.MAX_VALUE - 8L) / Math.max(1, runsPerSeed);
            return (int) Math.min(Math.min(bySize, byCount), Integer.MAX_VALUE);
        }
    }

    /** The heap this JVM may use ({@code -Xmx}). */
    public static long heapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Refuses a plan that does not fit this JVM's heap.
     *
     * @param seeds       the number of seeds ({@code --seeds N}, or a run folder's run.json on --resume)
     * @param seedsSource how the seeds were given, for the message: {@code "--seeds 1000000000"},
     *                    {@code "/runs/x/run.json: seeds 1000000000"}
     * @param jobs        toy runs trained at a time ({@code --jobs}); image runs go one at a time
     * @throws PresetException naming the count that does not fit, the limit and what to do
     */
    public static void requireFits(Preset p, int seeds, String seedsSource, int jobs) {
        check(p, seeds, seedsSource, jobs, heapBytes()).throwIfAny(PresetException::new);
    }

    /**
     * The planner's own guard ({@link ExperimentPlan#runs}, {@link ExperimentPlan#imageRuns}): refuses
     * {@code seeds} when what the seeds alone hold exceeds this JVM's heap, whatever the rest of the
     * plan, so that a run list is never built only to run out of memory. Whether the whole plan
     * fits (the model, the data, {@code --jobs}) is {@link #requireFits}'s question, which the
     * command line asks before it creates anything.
     *
     * @throws PresetException as {@link #requireFits} does
     */
    public static void requireSeedsFit(Preset p, int seeds, String seedsSource) {
        long heap = heapBytes();
        List<Estimate> parts = parts(p, 1);
        long perSeed = parts.stream().mapToLong(Estimate::perSeedBytes).max().orElse(0);
        if (saturatedMultiply(perSeed, seeds) > usable(heap)) {
            check(p, seeds, seedsSource, 1, heap).throwIfAny(PresetException::new);
        }
    }

    /** The estimates of a preset's parts: the preset itself, or each variant of its sweep. */
    private static List<Estimate> parts(Preset p, int jobs) {
        List<Estimate> parts = new ArrayList<>();
        if (p.sweep() == null) {
            parts.add(estimate(p, jobs));
        } else {
            for (int k = 0; k < p.sweep().variants().size(); k++) {
                parts.add(estimate(PresetLoader.variant(p, k), jobs));
            }
        }
        return parts;
    }

    /**
     * The problems of a plan for {@code seeds} seeds in a heap of {@code heapBytes}: none when it
     * fits; else one naming what does not fit (a preset field, or the seeds), the most that fit,
     * and what to do. A sweep is checked variant by variant (they run in turn) with the records
     * of every variant kept.
     */
    public static Problems check(Preset p, int seeds, String seedsSource, int jobs, long heapBytes) {
        Problems problems = new Problems(seedsSource);
        if (seeds < 1) {
            return problems.add(Problem.of(seedsSource, "must be at least 1", null));
        }
        List<Estimate> parts = parts(p, jobs);
        int runsPerSeed = 0;
        for (Estimate e : parts) {
            runsPerSeed += e.runsPerSeed();
        }
        for (Estimate e : parts) {
            List<Item> items = new ArrayList<>(e.items());
            if (parts.size() > 1) {       // a sweep keeps every variant's run records
                items.add(new Item(null, "the run records of all " + parts.size() + " variants", runsPerSeed, "runs",
                        RUN_BYTES, true, null));
            }
            Estimate whole = new Estimate(p.name(), items, runsPerSeed);
            Problem problem = problem(whole, seeds, seedsSource, heapBytes);
            if (problem != null) {
                return problems.add(problem);
            }
        }
        return problems;
    }

    private static Problem problem(Estimate e, int seeds, String seedsSource, long heap) {
        long usable = usable(heap);
        if (e.bytes(1) > usable) {
            Item worst = e.items().stream().filter(i -> i.field() != null)
                    .max(Comparator.comparingLong(Item::bytes)).orElseThrow();
            long others = e.bytes(1) - worst.bytes();
            long most = usable > others ? (usable - others) / Math.max(1, worst.unitBytes()) : 0;
            return new Problem(e.preset(), null, worst.field(), String.format(Locale.ROOT,
                    "%s: %,d %s, about %s, more than this heap holds (-Xmx %s; a run may use %s)%s",
                    worst.what(), worst.count(), worst.unit(), size(worst.bytes()), size(heap), size(usable),
                    most > 0 ? "; " + worst.limitWords(most) : ""),
                    worst.fix() + ", or " + biggerHeap(e.bytes(1)));
        }
        int max = e.maxSeeds(heap);
        if (seeds > max) {
            return Problem.of(seedsSource, String.format(Locale.ROOT,
                    "at most %,d seed%s fit in this heap (-Xmx %s): each seed takes about %s (%s)", max,
                    max == 1 ? "" : "s", size(heap), size(e.perSeedBytes()), perSeedWords(e)),
                    "use fewer seeds or " + biggerHeap(e.bytes(seeds)));
        }
        return null;
    }

    private static String perSeedWords(Estimate e) {
        List<String> parts = new ArrayList<>();
        for (Item i : e.items()) {
            if (i.perSeed() && i.bytes() > 0) {
                parts.add(i.what());
            }
        }
        return String.join(", ", parts);
    }

    /**
     * {@code "a larger heap via WORKBENCH_JAVA_OPTS=-Xmx12g"}: one where {@code bytes} fit (beyond
     * 64 TB no -Xmx is named: the plan itself must shrink).
     */
    private static String biggerHeap(long bytes) {
        double gb = Math.ceil(bytes / USABLE_SHARE / (1L << 30)) + 1;
        return gb > 65536 ? "a larger heap via WORKBENCH_JAVA_OPTS (this plan would need about " + size(bytes) + ")"
                : "a larger heap via WORKBENCH_JAVA_OPTS=-Xmx" + (long) gb + "g";
    }

    /** What {@code p}'s plan holds, for any number of seeds. */
    public static Estimate estimate(Preset p, int jobs) {
        return PresetValidator.isImageSet(p.data().set()) ? image(p) : toy(p, jobs);
    }

    private static Estimate toy(Preset p, int jobs) {
        Preset.Data d = p.data();
        Preset.Training t = p.training();
        Preset.Output o = p.output();
        int runsPerSeed = p.runs().models().size() * p.runs().hidden().size();
        int atOnce = Math.max(1, Math.min(jobs, runsPerSeed));
        int n = p.runs().hidden().stream().mapToInt(Integer::intValue).max().orElse(1);
        int depth = p.model().depth();
        long rows = t.iterations() / t.logEvery() + 2;
        long rowBytes = 113 + 8L * (depth - 2) + 36L * (6 + depth);
        long params = toyParameters(n, depth);
        long activations = (long) t.batchSize() * n * (depth - 1) + t.batchSize();
        long res = o.gridResolution();
        long panel = (long) o.panelSize() * o.panelSize();
        long cell = Math.min(o.panelSize(), 320);
        List<Item> items = new ArrayList<>();
        items.add(new Item(null, "the program itself", 1, "baseline", BASELINE_BYTES, false, null));
        boolean dataPerSeed = d.seed() == null;
        items.add(new Item("data.samples", String.format(Locale.ROOT, "%,d points of data%s", d.samples(),
                dataPerSeed ? " per seed" : ""), d.samples(), "points", POINT_BYTES, dataPerSeed,
                "lower data.samples", most -> String.format(Locale.ROOT, "at most %,d points fit", most)));
        items.add(new Item("output.gridResolution", String.format(Locale.ROOT, "%d runs' decision grids of %d x %d",
                runsPerSeed, res, res), runsPerSeed * res * res, "grid cells", 4, true, "lower output.gridResolution",
                most -> String.format(Locale.ROOT, "a resolution of at most %d fits",
                        (long) Math.sqrt(most / (double) runsPerSeed))));
        items.add(new Item(null, runsPerSeed + " runs' records", runsPerSeed, "runs", RUN_BYTES, true, null));
        items.add(new Item("training.logEvery", String.format(Locale.ROOT,
                "training.iterations %d logged every %d step%s keeps each run's metrics rows in memory%s", t.iterations(),
                t.logEvery(), t.logEvery() == 1 ? "" : "s", atOnce > 1 ? " (" + atOnce + " runs at a time)" : ""),
                rows * atOnce, "metrics rows", rowBytes, false, "raise training.logEvery or lower training.iterations",
                most -> most / atOnce <= 2 ? "not even the first and last rows fit"
                        : String.format(Locale.ROOT, "training.logEvery must be at least %,d",
                        (t.iterations() + most / atOnce - 3) / (most / atOnce - 2))));
        items.add(new Item("runs.hidden", String.format(Locale.ROOT, "a model of %d layers of %d hidden units%s", depth - 1,
                n, atOnce > 1 ? " (" + atOnce + " at a time)" : ""), params * atOnce, "parameters", PARAMETER_BYTES,
                false, "use fewer hidden units (runs.hidden) or layers (model.depth)", most -> {
                    int k = n;
                    while (k > 1 && toyParameters(k, depth) * atOnce > most) {
                        k = k * 9 / 10;
                    }
                    return String.format(Locale.ROOT, "about %d hidden units fit at model.depth %d", k, depth);
                }));
        items.add(new Item("training.batchSize", String.format(Locale.ROOT, "batches of %d through %d layers of %d units",
                t.batchSize(), depth - 1, n), activations * atOnce, "activation values", ACTIVATION_BYTES, false,
                "lower training.batchSize", most -> batchFits(t.batchSize(), activations * atOnce, most)));
        boolean cached = p.runs().models().contains("adder") && p.adder().pStart() != p.adder().pEnd();
        if (cached) {
            long cells = (long) t.batchSize() * (2L * n + (depth - 2) * (long) n * n + n);
            items.add(new Item("training.batchSize", String.format(Locale.ROOT, "the adder layers' cache of |x - w|^(p-1) "
                    + "while p decays from %s to %s, for batches of %d", p.adder().pStart(), p.adder().pEnd(),
                    t.batchSize()), cells * atOnce, "cached values", 4, false, "lower training.batchSize or runs.hidden",
                    most -> batchFits(t.batchSize(), cells * atOnce, most)));
        }
        items.add(new Item("output.panelSize", String.format(Locale.ROOT,
                "panels of %d x %d pixels and the grid figure", o.panelSize(), o.panelSize()),
                panel * atOnce * 3 + runsPerSeed * cell * cell * 2, "pixels", 4, false, "lower output.panelSize"));
        return new Estimate(p.name(), items, runsPerSeed);
    }

    private static Estimate image(Preset p) {
        ImageSet set = ImageSet.of(p.data().set());
        Preset.Training t = p.training();
        int runsPerSeed = p.runs().models().size();
        long params = 0;
        long activations = 0;
        int layers = 0;
        String biggest = p.runs().models().get(0);
        for (String m : p.runs().models()) {
            Sequential net = ImageModels.build(m, set.numClasses(), ExperimentPlan.rules(p), 1);
            long q = 0;
            for (Parameter w : net.parameters()) {
                q += w.size();
            }
            int[] shape = ImageModels.inputShape(m);
            int[] in = new int[shape.length + 1];
            in[0] = t.batchSize();
            System.arraycopy(shape, 0, in, 1, shape.length);
            long a = activationValues(net.layers(), in);
            if (q * 40 + a * 12 > params * 40 + activations * 12) {
                params = q;
                activations = a;
                biggest = m;
            }
            layers = Math.max(layers, net.parameters().size());
        }
        long pixels = (long) (set.trainImages() + set.testImages()) * set.imageValues();
        int epochs = t.epochs() == null ? 1 : t.epochs();
        long batchValues = activations;
        List<Item> items = new ArrayList<>();
        items.add(new Item(null, "the program itself", 1, "baseline", BASELINE_BYTES, false, null));
        items.add(new Item("data.set", set.id() + " read whole", pixels, "pixel values", PIXEL_BYTES, false,
                "use a smaller data set"));
        items.add(new Item("runs.models", biggest + "'s parameters, gradients, momentum and checkpoint", params,
                "parameters", 40, false, "use a smaller model"));
        items.add(new Item("training.batchSize", String.format(Locale.ROOT, "%s's activations for a batch of %d",
                biggest, t.batchSize()), activations, "activation values", 12, false, "lower training.batchSize",
                most -> batchFits(t.batchSize(), batchValues, most)));
        items.add(new Item("training.epochs", String.format(Locale.ROOT, "%d runs' histories of %d epochs", runsPerSeed,
                epochs), (long) runsPerSeed * epochs, "epoch rows", 160 + 8L * layers, true,
                "lower training.epochs", most -> String.format(Locale.ROOT, "at most %,d epochs fit",
                        most / Math.max(1, runsPerSeed))));
        items.add(new Item(null, runsPerSeed + " runs' records", runsPerSeed, "runs", RUN_BYTES, true, null));
        return new Estimate(p.name(), items, runsPerSeed);
    }

    /** Weights, biases and batch-norm values of a toy model: 2 inputs, {@code depth - 1} hidden layers of n, 1 output. */
    private static long toyParameters(long n, int depth) {
        return 3 * n + (depth - 2) * (n * n + n) + n + 1 + 4 * n * (depth - 1);
    }

    /** "a batch of at most K fits" when {@code values} of a batch of {@code batch} may be at most {@code most}. */
    private static String batchFits(int batch, long values, long most) {
        long k = (long) Math.floor(batch * (most / (double) values));
        return k < 2 ? "not even a batch of 2 fits" : String.format(Locale.ROOT, "a batch of at most %,d fits", k);
    }

    /**
     * Values output by every leaf layer of {@code layers} for one batch of shape {@code in}
     * (residual blocks: both branches, their sum and its ReLU).
     */
    public static long activationValues(List<Layer> layers, int[] in) {
        long sum = 0;
        int[] s = in;
        for (Layer l : layers) {
            if (l instanceof Sequential q) {
                sum += activationValues(q.layers(), s);
            } else if (l instanceof ResidualBlock r) {
                List<Layer> inner = r.layers();     // conv1, bn1, conv2, bn2 [, projection, its bn]
                sum += activationValues(inner.subList(0, Math.min(4, inner.size())), s);
                if (inner.size() > 4) {
                    sum += activationValues(inner.subList(4, inner.size()), s);
                }
                sum += 2 * values(l.outputShape(s));
            } else {
                sum += values(l.outputShape(s));
            }
            s = l.outputShape(s);
        }
        return sum;
    }

    private static long values(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    static long usable(long heap) {
        return (long) (heap * USABLE_SHARE);
    }

    /** {@code 1.5 GB}, {@code 300 MB}, {@code 12 KB}. */
    static String size(long bytes) {
        if (bytes >= 1L << 40) {
            double tb = bytes / (double) (1L << 40);
            return tb >= 1e4 ? String.format(Locale.ROOT, "%.1e TB", tb) : String.format(Locale.ROOT, "%,.0f TB", tb);
        }
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.0f KB", Math.max(1, bytes / 1024.0));
    }

    static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi == 0 && lo >= 0 || hi == -1 && lo < 0 ? lo : Long.MAX_VALUE;
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
