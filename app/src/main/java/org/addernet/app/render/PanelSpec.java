package org.addernet.app.render;

import java.util.Objects;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.DecisionGrid;

/**
 * What one decision-boundary panel shows: a model's P(class 1) over the plane and the points it
 * was trained and tested on.
 *
 * @param title    headline, e.g. {@code "AdderNet, n = 1"}; null is treated as empty
 * @param subtitle second line, e.g. {@code "train 0.995 / test 0.990"}; null is treated as empty
 * @param grid     the model's output on a lattice; its bounds are the plot's axes
 * @param train    training points, 2-D features with labels 0/1, drawn as filled circles
 * @param test     test points drawn as hollow rings, or null for none
 */
public record PanelSpec(String title, String subtitle, DecisionGrid grid, DataSet train, DataSet test) {
    public PanelSpec {
        title = title == null ? "" : title;
        subtitle = subtitle == null ? "" : subtitle;
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(train, "train (use an empty DataSet for no points)");
        check("train", train);
        if (test != null) {
            check("test", test);
        }
    }

    private static void check(String name, DataSet set) {
        if (set.dim() != 2) {
            throw new IllegalArgumentException(name + " set must hold 2-D points, got dim " + set.dim());
        }
        if (set.numClasses() > 2) {
            throw new IllegalArgumentException(name + " set must be binary (labels 0/1), got "
                    + set.numClasses() + " classes");
        }
    }
}
