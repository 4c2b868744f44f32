package org.addernet.app.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.addernet.engine.train.StepMetrics;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;

/** Realistic-looking, seeded training histories and weights for chart tests and sample figures. */
public final class Synthetic {
    static final List<String> TWO_LAYERS = List.of("layer1", "layer2");

    private Synthetic() {
    }

    /**
     * {@code steps} logged steps, every {@code every} iterations from {@code every}: loss decaying
     * from about {@code loss0} with noise, accuracies rising from 0.5 towards {@code accEnd}, test
     * accuracy measured at every {@code testEvery}-th log (NaN otherwise), gradient norms of the
     * two layers decaying geometrically from 1 and 0.3 to about 1e-4 and 1e-3.
     */
    static List<StepMetrics> history(int steps, int every, double loss0, double accEnd, int testEvery, long seed) {
        Random r = new Random(seed);
        List<StepMetrics> h = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            double t = (double) i / Math.max(1, steps - 1);
            double noise = 1 + 0.08 * r.nextGaussian();
            double loss = (loss0 * Math.exp(-5 * t) + 0.04) * noise;
            double acc = Math.min(1, 0.5 + (accEnd - 0.5) * (1 - Math.exp(-6 * t)) + 0.01 * r.nextGaussian());
            double test = i % testEvery == 0 ? Math.min(1, acc - 0.015 + 0.01 * r.nextGaussian()) : Double.NaN;
            double g1 = Math.pow(10, -4 * t) * Math.exp(0.25 * r.nextGaussian());
            double g2 = 0.3 * Math.pow(10, -2.5 * t) * Math.exp(0.25 * r.nextGaussian());
            h.add(new StepMetrics((long) (i + 1) * every, loss, acc, test, 0.1 * Math.cos(Math.PI * t / 2), 1,
                    TWO_LAYERS, new double[] {g1, g2}));
        }
        return h;
    }

    /** AdderNet-like weights: Laplace(0, 0.35) per layer (layer2 half as wide). */
    public static ModelWeights laplaceWeights(String label, int n, long seed) {
        Map<String, float[]> layers = new LinkedHashMap<>();
        layers.put("layer1", toFloats(new LaplaceDistribution(new Well19937c(seed), 0, 0.35).sample(n)));
        layers.put("layer2", toFloats(new LaplaceDistribution(new Well19937c(seed + 1), 0.05, 0.18).sample(n / 4)));
        return new ModelWeights(label, layers);
    }

    /** MLP-like weights: N(0, 0.5^2) per layer (layer2 narrower). */
    public static ModelWeights gaussianWeights(String label, int n, long seed) {
        Map<String, float[]> layers = new LinkedHashMap<>();
        layers.put("layer1", toFloats(new NormalDistribution(new Well19937c(seed), 0, 0.5).sample(n)));
        layers.put("layer2", toFloats(new NormalDistribution(new Well19937c(seed + 1), 0, 0.25).sample(n / 4)));
        return new ModelWeights(label, layers);
    }

    static float[] toFloats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    /** Two models, AdderNet and MLP, with {@code steps} logged steps each. */
    public static List<ModelCurves> twoModels(int steps, int every) {
        return List.of(new ModelCurves("AdderNet n=3", history(steps, every, 0.7, 0.99, 2, 1)),
                new ModelCurves("MLP n=3", history(steps, every, 0.75, 0.93, 2, 2)));
    }

    /** The first {@code n} steps of every model. */
    static List<ModelCurves> prefix(List<ModelCurves> models, int n) {
        List<ModelCurves> out = new ArrayList<>();
        for (ModelCurves m : models) {
            out.add(new ModelCurves(m.label(), m.history().subList(0, Math.min(n, m.history().size()))));
        }
        return out;
    }
}
