package org.addernet.app.render;

import java.awt.Color;

/**
 * The colours of every figure. Decision panels follow TensorFlow Playground: class 0 orange,
 * class 1 blue, a near-white neutral at P(class 1) = 0.5.
 *
 * <p>Points use the full class colours; the background heat map uses lighter versions of them
 * ({@link #heat(double)}) so that points and the boundary line stay visible on top of it. Maps
 * that are not class probabilities use hues of their own, so they are never read as classes:
 * differences of two models run from green through white to purple ({@link #difference}), a
 * hidden unit's response from pale to dark teal ({@link #field}).
 */
public final class Palette {
    /** Class 0 (label 0), orange. */
    public static final Color CLASS_0 = new Color(0xF5, 0x93, 0x22);
    /** Class 1 (label 1), blue. */
    public static final Color CLASS_1 = new Color(0x08, 0x77, 0xBD);
    /** The heat map at P(class 1) = 0.5. */
    public static final Color NEUTRAL = new Color(0xF4, 0xF5, 0xF5);
    /** The P = 0.5 contour, point outlines and titles. */
    public static final Color INK = new Color(0x1C, 0x1C, 0x1E);
    /** The ring around misclassified points. */
    public static final Color ERROR = new Color(0xD0, 0x10, 0x3A);
    /** Where the grid holds NaN (a diverged model). */
    public static final Color UNDEFINED = new Color(0xB8, 0xB8, 0xB8);
    /** Axis lines, ticks and secondary text of the figures that are not decision panels. */
    public static final Color MUTED = new Color(0x5F, 0x63, 0x68);
    /** Grid lines behind those figures' data. */
    public static final Color GRID = new Color(0xE2, 0xE4, 0xE7);

    /** How much of the class colour the heat map reaches at P = 0 or 1 (the rest is white). */
    static final double HEAT_STRENGTH = 0.62;

    private static final int[] LIGHT_0 = lighten(CLASS_0, HEAT_STRENGTH);
    private static final int[] LIGHT_1 = lighten(CLASS_1, HEAT_STRENGTH);

    /** ColorBrewer PRGn, from -1 (green, the second model higher) through 0 to +1 (purple). */
    private static final int[] DIFFERENCE_STOPS = {0x00441B, 0x1B7837, 0x5AAE61, 0xA6DBA0, 0xD9F0D3, 0xF7F7F7,
        0xE7D4E8, 0xC2A5CF, 0x9970AB, 0x762A83, 0x40004B};
    /** A single teal hue from pale (a unit's minimum) to dark (its maximum). */
    private static final int[] FIELD_STOPS = {0xF3F8F7, 0xC7E6E1, 0x80C4BA, 0x35978F, 0x01665E, 0x003C30};

    /** The difference map where the first model's P(class 1) is the higher one, purple. */
    public static final Color DIFFERENCE_POSITIVE = new Color(DIFFERENCE_STOPS[9]);
    /** The difference map where the second model's P(class 1) is the higher one, green. */
    public static final Color DIFFERENCE_NEGATIVE = new Color(DIFFERENCE_STOPS[1]);
    /** The difference map where both models agree. */
    public static final Color DIFFERENCE_ZERO = new Color(DIFFERENCE_STOPS[5]);

    /** tab10 (Tableau's 10 categorical colours, as matplotlib's default cycle): one per class of a many-class set. */
    private static final Color[] CATEGORIES = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
        new Color(0xD62728), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
        new Color(0xBCBD22), new Color(0x17BECF)};

    private Palette() {
    }

    /** The colour of class {@code c} of a many-class set (ten colours, repeated beyond ten classes). */
    public static Color category(int c) {
        return CATEGORIES[Math.floorMod(c, CATEGORIES.length)];
    }

    /** {@code c} mixed with white: {@code strength} of the colour, the rest white. */
    public static Color tint(Color c, double strength) {
        return new Color(mix(255, c.getRed(), strength), mix(255, c.getGreen(), strength), mix(255, c.getBlue(), strength));
    }

    /** {@code c} a quarter of the way to black (text and outlines in a class colour). */
    public static Color darker(Color c) {
        return new Color(mix(c.getRed(), 0, 0.25), mix(c.getGreen(), 0, 0.25), mix(c.getBlue(), 0, 0.25));
    }

    /** {@code c} with alpha {@code a} (0-255). */
    public static Color withAlpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    /** The colour of points with {@code label} (0 or 1). */
    public static Color classColor(int label) {
        return label == 1 ? CLASS_1 : CLASS_0;
    }

    /**
     * Heat-map colour for P(class 1) = {@code p} as packed 0xRRGGBB: the light class-0 colour at
     * 0, {@link #NEUTRAL} at 0.5, the light class-1 colour at 1; values outside [0, 1] are
     * clamped, NaN gives {@link #UNDEFINED}.
     */
    public static int heat(double p) {
        if (Double.isNaN(p)) {
            return UNDEFINED.getRGB() & 0xFFFFFF;
        }
        double t = Math.max(-1, Math.min(1, 2 * p - 1));
        int[] end = t < 0 ? LIGHT_0 : LIGHT_1;
        // a slight ease so colour builds quickly away from the boundary
        double a = Math.pow(Math.abs(t), 0.8);
        int r = mix(NEUTRAL.getRed(), end[0], a);
        int g = mix(NEUTRAL.getGreen(), end[1], a);
        int b = mix(NEUTRAL.getBlue(), end[2], a);
        return (r << 16) | (g << 8) | b;
    }

    /**
     * The flat colour of class {@code label}'s region in a discretised panel: the heat map's
     * colour at P = 0 or P = 1.
     */
    public static Color region(int label) {
        return new Color(heat(label == 1 ? 1 : 0));
    }

    /**
     * Diverging colour for a difference of probabilities {@code d} in [-1, 1] as packed 0xRRGGBB:
     * green below 0, near-white at 0, purple above; eased so that differences of a few percent
     * already show; clamped outside [-1, 1], NaN gives {@link #UNDEFINED}.
     */
    public static int difference(double d) {
        if (Double.isNaN(d)) {
            return UNDEFINED.getRGB() & 0xFFFFFF;
        }
        double t = Math.max(-1, Math.min(1, d));
        double eased = Math.copySign(Math.pow(Math.abs(t), 0.7), t);
        return ramp(DIFFERENCE_STOPS, (eased + 1) / 2);
    }

    /**
     * Sequential colour for a normalised response {@code t} in [0, 1] as packed 0xRRGGBB: pale at
     * 0, dark teal at 1, darker for every larger {@code t}; clamped, NaN gives {@link #UNDEFINED}.
     */
    public static int field(double t) {
        if (Double.isNaN(t)) {
            return UNDEFINED.getRGB() & 0xFFFFFF;
        }
        return ramp(FIELD_STOPS, Math.max(0, Math.min(1, t)));
    }

    /** Linear interpolation between evenly spaced {@code stops} at {@code t} in [0, 1]. */
    private static int ramp(int[] stops, double t) {
        double pos = t * (stops.length - 1);
        int k = Math.min((int) pos, stops.length - 2);
        double a = pos - k;
        int lo = stops[k];
        int hi = stops[k + 1];
        int r = mix(lo >> 16 & 0xFF, hi >> 16 & 0xFF, a);
        int g = mix(lo >> 8 & 0xFF, hi >> 8 & 0xFF, a);
        int b = mix(lo & 0xFF, hi & 0xFF, a);
        return (r << 16) | (g << 8) | b;
    }

    private static int[] lighten(Color c, double strength) {
        return new int[] {mix(255, c.getRed(), strength), mix(255, c.getGreen(), strength),
            mix(255, c.getBlue(), strength)};
    }

    /** The channel value {@code a} of the way from {@code from} to {@code to}, rounded. */
    public static int mix(int from, int to, double a) {
        return (int) Math.round(from + (to - from) * a);
    }
}
