package org.addernet.app.ui.session;

import java.util.List;
import org.addernet.datasets.toy.ToyData;

/**
 * Every model of a session at one moment, on the same data; {@code version} grows with each
 * snapshot, {@code running} says whether training was going on when it was taken.
 */
public record SessionSnapshot(long version, ToyData data, double extent, List<ModelSnapshot> models, boolean running,
                              boolean finished) {
    public SessionSnapshot {
        models = List.copyOf(models);
    }

    /** The largest iteration any model has reached. */
    public long iteration() {
        return models.stream().mapToLong(ModelSnapshot::iteration).max().orElse(0);
    }

    public ModelSnapshot model(String kind, int hidden) {
        for (ModelSnapshot m : models) {
            if (m.spec().kind().equals(kind) && m.spec().hidden() == hidden) {
                return m;
            }
        }
        return null;
    }
}
