package org.addernet.app.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every chart, sized for a projector: 15 pt bold titles, 13 pt axis labels,
 * 12 pt tick labels and legend, white background, thin light-grey gridlines, no plot outline.
 */
final class ChartStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font MESSAGE = new Font(Font.SANS_SERIF, Font.ITALIC, 13);

    static final Color BACKGROUND = Color.WHITE;
    static final Color INK = new Color(0x1C, 0x1C, 0x1E);
    static final Color AXIS = new Color(0x5F, 0x63, 0x68);
    static final Color GRID = new Color(0xE2, 0xE4, 0xE7);
    static final Color MINOR_GRID = new Color(0xF1, 0xF2, 0xF4);
    /** Legend entries that explain a line style rather than a model. */
    static final Color KEY = new Color(0x6B, 0x6F, 0x75);

    /** Width of data lines in Java2D units (pixels at 100 %). */
    static final float LINE_WIDTH = 2.2f;

    private ChartStyle() {
    }

    /** A chart around {@code plot} with the shared title, legend and background. */
    static JFreeChart chart(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(BACKGROUND);
        chart.setPadding(new RectangleInsets(8, 8, 6, 12));
        TextTitle t = chart.getTitle();
        t.setPaint(INK);
        t.setMargin(2, 0, 6, 0);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LEGEND);
        legend.setItemPaint(INK);
        legend.setBackgroundPaint(BACKGROUND);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        plot.setNoDataMessage("no data yet");
        plot.setNoDataMessageFont(MESSAGE);
        plot.setNoDataMessagePaint(AXIS);
        return chart;
    }

    /** A subtitle line under the title. */
    static TextTitle subtitle(String text) {
        TextTitle t = new TextTitle(text, SUBTITLE);
        t.setPaint(AXIS);
        t.setMargin(0, 0, 4, 0);
        return t;
    }

    /** Background, gridlines and outline of an XY plot, and the style of its axes. */
    static void plot(XYPlot plot) {
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainMinorGridlinePaint(MINOR_GRID);
        plot.setRangeMinorGridlinePaint(MINOR_GRID);
        plot.setDomainMinorGridlineStroke(new BasicStroke(1f));
        plot.setRangeMinorGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        plot.setNoDataMessage("no data yet");
        plot.setNoDataMessageFont(MESSAGE);
        plot.setNoDataMessagePaint(AXIS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            axis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axis(plot.getRangeAxis(i));
        }
    }

    /** Fonts and colours of one axis (safe to call with null). */
    static void axis(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK_LABEL);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(AXIS);
        axis.setTickMarkPaint(AXIS);
    }

    /** A renderer of plain lines (no point markers), drawn as one path per series for speed. */
    static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultStroke(ModelPalette.solid(LINE_WIDTH));
        r.setDefaultPaint(INK);
        // long enough to show a dash pattern in the legend
        r.setLegendLine(new Line2D.Double(-14, 0, 14, 0));
        return r;
    }
}
