package org.addernet.engine.optim;

/**
 * The norm p of the adder layers over training (Sec. 4.2, L2-to-L1 training): p moves linearly
 * from {@code start} to {@code end} over the first {@code share} of the steps, then stays at
 * {@code end}. {@code share = 0} or {@code start == end} is a fixed p.
 */
public record PSchedule(double start, double end, double share) {
    public PSchedule {
        if (!(start >= 1 && start <= 2) || !(end >= 1 && end <= 2)) {
            throw new IllegalArgumentException("p must lie in [1, 2], got start " + start + ", end " + end);
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("p decay share must lie in [0, 1], got " + share);
        }
    }

    public static PSchedule fixed(double p) {
        return new PSchedule(p, p, 0);
    }

    /** p at step {@code t} of {@code total}. */
    public double p(long step, long total) {
        double decay = share * total;
        if (decay <= 0 || step >= decay) {
            return end;
        }
        return start + (end - start) * step / decay;
    }
}
