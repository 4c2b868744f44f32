package org.addernet.engine.model;

import java.util.Arrays;
import java.util.List;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;

/**
 * The feature probe of the paper's Fig. 1: a LeNet++ of the zoo ({@link ImageModels#featureLayerIndex})
 * run in evaluation mode up to its 2-D feature layer, for test images; each image's two features,
 * its true and its predicted class, and for an AdderNet the classifier's centres {@code W_j}
 * (its logits are {@code -||f - W_j||_1}). {@link #regions} asks the classifier which class it
 * assigns over a square of the feature plane. The statistics of what the probe finds, and the
 * figure, are the app's ({@code lab.FeatureStats}, {@code figures.FeatureScatterFigure}).
 */
public final class FeatureProbe {
    private static final int BATCH = 500;

    private FeatureProbe() {
    }

    /** The square of the feature plane a panel shows (equal units on both axes). */
    public record Window(double xMin, double xMax, double yMin, double yMax) {
        public boolean contains(double x, double y) {
            return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
        }
    }

    /**
     * One model's features of {@code size()} images.
     *
     * @param label      the panel's name, such as the run id
     * @param model      the zoo model
     * @param adder      whether it is an AdderNet
     * @param x          feature 1 of each image
     * @param y          feature 2 of each image
     * @param labels     each image's true class
     * @param predicted  each image's class as the whole network predicts it
     * @param classes    number of classes
     * @param centres    the adder classifier's filters W_j ([classes][2], the centres its logits
     *                   {@code -||f - W_j||_1} measure from), or null for a CNN
     * @param window     the plane shown (null until {@link #withView}; the lab chooses it from the
     *                   features, the class means and the centres)
     * @param regions    the class the network's classifier assigns over the window, row-major from
     *                   the top-left, {@code resolution x resolution} cells
     * @param resolution cells of {@code regions} per side
     */
    public record Features(String label, String model, boolean adder, float[] x, float[] y, int[] labels,
                           int[] predicted, int classes, float[][] centres, Window window, int[] regions,
                           int resolution) {
        public int size() {
            return labels.length;
        }

        /** Share of the images the whole network classifies right. */
        public double accuracy() {
            int ok = 0;
            for (int i = 0; i < labels.length; i++) {
                ok += predicted[i] == labels[i] ? 1 : 0;
            }
            return labels.length == 0 ? Double.NaN : (double) ok / labels.length;
        }

        /** These features with the plane shown and the classifier's regions over it ({@link #regions}). */
        public Features withView(Window shown, int[] classOfCell, int cells) {
            return new Features(label, model, adder, x, y, labels, predicted, classes, centres, shown, classOfCell, cells);
        }

        /** The mean feature of each class ([classes][2]; NaN for a class with no image). */
        public double[][] classMeans() {
            double[][] m = new double[classes][2];
            int[] n = new int[classes];
            for (int i = 0; i < labels.length; i++) {
                m[labels[i]][0] += x[i];
                m[labels[i]][1] += y[i];
                n[labels[i]]++;
            }
            for (int c = 0; c < classes; c++) {
                m[c][0] = n[c] == 0 ? Double.NaN : m[c][0] / n[c];
                m[c][1] = n[c] == 0 ? Double.NaN : m[c][1] / n[c];
            }
            return m;
        }
    }

    /**
     * The features of the first {@code limit} images of {@code images} (one image of
     * {@code sampleShape}, {C, H, W}, per row) through {@code net}, a LeNet++ of the zoo named
     * {@code model}, in eval mode (batch norm's running statistics); also each image's predicted
     * class and, for an AdderNet, its classifier's centres. The plane shown and the regions are
     * not chosen here ({@link Features#withView}). Runs forward passes through the network's
     * layers, so it must not run while the same network trains.
     */
    public static Features extract(String label, String model, Sequential net, DataSet images, int[] sampleShape,
                                   int limit) {
        int cut = ImageModels.featureLayerIndex(model);
        List<Layer> layers = net.layers();
        int n = Math.min(limit, images.size());
        if (n < 1) {
            throw new IllegalArgumentException("no images to take features of (limit " + limit + ", "
                    + images.size() + " images)");
        }
        int dim = images.dim();
        if (dim != sampleShape[0] * sampleShape[1] * sampleShape[2]) {
            throw new IllegalArgumentException("images of " + dim + " values do not have the shape "
                    + Arrays.toString(sampleShape));
        }
        float[] fx = new float[n];
        float[] fy = new float[n];
        int[] labels = new int[n];
        int[] predicted = new int[n];
        int classes = 0;
        for (int from = 0; from < n; from += BATCH) {
            int b = Math.min(BATCH, n - from);
            float[] batch = new float[b * dim];
            for (int i = 0; i < b; i++) {
                images.copySample(from + i, batch, i * dim);
                labels[from + i] = images.label(from + i);
            }
            Tensor t = Tensor.wrap(batch, b, sampleShape[0], sampleShape[1], sampleShape[2]);
            for (int k = 0; k <= cut; k++) {
                t = layers.get(k).forward(t, false);
            }
            checkFeatures(model, t, b);
            System.arraycopy(t.data, 0, fx, from, b);        // feature-major [2, b]
            System.arraycopy(t.data, b, fy, from, b);
            Tensor logits = classify(layers, cut, t);
            classes = logits.dim(0);
            argmax(logits, predicted, from);
        }
        float[][] centres = null;
        if (layers.get(layers.size() - 1) instanceof AdderDense a && model.endsWith("-adder")) {
            float[] w = a.weight().value;                   // [classes, 2]: row j is W_j
            centres = new float[w.length / 2][];
            for (int j = 0; j < centres.length; j++) {
                centres[j] = new float[] {w[2 * j], w[2 * j + 1]};
            }
        }
        return new Features(label, model, model.endsWith("-adder"), fx, fy, labels, predicted, classes, centres,
                null, null, 0);
    }

    /**
     * The class {@code net}'s classifier (the layers after the feature layer) assigns at the centre
     * of each cell of {@code w}, {@code res x res} cells, row-major from the top-left.
     */
    public static int[] regions(String model, Sequential net, Window w, int res) {
        return regions(net.layers(), ImageModels.featureLayerIndex(model), w, res);
    }

    private static void checkFeatures(String model, Tensor t, int b) {
        if (t.rank() != 2 || t.dim(0) != ImageModels.FEATURES || t.dim(1) != b) {
            throw new IllegalStateException(model + ": layer " + ImageModels.featureLayerIndex(model) + " gives "
                    + Arrays.toString(t.shape()) + ", expected features [" + ImageModels.FEATURES + ", " + b + "]");
        }
    }

    /** The layers after the feature layer on features [2, B]: logits [classes, B]. */
    private static Tensor classify(List<Layer> layers, int cut, Tensor features) {
        Tensor t = features;
        for (int k = cut + 1; k < layers.size(); k++) {
            t = layers.get(k).forward(t, false);
        }
        return t;
    }

    private static void argmax(Tensor logits, int[] out, int offset) {
        int classes = logits.dim(0);
        int b = logits.dim(1);
        for (int i = 0; i < b; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits.data[c * b + i] > logits.data[best * b + i]) {
                    best = c;
                }
            }
            out[offset + i] = best;
        }
    }

    /** The classifier's class at the centre of each cell of {@code w}, row-major from the top-left. */
    private static int[] regions(List<Layer> layers, int cut, Window w, int res) {
        int[] out = new int[res * res];
        int rowsPerBatch = Math.max(1, 20_000 / res);
        for (int r0 = 0; r0 < res; r0 += rowsPerBatch) {
            int rows = Math.min(rowsPerBatch, res - r0);
            int b = rows * res;
            float[] f = new float[2 * b];
            for (int r = 0; r < rows; r++) {
                double yv = w.yMax() - (r0 + r + 0.5) / res * (w.yMax() - w.yMin());
                for (int c = 0; c < res; c++) {
                    int i = r * res + c;
                    f[i] = (float) (w.xMin() + (c + 0.5) / res * (w.xMax() - w.xMin()));
                    f[b + i] = (float) yv;
                }
            }
            argmax(classify(layers, cut, Tensor.wrap(f, 2, b)), out, r0 * res);
        }
        return out;
    }
}
