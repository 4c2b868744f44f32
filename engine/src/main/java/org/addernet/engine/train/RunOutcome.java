package org.addernet.engine.train;

/**
 * The end of a run: its status, the steps done, the last logged loss, full-set accuracies in
 * evaluation mode (NaN when the run diverged), wall time, and a reason when it did not complete.
 */
public record RunOutcome(RunStatus status, long iterations, double finalLoss, double trainAccuracy,
                         double testAccuracy, double seconds, String reason) {
}
