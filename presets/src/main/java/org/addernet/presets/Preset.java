package org.addernet.presets;

import java.util.List;

/**
 * A merged, validated experiment preset (see {@code src/site/presets.md} for the schema). Every
 * field is present after merging onto {@code defaults.json}; nullable fields say so.
 *
 * @param name     short id, used in run-folder names
 * @param title    one line for the gallery and figure titles
 * @param description what to look at, which result it reproduces
 * @param seed     the first run seed; {@code --seeds N} uses seed, seed + 1, ...
 */
public record Preset(String name, String title, String description, String reproduces, long seed,
                     Data data, Model model, Training training, Adder adder, Runs runs, Output output) {

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
     */
    public record Data(String set, int samples, Double spread, double labelNoise, double testFraction, Long seed,
                       Boolean augment, Integer trainLimit, Integer testLimit) {
        /** A toy-set data section (the image-only fields null). */
        public Data(String set, int samples, Double spread, double labelNoise, double testFraction, Long seed) {
            this(set, samples, spread, labelNoise, testFraction, seed, null, null, null);
        }
    }

    /**
     * @param depth        weight layers (2 = Definition 2's two-layer net)
     * @param activation   relu, tanh or sigmoid
     * @param mlpBatchNorm whether the MLP gets batch norm after its hidden layers (the AdderNet always has it)
     */
    public record Model(int depth, String activation, boolean mlpBatchNorm) {
    }

    /**
     * @param schedule cosine, polynomial, step or constant
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
     */
    public record Output(int gridResolution, int panelSize) {
    }
}
