package org.addernet.app.ui.runs;

import java.util.ArrayList;
import java.util.List;
import org.addernet.app.ui.vm.Pixels;
import org.addernet.engine.data.DataSet;

/**
 * What the image-runs window shows of an epoch's test-set evaluation: the confusion matrix
 * (counts[true][predicted]) and a strip of the first test images with predicted and true class.
 * Headless: built on the runner's thread, shown on the FX thread.
 */
final class TestImages {
    /** Test images in the strip. */
    static final int STRIP = 12;

    /** A confusion matrix, counts[true][predicted], with the classes' names. */
    record Confusion(int[][] counts, List<String> names) {
        /** Every image once. */
        long total() {
            long n = 0;
            for (int[] row : counts) {
                for (int v : row) {
                    n += v;
                }
            }
            return n;
        }
    }

    /** One test image (grey or colour, scaled to its own range) with its predicted and true class. */
    record StripItem(Pixels image, String predicted, String truth) {
        boolean correct() {
            return predicted.equals(truth);
        }
    }

    private TestImages() {
    }

    /** counts[true][predicted] of {@code predicted} against the labels of {@code test}. */
    static Confusion confusion(DataSet test, int[] predicted, int classes, List<String> names) {
        int[][] c = new int[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            c[test.label(i)][predicted[i]]++;
        }
        return new Confusion(c, names);
    }

    /** The first {@link #STRIP} test images of shape (channels, height, width) with their classes. */
    static List<StripItem> strip(DataSet test, int[] shape, int[] predicted, List<String> names) {
        List<StripItem> out = new ArrayList<>();
        int c = shape[0];
        int h = shape[1];
        int w = shape[2];
        float[] x = new float[c * h * w];
        for (int i = 0; i < Math.min(STRIP, test.size()); i++) {
            test.copySample(i, x, 0);
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            float span = hi > lo ? hi - lo : 1;
            int[] argb = new int[h * w];
            for (int p = 0; p < h * w; p++) {
                int[] rgb = new int[3];
                for (int k = 0; k < 3; k++) {
                    rgb[k] = Math.round(255 * (x[(c == 3 ? k : 0) * h * w + p] - lo) / span);
                }
                argb[p] = 0xFF000000 | rgb[0] << 16 | rgb[1] << 8 | rgb[2];
            }
            out.add(new StripItem(new Pixels(w, h, argb), names.get(predicted[i]), names.get(test.label(i))));
        }
        return out;
    }
}
