package org.addernet.app.ui.vm;

import java.util.List;
import java.util.Locale;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.engine.train.RunStatus;
import org.addernet.engine.train.StepMetrics;

/**
 * What the window says about a model that cannot learn any more: a diverged loss, or a network
 * whose weight gradients are all exactly 0 (typically every hidden ReLU dead: it outputs 0 on the
 * whole plane, so no error reaches any weight). Also counts the dead hidden units of a model that
 * still learns. Pure functions of a snapshot (any thread).
 */
public final class ModelHealth {
    private ModelHealth() {
    }

    /**
     * The first iteration of the run of logged steps, up to the newest, whose weight-gradient norms
     * are all exactly 0; -1 when the newest logged step has a gradient (or none is logged).
     */
    public static long deadSince(List<StepMetrics> history) {
        long since = -1;
        for (int k = history.size() - 1; k >= 0; k--) {
            double[] g = history.get(k).gradNorms();
            if (g.length == 0 || !allZero(g)) {
                break;
            }
            since = history.get(k).iteration();
        }
        return since;
    }

    private static boolean allZero(double[] g) {
        for (double v : g) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Hidden units of the first layer whose response is 0 at every point of the plane drawn. */
    public static int deadUnits(float[][] unitFields) {
        int dead = 0;
        for (float[] f : unitFields) {
            boolean zero = f.length > 0;
            for (float v : f) {
                if (v != 0) {
                    zero = false;
                    break;
                }
            }
            if (zero) {
                dead++;
            }
        }
        return dead;
    }

    /** True when {@code m} cannot learn any more (diverged, or no gradient at its newest logged step). */
    public static boolean stopped(ModelSnapshot m) {
        return RunStatus.DIVERGED.id().equals(m.status()) || deadSince(m.history()) >= 0;
    }

    /**
     * One line for under the model's panel: why it stopped learning and since when, or how many of
     * its units are dead; empty when there is nothing to say.
     */
    public static String note(ModelSnapshot m) {
        if (RunStatus.DIVERGED.id().equals(m.status())) {
            return String.format(Locale.ROOT, "Diverged at iteration %,d: the loss is no longer finite. Lower the "
                    + "learning rate and press Reset.", m.iteration());
        }
        int units = m.unitFields().length;
        int dead = deadUnits(m.unitFields());
        long since = deadSince(m.history());
        if (since >= 0) {
            String why = units > 0 && dead == units
                    ? (units == 1 ? "its hidden unit outputs" : "all " + units + " hidden units output")
                            + " 0 on the whole plane (dead ReLU" + (units == 1 ? ")" : "s)")
                    : "every weight gradient is exactly 0 (its ReLUs output 0 on every training point)";
            return String.format(Locale.ROOT, "Dead since iteration %,d: no gradient, %s, so it cannot learn any "
                    + "more. Try another seed or a smaller learning rate.", since, why);
        }
        if (dead > 0) {
            return String.format(Locale.ROOT, "%d of %d hidden units dead (0 on the whole plane)", dead, units);
        }
        return "";
    }
}
