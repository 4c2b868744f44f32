package org.addernet.app.bench;

/**
 * How long the image-scale measurements of {@code ./workbench bench} may take. Each timed case
 * runs untimed warm-up calls (at least a number of them, and more until some seconds have passed,
 * so that the JIT has compiled the kernels: LeNet-5-BN AdderNet steps took about 3.5 s to settle on a
 * busy 2-core machine),
 * then timed ones until it has at least the minimum number of repetitions and has spent at least
 * the given seconds (capped at {@link #MAX_REPS}); the figure reported is the median repetition.
 *
 * @param convWarmups       least untimed calls before a conv layer is timed
 * @param convWarmupSeconds least untimed seconds before a conv layer is timed
 * @param convMinReps       least timed calls per conv measurement
 * @param convSeconds       time budget per conv measurement (forward, or forward + backward)
 * @param stepWarmups       least untimed training steps before a training step is timed
 * @param stepWarmupSeconds least untimed seconds of training steps before one is timed
 * @param stepMinSteps      least timed training steps
 * @param stepSeconds       time budget per training-step case
 * @param memorySteps       training steps watched for the peak heap of ResNet-20 at batch 128
 * @param memoryBatch       the batch of that measurement (128; smaller only in tests)
 * @param profileWarmups    untimed training steps before a step profile (whose steps are then timed
 *                          with the profile's repetitions and seconds)
 * @param profileMinReps    least timed calls per layer in a step profile
 * @param profileSeconds    time budget per layer and direction in a step profile
 */
public record BenchBudget(int convWarmups, double convWarmupSeconds, int convMinReps, double convSeconds,
                          int stepWarmups, double stepWarmupSeconds, int stepMinSteps, double stepSeconds,
                          int memorySteps, int memoryBatch, int profileWarmups, int profileMinReps, double profileSeconds) {
    /** No case runs more timed repetitions than this, however fast it is. */
    public static final int MAX_REPS = 1000;

    /** Set by tests in this package to run the whole command with an even smaller budget; null otherwise. */
    static volatile BenchBudget override;

    public BenchBudget {
        if (convWarmups < 0 || convMinReps < 1 || stepWarmups < 0 || stepMinSteps < 1 || memorySteps < 1
                || memoryBatch < 2 || profileWarmups < 0 || profileMinReps < 1
                || !(convWarmupSeconds >= 0) || !(convSeconds >= 0) || !(stepWarmupSeconds >= 0)
                || !(stepSeconds >= 0) || !(profileSeconds >= 0)) {
            throw new IllegalArgumentException("impossible bench budget " + this);
        }
    }

    /** The full run: medians of many repetitions, about 10 s per training-step case. */
    public static BenchBudget full() {
        return new BenchBudget(3, 1, 7, 1.5, 2, 6, 3, 10, 3, 128, 1, 5, 0.1);
    }

    /**
     * {@code --quick}: fewer repetitions and a smaller time budget; each conv layer still warms up
     * for a second (its first calls run in the JIT's lower tiers, boxed and far slower), and a
     * training step is the median of at least five.
     */
    public static BenchBudget quick() {
        return new BenchBudget(3, 1, 5, 0.4, 1, 4, 5, 2, 1, 128, 1, 1, 0.02);
    }

    /** The smallest budget that still measures everything, the memory at batch 16 (tests). */
    static BenchBudget tiny() {
        return new BenchBudget(1, 0, 1, 0, 1, 0, 1, 0, 1, 16, 1, 1, 0);
    }

    /** The budget for a run: the test override when one is set, else {@link #quick()} or {@link #full()}. */
    public static BenchBudget of(boolean quick) {
        BenchBudget o = override;
        return o != null ? o : quick ? quick() : full();
    }
}
