package org.addernet.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *
 * <p>This class is the step loop; its parts live beside it: {@link BatchSampler} draws the
 * batches (the order a function of seed and epoch), {@link TrainerState} is what a checkpoint
 * saves and restores, {@link Probes} looks at the network in evaluation mode (accuracy, the
 * decision grid, hidden responses, weights) for the runners and the window.
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
    private final BatchSampler batches;
    private final Probes probes;
    private boolean logFirstStep = true;
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
        int[] out = net.outputShape(BatchSampler.shape(sampleShape, train.dim(), cfg.batchSize()));
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
        this.batches = new BatchSampler(train, cfg.batchSize(), sampleShape, seed);
        this.probes = new Probes(net, loss, outputs, sampleShape == null ? null : sampleShape.clone(), train.dim());
        this.grad = new float[cfg.batchSize() * outputs];
        this.gradTensor = Tensor.wrap(grad, outputs, cfg.batchSize());
    }

    /**
     * Starts epoch {@code epoch} (0-based) of an epoch-structured run: the batch order becomes a
     * permutation drawn from (seed, epoch) alone, and so do the augmentation draws, so that a run
     * resumed from a checkpoint at an epoch boundary sees exactly the batches an uninterrupted run
     * sees. The caller takes at most {@code size / batchSize} steps per epoch (the last, partial
     * batch is dropped).
     */
    public void beginEpoch(long epoch) {
        batches.beginEpoch(epoch);
    }

    /** Steps in one epoch when the last, partial batch is dropped: at least 1. */
    public static long stepsPerEpoch(int trainSize, int batchSize) {
        return BatchSampler.stepsPerEpoch(trainSize, batchSize);
    }

    /**
     * Applies {@code t} to every training batch (data augmentation, e.g. random crops and flips);
     * its random draws come from a generator seeded per epoch (see {@link #beginEpoch}). Null = none.
     */
    public void setBatchTransform(BatchTransform t) {
        batches.setTransform(t);
    }

    /** Whether step 1 is logged (the default, for the toy curves); epoch runs log at epoch ends only. */
    public void setLogFirstStep(boolean log) {
        this.logFirstStep = log;
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
        batches.next();
        net.zeroGrad();
        Tensor logits = net.forward(batches.x(), true);
        int b = cfg.batchSize();
        double l = loss.forwardBackward(logits.data, batches.y(), grad, b, outputs);
        windowCorrect += loss.correct(logits.data, batches.y(), b, outputs);
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
        return TrainerState.capture(step, net, sgd);
    }

    /** Restores a {@link #state()} taken from a trainer of the same network; checks every size. */
    public void restore(TrainerState s) {
        s.restoreInto(net, sgd);
        step = s.step();
        status = null;
        reason = null;
        windowLoss = 0;
        windowCorrect = 0;
        windowBatches = 0;
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
        return probes.evaluate(data);
    }

    /** What {@link #evaluate} finds: accuracy, mean loss, and each sample's predicted class. */
    public record Evaluation(double accuracy, double loss, int[] predicted) {
    }

    /**
     * The model's P(class 1) on an R x R lattice of {@code [-extent, extent]^2} (2-D binary sets
     * only), in evaluation mode.
     */
    public DecisionGrid decisionGrid(int resolution, double extent) {
        return probes.decisionGrid(resolution, extent);
    }

    /**
     * Each first-hidden-layer unit's response (after its activation) on an R x R lattice of
     * {@code [-extent, extent]^2}, evaluation mode: [units][R * R], row-major with row 0 at -extent.
     * Empty when the network has no activation layer.
     */
    public float[][] hiddenResponses(int resolution, double extent) {
        return probes.hiddenResponses(resolution, extent);
    }

    /** The first layer's centres W_i ([units][inputs]) when it is an adder layer, else null. */
    public float[][] adderCentres() {
        return probes.adderCentres();
    }

    /** Copies of every parameter, keyed {@code <layer index>.<name>} in network order. */
    public Map<String, float[]> weights() {
        return probes.weights();
    }
}
