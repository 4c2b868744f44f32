package org.addernet.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.loss.BceWithLogits;
import org.addernet.engine.loss.Loss;
import org.addernet.engine.loss.SoftmaxCrossEntropy;
import org.addernet.engine.nn.AdderLayer;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.optim.Sgd;
import org.addernet.engine.tensor.Tensor;

/**
 * Trains a network on a data set, one SGD step at a time, deterministically for a seed.
 *
 * <p>Each step: set p from the p schedule on every adder layer, draw a batch, forward, loss,
 * backward (adder layers apply their gradient rules and adaptive scaling), SGD with the scheduled
 * learning rate. A step whose loss or parameters stop being finite, or whose logged loss exceeds
 * {@link #DIVERGENCE_LOSS}, ends the run as {@link RunStatus#DIVERGED}. Binary sets train with BCE
 * on one logit; sets with more classes with softmax cross-entropy.
 */
public final class Trainer {
    /** A mean logged loss above this ends the run as diverged (ln 2 is chance for BCE). */
    public static final double DIVERGENCE_LOSS = 50.0;

    private final Sequential net;
    private final TrainConfig cfg;
    private final DataSet train;
    private final DataSet test;
    private final Sgd sgd;
    private final Loss loss;
    private final int outputs;
    private final List<AdderLayer> adders;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<String> weightNames = new ArrayList<>();
    private final long seed;
    private SplittableRandom order;
    private SplittableRandom augmentRng;
    private BatchTransform transform;
    private float[] transformed;
    private boolean logFirstStep = true;
    private final int[] perm;
    private int cursor;
    private final Tensor xb;
    private final int[] sampleShape;
    private final int[] yb;
    private final float[] grad;
    private final Tensor gradTensor;
    private long step;
    private double windowLoss;
    private long windowCorrect;
    private int windowBatches;
    private StepMetrics latest;
    private RunStatus status;
    private String reason;
    private double baseLrOverride = Double.NaN;

    public Trainer(Sequential net, TrainConfig cfg, DataSet train, DataSet test, long seed) {
        this(net, cfg, train, test, seed, null);
    }

    /**
     * @param sampleShape null for dense nets (batches are feature-major [dim, B]); otherwise the
     *                    shape of one sample, e.g. {1, 28, 28}, and batches are [B, C, H, W]
     */
    public Trainer(Sequential net, TrainConfig cfg, DataSet train, DataSet test, long seed, int[] sampleShape) {
        this.sampleShape = sampleShape == null ? null : sampleShape.clone();
        if (sampleShape != null) {
            long n = 1;
            for (int d : sampleShape) {
                n *= d;
            }
            if (n != train.dim()) {
                throw new IllegalArgumentException("sample shape " + java.util.Arrays.toString(sampleShape)
                        + " holds " + n + " values, the data " + train.dim());
            }
        }
        this.net = net;
        this.cfg = cfg;
        this.train = train;
        this.test = test;
        if (train.size() < 1) {
            throw new IllegalArgumentException("the training set is empty");
        }
        this.outputs = train.numClasses() == 2 ? 1 : train.numClasses();
        int[] out = net.outputShape(batchShape(cfg.batchSize()));
        if (out.length != 2 || out[0] != outputs) {
            throw new IllegalArgumentException("the model outputs " + java.util.Arrays.toString(out)
                    + " but the data needs [" + outputs + ", " + cfg.batchSize() + "]");
        }
        this.loss = outputs == 1 ? new BceWithLogits() : new SoftmaxCrossEntropy();
        this.sgd = new Sgd(net.parameters(), cfg.momentum(), cfg.nesterov(), cfg.weightDecay());
        net.setInputGradientWanted(false);       // nothing uses the gradient wrt the data
        this.adders = net.adderLayers();
        int k = 0;
        for (Parameter p : net.parameters()) {
            if (p.isWeight()) {
                weights.add(p);
                weightNames.add("layer" + (++k));
            }
        }
        this.seed = seed;
        this.order = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        this.augmentRng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 29);
        this.perm = new int[train.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        shuffle();
        this.xb = new Tensor(batchShape(cfg.batchSize()));
        this.yb = new int[cfg.batchSize()];
        this.grad = new float[cfg.batchSize() * outputs];
        this.gradTensor = Tensor.wrap(grad, outputs, cfg.batchSize());
    }

    /** The input tensor's shape for a batch of {@code b}: [dim, b] or [b, C, H, W]. */
    private int[] batchShape(int b) {
        if (sampleShape == null) {
            return new int[] {train.dim(), b};
        }
        int[] s = new int[sampleShape.length + 1];
        s[0] = b;
        System.arraycopy(sampleShape, 0, s, 1, sampleShape.length);
        return s;
    }

    private void shuffle() {
        for (int i = perm.length - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        cursor = 0;
    }

    /**
     * Starts epoch {@code epoch} (0-based) of an epoch-structured run: the batch order becomes a
     * permutation drawn from (seed, epoch) alone, and so do the augmentation draws, so that a run
     * resumed from a checkpoint at an epoch boundary sees exactly the batches an uninterrupted run
     * sees. The caller takes at most {@code size / batchSize} steps per epoch (the last, partial
     * batch is dropped).
     */
    public void beginEpoch(long epoch) {
        long mixed = mix(seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + 101);
        this.order = new SplittableRandom(mixed);
        this.augmentRng = new SplittableRandom(mix(mixed + 0x94D049BB133111EBL));
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        shuffle();
    }

    /** Steps in one epoch when the last, partial batch is dropped: at least 1. */
    public static long stepsPerEpoch(int trainSize, int batchSize) {
        return Math.max(1, trainSize / batchSize);
    }

    private static long mix(long z) {              // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Applies {@code t} to every training batch (data augmentation, e.g. random crops and flips);
     * its random draws come from a generator seeded per epoch (see {@link #beginEpoch}). Null = none.
     */
    public void setBatchTransform(BatchTransform t) {
        if (t != null && sampleShape == null) {
            throw new IllegalStateException("batch transforms need image batches [B, C, H, W]");
        }
        this.transform = t;
        this.transformed = t == null ? null : new float[xb.data.length];
    }

    /** Whether step 1 is logged (the default, for the toy curves); epoch runs log at epoch ends only. */
    public void setLogFirstStep(boolean log) {
        this.logFirstStep = log;
    }

    private void nextBatch() {
        int filled = 0;
        int b = cfg.batchSize();
        int dim = train.dim();
        while (filled < b) {
            if (cursor == perm.length) {
                shuffle();
            }
            int take = Math.min(b - filled, perm.length - cursor);
            for (int t = 0; t < take; t++) {
                int i = perm[cursor + t];
                if (sampleShape == null) {
                    for (int j = 0; j < dim; j++) {
                        xb.data[j * b + filled + t] = train.feature(i, j);   // feature-major [dim, B]
                    }
                } else {
                    train.copySample(i, xb.data, (filled + t) * dim);   // [B, C, H, W]
                }
                yb[filled + t] = train.label(i);
            }
            filled += take;
            cursor += take;
        }
        if (transform != null) {
            transform.apply(xb.data, b, transformed, augmentRng);
            System.arraycopy(transformed, 0, xb.data, 0, transformed.length);
        }
    }

    /** The learning rate at the current step. */
    public double currentLr() {
        double lr = cfg.schedule().lr(step, cfg.iterations());
        return Double.isNaN(baseLrOverride) ? lr : lr * baseLrOverride / cfg.schedule().baseLr();
    }

    /** Changes the base learning rate from now on (the schedule's shape is kept). */
    public void setBaseLr(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        }
        baseLrOverride = lr;
    }

    public double currentP() {
        return cfg.pSchedule().p(step, cfg.iterations());
    }

    /**
     * Runs one training step. Returns false, doing nothing, once the run has ended (all steps done
     * or diverged). Notifies {@code listener} (may be null) when the step is a logged one.
     */
    public boolean step(TrainListener listener) {
        if (isFinished()) {
            return false;
        }
        double p = currentP();
        for (AdderLayer a : adders) {
            a.setP(p);
        }
        double lr = currentLr();
        nextBatch();
        net.zeroGrad();
        Tensor logits = net.forward(xb, true);
        int b = cfg.batchSize();
        double l = loss.forwardBackward(logits.data, yb, grad, b, outputs);
        windowCorrect += loss.correct(logits.data, yb, b, outputs);
        net.backward(gradTensor);
        sgd.step(lr);
        step++;
        windowLoss += l;
        windowBatches++;
        if (!Double.isFinite(l)) {
            diverge("loss became " + l);
            return false;
        }
        if ((step == 1 && logFirstStep) || step % cfg.logEvery() == 0 || step == cfg.iterations()) {
            log(lr, p, listener);
        }
        return !isFinished();
    }

    private void log(double lr, double p, TrainListener listener) {
        double meanLoss = windowLoss / windowBatches;
        double acc = windowCorrect / (double) (windowBatches * cfg.batchSize());
        double[] norms = gradientNorms();
        double testAcc = test == null || test.size() == 0 ? Double.NaN : accuracy(test);
        latest = new StepMetrics(step, meanLoss, acc, testAcc, lr, p, weightNames, norms);
        windowLoss = 0;
        windowCorrect = 0;
        windowBatches = 0;
        if (listener != null) {
            listener.onStep(latest);
        }
        if (meanLoss > DIVERGENCE_LOSS) {
            diverge("loss " + String.format(java.util.Locale.ROOT, "%.4g", meanLoss) + " exceeds " + DIVERGENCE_LOSS);
        } else if (!parametersFinite()) {
            diverge("a parameter is no longer finite");
        }
    }

    private boolean parametersFinite() {
        for (Parameter prm : net.parameters()) {
            for (float v : prm.value) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void diverge(String why) {
        status = RunStatus.DIVERGED;
        reason = "diverged at iteration " + step + ": " + why;
    }

    /** Trains to the end unless {@code cancelled} turns true; checked between steps. */
    public RunOutcome run(TrainListener listener, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        while (!isFinished()) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                status = RunStatus.CANCELLED;
                reason = "cancelled at iteration " + step;
                break;
            }
            step(listener);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return outcome(seconds);
    }

    /** The outcome so far: full-set accuracies in evaluation mode unless the run diverged. */
    public RunOutcome outcome(double seconds) {
        RunStatus s = status != null ? status : step >= cfg.iterations() ? RunStatus.COMPLETED : RunStatus.CANCELLED;
        boolean ok = s != RunStatus.DIVERGED;
        double trainAcc = ok ? accuracy(train) : Double.NaN;
        double testAcc = ok && test != null && test.size() > 0 ? accuracy(test) : Double.NaN;
        double finalLoss = latest == null ? Double.NaN : latest.loss();
        return new RunOutcome(s, step, finalLoss, trainAcc, testAcc, seconds, reason);
    }

    /**
     * Everything a checkpoint needs to continue this run exactly: the step, every parameter, the
     * optimiser's velocities and the layers' buffers (batch-norm running statistics), as copies.
     * The batch order and augmentation are functions of (seed, epoch), so a run restored at an epoch
     * boundary and continued with {@link #beginEpoch} repeats an uninterrupted run bit for bit.
     */
    public TrainerState state() {
        List<Parameter> ps = net.parameters();
        float[][] values = new float[ps.size()][];
        for (int k = 0; k < values.length; k++) {
            values[k] = ps.get(k).value.clone();
        }
        float[][] vel = new float[ps.size()][];
        for (int k = 0; k < vel.length; k++) {
            vel[k] = sgd.velocity()[k].clone();
        }
        List<float[]> bs = net.buffers();
        float[][] buf = new float[bs.size()][];
        for (int k = 0; k < buf.length; k++) {
            buf[k] = bs.get(k).clone();
        }
        return new TrainerState(step, values, vel, sgd.started(), buf);
    }

    /** Restores a {@link #state()} taken from a trainer of the same network; checks every size. */
    public void restore(TrainerState s) {
        List<Parameter> ps = net.parameters();
        List<float[]> bs = net.buffers();
        if (s.parameters().length != ps.size() || s.velocities().length != ps.size() || s.buffers().length != bs.size()) {
            throw new IllegalArgumentException("the checkpoint holds " + s.parameters().length + " parameters and "
                    + s.buffers().length + " buffers, the model " + ps.size() + " and " + bs.size());
        }
        for (int k = 0; k < ps.size(); k++) {
            copy(s.parameters()[k], ps.get(k).value, "parameter " + k + " (" + ps.get(k).name() + ")");
            copy(s.velocities()[k], sgd.velocity()[k], "velocity " + k);
        }
        for (int k = 0; k < bs.size(); k++) {
            copy(s.buffers()[k], bs.get(k), "buffer " + k);
        }
        sgd.setStarted(s.sgdStarted());
        step = s.step();
        status = null;
        reason = null;
        windowLoss = 0;
        windowCorrect = 0;
        windowBatches = 0;
    }

    private static void copy(float[] from, float[] to, String what) {
        if (from.length != to.length) {
            throw new IllegalArgumentException(what + " holds " + from.length + " values in the checkpoint, "
                    + to.length + " in the model");
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }

    /** Whether the run ended because it diverged (see {@link #outcome} for the reason). */
    public boolean diverged() {
        return status == RunStatus.DIVERGED;
    }

    public boolean isFinished() {
        return status != null || step >= cfg.iterations();
    }

    public long iteration() {
        return step;
    }

    public StepMetrics latest() {
        return latest;
    }

    public Sequential network() {
        return net;
    }

    /**
     * The L2 norm of each weight layer's gradient from the last step, before adaptive scaling
     * (what the paper's Table 1 reports), in {@link #layerNames()} order.
     */
    public double[] gradientNorms() {
        double[] n = new double[weights.size()];
        for (int k = 0; k < n.length; k++) {
            n[k] = weights.get(k).gradNorm();
        }
        return n;
    }

    /** Names of the reported layers, in order ({@code layer1} is the first weight layer). */
    public List<String> layerNames() {
        return List.copyOf(weightNames);
    }

    /** Accuracy on {@code data} in evaluation mode (batch norm with running statistics). */
    public double accuracy(DataSet data) {
        return evaluate(data).accuracy();
    }

    /**
     * Accuracy, mean loss and every sample's predicted class (class 1 when P(class 1) >= 0.5 for
     * binary nets) over {@code data} in evaluation mode: what a test-set confusion matrix needs.
     */
    public Evaluation evaluate(DataSet data) {
        int n = data.size();
        int dim = data.dim();
        int chunk = sampleShape == null ? 1024 : 256;
        int[] predicted = new int[n];
        int correct = 0;
        double lossSum = 0;
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            float[] x = new float[m * dim];
            int[] y = new int[m];
            for (int k = 0; k < m; k++) {
                if (sampleShape == null) {
                    for (int j = 0; j < dim; j++) {
                        x[j * m + k] = data.feature(from + k, j);
                    }
                } else {
                    data.copySample(from + k, x, k * dim);
                }
                y[k] = data.label(from + k);
            }
            Tensor out = net.forward(Tensor.wrap(x, batchShape(m)), false);
            lossSum += loss.forwardBackward(out.data, y, new float[out.data.length], m, outputs) * m;
            correct += loss.correct(out.data, y, m, outputs);
            for (int k = 0; k < m; k++) {       // logits are feature-major: [classes, batch]
                int best;
                if (outputs == 1) {
                    best = out.data[k] > 0 ? 1 : 0;     // as the loss counts it
                } else {
                    best = 0;
                    for (int c = 1; c < outputs; c++) {
                        if (out.data[k + c * m] > out.data[k + best * m]) {
                            best = c;
                        }
                    }
                }
                predicted[from + k] = best;
            }
        }
        return new Evaluation(n == 0 ? Double.NaN : correct / (double) n, n == 0 ? Double.NaN : lossSum / n, predicted);
    }

    /** What {@link #evaluate} finds: accuracy, mean loss, and each sample's predicted class. */
    public record Evaluation(double accuracy, double loss, int[] predicted) {
    }

    /**
     * The model's P(class 1) on an R x R lattice of {@code [-extent, extent]^2} (2-D binary sets
     * only), in evaluation mode.
     */
    public DecisionGrid decisionGrid(int resolution, double extent) {
        if (train.dim() != 2 || outputs != 1) {
            throw new IllegalStateException("decision grids need a 2-D binary data set");
        }
        float[] prob = new float[resolution * resolution];
        float[] x = new float[resolution * 2];
        double cell = 2 * extent / resolution;
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                x[i] = (float) (-extent + (i + 0.5) * cell);                  // feature-major [2, R]
                x[resolution + i] = (float) (-extent + (j + 0.5) * cell);
            }
            Tensor out = net.forward(Tensor.wrap(x, 2, resolution), false);
            for (int i = 0; i < resolution; i++) {
                prob[j * resolution + i] = (float) BceWithLogits.sigmoid(out.data[i]);
            }
        }
        return new DecisionGrid(resolution, -extent, extent, -extent, extent, prob);
    }

    /**
     * Each first-hidden-layer unit's response (after its activation) on an R x R lattice of
     * {@code [-extent, extent]^2}, evaluation mode: [units][R * R], row-major with row 0 at -extent.
     * Empty when the network has no activation layer.
     */
    public float[][] hiddenResponses(int resolution, double extent) {
        var layers = net.layers();
        int upTo = -1;
        for (int k = 0; k < layers.size(); k++) {
            if (layers.get(k) instanceof org.addernet.engine.nn.Activation) {
                upTo = k;
                break;
            }
        }
        if (upTo < 0 || train.dim() != 2) {
            return new float[0][];
        }
        float[][] fields = null;
        float[] x = new float[resolution * 2];
        double cell = 2 * extent / resolution;
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                x[i] = (float) (-extent + (i + 0.5) * cell);
                x[resolution + i] = (float) (-extent + (j + 0.5) * cell);
            }
            Tensor t = Tensor.wrap(x, 2, resolution);
            for (int k = 0; k <= upTo; k++) {
                t = layers.get(k).forward(t, false);
            }
            int units = t.dim(0);
            if (fields == null) {
                fields = new float[units][resolution * resolution];
            }
            for (int u = 0; u < units; u++) {
                System.arraycopy(t.data, u * resolution, fields[u], j * resolution, resolution);
            }
        }
        return fields;
    }

    /** The first layer's centres W_i ([units][inputs]) when it is an adder layer, else null. */
    public float[][] adderCentres() {
        if (!(net.layers().get(0) instanceof org.addernet.engine.nn.AdderDense a)) {
            return null;
        }
        float[] w = a.weight().value;
        int in = train.dim();
        float[][] c = new float[w.length / in][in];
        for (int u = 0; u < c.length; u++) {
            System.arraycopy(w, u * in, c[u], 0, in);
        }
        return c;
    }

    /** Copies of every parameter, keyed {@code <layer index>.<name>} in network order. */
    public Map<String, float[]> weights() {
        Map<String, float[]> out = new LinkedHashMap<>();
        var layers = net.layers();
        for (int k = 0; k < layers.size(); k++) {
            for (Parameter p : layers.get(k).parameters()) {
                out.put(k + "." + layers.get(k).describe() + "." + p.name(), p.value.clone());
            }
        }
        return out;
    }
}
