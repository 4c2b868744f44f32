package org.addernet.app.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.addernet.datasets.image.DataRoots;
import org.addernet.datasets.image.ImagePipeline;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;
import org.addernet.presets.Preset;

/**
 * The paper's Fig. 1: the 2-D features of a LeNet++ ({@link ImageModels#featureLayerIndex}) for
 * test images, scattered by class, one panel per trained model. A CNN's classifier takes inner
 * products {@code w_j . f + b_j}, so its features fan out from the origin in angular sectors; an
 * AdderNet's adder classifier takes {@code -||f - W_j||_1}, so its features gather around class
 * centres {@code W_j}.
 *
 * <p>Use: {@link #extract} (or {@link #fromRun} for a run folder of {@code workbench run}) gives a
 * {@link Features} per model, {@link #separation} its numbers, {@link #render} the figure. Plain
 * AWT into a {@link BufferedImage}: runs headless and never touches JavaFX. {@code extract} runs
 * forward passes through the network's layers, so it must not run while the same network trains.
 */
public final class FeatureScatter {
    /** Fashion-MNIST's class names (Zalando's labels 0-9). */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

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
     * @param window     the plane shown (chosen from the features, the class means and the centres)
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
     * How the classes are laid out in the feature plane: the share of images whose nearest class
     * mean is their own class, measured with the l1 distance, the l2 distance, and by angle about
     * the origin (the class mean whose direction is closest to the feature's); and the network's
     * own accuracy for comparison. Clusters around centres score high on the distances; angular
     * sectors score high by angle and lower by distance, since points far out along a sector are
     * nearer the means of neighbouring sectors than the mean of their own. {@code radialShare} is
     * the share of the within-class variance (pooled over all images) that lies along the ray from
     * the origin through the class mean: about 1/2 for round clusters, near 1 for classes spread out
     * along their rays.
     */
    public record Separation(double nearestMeanL1, double nearestMeanL2, double nearestAngle, double radialShare,
                             double accuracy) {
    }

    private static final int BATCH = 500;
    private static final int REGION_RESOLUTION = 260;
    /** tab10 (Tableau's 10 categorical colours, as matplotlib's default cycle). */
    private static final Color[] CLASS_COLOURS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
        new Color(0xD62728), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
        new Color(0xBCBD22), new Color(0x17BECF)};
    private static final Color INK = new Color(0x1C, 0x1C, 0x1E);
    private static final Color AXIS = new Color(0x5F, 0x63, 0x68);
    private static final Color GRID = new Color(0xE2, 0xE4, 0xE7);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private FeatureScatter() {
    }

    /** The colour of class {@code c} (ten colours, repeated beyond ten classes). */
    public static Color classColour(int c) {
        return CLASS_COLOURS[Math.floorMod(c, CLASS_COLOURS.length)];
    }

    /** Names of the classes of {@code set}: Fashion-MNIST's clothes, digits for MNIST, numbers otherwise. */
    public static List<String> classNames(ImageSet set) {
        if (set == ImageSet.FASHION_MNIST) {
            return FASHION_MNIST_CLASSES;
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < set.numClasses(); c++) {
            out.add((set == ImageSet.MNIST ? "digit " : "class ") + c);
        }
        return out;
    }

    /**
     * The features of the first {@code limit} images of {@code images} (one image of
     * {@code sampleShape}, {C, H, W}, per row) through {@code net}, a LeNet++ of the zoo named
     * {@code model}, in eval mode (batch norm's running statistics); also each image's predicted
     * class and the classifier's regions over the plane shown.
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
        Features draft = new Features(label, model, model.endsWith("-adder"), fx, fy, labels, predicted, classes, centres,
                null, null, 0);
        Window w = window(draft);
        return new Features(label, model, draft.adder(), fx, fy, labels, predicted, classes, centres, w,
                regions(layers, cut, w, REGION_RESOLUTION), REGION_RESOLUTION);
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

    /**
     * The square shown: the features' 0.2 % to 99.8 % quantiles on each axis (a few far outliers
     * would squeeze the rest into a corner), the origin, the class means and the adder centres,
     * widened to a square with a margin.
     */
    static Window window(Features f) {
        double[] xs = quantiles(f.x());
        double[] ys = quantiles(f.y());
        double x0 = Math.min(xs[0], 0);
        double x1 = Math.max(xs[1], 0);
        double y0 = Math.min(ys[0], 0);
        double y1 = Math.max(ys[1], 0);
        List<double[]> marks = new ArrayList<>(Arrays.asList(f.classMeans()));
        if (f.centres() != null) {
            for (float[] c : f.centres()) {
                marks.add(new double[] {c[0], c[1]});
            }
        }
        for (double[] m : marks) {
            if (Double.isFinite(m[0]) && Double.isFinite(m[1])) {
                x0 = Math.min(x0, m[0]);
                x1 = Math.max(x1, m[0]);
                y0 = Math.min(y0, m[1]);
                y1 = Math.max(y1, m[1]);
            }
        }
        double half = Math.max(Math.max(x1 - x0, y1 - y0) / 2, 1e-6) * 1.06;
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        return new Window(cx - half, cx + half, cy - half, cy + half);
    }

    private static double[] quantiles(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        int lo = (int) Math.floor(0.002 * (s.length - 1));
        int hi = (int) Math.ceil(0.998 * (s.length - 1));
        return new double[] {s[lo], s[hi]};
    }

    /** The numbers behind the picture (see {@link Separation}). */
    public static Separation separation(Features f) {
        double[][] m = f.classMeans();
        int l1 = 0;
        int l2 = 0;
        int angle = 0;
        for (int i = 0; i < f.size(); i++) {
            double x = f.x()[i];
            double y = f.y()[i];
            int b1 = -1;
            int b2 = -1;
            int ba = -1;
            double d1 = Double.POSITIVE_INFINITY;
            double d2 = Double.POSITIVE_INFINITY;
            double cos = Double.NEGATIVE_INFINITY;
            double norm = Math.hypot(x, y);
            for (int c = 0; c < m.length; c++) {
                if (Double.isNaN(m[c][0])) {
                    continue;
                }
                double dx = x - m[c][0];
                double dy = y - m[c][1];
                double a1 = Math.abs(dx) + Math.abs(dy);
                double a2 = dx * dx + dy * dy;
                double mn = Math.hypot(m[c][0], m[c][1]);
                double cs = norm == 0 || mn == 0 ? -1 : (x * m[c][0] + y * m[c][1]) / (norm * mn);
                if (a1 < d1) {
                    d1 = a1;
                    b1 = c;
                }
                if (a2 < d2) {
                    d2 = a2;
                    b2 = c;
                }
                if (cs > cos) {
                    cos = cs;
                    ba = c;
                }
            }
            int t = f.labels()[i];
            l1 += b1 == t ? 1 : 0;
            l2 += b2 == t ? 1 : 0;
            angle += ba == t ? 1 : 0;
        }
        double n = f.size();
        return new Separation(l1 / n, l2 / n, angle / n, radialShare(f, m), f.accuracy());
    }

    private static double radialShare(Features f, double[][] m) {
        double radial = 0;
        double total = 0;
        for (int i = 0; i < f.size(); i++) {
            double[] c = m[f.labels()[i]];
            double len = Math.hypot(c[0], c[1]);
            if (len == 0) {
                continue;
            }
            double dx = f.x()[i] - c[0];
            double dy = f.y()[i] - c[1];
            double along = (dx * c[0] + dy * c[1]) / len;
            radial += along * along;
            total += dx * dx + dy * dy;
        }
        return total == 0 ? Double.NaN : radial / total;
    }

    /**
     * The features of every trained LeNet++ run in a run folder of {@code workbench run}: the first
     * {@code limit} test images of the preset's set (found as {@code workbench run} finds it, with
     * {@code dataRoot} first when not null), standardised as in training.
     *
     * @throws IOException              not a run folder, no trained run, the data missing or damaged
     * @throws IllegalArgumentException a run whose model has no 2-D feature layer
     */
    public static Loaded fromRun(Path runDir, Path dataRoot, int limit) throws IOException {
        Preset p = TrainedRuns.preset(runDir);
        List<TrainedRuns.Trained> runs = TrainedRuns.load(runDir);
        for (TrainedRuns.Trained t : runs) {
            if (!ImageModels.hasFeatureLayer(t.model())) {
                throw new IllegalArgumentException(runDir + ": run " + t.id() + " trains " + t.model()
                        + ", which has no 2-D feature layer; expected a run of lenetpp-cnn or lenetpp-adder "
                        + "(preset fig1-features-fashion-mnist)");
            }
        }
        ImageSet set = ImageSet.of(p.data().set());
        Path folder = DataRoots.find(set.id(), dataRoot, System.getenv(), Path.of(System.getProperty("user.home")));
        ImagePipeline.Prepared data = ImagePipeline.load(set, folder, 1, limit);
        List<Features> out = new ArrayList<>();
        for (TrainedRuns.Trained t : runs) {
            out.add(extract(t.id(), t.model(), t.net(), data.test(), data.sampleShape(), limit));
        }
        return new Loaded(p, set, out);
    }

    /** What {@link #fromRun} found: the run folder's preset, its image set and one {@link Features} per run. */
    public record Loaded(Preset preset, ImageSet set, List<Features> features) {
        public Loaded {
            features = List.copyOf(features);
        }
    }

    // ---------------------------------------------------------------- the figure

    private static final int PLOT = 500;
    private static final String SUBTITLE_TEXT = "each dot one test image, coloured by its true class; background: the "
            + "class the model's own classifier assigns there";
    private static final int LEFT = 62;
    private static final int RIGHT = 26;
    private static final int GAP = 30;

    /**
     * The figure: {@code title} over one square panel per model, side by side (equal units on both
     * axes), each image a dot in its class colour over the lightly tinted regions the model's own
     * classifier assigns; class means as large outlined discs labelled with the class, the adder
     * classifier's centres W_j as crosses, and for a CNN rays from the origin through the class
     * means; under each panel its accuracy and {@link Separation}; under all a legend of
     * {@code classNames}.
     */
    public static BufferedImage render(List<Features> panels, List<String> classNames, String title) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no model to draw");
        }
        int classes = panels.stream().mapToInt(Features::classes).max().orElse(0);
        int panelW = LEFT + PLOT + RIGHT;
        int width = (int) Math.ceil(Math.max(panelW * panels.size() + GAP * (panels.size() - 1) + 20,
                Math.max(width(TITLE, title), legendWidth(panels)) + 40));
        int top = 46;
        int panelTop = top + 44;
        int statsTop = panelTop + PLOT + 66;
        int legendTop = statsTop + 4 * 19 + 14;
        int legendRows = (classes + 4) / 5;
        int height = legendTop + legendRows * 24 + 34 + 12;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        quality(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(INK);
        g.setFont(TITLE);
        centred(g, title, width / 2.0, 28);
        g.setFont(TEXT);
        g.setColor(AXIS);
        centred(g, SUBTITLE_TEXT, width / 2.0, top + 6);
        int x0 = (width - (panelW * panels.size() + GAP * (panels.size() - 1))) / 2;
        for (int k = 0; k < panels.size(); k++) {
            Features f = panels.get(k);
            int px = x0 + k * (panelW + GAP) + LEFT;
            String kind = f.adder() ? "AdderNet" : "CNN";
            g.setFont(PANEL_TITLE);
            g.setColor(INK);
            centred(g, "(" + (char) ('a' + k) + ") " + kind + ": " + f.label(), px + PLOT / 2.0, panelTop - 12);
            panel(g, f, new Rectangle2D.Double(px, panelTop, PLOT, PLOT), classNames);
            Separation s = separation(f);
            g.setFont(TEXT);
            g.setColor(INK);
            String[] lines = {
                String.format(Locale.ROOT, "%,d test images, the network's accuracy %.1f %%", f.size(), 100 * s.accuracy()),
                String.format(Locale.ROOT, "nearest class mean is the true class: l1 %.1f %%, l2 %.1f %%",
                        100 * s.nearestMeanL1(), 100 * s.nearestMeanL2()),
                String.format(Locale.ROOT, "nearest class mean by angle (about the origin): %.1f %%", 100 * s.nearestAngle()),
                String.format(Locale.ROOT, "within-class spread along the ray through the mean: %.0f %%",
                        100 * s.radialShare())};
            for (int i = 0; i < lines.length; i++) {
                g.drawString(lines[i], px, statsTop + i * 19);
            }
        }
        legend(g, classes, classNames, width, legendTop, panels.stream().anyMatch(Features::adder),
                panels.stream().anyMatch(f -> !f.adder()));
        g.dispose();
        return img;
    }

    private static void panel(Graphics2D g, Features f, Rectangle2D plot, List<String> names) {
        Window w = f.window();
        double sx = plot.getWidth() / (w.xMax() - w.xMin());
        double sy = plot.getHeight() / (w.yMax() - w.yMin());
        java.util.function.DoubleUnaryOperator toX = v -> plot.getX() + (v - w.xMin()) * sx;
        java.util.function.DoubleUnaryOperator toY = v -> plot.getY() + (w.yMax() - v) * sy;
        // the classifier's regions, lightly tinted
        BufferedImage bg = new BufferedImage(f.resolution(), f.resolution(), BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < f.regions().length; i++) {
            bg.setRGB(i % f.resolution(), i / f.resolution(), tint(classColour(f.regions()[i]), 0.15).getRGB());
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(bg, (int) plot.getX(), (int) plot.getY(), (int) plot.getWidth(), (int) plot.getHeight(), null);
        // grid and ticks
        double step = niceStep(w.xMax() - w.xMin(), 6);
        g.setFont(TICK);
        g.setStroke(new BasicStroke(1f));
        for (double v = Math.ceil(w.xMin() / step) * step; v <= w.xMax() + 1e-9 * step; v += step) {
            double px = toX.applyAsDouble(v);
            g.setColor(GRID);
            g.draw(new Line2D.Double(px, plot.getY(), px, plot.getMaxY()));
            g.setColor(AXIS);
            g.draw(new Line2D.Double(px, plot.getMaxY(), px, plot.getMaxY() + 5));
            centred(g, tick(v, step), px, plot.getMaxY() + 19);
        }
        for (double v = Math.ceil(w.yMin() / step) * step; v <= w.yMax() + 1e-9 * step; v += step) {
            double py = toY.applyAsDouble(v);
            g.setColor(GRID);
            g.draw(new Line2D.Double(plot.getX(), py, plot.getMaxX(), py));
            g.setColor(AXIS);
            g.draw(new Line2D.Double(plot.getX() - 5, py, plot.getX(), py));
            String s = tick(v, step);
            g.drawString(s, (float) (plot.getX() - 8 - width(TICK, s)), (float) (py + 4.5));
        }
        g.setFont(TEXT);
        g.setColor(INK);
        centred(g, "feature 1", plot.getCenterX(), plot.getMaxY() + 37);
        AffineTransform saved = g.getTransform();
        g.translate(plot.getX() - 46, plot.getCenterY());
        g.rotate(-Math.PI / 2);
        centred(g, "feature 2", 0, 0);
        g.setTransform(saved);
        Shape oldClip = g.getClip();
        g.clip(plot);
        // the points, in a fixed shuffled order so that no class is always painted last
        int[] order = shuffled(f.size());
        double r = f.size() > 5000 ? 1.7 : 2.2;
        for (int i : order) {
            if (!w.contains(f.x()[i], f.y()[i])) {
                continue;
            }
            g.setColor(withAlpha(classColour(f.labels()[i]), 150));
            g.fill(new Ellipse2D.Double(toX.applyAsDouble(f.x()[i]) - r, toY.applyAsDouble(f.y()[i]) - r, 2 * r, 2 * r));
        }
        double[][] means = f.classMeans();
        double ox = toX.applyAsDouble(0);
        double oy = toY.applyAsDouble(0);
        if (!f.adder()) {                       // rays from the origin through the class means
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {7, 5}, 0));
            for (int c = 0; c < means.length; c++) {
                if (Double.isNaN(means[c][0])) {
                    continue;
                }
                double dx = toX.applyAsDouble(means[c][0]) - ox;
                double dy = toY.applyAsDouble(means[c][1]) - oy;
                double len = Math.hypot(dx, dy);
                if (len < 1e-9) {
                    continue;
                }
                double reach = 2 * (plot.getWidth() + plot.getHeight());
                g.setColor(darker(classColour(c)));
                g.draw(new Line2D.Double(ox, oy, ox + dx / len * reach, oy + dy / len * reach));
            }
            g.setColor(INK);
            g.fill(new Ellipse2D.Double(ox - 3, oy - 3, 6, 6));
        }
        if (f.centres() != null) {              // the adder classifier's W_j
            g.setStroke(new BasicStroke(1.5f));
            for (int c = 0; c < f.centres().length; c++) {
                cross(g, toX.applyAsDouble(f.centres()[c][0]), toY.applyAsDouble(f.centres()[c][1]), 7, classColour(c));
            }
        }
        for (int c = 0; c < means.length; c++) {  // class means: outlined discs
            if (Double.isNaN(means[c][0])) {
                continue;
            }
            double mx = toX.applyAsDouble(means[c][0]);
            double my = toY.applyAsDouble(means[c][1]);
            g.setColor(classColour(c));
            g.fill(new Ellipse2D.Double(mx - 6.5, my - 6.5, 13, 13));
            g.setColor(INK);
            g.setStroke(new BasicStroke(2f));
            g.draw(new Ellipse2D.Double(mx - 6.5, my - 6.5, 13, 13));
        }
        List<Rectangle2D> placed = new ArrayList<>();
        for (int c = 0; c < means.length; c++) {  // their names, with a white halo, inside the panel
            if (Double.isNaN(means[c][0])) {
                continue;
            }
            String name = c < names.size() ? names.get(c) : "class " + c;
            double mx = toX.applyAsDouble(means[c][0]);
            double my = toY.applyAsDouble(means[c][1]);
            if (!f.adder()) {                   // a CNN's class sits along its ray: name it where the ray leaves the panel
                double[] end = exit(ox, oy, mx, my, plot);
                if (end != null) {
                    mx = end[0];
                    my = end[1];
                }
            }
            double tw = width(LABEL, name);
            double tx = f.adder() ? mx + 9 : mx - tw / 2;
            double ty = f.adder() ? my - 8 : my + 4;
            tx = Math.max(plot.getX() + 3, Math.min(plot.getMaxX() - tw - 3, tx));
            double[] at = place(tx, ty, tw, placed, plot);
            halo(g, name, at[0], at[1], darker(classColour(c)));
        }
        g.setClip(oldClip);
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.draw(plot);
    }

    /**
     * A baseline for a label {@code tw} wide near ({@code tx}, {@code ty}) inside {@code plot} that
     * overlaps no label placed before: the first free spot of shifts up and down by a line; taken
     * into {@code placed}.
     */
    private static double[] place(double tx, double ty, double tw, List<Rectangle2D> placed, Rectangle2D plot) {
        double h = 15;
        double top = plot.getY() + 14;
        double bottom = plot.getMaxY() - 4;
        double y = Math.max(top, Math.min(bottom, ty));
        for (int k = 0; k < 16; k++) {
            double shift = (k + 1) / 2 * h * (k % 2 == 1 ? 1 : -1);
            double cand = Math.max(top, Math.min(bottom, ty + shift));
            Rectangle2D r = new Rectangle2D.Double(tx - 2, cand - 12, tw + 4, h);
            if (placed.stream().noneMatch(r::intersects)) {
                y = cand;
                break;
            }
        }
        placed.add(new Rectangle2D.Double(tx - 2, y - 12, tw + 4, h));
        return new double[] {tx, y};
    }

    /** Where the ray from (ox, oy) through (mx, my) leaves {@code plot} shrunk by a label's margin; null if it does not. */
    private static double[] exit(double ox, double oy, double mx, double my, Rectangle2D plot) {
        double dx = mx - ox;
        double dy = my - oy;
        if (Math.hypot(dx, dy) < 1e-9) {
            return null;
        }
        Rectangle2D in = new Rectangle2D.Double(plot.getX() + 30, plot.getY() + 24, plot.getWidth() - 60,
                plot.getHeight() - 40);
        double t = Double.POSITIVE_INFINITY;
        if (dx > 0) {
            t = Math.min(t, (in.getMaxX() - ox) / dx);
        } else if (dx < 0) {
            t = Math.min(t, (in.getX() - ox) / dx);
        }
        if (dy > 0) {
            t = Math.min(t, (in.getMaxY() - oy) / dy);
        } else if (dy < 0) {
            t = Math.min(t, (in.getY() - oy) / dy);
        }
        return t > 0 && Double.isFinite(t) ? new double[] {ox + t * dx, oy + t * dy} : null;
    }

    private static List<String> keys(boolean adder, boolean cnn) {
        List<String> keys = new ArrayList<>();
        keys.add("class mean of the features");
        if (adder) {
            keys.add("the adder classifier's centre W_j (its logit is \u2212||f \u2212 W_j||\u2081)");
        }
        if (cnn) {
            keys.add("ray from the origin through a CNN class mean");
        }
        return keys;
    }

    private static final double KEY_SWATCH = 26;
    private static final double KEY_GAP = 34;

    private static double legendWidth(List<Features> panels) {
        double total = -KEY_GAP;
        for (String k : keys(panels.stream().anyMatch(Features::adder), panels.stream().anyMatch(f -> !f.adder()))) {
            total += KEY_SWATCH + width(TEXT, k) + KEY_GAP;
        }
        return Math.max(total, width(TEXT, SUBTITLE_TEXT));
    }

    private static void legend(Graphics2D g, int classes, List<String> names, int width, int top, boolean adder,
                               boolean cnn) {
        g.setFont(TEXT);
        double colW = 150;
        int perRow = Math.min(5, Math.max(1, classes));
        double x0 = width / 2.0 - perRow * colW / 2;
        for (int c = 0; c < classes; c++) {
            double x = x0 + (c % perRow) * colW;
            double y = top + (c / perRow) * 24;
            g.setColor(classColour(c));
            g.fill(new Ellipse2D.Double(x, y - 10, 12, 12));
            g.setColor(INK);
            g.drawString(c < names.size() ? names.get(c) : "class " + c, (float) (x + 18), (float) y);
        }
        double y = top + ((classes + perRow - 1) / perRow) * 24 + 14;
        List<String> keys = keys(adder, cnn);
        double swatch = KEY_SWATCH;
        double between = KEY_GAP;
        double total = -between;
        for (String k : keys) {
            total += swatch + width(TEXT, k) + between;
        }
        double x = width / 2.0 - total / 2;
        for (String k : keys) {
            double mid = x + swatch / 2 - 4;
            if (k.startsWith("class mean")) {
                g.setColor(new Color(0xBBBBBB));
                g.fill(new Ellipse2D.Double(mid - 6.5, y - 11.5, 13, 13));
                g.setColor(INK);
                g.setStroke(new BasicStroke(2f));
                g.draw(new Ellipse2D.Double(mid - 6.5, y - 11.5, 13, 13));
            } else if (k.startsWith("the adder")) {
                cross(g, mid, y - 5, 6, new Color(0x888888));
            } else {
                g.setColor(AXIS);
                g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {7, 5}, 0));
                g.draw(new Line2D.Double(mid - 11, y - 5, mid + 11, y - 5));
            }
            g.setColor(INK);
            g.drawString(k, (float) (x + swatch), (float) y);
            x += swatch + width(TEXT, k) + between;
        }
    }

    private static void cross(Graphics2D g, double x, double y, double h, Color c) {
        Path2D p = new Path2D.Double();
        p.moveTo(x - h, y - h);
        p.lineTo(x + h, y + h);
        p.moveTo(x - h, y + h);
        p.lineTo(x + h, y - h);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
        g.setColor(darker(c));
        g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
    }

    private static void halo(Graphics2D g, String s, double x, double y, Color c) {
        Shape outline = new TextLayout(s, LABEL, g.getFontRenderContext()).getOutline(
                AffineTransform.getTranslateInstance(x, y));
        g.setColor(new Color(255, 255, 255, 220));
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(c);
        g.fill(outline);
    }

    private static int[] shuffled(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    /** A step of 1, 2, 2.5 or 5 times a power of ten giving about {@code target} ticks over {@code span}. */
    static double niceStep(double span, int target) {
        double raw = span / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double frac = raw / mag;
        return (frac <= 1 ? 1 : frac <= 2 ? 2 : frac <= 2.5 ? 2.5 : frac <= 5 ? 5 : 10) * mag;
    }

    private static String tick(double v, double step) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9)) - 2.5) < 1e-6) {
            decimals++;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step * 1e-9 ? 0.0 : v);
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    private static Color tint(Color c, double strength) {
        return new Color(mix(255, c.getRed(), strength), mix(255, c.getGreen(), strength), mix(255, c.getBlue(), strength));
    }

    private static Color darker(Color c) {
        return new Color(mix(c.getRed(), 0, 0.25), mix(c.getGreen(), 0, 0.25), mix(c.getBlue(), 0, 0.25));
    }

    private static Color withAlpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    private static int mix(int from, int to, double a) {
        return (int) Math.round(from + (to - from) * a);
    }

    private static void quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private static double width(Font f, String s) {
        return s.isEmpty() ? 0 : f.getStringBounds(s, FRC).getWidth();
    }

    private static void centred(Graphics2D g, String s, double cx, double y) {
        g.drawString(s, (float) (cx - width(g.getFont(), s) / 2), (float) y);
    }
}
