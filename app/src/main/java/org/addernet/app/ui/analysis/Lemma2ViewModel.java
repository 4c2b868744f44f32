package org.addernet.app.ui.analysis;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.addernet.app.render.Palette;
import org.addernet.app.ui.vm.Pixels;
import org.addernet.engine.analysis.Lemma2;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;

/**
 * The theorem lab's Lemma 2: centres W_i with weights a_i and biases b_i on the plane; from them
 * the two-layer AdderNet of eqs. 6-8 built from the engine's own layers, g(X) = sum a_i
 * ReLU(||W_i - X||_1 + b_i) computed directly beside the network's output on a lattice, and their
 * largest difference (float rounding only). Every change rebuilds at once.
 */
final class Lemma2ViewModel {
    static final double EXTENT = 3;
    static final int RESOLUTION = 161;
    static final int MAX_UNITS = 32;

    /** One centre W_i = (x, y) with its a_i and b_i. */
    record Centre(double x, double y, double a, double b) {
    }

    /** A column of the centres' table. */
    enum Field {
        X("W_i x"), Y("W_i y"), A("a_i"), B("b_i");

        final String title;

        Field(String title) {
            this.title = title;
        }

        double of(Centre c) {
            return switch (this) {
                case X -> c.x();
                case Y -> c.y();
                case A -> c.a();
                case B -> c.b();
            };
        }

        Centre with(Centre c, double v) {
            return switch (this) {
                case X -> new Centre(clamp(v), c.y(), c.a(), c.b());
                case Y -> new Centre(c.x(), clamp(v), c.a(), c.b());
                case A -> new Centre(c.x(), c.y(), v, c.b());
                case B -> new Centre(c.x(), c.y(), c.a(), v);
            };
        }
    }

    private static final List<Centre> EXAMPLE = List.of(new Centre(-1, -1, 1, -1), new Centre(1.2, 0.6, -1.5, -0.8),
            new Centre(0.4, -1.6, 0.8, -0.5));

    private final ObservableList<Centre> centres = FXCollections.observableArrayList(EXAMPLE);
    private final ObservableList<Centre> readOnly = FXCollections.unmodifiableObservableList(centres);
    private final ReadOnlyObjectWrapper<Pixels> g = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Pixels> net = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scale = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private double maxDifference = Double.NaN;

    Lemma2ViewModel() {
        rebuild();
    }

    /** The centres, in order (change them through the commands). */
    ObservableList<Centre> centres() {
        return readOnly;
    }

    /** g(X) on the lattice, purple above 0 and green below. */
    ReadOnlyObjectProperty<Pixels> g() {
        return g.getReadOnlyProperty();
    }

    /** The AdderNet's output on the lattice, on the same scale. */
    ReadOnlyObjectProperty<Pixels> net() {
        return net.getReadOnlyProperty();
    }

    ReadOnlyStringProperty difference() {
        return difference.getReadOnlyProperty();
    }

    /** The largest |g| on the lattice: the colour key runs from -peak (green) through 0 (white) to +peak (purple). */
    javafx.beans.property.ReadOnlyDoubleProperty peak() {
        return peak.getReadOnlyProperty();
    }

    private final javafx.beans.property.ReadOnlyDoubleWrapper peak = new javafx.beans.property.ReadOnlyDoubleWrapper(1);

    ReadOnlyStringProperty scale() {
        return scale.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** The largest |network - g| over the lattice, after the last rebuild. */
    double maxDifference() {
        return maxDifference;
    }

    int units() {
        return centres.size();
    }

    /** Adds a centre at plane coordinates (x, y), as a click does. */
    void add(double x, double y, double a) {
        if (centres.size() >= MAX_UNITS) {
            problem.set("At most " + MAX_UNITS + " centres: remove one first.");
            return;
        }
        centres.add(new Centre(clamp(x), clamp(y), a, -1));
        rebuild();
    }

    /** Adds a centre where a map of {@code size} pixels was clicked at ({@code px}, {@code py}). */
    void click(double px, double py, double size, boolean secondary) {
        add(-EXTENT + 2 * EXTENT * px / size, EXTENT - 2 * EXTENT * py / size, secondary ? -1 : 1);
    }

    /** Removes {@code c}, unless it is the last centre. */
    void remove(Centre c) {
        if (c != null && centres.size() > 1 && centres.remove(c)) {
            rebuild();
        }
    }

    /** The example's three centres again. */
    void example() {
        centres.setAll(EXAMPLE);
        rebuild();
    }

    /**
     * Sets one value of centre {@code index}; {@code value} null (not a finite number) leaves it
     * unchanged and says so. Returns whether it changed.
     */
    boolean edit(int index, Field field, Double value) {
        if (value == null) {
            problem.set("'" + field.title + "' needs a finite number; the value is unchanged.");
            return false;
        }
        centres.set(index, field.with(centres.get(index), value));
        rebuild();
        return true;
    }

    private static double clamp(double v) {
        return Math.max(-EXTENT, Math.min(EXTENT, v));
    }

    /** Builds the network of the current centres, evaluates both maps and the difference. */
    private void rebuild() {
        problem.set("");
        int t = centres.size();
        float[][] w = new float[t][];
        double[] a = new double[t];
        double[] b = new double[t];
        for (int i = 0; i < t; i++) {
            Centre c = centres.get(i);
            w[i] = new float[] {(float) c.x(), (float) c.y()};
            a[i] = c.a();
            b[i] = c.b();
        }
        Lemma2.Spec spec = new Lemma2.Spec(w, a, b);
        Sequential network = Lemma2.network(spec, EXTENT);
        maxDifference = Lemma2.maxDifference(spec, network, RESOLUTION, EXTENT);
        double[] gv = new double[RESOLUTION * RESOLUTION];
        double[] out = new double[RESOLUTION * RESOLUTION];
        float[] x = new float[2 * RESOLUTION];
        float[] point = new float[2];
        double peak = 1e-12;
        for (int row = 0; row < RESOLUTION; row++) {
            double yy = EXTENT - 2 * EXTENT * row / (RESOLUTION - 1);       // image row 0 at the top
            for (int col = 0; col < RESOLUTION; col++) {
                x[col] = (float) (-EXTENT + 2 * EXTENT * col / (RESOLUTION - 1));
                x[RESOLUTION + col] = (float) yy;
            }
            Tensor y = network.forward(Tensor.wrap(x, 2, RESOLUTION), false);
            for (int col = 0; col < RESOLUTION; col++) {
                point[0] = x[col];
                point[1] = (float) yy;
                gv[row * RESOLUTION + col] = Lemma2.g(spec, point);
                out[row * RESOLUTION + col] = y.data[col];
                peak = Math.max(peak, Math.abs(gv[row * RESOLUTION + col]));
            }
        }
        this.peak.set(peak);
        g.set(image(gv, peak));
        net.set(image(out, peak));
        scale.set(String.format(Locale.ROOT, "Colour: purple above 0, green below, white at 0; both maps on one "
                + "scale, |value| up to %.3g. Lattice %d \u00d7 %d over [-3, 3]\u00b2.", peak, RESOLUTION, RESOLUTION));
        difference.set(String.format(Locale.ROOT, "%d hidden units. Largest |AdderNet(X) - g(X)| on the lattice: "
                + "%.2e (%.1e of the largest |g|): float rounding only.", t, maxDifference, maxDifference / peak));
    }

    private static Pixels image(double[] v, double peak) {
        int[] argb = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            argb[i] = 0xFF000000 | Palette.difference(v[i] / peak);
        }
        return new Pixels(RESOLUTION, RESOLUTION, argb);
    }
}
