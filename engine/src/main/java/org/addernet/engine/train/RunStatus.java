package org.addernet.engine.train;

/** How a run ended, with the ids {@code summary.json} uses. */
public enum RunStatus {
    COMPLETED, DIVERGED, CANCELLED, FAILED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
