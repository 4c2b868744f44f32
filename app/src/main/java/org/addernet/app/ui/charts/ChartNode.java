package org.addernet.app.ui.charts;

import javafx.scene.Node;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The JavaFX viewer of a headless chart of {@code org.addernet.app.figures} (zoom by dragging,
 * context menu with export), built on the first {@link #node()} call, on the FX thread; the
 * chart changes in place and the viewer redraws it.
 */
public final class ChartNode {
    private final JFreeChart chart;
    private ChartViewer viewer;

    public ChartNode(JFreeChart chart) {
        this.chart = chart;
    }

    /** The chart shown. */
    public JFreeChart chart() {
        return chart;
    }

    /** The viewer, the same one on every call; FX thread. */
    public Node node() {
        if (viewer == null) {
            viewer = new ChartViewer(chart);
        }
        return viewer;
    }
}
