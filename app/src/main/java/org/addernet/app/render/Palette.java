package org.addernet.app.render;

import java.awt.Color;

/**
 * The colours of every decision-boundary figure, after TensorFlow Playground: class 0 orange,
 * class 1 blue, a near-white neutral at P(class 1) = 0.5.
 *
 * <p>Points use the full class colours; the background heat map uses lighter versions of them
 * ({@link #heat(double)}) so that points and the boundary line stay visible on top of it.
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

    /** How much of the class colour the heat map reaches at P = 0 or 1 (the rest is white). */
    static final double HEAT_STRENGTH = 0.62;

    private static final int[] LIGHT_0 = lighten(CLASS_0, HEAT_STRENGTH);
    private static final int[] LIGHT_1 = lighten(CLASS_1, HEAT_STRENGTH);

    private Palette() {
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

    private static int[] lighten(Color c, double strength) {
        return new int[] {mix(255, c.getRed(), strength), mix(255, c.getGreen(), strength),
            mix(255, c.getBlue(), strength)};
    }

    private static int mix(int from, int to, double a) {
        return (int) Math.round(from + (to - from) * a);
    }
}
