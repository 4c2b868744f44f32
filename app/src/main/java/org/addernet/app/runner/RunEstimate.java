package org.addernet.app.runner;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.optim.PSchedule;
import org.addernet.engine.train.TrainConfig;
import org.addernet.engine.train.Trainer;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.PlanBudget;
import org.addernet.presets.Preset;

/**
 * What an epoch run of an image preset will cost before it starts: the parameter count, a memory
 * estimate and the time per epoch from a quick measurement (a few training steps on random images
 * of the preset's batch size), so that the window can refuse, with the reason, a run that would
 * not fit in the heap.
 *
 * <p>The memory estimate adds the images (train + test as float32), four copies of the parameters
 * (values, gradients, momentum, the checkpoint's copy) and, per image of a batch, three floats for
 * every value a layer outputs (the output, its gradient, and what backward keeps: masks, patch
 * rows); a measured ResNet-20 AdderNet at batch 128 holds 1.01 GB live against 0.87 GB estimated
 * for its activations and parameters (see the README's speed section).
 */
public final class RunEstimate {
    /** Bytes per activation value kept during a step: output, gradient, backward's own. */
    static final int ACTIVATION_COPIES = 3;

    /**
     * @param parameters      trainable values of the model
     * @param dataBytes       the training and test images as float32
     * @param modelBytes      parameters, gradients, momentum and a checkpoint copy
     * @param activationBytes activations, their gradients and backward's buffers for one batch
     * @param heapBytes       the heap this JVM may use ({@code -Xmx})
     * @param secondsPerStep  measured, NaN when not measured
     * @param stepsPerEpoch   floor(train size / batch)
     * @param testImages      images evaluated after each epoch
     */
    public record Estimate(String model, long parameters, long dataBytes, long modelBytes, long activationBytes,
                           long heapBytes, double secondsPerStep, long stepsPerEpoch, int batch, int testImages) {
        public long totalBytes() {
            return dataBytes + modelBytes + activationBytes;
        }

        /** Whether the run fits, leaving a quarter of the heap for the window and the collector. */
        public boolean fits() {
            return totalBytes() <= heapBytes * 3 / 4;
        }

        /** Training plus test-set evaluation (a forward pass, about a third of a step per image). */
        public double secondsPerEpoch() {
            return secondsPerStep * (stepsPerEpoch + testImages / (3.0 * batch));
        }

        /** One line for the window: parameters, memory against the heap, time per epoch. */
        public String describe() {
            String time = Double.isNaN(secondsPerStep) ? "" : String.format(Locale.ROOT,
                    "; about %s per epoch (%.3f s per step of %d, measured)", Progress.clock(secondsPerEpoch()),
                    secondsPerStep, batch);
            return String.format(Locale.ROOT, "%s: %,d parameters; memory about %s (images %s, model %s, one batch's "
                    + "activations %s) of a %s heap%s", model, parameters, gb(totalBytes()), gb(dataBytes), gb(modelBytes),
                    gb(activationBytes), gb(heapBytes), time);
        }

        /** Why the run is refused, or null when it fits. */
        public String refusal() {
            if (fits()) {
                return null;
            }
            return String.format(Locale.ROOT, "%s would need about %s, more than three quarters of the %s heap: lower "
                    + "training.batchSize or data.trainLimit, or start the workbench with a bigger heap "
                    + "(WORKBENCH_JAVA_OPTS=-Xmx%dg ./workbench)", model, gb(totalBytes()), gb(heapBytes),
                    (long) Math.ceil(totalBytes() * 4.0 / 3 / (1L << 30)) + 1);
        }
    }

    private RunEstimate() {
    }

    /**
     * The estimate for {@code model} under preset {@code p} with {@code trainImages} and
     * {@code testImages} of {@code sampleShape}; {@code measureSteps} timed steps (after one
     * warm-up) on random images, 0 for none.
     */
    public static Estimate of(Preset p, String model, int classes, int[] sampleShape, int trainImages, int testImages,
                              int measureSteps) {
        int batch = p.training().batchSize();
        Sequential net = ExperimentPlan.imageModel(p, model, classes, 1);
        long params = 0;
        for (Parameter q : net.parameters()) {
            params += q.size();
        }
        int dim = 1;
        for (int d : sampleShape) {
            dim *= d;
        }
        long data = 4L * dim * ((long) trainImages + testImages);
        int[] in = new int[sampleShape.length + 1];
        in[0] = batch;
        System.arraycopy(sampleShape, 0, in, 1, sampleShape.length);
        long activations = 4L * ACTIVATION_COPIES * activationValues(net.layers(), in);
        Estimate e = new Estimate(model, params, data, 16L * params, activations, Runtime.getRuntime().maxMemory(),
                Double.NaN, Trainer.stepsPerEpoch(trainImages, batch), batch, testImages);
        if (measureSteps < 1 || !e.fits()) {         // a run that does not fit is not tried, not even for a step
            return e;
        }
        double perStep = measure(net, p, batch, dim, classes, sampleShape, measureSteps);
        return new Estimate(model, params, data, e.modelBytes(), activations, e.heapBytes(), perStep, e.stepsPerEpoch(),
                batch, testImages);
    }

    /** Values output by every leaf layer for one batch of shape {@code in} (the planner's count, {@link PlanBudget}). */
    static long activationValues(List<Layer> layers, int[] in) {
        return PlanBudget.activationValues(layers, in);
    }

    /** Seconds per training step: one warm-up step, then the median of {@code steps}. */
    private static double measure(Sequential net, Preset p, int batch, int dim, int classes, int[] shape, int steps) {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 2 * batch;
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
        }
        TrainConfig base = ExperimentPlan.trainConfig(p, 1L << 40, Integer.MAX_VALUE);
        TrainConfig cfg = new TrainConfig(base.iterations(), batch, base.schedule(), base.momentum(), base.nesterov(),
                base.weightDecay(), PSchedule.fixed(base.pSchedule().end()), Integer.MAX_VALUE);
        Trainer t = new Trainer(net, cfg, DataSet.adopt(x, y, dim, classes), null, 1, shape);
        t.setLogFirstStep(false);
        t.step(null);
        double[] times = new double[steps];
        for (int k = 0; k < steps; k++) {
            long t0 = System.nanoTime();
            t.step(null);
            times[k] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(times);
        return times[steps / 2];
    }

    static String gb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.2f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
}
