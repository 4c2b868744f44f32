package org.addernet.app.runner;

import java.util.List;
import java.util.Locale;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.StepMetrics;

/**
 * {@code metrics.csv}: one row per logged step with the columns
 * {@code iteration,loss,train_accuracy,test_accuracy,lr,p,grad_norm_<layer>...}; train accuracy and
 * loss are means over the batches since the previous row, test accuracy is on the whole test set.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static String format(List<String> layerNames, List<StepMetrics> rows) {
        StringBuilder sb = new StringBuilder("iteration,loss,train_accuracy,test_accuracy,lr,p");
        for (String l : layerNames) {
            sb.append(",grad_norm_").append(l);
        }
        sb.append('\n');
        for (StepMetrics m : rows) {
            sb.append(m.iteration()).append(',').append(num(m.loss())).append(',').append(num(m.trainAccuracy()))
                    .append(',').append(num(m.testAccuracy())).append(',').append(num(m.lr())).append(',')
                    .append(num(m.p()));
            for (double g : m.gradNorms()) {
                sb.append(',').append(num(g));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * An epoch run's {@code metrics.csv}: one row per epoch with the columns
     * {@code epoch,iteration,loss,train_accuracy,test_accuracy,lr,p,seconds,images_per_second,grad_norm_<layer>...};
     * loss and train accuracy are means over the epoch's batches, test accuracy is on the whole test
     * set after the epoch, seconds the training time so far.
     */
    public static String formatEpochs(List<String> layerNames, List<EpochMetrics> rows) {
        StringBuilder sb = new StringBuilder("epoch,iteration,loss,train_accuracy,test_accuracy,lr,p,seconds,images_per_second");
        for (String l : layerNames) {
            sb.append(",grad_norm_").append(l);
        }
        sb.append('\n');
        for (EpochMetrics m : rows) {
            sb.append(m.epoch()).append(',').append(m.iteration()).append(',').append(num(m.loss())).append(',')
                    .append(num(m.trainAccuracy())).append(',').append(num(m.testAccuracy())).append(',')
                    .append(num(m.lr())).append(',').append(num(m.p())).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", m.seconds())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", m.imagesPerSecond()));
            for (double g : m.gradNorms()) {
                sb.append(',').append(num(g));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads an epoch run's {@code metrics.csv} back (columns found by their header names); a file
     * that is not one says so with its name and line.
     */
    public static List<EpochMetrics> parseEpochs(java.nio.file.Path file) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).startsWith("epoch,")) {
            throw new java.io.IOException(file + ": not an epoch run's metrics.csv (its header does not start with 'epoch,')");
        }
        List<String> head = List.of(lines.get(0).split(","));
        String[] need = {"epoch", "iteration", "loss", "train_accuracy", "test_accuracy", "lr", "p", "seconds",
            "images_per_second"};
        int[] at = new int[need.length];
        for (int k = 0; k < need.length; k++) {
            at[k] = head.indexOf(need[k]);
            if (at[k] < 0) {
                throw new java.io.IOException(file + ": line 1 lacks the column '" + need[k] + "'");
            }
        }
        List<EpochMetrics> out = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] c = lines.get(i).split(",", -1);
            try {
                double[] v = new double[need.length];
                for (int k = 0; k < need.length; k++) {
                    v[k] = c[at[k]].isEmpty() ? Double.NaN : Double.parseDouble(c[at[k]]);
                }
                List<Double> norms = new java.util.ArrayList<>();
                for (int k = 0; k < head.size(); k++) {
                    if (head.get(k).startsWith("grad_norm_")) {
                        norms.add(c[k].isEmpty() ? Double.NaN : Double.parseDouble(c[k]));
                    }
                }
                out.add(new EpochMetrics((int) v[0], (long) v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8],
                        norms.stream().mapToDouble(Double::doubleValue).toArray()));
            } catch (RuntimeException e) {
                throw new java.io.IOException(file + ":" + (i + 1) + ": expected " + head.size()
                        + " numbers separated by commas, got '" + lines.get(i) + "'");
            }
        }
        return out;
    }

    /**
     * Reads a toy run's {@code metrics.csv} back (one row per logged step; columns found by their
     * header names, {@code grad_norm_<layer>} columns in order give the layer names); an empty cell
     * reads as NaN. A file that is not one says so with its name and line.
     */
    public static List<StepMetrics> parseSteps(java.nio.file.Path file) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).startsWith("iteration,")) {
            throw new java.io.IOException(file + ": not a toy run's metrics.csv (its header does not start with 'iteration,')");
        }
        List<String> head = List.of(lines.get(0).split(","));
        String[] need = {"iteration", "loss", "train_accuracy", "test_accuracy", "lr", "p"};
        int[] at = new int[need.length];
        for (int k = 0; k < need.length; k++) {
            at[k] = head.indexOf(need[k]);
            if (at[k] < 0) {
                throw new java.io.IOException(file + ": line 1 lacks the column '" + need[k] + "'");
            }
        }
        List<String> layers = new java.util.ArrayList<>();
        List<Integer> normAt = new java.util.ArrayList<>();
        for (int k = 0; k < head.size(); k++) {
            if (head.get(k).startsWith("grad_norm_")) {
                layers.add(head.get(k).substring("grad_norm_".length()));
                normAt.add(k);
            }
        }
        List<StepMetrics> out = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] c = lines.get(i).split(",", -1);
            try {
                if (c.length != head.size()) {
                    throw new IllegalArgumentException();
                }
                double[] v = new double[need.length];
                for (int k = 0; k < need.length; k++) {
                    v[k] = c[at[k]].isEmpty() ? Double.NaN : Double.parseDouble(c[at[k]]);
                }
                double[] norms = new double[normAt.size()];
                for (int k = 0; k < norms.length; k++) {
                    String s = c[normAt.get(k)];
                    norms[k] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                }
                out.add(new StepMetrics(Long.parseLong(c[at[0]]), v[1], v[2], v[3], v[4], v[5], layers, norms));
            } catch (RuntimeException e) {
                throw new java.io.IOException(file + ":" + (i + 1) + ": expected " + head.size()
                        + " numbers separated by commas, got '" + lines.get(i) + "'");
            }
        }
        return out;
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
