package org.addernet.app.ui.charts;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import org.addernet.app.figures.CurveState;
import org.addernet.app.figures.Curves;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * The JavaFX viewer of a headless chart of {@code org.addernet.app.figures} (zoom by dragging,
 * context menu with export), built on the first {@link #node()} call, on the FX thread; the
 * chart changes in place and the viewer redraws it.
 *
 * <p>{@link #interactive} makes it a curve chart a reader works with ({@link Curves}): a click
 * on a legend entry hides or shows its curves, and the mouse over the plot shows a cursor line and
 * the value of every curve at the nearest logged x (raw and smoothed).
 */
public final class ChartNode {
    private final JFreeChart chart;
    private ChartViewer viewer;
    private StackPane view;
    private Label readout;
    private Line cursor;

    public ChartNode(JFreeChart chart) {
        this.chart = chart;
    }

    /** Over a viewer made elsewhere (one whose chart is replaced as its data change). */
    public ChartNode(JFreeChart chart, ChartViewer viewer) {
        this.chart = chart;
        this.viewer = viewer;
    }

    /** The chart shown first (a viewer given another chart shows that one). */
    public JFreeChart chart() {
        return chart;
    }

    /** The viewer, the same one on every call; FX thread. */
    public ChartViewer node() {
        if (viewer == null) {
            viewer = new ChartViewer(chart);
        }
        return viewer;
    }

    /**
     * The viewer with the reader's tools over {@code state}: legend clicks toggle entries (then
     * {@code changed} runs), hovering reads values along {@code xLabel}. The same node on every
     * call; FX thread.
     */
    public Node interactive(CurveState state, String xLabel, Runnable changed) {
        return interactive(state, () -> xLabel, changed);
    }

    /** As {@link #interactive(CurveState, String, Runnable)}, the x axis' name read at each hover. */
    public Node interactive(CurveState state, java.util.function.Supplier<String> xLabel, Runnable changed) {
        if (view != null) {
            return view;
        }
        ChartViewer v = node();
        readout = new Label();
        readout.setId("chart-readout");
        readout.getStyleClass().add("chart-readout");
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        readout.setManaged(false);
        cursor = new Line();
        cursor.getStyleClass().add("chart-cursor");
        cursor.setMouseTransparent(true);
        cursor.setVisible(false);
        cursor.setManaged(false);
        Pane overlay = new Pane(cursor, readout);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        view = new StackPane(v, overlay);
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        StackPane.setMargin(overlay, Insets.EMPTY);
        v.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof LegendItemEntity le && le.getSeriesKey() instanceof Curves.LegendGroup g) {
                    state.toggle(g.label());
                    Curves.apply(v.getChart(), state);
                    if (changed != null) {
                        changed.run();
                    }
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                hover(e.getTrigger(), xLabel.get());
            }
        });
        v.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            readout.setVisible(false);
            cursor.setVisible(false);
        });
        return view;
    }

    /** Shows the values at the mouse's x, or nothing when the mouse is off the plot area. */
    private void hover(MouseEvent e, String xLabel) {
        JFreeChart c = viewer.getChart();
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (c == null || info == null || !(c.getPlot() instanceof XYPlot plot)) {
            return;
        }
        PlotRenderingInfo pi = info.getPlotInfo();
        java.awt.geom.Point2D p = new java.awt.geom.Point2D.Double(e.getX(), e.getY());
        java.awt.geom.Rectangle2D area = pi.getDataArea();
        if (plot instanceof CombinedDomainXYPlot && pi.getSubplotCount() > 0) {
            int k = pi.getSubplotIndex(p);
            area = pi.getSubplotInfo(Math.max(0, k)).getDataArea();
            java.awt.geom.Rectangle2D first = pi.getSubplotInfo(0).getDataArea();
            java.awt.geom.Rectangle2D last = pi.getSubplotInfo(pi.getSubplotCount() - 1).getDataArea();
            if (k < 0 && !(e.getY() >= first.getMinY() && e.getY() <= last.getMaxY())) {
                area = null;
            } else {
                area = first.createUnion(last);
            }
        }
        if (area == null || !area.contains(e.getX(), Math.min(Math.max(e.getY(), area.getMinY()), area.getMaxY()))
                || e.getX() < area.getMinX() || e.getX() > area.getMaxX()) {
            readout.setVisible(false);
            cursor.setVisible(false);
            return;
        }
        double x = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
        String text = Curves.text(Curves.readout(c, x), xLabel);
        if (text.isEmpty()) {
            readout.setVisible(false);
            cursor.setVisible(false);
            return;
        }
        cursor.setStartX(e.getX());
        cursor.setEndX(e.getX());
        cursor.setStartY(area.getMinY());
        cursor.setEndY(area.getMaxY());
        cursor.setVisible(true);
        readout.setText(text);
        readout.autosize();
        double w = readout.getWidth();
        double left = e.getX() + 14 + w > viewer.getWidth() ? e.getX() - 14 - w : e.getX() + 14;
        readout.relocate(Math.max(2, left), Math.max(2, area.getMinY() + 4));
        readout.setVisible(true);
    }

    /** The readout's text as last shown (tests). */
    String readoutText() {
        return readout == null || !readout.isVisible() ? "" : readout.getText();
    }
}
