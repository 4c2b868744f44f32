package org.addernet.app.runner;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.addernet.engine.train.RunStatus;

/**
 * One entry of {@code summary.json}'s {@code runs}: DESIGN.md's fields (always present; accuracies
 * and loss are null when there are none, e.g. for a diverged run) plus depth, data seed and, for a
 * run that did not complete, the reason. Epoch runs (image sets) add the epochs asked for and done,
 * the best test accuracy of any epoch and the mean training throughput.
 */
public record RunRecord(String id, String model, Integer hidden, int depth, long seed, long dataSeed, RunStatus status,
                        Double trainAccuracy, Double testAccuracy, Double finalLoss, long iterations, double seconds,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer epochs,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer epochsDone,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double bestTestAccuracy,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double imagesPerSecond) {
    /** A toy run's record (no epochs). */
    public RunRecord(String id, String model, Integer hidden, int depth, long seed, long dataSeed, RunStatus status,
                     Double trainAccuracy, Double testAccuracy, Double finalLoss, long iterations, double seconds,
                     String reason) {
        this(id, model, hidden, depth, seed, dataSeed, status, trainAccuracy, testAccuracy, finalLoss, iterations, seconds,
                reason, null, null, null, null);
    }
}
