package org.addernet.app.figures;

import org.jfree.data.DomainOrder;
import org.jfree.data.general.DatasetChangeEvent;
import org.jfree.data.general.DatasetChangeListener;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A view of an XY dataset whose y values are an exponential moving average over each series, as
 * TensorBoard smooths: {@code s_k = w s_(k-1) + (1 - w) y_k}, debiased by {@code 1 - w^k} so that
 * the first points are not pulled towards 0. Non-finite values pass through and do not enter the
 * average. The averages are computed when first read after a change of the underlying data (a
 * chart appends points), one pass per series.
 */
final class SmoothedDataset extends AbstractXYDataset implements DatasetChangeListener {
    private final XYDataset raw;
    private final boolean logSpace;
    private double weight;
    private double[][] cache;

    /** @param logSpace average the logarithms (a log axis: a norm of 1e-6 among 1e-2 ones is not flattened to 1e-2) */
    SmoothedDataset(XYDataset raw, double weight, boolean logSpace) {
        this.raw = raw;
        this.logSpace = logSpace;
        this.weight = weight;
        raw.addChangeListener(this);
    }

    /** The dataset smoothed. */
    XYDataset raw() {
        return raw;
    }

    double weight() {
        return weight;
    }

    void setWeight(double w) {
        if (w != weight) {
            weight = w;
            cache = null;
            fireDatasetChanged();
        }
    }

    /** Stops following the raw dataset (the chart dropped this view). */
    void detach() {
        raw.removeChangeListener(this);
    }

    @Override
    public void datasetChanged(DatasetChangeEvent event) {
        cache = null;
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return raw.getSeriesCount();
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return raw.getSeriesKey(series);
    }

    @Override
    public DomainOrder getDomainOrder() {
        return raw.getDomainOrder();
    }

    @Override
    public int getItemCount(int series) {
        return raw.getItemCount(series);
    }

    @Override
    public Number getX(int series, int item) {
        return raw.getX(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        return raw.getXValue(series, item);
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
        double[][] c = cache;
        if (c == null || c.length != raw.getSeriesCount()) {
            c = new double[raw.getSeriesCount()][];
            cache = c;
        }
        if (c[series] == null || c[series].length != raw.getItemCount(series)) {
            c[series] = smooth(raw, series, weight, logSpace);
        }
        return c[series][item];
    }

    /** The debiased exponential moving average of series {@code s} of {@code d} with weight {@code w}. */
    static double[] smooth(XYDataset d, int s, double w, boolean logSpace) {
        int n = d.getItemCount(s);
        double[] out = new double[n];
        double last = 0;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            double y = d.getYValue(s, i);
            if (!Double.isFinite(y) || (logSpace && !(y > 0))) {
                out[i] = y;
                continue;
            }
            double v = logSpace ? Math.log(y) : y;
            last = last * w + (1 - w) * v;
            seen++;
            double m = w == 0 ? v : last / (1 - Math.pow(w, seen));
            out[i] = logSpace ? Math.exp(m) : m;
        }
        return out;
    }
}
