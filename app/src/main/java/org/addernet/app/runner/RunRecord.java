package org.addernet.app.runner;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of {@code summary.json}'s {@code runs}: DESIGN.md's fields (always present; accuracies
 * and loss are null when there are none, e.g. for a diverged run) plus depth, data seed and, for a
 * run that did not complete, the reason.
 */
public record RunRecord(String id, String model, Integer hidden, int depth, long seed, long dataSeed, String status,
                        Double trainAccuracy, Double testAccuracy, Double finalLoss, long iterations, double seconds,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
}
