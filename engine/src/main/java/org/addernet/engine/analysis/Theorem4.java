package org.addernet.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.addernet.engine.nn.Sequential;

/**
 * Theorem 4 measured: how fast the integrated squared error
 * {@code ISE = int (f - A)^2 dmu} (mu uniform on {@code [-1, 1]^2}) of a one-hidden-layer network
 * falls with its width n, for a few Lipschitz targets f, AdderNets beside MLPs.
 *
 * <p>The theorem gives, for an f with l1-Lipschitz constant L1, an AdderNet of width
 * {@code N ~ eps^-(d+2)} with ISE {@code O(eps^2 L1^2)}, i.e. ISE {@code O(N^(-2/(d+2)))}:
 * {@code N^(-1/2)} on the plane. It is an existence result; its proof draws the hidden units at
 * random. This class fits three kinds of network per target and width (see {@link Model}):
 *
 * <ul>
 *   <li>{@code adder}: Definition 2's two-layer AdderNet whose hidden units are l1 cones
 *   {@code ReLU(1 - ||X - W_i||_1 / r)} (the kernel of the proof) on k-means centres W_i of a
 *   uniform training sample, radius {@code r = kappa * 2 / sqrt(n)} with kappa chosen on a
 *   held-out fifth of the sample, output weights and bias by ridge least squares;</li>
 *   <li>{@code mlp}: the two-layer ReLU MLP with units {@code ReLU(u_i . (X - W_i))}, the same
 *   kind of k-means anchors, random directions u_i, output layer by ridge least squares;</li>
 *   <li>{@code adder-proof}: the proof's own random construction (eqs. 10-13), no fitting at all.</li>
 * </ul>
 *
 * Each is then built as a {@link Sequential} of the engine's layers, and the ISE is that
 * network's forward pass compared with f on a fine lattice (midpoint rule). A least-squares line
 * through {@code (log n, log ISE)} gives each curve's slope (both in {@link Theorem4Measures}). Deterministic for a configuration:
 * every random choice comes from generators seeded by the configuration's seed.
 */
public final class Theorem4 {
    private Theorem4() {
    }

    /** Lipschitz targets on {@code [-1, 1]^2}, each with its l1-Lipschitz constant L1. */
    public enum Target {
        /** An l1 pyramid: one adder cone is this function exactly. */
        PYRAMID("pyramid", "max(0, 1 - |x| - |y|)", 1) {
            @Override
            public double value(double x, double y) {
                return Math.max(0, 1 - Math.abs(x) - Math.abs(y));
            }
        },
        /** A straight crease: two ReLU units are this function exactly. */
        RIDGE("ridge", "|x - y/2|", 1) {
            @Override
            public double value(double x, double y) {
                return Math.abs(x - 0.5 * y);
            }
        },
        /** A circular crease, native to neither unit. */
        RING("ring", "|sqrt(x^2 + y^2) - 0.6|", 1) {
            @Override
            public double value(double x, double y) {
                return Math.abs(Math.sqrt(x * x + y * y) - 0.6);
            }
        },
        /** Smooth, two signs, four humps. */
        WAVE("wave", "sin(pi x) cos(pi y)", Math.PI) {
            @Override
            public double value(double x, double y) {
                return Math.sin(Math.PI * x) * Math.cos(Math.PI * y);
            }
        };

        private final String id;
        private final String formula;
        private final double lipschitz;

        Target(String id, String formula, double lipschitz) {
            this.id = id;
            this.formula = formula;
            this.lipschitz = lipschitz;
        }

        /** f(x, y); defined on the whole plane. */
        public abstract double value(double x, double y);

        public String id() {
            return id;
        }

        public String formula() {
            return formula;
        }

        /** L1 with {@code |f(X) - f(X')| <= L1 ||X - X'||_1}: the largest l-infinity norm of the gradient. */
        public double lipschitz() {
            return lipschitz;
        }

        public static Target fromId(String id) {
            for (Target t : values()) {
                if (t.id.equals(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown target '" + id + "', expected one of pyramid, ridge, ring, wave");
        }
    }

    /** The networks compared. */
    public enum Model {
        ADDER("adder", "AdderNet (fitted)"),
        MLP("mlp", "MLP (fitted)"),
        ADDER_PROOF("adder-proof", "AdderNet (proof's construction)");

        private final String id;
        private final String label;

        Model(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        /** A legend label. */
        public String label() {
            return label;
        }

        public static Model fromId(String id) {
            for (Model m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown model '" + id + "', expected one of adder, mlp, adder-proof");
        }
    }

    /**
     * What to run.
     *
     * @param targets          the functions to approximate
     * @param models           the networks to fit
     * @param widths           hidden units n, each in [1, 4096]
     * @param seeds            repetitions per (target, model, width), seeds {@code seed, seed + 1, ...}
     * @param seed             the first seed
     * @param trainPoints      size of the uniform training sample (at least the largest width, and 10)
     * @param lattice          the ISE lattice has lattice x lattice cells (midpoint rule)
     * @param radiusFactors    candidate kappa of the adder cones' radius {@code kappa * 2 / sqrt(n)};
     *                         more than one: chosen on a held-out fifth of the training sample
     * @param ridge            relative ridge penalty of the output least squares (&gt;= 0)
     * @param kmeansIterations Lloyd iterations for the centres
     * @param proofScale       eps = proofScale * n^(-1/4) in the proof's construction
     * @param fitFrom          the slope fit uses widths &gt;= fitFrom
     */
    public record Config(List<Target> targets, List<Model> models, List<Integer> widths, int seeds, long seed,
                         int trainPoints, int lattice, List<Double> radiusFactors, double ridge,
                         int kmeansIterations, double proofScale, int fitFrom) {
        public Config {
            targets = List.copyOf(targets);
            models = List.copyOf(models);
            widths = List.copyOf(widths);
            radiusFactors = List.copyOf(radiusFactors);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("targets: need at least one target");
            }
            if (models.isEmpty()) {
                throw new IllegalArgumentException("models: need at least one model");
            }
            if (widths.isEmpty()) {
                throw new IllegalArgumentException("widths: need at least one width");
            }
            int max = 0;
            for (int n : widths) {
                if (n < 1 || n > 4096) {
                    throw new IllegalArgumentException("widths: each width must lie in [1, 4096], got " + n);
                }
                max = Math.max(max, n);
            }
            if (seeds < 1 || seeds > 100) {
                throw new IllegalArgumentException("seeds: must lie in [1, 100], got " + seeds);
            }
            if (trainPoints < Math.max(10, max) || trainPoints > 1_000_000) {
                throw new IllegalArgumentException("trainPoints: must lie in [max(10, largest width) = "
                        + Math.max(10, max) + ", 1000000], got " + trainPoints);
            }
            if (lattice < 2 || lattice > 4096) {
                throw new IllegalArgumentException("lattice: must lie in [2, 4096], got " + lattice);
            }
            if (radiusFactors.isEmpty()) {
                throw new IllegalArgumentException("radiusFactors: need at least one factor");
            }
            for (double k : radiusFactors) {
                if (!(k > 0) || Double.isInfinite(k)) {
                    throw new IllegalArgumentException("radiusFactors: each factor must be > 0, got " + k);
                }
            }
            if (!(ridge >= 0) || Double.isInfinite(ridge)) {
                throw new IllegalArgumentException("ridge: must be >= 0, got " + ridge);
            }
            if (kmeansIterations < 0 || kmeansIterations > 10_000) {
                throw new IllegalArgumentException("kmeansIterations: must lie in [0, 10000], got " + kmeansIterations);
            }
            if (!(proofScale > 0) || Double.isInfinite(proofScale)) {
                throw new IllegalArgumentException("proofScale: must be > 0, got " + proofScale);
            }
            if (fitFrom < 1) {
                throw new IllegalArgumentException("fitFrom: must be >= 1, got " + fitFrom);
            }
        }

        /** Widths 1, 2, 4, ..., 2^k. */
        public static List<Integer> powersOfTwo(int largest) {
            List<Integer> out = new ArrayList<>();
            for (int n = 1; n <= largest; n *= 2) {
                out.add(n);
            }
            return out;
        }

        /** The default experiment: four targets, three models, n = 1 .. 256, three seeds. */
        public static Config defaults() {
            return new Config(List.of(Target.values()), List.of(Model.values()), powersOfTwo(256), 3, 1, 4096,
                    256, List.of(1.0, 2.0, 3.0, 4.0, 6.0, 8.0), 1e-8, 25, 1.0, 8);
        }

        /** A few seconds: n = 1 .. 64, one seed, a smaller sample and lattice. */
        public static Config quick() {
            return new Config(List.of(Target.values()), List.of(Model.values()), powersOfTwo(64), 1, 1, 1024,
                    96, List.of(2.0, 4.0), 1e-8, 15, 1.0, 8);
        }

        /** The same configuration with other widths and seeds. */
        public Config withWidths(List<Integer> newWidths, int newSeeds) {
            return new Config(targets, models, newWidths, newSeeds, seed, trainPoints, lattice, radiusFactors, ridge,
                    kmeansIterations, proofScale, fitFrom);
        }

        /** The number of fits {@link #run} makes. */
        public int fits() {
            return targets.size() * models.size() * widths.size() * seeds;
        }
    }

    /**
     * One fitted network.
     *
     * @param ise      the integrated squared error of the engine network on the lattice
     * @param trainMse the mean squared error of the fit on its training sample (NaN for the proof's
     *                 construction, which has none)
     * @param radius   the hidden units' radius (cones; NaN for the MLP)
     */
    public record Fit(Target target, Model model, int width, long seed, double ise, double trainMse, double radius) {
    }

    /** A least-squares line {@code y = intercept + slope x} and its coefficient of determination. */
    public record Line(double slope, double intercept, double r2, int points) {
        /** On log-log axes (natural logs): the fitted ISE at width n. */
        public double at(double n) {
            return Math.exp(intercept + slope * Math.log(n));
        }
    }

    /** The slope of one curve: the line through {@code (ln n, ln ISE)} for widths &gt;= fitFrom. */
    public record Slope(Target target, Model model, Line line) {
    }

    /** Everything measured; with {@code cancelled} the fits made before the cancel. */
    public record Result(Config config, List<Fit> fits, List<Slope> slopes, boolean cancelled) {
        public Result {
            fits = List.copyOf(fits);
            slopes = List.copyOf(slopes);
        }

        /** The fits of one curve, in the order made (width, then seed). */
        public List<Fit> fits(Target t, Model m) {
            return fits.stream().filter(f -> f.target() == t && f.model() == m).toList();
        }

        /** The slope of one curve, or null when it has fewer than two widths. */
        public Slope slope(Target t, Model m) {
            for (Slope s : slopes) {
                if (s.target() == t && s.model() == m) {
                    return s;
                }
            }
            return null;
        }
    }

    /** Progress: {@code done} of {@code total} fits finished, the last one described by {@code label}. */
    @FunctionalInterface
    public interface Listener {
        void progress(int done, int total, String label);

        Listener NONE = (done, total, label) -> {
        };
    }

    /**
     * Runs the experiment: for each target, model, width and seed one fit ({@link #network}) and
     * its ISE, then the slopes. {@code cancel} is polled before every fit; once it answers true the
     * result holds the fits made so far and {@code cancelled} is set. Runs on the calling thread.
     */
    public static Result run(Config c, Listener listener, BooleanSupplier cancel) {
        Listener l = listener == null ? Listener.NONE : listener;
        List<Fit> fits = new ArrayList<>();
        int total = c.fits();
        int done = 0;
        boolean cancelled = false;
        outer:
        for (Target t : c.targets()) {
            for (Model m : c.models()) {
                for (int n : c.widths()) {
                    for (int s = 0; s < c.seeds(); s++) {
                        if (cancel != null && cancel.getAsBoolean()) {
                            cancelled = true;
                            break outer;
                        }
                        long seed = c.seed() + s;
                        Fitted fitted = network(c, t, m, n, seed);
                        double ise = Theorem4Measures.ise(t, fitted.network(), c.lattice());
                        fits.add(new Fit(t, m, n, seed, ise, fitted.trainMse(), fitted.radius()));
                        done++;
                        l.progress(done, total, String.format(Locale.ROOT, "%s / %s / n = %d / seed %d: ISE %.3g",
                                t.id(), m.id(), n, seed, ise));
                    }
                }
            }
        }
        return new Result(c, fits, Theorem4Measures.slopes(c, fits), cancelled);
    }

    /** A fitted network of {@link #network}, with what the fit reports. */
    public record Fitted(Sequential network, double trainMse, double radius) {
    }

    /**
     * The network {@link #run} fits for one target, model, width and seed (deterministic): the
     * window can draw it over the square beside the target.
     */
    public static Fitted network(Config c, Target t, Model m, int n, long seed) {
        // the training sample depends on the seed only (both fitted models see the same points);
        // each fit's own choices on (seed, target, model, width)
        SplittableRandom rng = new SplittableRandom(mix(seed, t.ordinal() + 1, m.ordinal() + 1, n));
        if (m == Model.ADDER_PROOF) {
            Theorem4Nets.AdderUnits u = Theorem4Fitting.proofConstruction(t, n, c.proofScale(), c.lattice(), rng);
            return new Fitted(u.network(), Double.NaN, 1 / u.gamma()[0]);
        }
        Theorem4Fitting.Sample sample = Theorem4Fitting.sample(t, c.trainPoints(), new SplittableRandom(mix(seed, 0, 0, 0)));
        return switch (m) {
            case ADDER -> {
                Theorem4Fitting.AdderFit f = Theorem4Fitting.fitAdder(sample, n, c.radiusFactors(), c.ridge(),
                        c.kmeansIterations(), rng);
                yield new Fitted(f.units().network(), f.trainMse(), f.radiusFactor() * 2 / Math.sqrt(n));
            }
            case MLP -> {
                Theorem4Fitting.MlpFit f = Theorem4Fitting.fitMlp(sample, n, c.ridge(), c.kmeansIterations(), rng);
                yield new Fitted(f.units().network(), f.trainMse(), Double.NaN);
            }
            case ADDER_PROOF -> throw new AssertionError("handled above");
        };
    }

    private static long mix(long seed, long a, long b, long c) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 29) ^ a) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 31) ^ b) * 0x94D049BB133111EBL;
        h = (h ^ (h >>> 29) ^ c) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
