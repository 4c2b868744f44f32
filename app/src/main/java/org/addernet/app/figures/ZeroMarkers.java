package org.addernet.app.figures;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The zero markers of a log-scale plot: series {@code key + ZERO_SUFFIX} in {@link Curves#ZEROS}, one
 * item per x where the series is exactly 0 (y NaN: they take no part in the axis range), drawn
 * as triangles on the plot's floor in the colours of {@code main}; and {@link Curves#ZERO_NOTE} as a
 * subtitle while there are any.
 */
final class ZeroMarkers {
    private final XYPlot plot;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final TextTitle note = ChartStyle.subtitle(Curves.ZERO_NOTE);
    private JFreeChart chart;

    ZeroMarkers(XYPlot plot, XYLineAndShapeRenderer main) {
        this.plot = plot;
        plot.setDataset(Curves.ZEROS, data);
        plot.setRenderer(Curves.ZEROS, new FloorRenderer(main));
        note.setPaint(ChartStyle.INK);
    }

    /** The chart the note goes in (once it is made). */
    void chart(JFreeChart c) {
        chart = c;
        refreshNote();
    }

    void clear() {
        data.removeAllSeries();
        refreshNote();
    }

    /** Forgets the zeros of series {@code key} (its curve starts over). */
    void clear(String key) {
        int i = data.indexOf(key + Curves.ZERO_SUFFIX);
        if (i >= 0) {
            data.getSeries(i).clear();
        }
    }

    /** Marks {@code x} of series {@code key} as 0. */
    void add(String key, double x) {
        String k = key + Curves.ZERO_SUFFIX;
        int i = data.indexOf(k);
        XYSeries s;
        if (i < 0) {
            // aligned with the main dataset's series index, for the colour
            s = new XYSeries(k, true, true);
            data.addSeries(s);
        } else {
            s = data.getSeries(i);
        }
        s.add(x, Double.NaN, false);
    }

    /** Tells listeners the markers changed (after a batch of {@link #add}s). */
    void changed() {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            data.getSeries(i).fireSeriesChanged();
        }
        refreshNote();
    }

    boolean any() {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            if (data.getSeries(i).getItemCount() > 0) {
                return true;
            }
        }
        return false;
    }

    private void refreshNote() {
        if (chart == null) {
            return;
        }
        boolean has = false;
        for (Object t : chart.getSubtitles()) {
            has |= t == note;
        }
        if (any() && !has) {
            chart.addSubtitle(note);
        } else if (!any() && has) {
            chart.removeSubtitle(note);
        }
    }

    XYPlot plot() {
        return plot;
    }

    /** Draws each item as a downward triangle on the floor of the data area, in the colour of the main series of that key. */
    private static final class FloorRenderer extends AbstractXYItemRenderer {
        private static final long serialVersionUID = 1L;
        private final XYLineAndShapeRenderer main;

        FloorRenderer(XYLineAndShapeRenderer main) {
            this.main = main;
            setDefaultSeriesVisibleInLegend(false);
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                             int item, CrosshairState crosshairState, int pass) {
            if (!isSeriesVisible(series)) {
                return;
            }
            double x = dataset.getXValue(series, item);
            if (!domainAxis.getRange().contains(x)) {
                return;
            }
            RectangleEdge edge = plot.getDomainAxisEdge();
            double px = domainAxis.valueToJava2D(x, dataArea, edge);
            double py = dataArea.getMaxY() - 1;
            double h = 7;
            Path2D.Double tri = new Path2D.Double();
            tri.moveTo(px - h * 0.6, py - h);
            tri.lineTo(px + h * 0.6, py - h);
            tri.lineTo(px, py);
            tri.closePath();
            g2.setPaint(paintOf(plot, dataset, series));
            g2.fill(tri);
        }

        private Paint paintOf(XYPlot plot, XYDataset zeros, int series) {
            String key = Curves.baseKey(zeros.getSeriesKey(series));
            XYDataset d0 = plot.getDataset(0);
            if (d0 != null) {
                int s = d0.indexOf(key);
                if (s >= 0) {
                    return main.getSeriesPaint(s) != null ? main.getSeriesPaint(s) : ChartStyle.INK;
                }
            }
            return ChartStyle.INK;
        }

        @Override
        public Range findRangeBounds(XYDataset dataset) {
            return null;
        }
    }
}
