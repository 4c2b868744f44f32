package org.addernet.app.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.addernet.engine.train.RunStatus;

/**
 * Mean and spread over seeds of each (model, n) cell: what {@code summary.json}'s
 * {@code aggregate} and {@code accuracy-table.csv} hold. Spread is the sample standard deviation
 * (0 for one seed); only completed runs count, {@code completed} says how many.
 */
public record Aggregate(String model, Integer hidden, int runs, int completed, Double trainMean, Double trainStd,
                        Double testMean, Double testStd, Double testMin, Double testMax) {

    /** One cell per (model, hidden) in order of first appearance. */
    public static List<Aggregate> of(List<RunRecord> records) {
        Map<String, List<RunRecord>> cells = new LinkedHashMap<>();
        for (RunRecord r : records) {
            cells.computeIfAbsent(r.model() + "\u0000" + r.hidden(), k -> new ArrayList<>()).add(r);
        }
        List<Aggregate> out = new ArrayList<>();
        for (List<RunRecord> cell : cells.values()) {
            List<Double> train = new ArrayList<>();
            List<Double> test = new ArrayList<>();
            for (RunRecord r : cell) {
                if (r.status() == RunStatus.COMPLETED) {
                    // a completed epoch run picked up from its checkpoint has no new training-set evaluation
                    if (r.trainAccuracy() != null) {
                        train.add(r.trainAccuracy());
                    }
                    if (r.testAccuracy() != null) {
                        test.add(r.testAccuracy());
                    }
                }
            }
            RunRecord first = cell.get(0);
            out.add(new Aggregate(first.model(), first.hidden(), cell.size(), test.size(), mean(train), std(train),
                    mean(test), std(test), test.isEmpty() ? null : test.stream().min(Double::compare).get(),
                    test.isEmpty() ? null : test.stream().max(Double::compare).get()));
        }
        return out;
    }

    static Double mean(List<Double> v) {
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
    }

    static Double std(List<Double> v) {
        if (v.isEmpty()) {
            return null;
        }
        if (v.size() == 1) {
            return 0.0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.size() - 1));
    }

    /** {@code accuracy-table.csv}: one row per cell. */
    public static String csv(List<Aggregate> cells) {
        StringBuilder sb = new StringBuilder("model,hidden,runs,completed,train_mean,train_std,test_mean,test_std,test_min,test_max\n");
        for (Aggregate a : cells) {
            sb.append(a.model()).append(',').append(a.hidden() == null ? "" : a.hidden()).append(',').append(a.runs())
                    .append(',').append(a.completed()).append(',').append(f(a.trainMean())).append(',')
                    .append(f(a.trainStd())).append(',').append(f(a.testMean())).append(',').append(f(a.testStd()))
                    .append(',').append(f(a.testMin())).append(',').append(f(a.testMax())).append('\n');
        }
        return sb.toString();
    }

    private static String f(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
