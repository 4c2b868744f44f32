package org.addernet.engine.nn;

import java.util.SplittableRandom;
import org.addernet.engine.GradCheck;
import org.addernet.engine.OpCheck;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite-difference checks for every layer whose gradient is the true one. */
class GradientCheckTest {
    /** A feature-major batch [d, b]. */
    private static Tensor input(int b, int d, long seed) {
        return Tensor.wrap(OpCheck.random(b * d, 2, seed), d, b);
    }

    @Test
    void linearMatchesFiniteDifferences() {
        GradCheck.check("linear", new Linear(3, 4, true, new SplittableRandom(1)), input(5, 3, 2), 1e-2, 2e-3, 2e-3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.3, 1.75, 2.0})
    void adderWithExactRulesMatchesFiniteDifferences(double p) {
        AdderDense a = new AdderDense(3, 4, AdderRules.exact(), new SplittableRandom(3));
        a.setP(p);
        // eps well below the smallest |x - w| keeps p = 1 away from its kink
        GradCheck.check("adder p=" + p, a, input(5, 3, 4), 1e-3, 5e-3, 5e-3);
    }

    @Test
    void batchNormMatchesFiniteDifferences() {
        BatchNorm1d bn = new BatchNorm1d(3);
        bn.gamma().value[1] = 1.7f;
        bn.beta().value[2] = -0.4f;
        GradCheck.check("batchnorm", bn, input(6, 3, 5), 1e-2, 3e-3, 3e-3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh", "sigmoid"})
    void activationsMatchFiniteDifferences(String id) {
        GradCheck.check(id, new Activation(Activation.Kind.fromId(id)), input(4, 5, 6), 1e-3, 2e-3, 2e-3);
    }

    @Test
    void sequentialChainsGradients() {
        SplittableRandom r = new SplittableRandom(7);
        Sequential net = new Sequential(java.util.List.of(new AdderDense(2, 3, AdderRules.exact(), r),
                new BatchNorm1d(3), new Activation(Activation.Kind.TANH), new Linear(3, 2, true, r)));
        net.layers().get(0);
        ((AdderDense) net.layers().get(0)).setP(1.5);
        GradCheck.check("sequential", net, input(6, 2, 8), 1e-3, 5e-3, 5e-3);
    }
}
