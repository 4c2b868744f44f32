package org.addernet.app.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/**
 * What a reader does with the curve charts, as TensorBoard lets them: hide a legend entry (and
 * every series it stands for), smooth the curves (an exponential moving average, the raw curve
 * faint behind it), read the values at an iteration, and see where a log-scale curve is exactly 0
 * (a marker on the plot's floor: a log axis cannot draw 0). Headless and for any chart of this
 * package; {@link #apply} brings a chart to a {@link CurveState}, {@link #readout} reads it.
 */
public final class Curves {
    /** Index of the raw curves drawn faint behind the smoothed ones. */
    static final int RAW = 8;
    /** Index of the zero markers of a log-scale chart. */
    static final int ZEROS = 9;
    /** Appended to a series' key for its zero markers. */
    static final String ZERO_SUFFIX = " (= 0)";
    /** The colour of a hidden legend entry. */
    static final Color HIDDEN = new Color(0xB9, 0xBD, 0xC3);
    /** The note a log-scale chart carries while it has zero markers. */
    public static final String ZERO_NOTE = "\u25BC on the floor: exactly 0 (no gradient reaches the layer, e.g. every "
            + "ReLU dead); a log axis cannot draw 0";

    private Curves() {
    }

    /**
     * The series one legend entry stands for, kept as the entry's series key so that a click on it
     * (its {@code LegendItemEntity}) says what to hide.
     */
    public static final class LegendGroup implements Comparable<LegendGroup> {
        private final String label;
        private final Set<String> series;
        private final Paint paint;
        private final Paint labelPaint;

        LegendGroup(String label, Collection<String> series, Paint paint, Paint labelPaint) {
            this.label = label;
            this.series = Set.copyOf(series);
            this.paint = paint;
            this.labelPaint = labelPaint;
        }

        /** The entry's label, the key {@link CurveState} hides it by. */
        public String label() {
            return label;
        }

        /** The keys of the series it stands for. */
        public Set<String> series() {
            return series;
        }

        @Override
        public int compareTo(LegendGroup o) {
            return label.compareTo(o.label);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LegendGroup g && g.label.equals(label) && g.series.equals(series);
        }

        @Override
        public int hashCode() {
            return Objects.hash(label, series);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A legend entry standing for {@code series} (hiding it hides them all). */
    static LegendItem entry(String label, Collection<String> series, Shape line, Stroke stroke, Paint paint) {
        LegendItem it = new LegendItem(label, null, "click to hide or show", null, line, stroke, paint);
        it.setSeriesKey(new LegendGroup(label, series, paint, ChartStyle.INK));
        return it;
    }

    /** Every XY plot holding data: the subplots of a combined plot, else the plot itself. */
    static List<XYPlot> plots(JFreeChart chart) {
        if (chart.getPlot() instanceof CombinedDomainXYPlot c) {
            return c.getSubplots();
        }
        return chart.getPlot() instanceof XYPlot p ? List.of(p) : List.of();
    }

    /** The legend entries of {@code chart} as groups (entries drawn by the renderers become groups of one series). */
    public static List<LegendGroup> groups(JFreeChart chart) {
        List<LegendGroup> out = new ArrayList<>();
        if (chart.getPlot() instanceof XYPlot p) {
            LegendItemCollection items = fixedLegend(chart, p);
            for (Iterator<?> it = items.iterator(); it.hasNext();) {
                if (((LegendItem) it.next()).getSeriesKey() instanceof LegendGroup g) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    /** The plot's legend as fixed items whose keys are groups (an automatic legend is taken over, every series shown). */
    private static LegendItemCollection fixedLegend(JFreeChart chart, XYPlot top) {
        LegendItemCollection items = top.getFixedLegendItems();
        if (items != null) {
            boolean grouped = true;
            for (Iterator<?> it = items.iterator(); it.hasNext();) {
                LegendItem li = (LegendItem) it.next();
                grouped &= li.getSeriesKey() instanceof LegendGroup || li.getSeriesKey() == null;
            }
            if (grouped) {
                return items;
            }
        }
        for (XYPlot p : plots(chart)) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                XYItemRenderer r = p.getRendererForDataset(p.getDataset(d));
                XYDataset ds = p.getDataset(d);
                if (r != null && ds != null) {
                    for (int s = 0; s < ds.getSeriesCount(); s++) {
                        r.setSeriesVisible(s, null, false);
                    }
                }
            }
        }
        LegendItemCollection source = items != null ? items : top.getLegendItems();
        LegendItemCollection fixed = new LegendItemCollection();
        for (Iterator<?> it = source.iterator(); it.hasNext();) {
            LegendItem li = (LegendItem) it.next();
            if (!(li.getSeriesKey() instanceof LegendGroup) && li.getSeriesKey() != null) {
                li.setSeriesKey(new LegendGroup(li.getLabel(), List.of(String.valueOf(li.getSeriesKey())),
                        li.getLinePaint(), li.getLabelPaint() == null ? ChartStyle.INK : li.getLabelPaint()));
                li.setToolTipText("click to hide or show");
            }
            fixed.add(li);
        }
        top.setFixedLegendItems(fixed);
        return fixed;
    }

    /**
     * Brings {@code chart} to {@code state}: the series of hidden entries are not drawn (their entries
     * stay in the legend, greyed, to be clicked again), and with a smoothing weight above 0 the
     * curves are drawn smoothed over their faint raw selves. Call after every change of the chart's
     * series; one redraw follows.
     */
    public static void apply(JFreeChart chart, CurveState state) {
        if (!(chart.getPlot() instanceof XYPlot top)) {
            return;
        }
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            Set<String> hidden = new HashSet<>();
            LegendItemCollection items = fixedLegend(chart, top);
            for (Iterator<?> it = items.iterator(); it.hasNext();) {
                LegendItem li = (LegendItem) it.next();
                if (li.getSeriesKey() instanceof LegendGroup g) {
                    boolean off = state.isHidden(g.label());
                    if (off) {
                        hidden.addAll(g.series());
                    }
                    li.setLabelPaint(off ? HIDDEN : g.labelPaint);
                    li.setLinePaint(off ? HIDDEN : g.paint);
                    li.setFillPaint(off ? HIDDEN : g.paint);
                }
            }
            top.setFixedLegendItems(items);
            for (XYPlot p : plots(chart)) {
                smooth(p, state.smoothing());
                // getDatasetCount() counts the datasets set, not the highest index: the raw curves
                // behind smoothed ones sit at RAW, past it
                for (int d = 0; d <= Math.max(RAW, p.getDatasetCount()); d++) {
                    XYDataset ds = p.getDataset(d);
                    XYItemRenderer r = p.getRenderer(d);
                    if (ds == null || r == null) {
                        continue;
                    }
                    for (int s = 0; s < ds.getSeriesCount(); s++) {
                        r.setSeriesVisible(s, !hidden.contains(baseKey(ds.getSeriesKey(s))), false);
                    }
                }
            }
        } finally {
            chart.setNotify(notify);
        }
        chart.fireChartChanged();
    }

    static String baseKey(Comparable<?> key) {
        String k = String.valueOf(key);
        return k.endsWith(ZERO_SUFFIX) ? k.substring(0, k.length() - ZERO_SUFFIX.length()) : k;
    }

    /** Wraps (or unwraps) dataset 0 of {@code p} in a {@link SmoothedDataset}; the raw curves go faint behind it. */
    private static void smooth(XYPlot p, double weight) {
        XYDataset d0 = p.getDataset(0);
        if (d0 == null) {
            return;
        }
        boolean log = p.getRangeAxis() instanceof LogAxis;
        if (weight > 0) {
            if (d0 instanceof SmoothedDataset sd) {
                sd.setWeight(weight);
            } else {
                SmoothedDataset sd = new SmoothedDataset(d0, weight, log);
                p.setDataset(0, sd);
                p.setDataset(RAW, d0);
                if (p.getRenderer(0) instanceof XYLineAndShapeRenderer main) {
                    p.setRenderer(RAW, new FaintRenderer(main));
                }
            }
        } else if (d0 instanceof SmoothedDataset sd) {
            sd.detach();
            p.setDataset(0, sd.raw());
            p.setDataset(RAW, null);
            p.setRenderer(RAW, null);
        }
    }

    /** The raw curves behind smoothed ones: the main renderer's colours, faint and thin; no legend. */
    static final class FaintRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final XYLineAndShapeRenderer main;

        FaintRenderer(XYLineAndShapeRenderer main) {
            super(true, false);
            this.main = main;
            setDrawSeriesLineAsPath(true);
            setDefaultSeriesVisibleInLegend(false);
            setDefaultStroke(new BasicStroke(1.2f));
            setAutoPopulateSeriesStroke(false);
        }

        @Override
        public Paint getItemPaint(int series, int item) {
            Paint p = main.getItemPaint(series, item);
            if (p instanceof Color c) {
                return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(30, c.getAlpha() * 45 / 255));
            }
            return p;
        }

        @Override
        public Stroke getItemStroke(int series, int item) {
            return getDefaultStroke();
        }
    }

    /** One series' value near an x. */
    public record Reading(String series, String axis, double x, double y, double smoothed, Paint paint) {
    }

    /**
     * The value of every drawn series at the item nearest {@code x} (each series at its own nearest
     * logged x), top plot first; a series that is exactly 0 there on a log axis reads 0.
     */
    public static List<Reading> readout(JFreeChart chart, double x) {
        List<Reading> out = new ArrayList<>();
        for (XYPlot p : plots(chart)) {
            XYDataset d0 = p.getDataset(0);
            if (d0 == null) {
                continue;
            }
            XYDataset raw = d0 instanceof SmoothedDataset sd ? sd.raw() : d0;
            XYItemRenderer r = p.getRenderer(0);
            String axis = p.getRangeAxis() == null ? "" : p.getRangeAxis().getLabel();
            XYDataset zeros = p.getDataset(ZEROS);
            for (int s = 0; s < d0.getSeriesCount(); s++) {
                if (r != null && !r.isSeriesVisible(s)) {
                    continue;
                }
                int i = nearest(raw, s, x);
                String key = String.valueOf(d0.getSeriesKey(s));
                double zx = Double.NaN;
                if (zeros != null) {
                    int zs = zeros.indexOf(key + ZERO_SUFFIX);
                    if (zs >= 0) {
                        int zi = nearest(zeros, zs, x);
                        zx = zi < 0 ? Double.NaN : zeros.getXValue(zs, zi);
                    }
                }
                Paint paint = r == null ? Color.BLACK : r.getItemPaint(s, Math.max(0, i));
                double rx = i < 0 ? Double.NaN : raw.getXValue(s, i);
                if (!Double.isNaN(zx) && (Double.isNaN(rx) || Math.abs(zx - x) < Math.abs(rx - x))) {
                    out.add(new Reading(key, axis, zx, 0, Double.NaN, paint));
                } else if (i >= 0) {
                    out.add(new Reading(key, axis, rx, raw.getYValue(s, i),
                            d0 instanceof SmoothedDataset ? d0.getYValue(s, i) : Double.NaN, paint));
                }
            }
        }
        return out;
    }

    /** The readings as lines of text: the x, then {@code series: value (smoothed s)} one a line. */
    public static String text(List<Reading> readings, String xLabel) {
        if (readings.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %,.0f", xLabel, readings.get(0).x()));
        String axis = null;
        for (Reading r : readings) {
            if (!r.axis().equals(axis) && readings.stream().map(Reading::axis).distinct().count() > 1) {
                axis = r.axis();
                sb.append("\n").append(axis).append(':');
            }
            sb.append("\n  ").append(r.series()).append("  ").append(value(r.y(), r.axis()));
            if (Double.isFinite(r.smoothed())) {
                sb.append("  (smoothed ").append(value(r.smoothed(), r.axis())).append(')');
            }
            if (r.x() != readings.get(0).x()) {
                sb.append(String.format(Locale.ROOT, "  at %,.0f", r.x()));
            }
        }
        return sb.toString();
    }

    private static String value(double y, String axis) {
        if (y == 0) {
            return "0";
        }
        if (axis.equals("accuracy")) {                     // the live chart's axis: fractions shown as percent
            return String.format(Locale.ROOT, "%.1f %%", 100 * y);
        }
        if (axis.contains("%")) {
            return String.format(Locale.ROOT, "%.1f %%", y);
        }
        double a = Math.abs(y);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", y) : String.format(Locale.ROOT, "%.3e", y);
    }

    /** The item of series {@code s} whose x is nearest {@code x}, or -1 when it has none. */
    static int nearest(XYDataset d, int s, double x) {
        int n = d.getItemCount(s);
        int best = -1;
        double dist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double e = Math.abs(d.getXValue(s, i) - x);
            if (e < dist) {
                dist = e;
                best = i;
            }
        }
        return best;
    }

    /** The x range of every series of the chart's plots, or null when there is no point. */
    public static Range xRange(JFreeChart chart) {
        Range r = null;
        for (XYPlot p : plots(chart)) {
            ValueAxis a = p.getDomainAxis();
            if (a != null && p.getDataset(0) != null && p.getDataset(0).getSeriesCount() > 0) {
                Range d = org.jfree.data.general.DatasetUtils.findDomainBounds(p.getDataset(0));
                r = d == null ? r : r == null ? d : Range.combine(r, d);
            }
        }
        return r;
    }

    /** Shows a vertical cursor at {@code x} on every plot (NaN: none). */
    public static void cursor(JFreeChart chart, double x) {
        for (XYPlot p : plots(chart)) {
            p.setDomainCrosshairVisible(!Double.isNaN(x));
            p.setDomainCrosshairLockedOnData(false);
            if (!Double.isNaN(x)) {
                p.setDomainCrosshairValue(x, false);
                p.setDomainCrosshairPaint(ChartStyle.AXIS);
                p.setDomainCrosshairStroke(new BasicStroke(1f));
            }
        }
        chart.fireChartChanged();
    }

    /** The entries' series of {@code groups} (tests): what each legend entry hides. */
    static Set<String> seriesOf(List<LegendGroup> groups) {
        Set<String> out = new LinkedHashSet<>();
        for (LegendGroup g : groups) {
            out.addAll(g.series());
        }
        return out;
    }

    /** The subtitles of {@code chart} as text (tests). */
    static List<String> subtitles(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle tt) {
                out.add(tt.getText());
            } else if (t instanceof Title) {
                out.add("");
            }
        }
        return out;
    }
}
