package org.addernet.app.render;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a decision panel is drawn beyond its {@link PanelSpec}: the workbench's view switches.
 *
 * @param discretize        draw the two class regions in flat colours (no probability shading),
 *                          with the boundary
 * @param showTrain         draw the training points
 * @param showTest          draw the test points
 * @param markMisclassified ring the points the model gets wrong (only those drawn)
 * @param centres           points {x, y} (data units) drawn as numbered diamonds on top, e.g.
 *                          an AdderNet's hidden-unit centres W_1 .. W_n; one outside the plot
 *                          shows as a numbered triangle at the edge pointing towards it; a
 *                          centre with a NaN or infinite coordinate is skipped; null for none
 * @param centreLabel       caption of the small key that explains the diamonds, e.g.
 *                          {@code "hidden-unit centres W\u1D62"}; null or empty for no key
 */
public record PlotOptions(boolean discretize, boolean showTrain, boolean showTest, boolean markMisclassified,
                          float[][] centres, String centreLabel) {
    /** Copies {@code centres} and checks that each holds exactly two coordinates. */
    public PlotOptions {
        centres = copy(centres);
    }

    /** Shading, all points, misclassified points ringed, no centres: what the CLI draws. */
    public static PlotOptions defaults() {
        return new PlotOptions(false, true, true, true, null, null);
    }

    /** These options with {@code discretize} set as given. */
    public PlotOptions withDiscretize(boolean on) {
        return new PlotOptions(on, showTrain, showTest, markMisclassified, centres, centreLabel);
    }

    /** These options with other centres and key caption (both may be null). */
    public PlotOptions withCentres(float[][] newCentres, String label) {
        return new PlotOptions(discretize, showTrain, showTest, markMisclassified, newCentres, label);
    }

    /** A copy of the centres, [n][2]; null when there are none. */
    @Override
    public float[][] centres() {
        return copy(centres);
    }

    /** The number of centres (0 when null). */
    public int centreCount() {
        return centres == null ? 0 : centres.length;
    }

    /** Centre {@code k} (0-based) as {x, y}, not copied: package use only, never modified. */
    float[] centre(int k) {
        return centres[k];
    }

    /** Equal when all switches, the caption and the centres' coordinates are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PlotOptions p && discretize == p.discretize && showTrain == p.showTrain
                && showTest == p.showTest && markMisclassified == p.markMisclassified
                && Arrays.deepEquals(centres, p.centres) && Objects.equals(centreLabel, p.centreLabel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(discretize, showTrain, showTest, markMisclassified, Arrays.deepHashCode(centres),
                centreLabel);
    }

    @Override
    public String toString() {
        return "PlotOptions[discretize=" + discretize + ", showTrain=" + showTrain + ", showTest=" + showTest
                + ", markMisclassified=" + markMisclassified + ", centres=" + Arrays.deepToString(centres)
                + ", centreLabel=" + centreLabel + "]";
    }

    private static float[][] copy(float[][] c) {
        if (c == null) {
            return null;
        }
        float[][] out = new float[c.length][];
        for (int k = 0; k < c.length; k++) {
            if (c[k] == null || c[k].length != 2) {
                throw new IllegalArgumentException("centre " + k + " must hold 2 coordinates {x, y}, got "
                        + (c[k] == null ? "null" : c[k].length));
            }
            out[k] = c[k].clone();
        }
        return out;
    }
}
