package org.addernet.app.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.addernet.engine.train.StepMetrics;
import org.junit.jupiter.api.Test;

/** When the window calls a network dead: every weight gradient exactly 0 from some logged step to the newest. */
class ModelHealthTest {
    private static StepMetrics step(long it, double... norms) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < norms.length; k++) {
            names.add("layer" + (k + 1));
        }
        return new StepMetrics(it, 0.5, 0.5, 0.5, 0.1, 1, names, norms);
    }

    @Test
    void deadSinceTheFirstOfTheTrailingZeroGradientSteps() {
        List<StepMetrics> h = List.of(step(1, 0.3, 0.2), step(10, 0, 0), step(20, 1e-20, 0), step(30, 0, 0),
                step(40, 0, 0));
        assertEquals(30, ModelHealth.deadSince(h), "a tiny gradient is still a gradient");
        assertEquals(-1, ModelHealth.deadSince(h.subList(0, 3)));
        assertEquals(-1, ModelHealth.deadSince(List.of()));
        assertEquals(-1, ModelHealth.deadSince(List.of(step(5))), "no layers logged: nothing to say");
    }

    @Test
    void deadUnitsAreThoseZeroOnTheWholePlane() {
        float[][] fields = {{0, 0, 0}, {0, 0.1f, 0}, {0, 0, 0}};
        assertEquals(2, ModelHealth.deadUnits(fields));
        assertEquals(0, ModelHealth.deadUnits(new float[0][]));
    }
}
