package org.addernet.app.ui.vm;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * How the main window draws its boundary panels: the toggles under them (class regions only,
 * test points, the difference map, the adder centres), the figure view's switch, and the panels'
 * size in pixels. Every change makes a new {@link ViewOptions} (read by the render thread) and
 * asks for the newest snapshot to be drawn again. FX thread only, but {@link #current()}.
 */
public final class PanelOptions {
    /** Smallest and largest side of a boundary panel, in pixels. */
    public static final int MIN_PANEL = 200;
    public static final int MAX_PANEL = 900;

    public final BooleanProperty discretize = new SimpleBooleanProperty(false);
    public final BooleanProperty showTest = new SimpleBooleanProperty(true);
    public final BooleanProperty showDifference = new SimpleBooleanProperty(false);
    public final BooleanProperty showCentres = new SimpleBooleanProperty(true);
    /** The figure view (the grid of a figure preset) shown. */
    public final BooleanProperty gridView = new SimpleBooleanProperty(false);

    private Runnable redraw = () -> { };
    private volatile ViewOptions options = ViewOptions.defaults();
    private int panelSize = ViewOptions.defaults().panelSize();

    PanelOptions() {
        for (var p : List.of(discretize, showTest, showDifference, showCentres, gridView)) {
            p.addListener((o, a, b) -> changed());
        }
    }

    /** What draws the newest snapshot again with {@link #current()} after a change. */
    void redrawWith(Runnable r) {
        this.redraw = r;
    }

    /** How panels are drawn now. */
    public ViewOptions current() {
        return options;
    }

    /**
     * Draws the boundary panels {@code px} pixels square from now on (the view fits them to the
     * window), within [{@link #MIN_PANEL}, {@link #MAX_PANEL}]; the newest snapshot is drawn again.
     */
    public void setPanelSize(int px) {
        int size = Math.max(MIN_PANEL, Math.min(MAX_PANEL, px));
        if (size != panelSize) {
            panelSize = size;
            changed();
        }
    }

    /** The options as the properties say, and the newest snapshot drawn with them. */
    void changed() {
        options = new ViewOptions(discretize.get(), showTest.get(), showDifference.get(), showCentres.get(),
                gridView.get(), panelSize);
        redraw.run();
    }
}
