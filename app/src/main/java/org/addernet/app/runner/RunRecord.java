package org.addernet.app.runner;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import org.addernet.engine.train.RunStatus;

/**
 * One entry of {@code summary.json}'s {@code runs}, in four parts: which run it is
 * ({@link Run}), how it ended ({@code status}, and {@code reason} when it did not complete), its
 * numbers ({@link Result}) and, for epoch runs (image sets), the epochs ({@link EpochStats}).
 * The file holds the parts flat, in DESIGN.md's order ({@link Wire}): {@code id}, {@code model},
 * {@code hidden}, {@code depth}, {@code seed}, {@code dataSeed}, {@code status},
 * {@code trainAccuracy}, {@code testAccuracy}, {@code finalLoss}, {@code iterations},
 * {@code seconds}, then, when present, {@code reason}, {@code epochs}, {@code epochsDone},
 * {@code bestTestAccuracy}, {@code imagesPerSecond}. The flat accessors ({@link #id()},
 * {@link #testAccuracy()}, ...) read through the parts.
 *
 * @param run        which run: id, zoo model, width, depth, seeds
 * @param status     how it ended (completed, diverged, cancelled, failed)
 * @param result     accuracies and loss (null when there are none, e.g. for a diverged run), steps, seconds
 * @param reason     why it did not complete, or null
 * @param epochStats epoch runs' epochs, best test accuracy and throughput; null for toy runs
 */
public record RunRecord(Run run, RunStatus status, Result result, String reason, EpochStats epochStats) {
    /**
     * Which run.
     *
     * @param id       {@code <model>-n<hidden>-s<seed>} (toy) or {@code <model>-s<seed>} (epoch runs)
     * @param model    a zoo name
     * @param hidden   hidden units of a two-layer net; null for conv nets
     * @param depth    layers trained (toy: the preset's depth; epoch runs: weight layers)
     * @param seed     the run's seed
     * @param dataSeed the seed its toy data was drawn with (epoch runs: the run's seed)
     */
    public record Run(String id, String model, Integer hidden, int depth, long seed, long dataSeed) {
        /** The same run under another id (a sweep's {@code <variant>/<run>}). */
        public Run withId(String newId) {
            return new Run(newId, model, hidden, depth, seed, dataSeed);
        }
    }

    /**
     * The numbers at the end: full-set accuracies in evaluation mode and the last logged loss (null
     * when there are none), the steps trained and the wall time.
     */
    public record Result(Double trainAccuracy, Double testAccuracy, Double finalLoss, long iterations, double seconds) {
        /** Nothing trained. */
        public static final Result NONE = new Result(null, null, null, 0, 0);
    }

    /**
     * An epoch run's epochs: asked for and done, the best test accuracy of any epoch and the mean
     * training throughput (null when none was measured).
     */
    public record EpochStats(int epochs, int epochsDone, Double bestTestAccuracy, Double imagesPerSecond) {
    }

    /** A toy run's record (no epochs). */
    public RunRecord(Run run, RunStatus status, Result result, String reason) {
        this(run, status, result, reason, null);
    }

    /** The same record under another id (a sweep's {@code <variant>/<run>}). */
    public RunRecord withId(String id) {
        return new RunRecord(run.withId(id), status, result, reason, epochStats);
    }

    public String id() {
        return run.id();
    }

    public String model() {
        return run.model();
    }

    public Integer hidden() {
        return run.hidden();
    }

    public int depth() {
        return run.depth();
    }

    public long seed() {
        return run.seed();
    }

    public long dataSeed() {
        return run.dataSeed();
    }

    public Double trainAccuracy() {
        return result.trainAccuracy();
    }

    public Double testAccuracy() {
        return result.testAccuracy();
    }

    public Double finalLoss() {
        return result.finalLoss();
    }

    public long iterations() {
        return result.iterations();
    }

    public double seconds() {
        return result.seconds();
    }

    /** Epochs asked for; null for toy runs. */
    public Integer epochs() {
        return epochStats == null ? null : epochStats.epochs();
    }

    /** Epochs done; null for toy runs. */
    public Integer epochsDone() {
        return epochStats == null ? null : epochStats.epochsDone();
    }

    public Double bestTestAccuracy() {
        return epochStats == null ? null : epochStats.bestTestAccuracy();
    }

    public Double imagesPerSecond() {
        return epochStats == null ? null : epochStats.imagesPerSecond();
    }

    /** The record as {@code summary.json} holds it: flat, in this order. */
    @JsonValue
    Wire wire() {
        return new Wire(id(), model(), hidden(), depth(), seed(), dataSeed(), status, trainAccuracy(), testAccuracy(),
                finalLoss(), iterations(), seconds(), reason, epochs(), epochsDone(), bestTestAccuracy(),
                imagesPerSecond());
    }

    /** A record read from {@code summary.json}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RunRecord of(Wire w) {
        EpochStats e = w.epochs() == null && w.epochsDone() == null && w.bestTestAccuracy() == null
                && w.imagesPerSecond() == null ? null
                : new EpochStats(w.epochs() == null ? 0 : w.epochs(), w.epochsDone() == null ? 0 : w.epochsDone(),
                        w.bestTestAccuracy(), w.imagesPerSecond());
        return new RunRecord(new Run(w.id(), w.model(), w.hidden(), w.depth(), w.seed(), w.dataSeed()), w.status(),
                new Result(w.trainAccuracy(), w.testAccuracy(), w.finalLoss(), w.iterations(), w.seconds()), w.reason(), e);
    }

    /** The flat shape of the file (DESIGN.md's fields always, the others when present). */
    record Wire(String id, String model, Integer hidden, int depth, long seed, long dataSeed, RunStatus status,
                Double trainAccuracy, Double testAccuracy, Double finalLoss, long iterations, double seconds,
                @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                @JsonInclude(JsonInclude.Include.NON_NULL) Integer epochs,
                @JsonInclude(JsonInclude.Include.NON_NULL) Integer epochsDone,
                @JsonInclude(JsonInclude.Include.NON_NULL) Double bestTestAccuracy,
                @JsonInclude(JsonInclude.Include.NON_NULL) Double imagesPerSecond) {
    }
}
