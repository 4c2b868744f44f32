package org.addernet.engine.nn;

/**
 * The AdderNet training rules, each a switch because the paper ablates it (Table 4).
 *
 * <ul>
 *   <li>{@link FilterGradient}: the gradient of {@code Y = -sum |X - F|^p} wrt the filter F.
 *   {@code FULL_PRECISION} is the paper's surrogate {@code X - F} (eq. 23); {@code SIGN} is
 *   {@code sgn(X - F)} (eq. 22, the exact gradient at p = 1); {@code EXACT} is the true gradient
 *   {@code p sgn(X - F) |X - F|^(p-1)}.</li>
 *   <li>{@link InputGradient}: the gradient wrt the input X. {@code HARDTANH} is the surrogate
 *   {@code HT(F - X)} of the CVPR-2020 AdderNet; {@code EQ27} is {@code sgn(F - X)|F - X|^(p-1)}
 *   (eq. 27); {@code AUTO} uses HardTanh at p = 1 and eq. 27 for p &gt; 1; {@code EXACT} is the true
 *   gradient {@code p sgn(F - X)|F - X|^(p-1)}.</li>
 *   <li>{@code eta}: adaptive learning-rate scaling (eq. 33): the filter gradient of each adder
 *   layer is rescaled to {@code eta * sqrt(k) * g / ||g||_2} inside backward, before momentum and
 *   weight decay act (as the official code does); {@code eta = 0} switches it off.</li>
 * </ul>
 */
public record AdderRules(FilterGradient filterGradient, InputGradient inputGradient, double eta) {

    public enum FilterGradient {
        FULL_PRECISION("full-precision"), SIGN("sign"), EXACT("exact");

        private final String id;

        FilterGradient(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static FilterGradient fromId(String id) {
            for (FilterGradient f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown filter gradient '" + id
                    + "', expected one of full-precision, sign, exact");
        }
    }

    public enum InputGradient {
        HARDTANH("hardtanh"), EQ27("eq27"), AUTO("auto"), EXACT("exact");

        private final String id;

        InputGradient(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static InputGradient fromId(String id) {
            for (InputGradient f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown input gradient '" + id
                    + "', expected one of hardtanh, eq27, auto, exact");
        }
    }

    public AdderRules {
        if (filterGradient == null || inputGradient == null) {
            throw new IllegalArgumentException("filter and input gradient rules must be set");
        }
        if (!(eta >= 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta must be >= 0 (0 switches adaptive scaling off), got " + eta);
        }
    }

    /** The paper's method: full-precision filter gradient, HardTanh/eq. 27 input gradient, eta 0.2. */
    public static AdderRules paper() {
        return new AdderRules(FilterGradient.FULL_PRECISION, InputGradient.AUTO, 0.2);
    }

    /** The true gradients everywhere and no rescaling: what finite differences check. */
    public static AdderRules exact() {
        return new AdderRules(FilterGradient.EXACT, InputGradient.EXACT, 0);
    }

    @Override
    public String toString() {
        return "AdderRules{filter=" + filterGradient.id() + ", input=" + inputGradient.id() + ", eta=" + eta + "}";
    }
}
