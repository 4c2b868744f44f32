package org.addernet.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.loss.BceWithLogits;
import org.addernet.engine.loss.Loss;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;

/**
 * What a trainer's network does, looked at without training it (evaluation mode: batch norm with
 * running statistics): accuracy, loss and every prediction on a data set; for 2-D sets the
 * decision grid, the hidden units' responses and the adder centres; copies of the weights. The
 * trainer's public methods of the same names read through here.
 */
final class Probes {
    private final Sequential net;
    private final Loss loss;
    private final int outputs;
    private final int[] sampleShape;
    private final int inputDim;

    /**
     * @param outputs     logits per sample (1 for binary sets)
     * @param sampleShape null for dense nets, else one sample's shape
     * @param inputDim    values per sample
     */
    Probes(Sequential net, Loss loss, int outputs, int[] sampleShape, int inputDim) {
        this.net = net;
        this.loss = loss;
        this.outputs = outputs;
        this.sampleShape = sampleShape;
        this.inputDim = inputDim;
    }

    /**
     * Accuracy, mean loss and every sample's predicted class (class 1 when P(class 1) >= 0.5 for
     * binary nets) over {@code data} in evaluation mode: what a test-set confusion matrix needs.
     */
    Trainer.Evaluation evaluate(DataSet data) {
        int n = data.size();
        int dim = data.dim();
        int chunk = sampleShape == null ? 1024 : 256;
        int[] predicted = new int[n];
        int correct = 0;
        double lossSum = 0;
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            float[] x = new float[m * dim];
            int[] y = new int[m];
            for (int k = 0; k < m; k++) {
                if (sampleShape == null) {
                    for (int j = 0; j < dim; j++) {
                        x[j * m + k] = data.feature(from + k, j);
                    }
                } else {
                    data.copySample(from + k, x, k * dim);
                }
                y[k] = data.label(from + k);
            }
            Tensor out = net.forward(Tensor.wrap(x, BatchSampler.shape(sampleShape, dim, m)), false);
            lossSum += loss.forwardBackward(out.data, y, new float[out.data.length], m, outputs) * m;
            correct += loss.correct(out.data, y, m, outputs);
            for (int k = 0; k < m; k++) {       // logits are feature-major: [classes, batch]
                int best;
                if (outputs == 1) {
                    best = out.data[k] > 0 ? 1 : 0;     // as the loss counts it
                } else {
                    best = 0;
                    for (int c = 1; c < outputs; c++) {
                        if (out.data[k + c * m] > out.data[k + best * m]) {
                            best = c;
                        }
                    }
                }
                predicted[from + k] = best;
            }
        }
        return new Trainer.Evaluation(n == 0 ? Double.NaN : correct / (double) n, n == 0 ? Double.NaN : lossSum / n, predicted);
    }

    /**
     * The model's P(class 1) on an R x R lattice of {@code [-extent, extent]^2} (2-D binary sets
     * only), in evaluation mode.
     */
    DecisionGrid decisionGrid(int resolution, double extent) {
        if (inputDim != 2 || outputs != 1) {
            throw new IllegalStateException("decision grids need a 2-D binary data set");
        }
        float[] prob = new float[resolution * resolution];
        float[] x = new float[resolution * 2];
        double cell = 2 * extent / resolution;
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                x[i] = (float) (-extent + (i + 0.5) * cell);                  // feature-major [2, R]
                x[resolution + i] = (float) (-extent + (j + 0.5) * cell);
            }
            Tensor out = net.forward(Tensor.wrap(x, 2, resolution), false);
            for (int i = 0; i < resolution; i++) {
                prob[j * resolution + i] = (float) BceWithLogits.sigmoid(out.data[i]);
            }
        }
        return new DecisionGrid(resolution, -extent, extent, -extent, extent, prob);
    }

    /**
     * Each first-hidden-layer unit's response (after its activation) on an R x R lattice of
     * {@code [-extent, extent]^2}, evaluation mode: [units][R * R], row-major with row 0 at -extent.
     * Empty when the network has no activation layer.
     */
    float[][] hiddenResponses(int resolution, double extent) {
        var layers = net.layers();
        int upTo = -1;
        for (int k = 0; k < layers.size(); k++) {
            if (layers.get(k) instanceof org.addernet.engine.nn.Activation) {
                upTo = k;
                break;
            }
        }
        if (upTo < 0 || inputDim != 2) {
            return new float[0][];
        }
        float[][] fields = null;
        float[] x = new float[resolution * 2];
        double cell = 2 * extent / resolution;
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                x[i] = (float) (-extent + (i + 0.5) * cell);
                x[resolution + i] = (float) (-extent + (j + 0.5) * cell);
            }
            Tensor t = Tensor.wrap(x, 2, resolution);
            for (int k = 0; k <= upTo; k++) {
                t = layers.get(k).forward(t, false);
            }
            int units = t.dim(0);
            if (fields == null) {
                fields = new float[units][resolution * resolution];
            }
            for (int u = 0; u < units; u++) {
                System.arraycopy(t.data, u * resolution, fields[u], j * resolution, resolution);
            }
        }
        return fields;
    }

    /** The first layer's centres W_i ([units][inputs]) when it is an adder layer, else null. */
    float[][] adderCentres() {
        if (!(net.layers().get(0) instanceof org.addernet.engine.nn.AdderDense a)) {
            return null;
        }
        float[] w = a.weight().value;
        int in = inputDim;
        float[][] c = new float[w.length / in][in];
        for (int u = 0; u < c.length; u++) {
            System.arraycopy(w, u * in, c[u], 0, in);
        }
        return c;
    }

    /** Copies of every parameter, keyed {@code <layer index>.<name>} in network order. */
    Map<String, float[]> weights() {
        Map<String, float[]> out = new LinkedHashMap<>();
        var layers = net.layers();
        for (int k = 0; k < layers.size(); k++) {
            for (Parameter p : layers.get(k).parameters()) {
                out.put(k + "." + layers.get(k).describe() + "." + p.name(), p.value.clone());
            }
        }
        return out;
    }
}
