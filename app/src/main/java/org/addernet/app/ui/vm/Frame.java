package org.addernet.app.ui.vm;

import java.util.List;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.app.ui.session.SessionSnapshot;

/**
 * What the window shows for one snapshot, rendered off the FX thread: one boundary panel per
 * main model (with its unit thumbnails), the difference map when asked for and both models are
 * there, and the figure grid when the grid view is open.
 */
public record Frame(SessionSnapshot snapshot, List<Panel> panels, Pixels difference, Pixels grid, long generation) {
    public Frame {
        panels = List.copyOf(panels);
    }

    /**
     * One model's boundary image, one thumbnail per first-layer unit, and what to say under it
     * ({@link ModelHealth#note}); {@code stopped} when it cannot learn any more (diverged, dead).
     */
    public record Panel(ModelSnapshot model, Pixels boundary, List<Pixels> thumbnails, String note, boolean stopped) {
        public Panel {
            thumbnails = List.copyOf(thumbnails);
        }
    }
}
