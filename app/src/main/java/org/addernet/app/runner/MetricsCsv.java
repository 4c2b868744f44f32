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
     * Reads an epoch run's {@code metrics.csv} back (columns found by their header names; an
     * empty cell reads as NaN). A file that is not one says so with its name, line, column and
     * what was found: a byte that is not UTF-8, a missing column, a cell that is not a number.
     */
    public static List<EpochMetrics> parseEpochs(java.nio.file.Path file) throws java.io.IOException {
        Table t = Table.read(file, "epoch", EPOCH_COLUMNS, "an epoch run's");
        List<EpochMetrics> out = new java.util.ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            double[] v = new double[EPOCH_COLUMNS.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = t.number(i, k);
            }
            long epoch = t.whole(i, 0);
            long iteration = t.whole(i, 1);
            if (epoch < 1 || epoch > Integer.MAX_VALUE) {
                throw t.problem(i, 0, "expected a whole number >= 1");
            }
            out.add(new EpochMetrics((int) epoch, iteration, v[2], v[3], v[4], v[5], v[6], v[7], v[8], t.norms(i)));
        }
        return out;
    }

    /**
     * Reads a toy run's {@code metrics.csv} back (one row per logged step; columns found by their
     * header names, {@code grad_norm_<layer>} columns in order give the layer names); an empty cell
     * reads as NaN. A file that is not one says so with its name, line and column.
     */
    public static List<StepMetrics> parseSteps(java.nio.file.Path file) throws java.io.IOException {
        Table t = Table.read(file, "iteration", STEP_COLUMNS, "a toy run's");
        List<StepMetrics> out = new java.util.ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            double[] v = new double[STEP_COLUMNS.length];
            for (int k = 1; k < v.length; k++) {
                v[k] = t.number(i, k);
            }
            out.add(new StepMetrics(t.whole(i, 0), v[1], v[2], v[3], v[4], v[5], t.layers(), t.norms(i)));
        }
        return out;
    }

    /** Whether {@code file} is an epoch run's metrics.csv (its header starts with {@code epoch,}); reads only its start. */
    public static boolean isEpochs(java.nio.file.Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(9);
            int skip = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB ? 3 : 0;
            return new String(head, skip, head.length - skip, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .startsWith("epoch,");
        } catch (java.io.IOException e) {
            throw new java.io.IOException(file + ": cannot be read: " + org.addernet.app.io.IoText.reason(e), e);
        }
    }

    private static final String[] EPOCH_COLUMNS = {"epoch", "iteration", "loss", "train_accuracy", "test_accuracy", "lr",
        "p", "seconds", "images_per_second"};
    private static final String[] STEP_COLUMNS = {"iteration", "loss", "train_accuracy", "test_accuracy", "lr", "p"};
    /** Largest metrics.csv read (a million epochs or logged steps of a wide net). */
    static final int MAX_BYTES = 256 << 20;

    /** A metrics.csv split into checked rows, each problem as {@code FILE:LINE: column NAME: expected ..., got '...'}. */
    private static final class Table {
        private final String source;
        private final List<String> head;
        private final int[] at;
        private final List<Integer> normAt = new java.util.ArrayList<>();
        private final List<String> layers = new java.util.ArrayList<>();
        private final List<String[]> cells = new java.util.ArrayList<>();
        private final List<Integer> lineOf = new java.util.ArrayList<>();

        private Table(String source, List<String> head, int[] at) {
            this.source = source;
            this.head = head;
            this.at = at;
        }

        static Table read(java.nio.file.Path file, String first, String[] need, String what) throws java.io.IOException {
            String source = file.toString();
            byte[] bytes;
            try {
                if (java.nio.file.Files.size(file) > MAX_BYTES) {
                    throw new java.io.IOException(source + ": holds " + java.nio.file.Files.size(file) + " bytes, more "
                            + "than a metrics.csv of the workbench may (" + MAX_BYTES + "); check that this is the file you meant");
                }
                bytes = java.nio.file.Files.readAllBytes(file);
            } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
                throw new java.io.IOException(source + ": cannot be read: " + org.addernet.app.io.IoText.reason(e), e);
            }
            org.addernet.presets.Problems problems = new org.addernet.presets.Problems(source);
            String text = org.addernet.presets.LocatedJson.decode(source, bytes, problems);
            if (text == null) {
                throw new java.io.IOException(problems.message());
            }
            String[] lines = text.split("\r?\n", -1);
            if (!lines[0].startsWith(first + ",")) {
                throw new java.io.IOException(source + ":1: not " + what + " metrics.csv (its header does not start with '"
                        + first + ",')");
            }
            List<String> head = List.of(lines[0].split(",", -1));
            int[] at = new int[need.length];
            for (int k = 0; k < need.length; k++) {
                at[k] = head.indexOf(need[k]);
                if (at[k] < 0) {
                    throw new java.io.IOException(source + ":1: the header lacks the column '" + need[k] + "'");
                }
            }
            Table t = new Table(source, head, at);
            for (int k = 0; k < head.size(); k++) {
                if (head.get(k).startsWith("grad_norm_")) {
                    t.layers.add(head.get(k).substring("grad_norm_".length()));
                    t.normAt.add(k);
                }
            }
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] c = lines[i].split(",", -1);
                if (c.length != head.size()) {
                    throw new java.io.IOException(source + ":" + (i + 1) + ": expected " + head.size()
                            + " cells separated by commas (as in the header), got " + c.length + "; the file is damaged");
                }
                t.cells.add(c);
                t.lineOf.add(i + 1);
            }
            return t;
        }

        int rows() {
            return cells.size();
        }

        List<String> layers() {
            return List.copyOf(layers);
        }

        java.io.IOException problem(int row, int column, String expected) {
            return problem(row, head.get(at[column]), cells.get(row)[at[column]], expected);
        }

        private java.io.IOException problem(int row, String columnName, String cell, String expected) {
            String shown = org.addernet.app.io.IoText.oneLine(cell.length() > 40 ? cell.substring(0, 37) + "..." : cell);
            return new java.io.IOException(source + ":" + lineOf.get(row) + ": column " + columnName + ": " + expected
                    + ", got '" + shown + "'; the file is damaged");
        }

        /** The number in {@code column} of {@code row} (an empty cell: NaN); infinite or non-numbers are problems. */
        double number(int row, int column) throws java.io.IOException {
            return number(row, head.get(at[column]), cells.get(row)[at[column]]);
        }

        private double number(int row, String columnName, String cell) throws java.io.IOException {
            if (cell.isEmpty()) {
                return Double.NaN;
            }
            if (cell.equals("Infinity") || cell.equals("-Infinity")) {      // a diverged run's loss, as written
                return cell.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            try {
                double v = Double.parseDouble(cell);
                if (!Double.isFinite(v) || !cell.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw problem(row, columnName, cell, "expected a number");
            }
        }

        long whole(int row, int column) throws java.io.IOException {
            String cell = cells.get(row)[at[column]];
            try {
                long v = Long.parseLong(cell);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw problem(row, column, "expected a whole number >= 0");
            }
        }

        double[] norms(int row) throws java.io.IOException {
            double[] n = new double[normAt.size()];
            for (int k = 0; k < n.length; k++) {
                n[k] = number(row, head.get(normAt.get(k)), cells.get(row)[normAt.get(k)]);
            }
            return n;
        }
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
