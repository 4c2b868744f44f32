package org.addernet.datasets.toy;

import java.util.Objects;

/**
 * What to generate: {@code samples} points of {@code set} at spread {@code s = spread}, each
 * label flipped with probability {@code labelNoise}, a share {@code testFraction} held out, all
 * drawn from {@code seed}. Validated on construction; the same spec always gives the same data.
 *
 * <p>For the paper's sets {@code spread} is the <em>standard deviation</em> of the Gaussian
 * the points come from (the paper's "variance 10" read as a standard deviation, see
 * {@link ToySets}).
 *
 * @param set          which toy set
 * @param samples      points kept in all, train plus test; at least 2
 * @param spread       the set's scale {@code s}; positive and finite
 * @param labelNoise   probability of flipping each label; in [0, 0.5]
 * @param testFraction share of the points held out for test; in (0, 1)
 * @param seed         seed of every random draw
 */
public record ToySpec(ToySet set, int samples, double spread, double labelNoise,
                      double testFraction, long seed) {

    /** Default share held out for test by {@link #of}. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    /** Checks every field; messages name the field, the value and what is expected. */
    public ToySpec {
        Objects.requireNonNull(set, "set must not be null; expected one of the ToySet constants");
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2 (one train and one test "
                    + "point at least), got " + samples);
        }
        if (!(spread > 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("spread must be positive and finite, got " + spread);
        }
        if (!(labelNoise >= 0 && labelNoise <= 0.5)) {
            throw new IllegalArgumentException("labelNoise must be in [0, 0.5], got " + labelNoise);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1) exclusive, got "
                    + testFraction);
        }
    }

    /** The set at its default spread, no label noise, {@value #DEFAULT_TEST_FRACTION} held out. */
    public static ToySpec of(ToySet set, int samples, long seed) {
        Objects.requireNonNull(set, "set must not be null");
        return new ToySpec(set, samples, set.defaultSpread(), 0, DEFAULT_TEST_FRACTION, seed);
    }

    /** This spec with another seed. */
    public ToySpec withSeed(long newSeed) {
        return new ToySpec(set, samples, spread, labelNoise, testFraction, newSeed);
    }

    /** This spec with another label-noise rate (points and split stay the same). */
    public ToySpec withLabelNoise(double newLabelNoise) {
        return new ToySpec(set, samples, spread, newLabelNoise, testFraction, seed);
    }
}
