package org.addernet.app.ui.session;

import java.util.concurrent.locks.Condition;

/**
 * The time a {@link TrainingSession} paces its steps and snapshots by: {@link #SYSTEM} in the
 * window; tests pass a virtual clock whose waits move its time on at once, so that "50 steps a
 * second" is a count per virtual second, the same on any machine.
 */
public interface PaceClock {
    /** Now, in nanoseconds from an arbitrary origin. */
    long nanoTime();

    /**
     * Waits up to {@code nanos} on {@code wake} (its lock held by the caller), or less when the
     * condition is signalled (a command arrived).
     */
    void await(Condition wake, long nanos) throws InterruptedException;

    /** The system's monotonic clock; waits really wait. */
    PaceClock SYSTEM = new PaceClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void await(Condition wake, long nanos) throws InterruptedException {
            wake.awaitNanos(nanos);
        }
    };
}
