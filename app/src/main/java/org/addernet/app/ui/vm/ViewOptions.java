package org.addernet.app.ui.vm;

/** How the boundary panels are drawn; immutable, swapped whole when a toggle changes. */
public record ViewOptions(boolean discretize, boolean showTest, boolean showDifference, boolean showCentres,
                          boolean gridView, int panelSize) {
    public static ViewOptions defaults() {
        return new ViewOptions(false, true, false, true, false, 340);
    }
}
