package org.addernet.datasets.toy;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The two-dimensional toy sets, each named by a kebab-case id (used in presets and on the
 * command line) and carrying the default spread {@code s} that puts it on the common scale
 * (coordinates within about +-40). What {@code s} means for each set is said in
 * {@link #description()} and in {@link ToySets}.
 */
public enum ToySet {
    /** Eq. 34: (x, y) ~ N(0, s^2 I); 1 if r &lt; 10, 0 if r &gt; 15, the margin dropped. */
    UNIT_BALL("unit-ball", 10, "paper eq. 34: N(0, s^2 I), 1 inside r < 10, 0 outside r > 15"),
    /** Eq. 35: (x, y) ~ N(0, s^2 I); 1 within distance 10 of (10, 10) or (-10, -10). */
    MULTI_BALL("multi-ball", 15, "paper eq. 35: N(0, s^2 I), 1 within 10 of (10,10) or (-10,-10)"),
    /** Eq. 36: (x, y) ~ N(0, s^2 I); 1 if x*y &gt;= 0 (first and third quadrants). */
    XOR("xor", 10, "paper eq. 36: N(0, s^2 I), 1 where x*y >= 0"),
    /** Two interleaved half circles of radius s with Gaussian noise 0.1 s. */
    MOONS("moons", 15, "two interleaved half moons of radius s"),
    /** Two interleaved spiral arms, 1.5 turns out to radius 3 s, noise 0.1 s. */
    SPIRAL("spiral", 10, "two interleaved spiral arms out to radius 3s"),
    /** Inner ring of radius s (class 1) inside an outer ring of radius 2 s (class 0). */
    RINGS("rings", 15, "inner ring of radius s (1) inside an outer ring of radius 2s (0)"),
    /** Uniform on [-2s, 2s]^2, squares of side s labelled by parity. */
    CHECKERBOARD("checkerboard", 10, "uniform on [-2s, 2s]^2, squares of side s by parity"),
    /** Six Gaussian blobs (std 0.4 s) on a circle of radius 2 s, labels alternating. */
    BLOBS("blobs", 10, "six Gaussian blobs on a circle of radius 2s, labels alternating");

    private final String id;
    private final double defaultSpread;
    private final String description;

    ToySet(String id, double defaultSpread, String description) {
        this.id = id;
        this.defaultSpread = defaultSpread;
        this.description = description;
    }

    /** The kebab-case id, e.g. {@code "unit-ball"}. */
    public String id() {
        return id;
    }

    /** The spread {@code s} that puts this set on the common scale (unit-ball 10, multi-ball 15). */
    public double defaultSpread() {
        return defaultSpread;
    }

    /** One line saying how the points and labels are made. */
    public String description() {
        return description;
    }

    /**
     * The set with the given id (ignoring case and surrounding blanks).
     *
     * @throws IllegalArgumentException naming the valid ids when none matches
     */
    public static ToySet fromId(String id) {
        String key = id == null ? "" : id.trim();
        for (ToySet set : values()) {
            if (set.id.equalsIgnoreCase(key)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown toy set '" + id + "'; expected one of "
                + Arrays.stream(values()).map(ToySet::id).collect(Collectors.joining(", ")));
    }
}
