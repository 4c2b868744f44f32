package org.addernet.app.runner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.addernet.app.render.TableFigure;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.PresetValidator;
import org.addernet.engine.train.RunStatus;

/**
 * An ablation table laid out like the paper's Tables 4-6: one column per variant; header rows
 * that say what each variant changes (check marks, eta, the epoch at which p reaches 1); one row
 * of our results per (model, hidden size) the variants train, as mean and sample standard
 * deviation over seeds in percent; and the paper's row. Immutable: the runner publishes a new
 * table after every variant, with cells of the variants not run yet empty.
 *
 * @param title       the table's title
 * @param metric      what the result rows report ({@link Preset.Sweep#METRICS})
 * @param metricLabel the result rows' label, e.g. "top-1 accuracy (%)"
 * @param oursNote    what our numbers were measured on (the preset's title and the seeds)
 * @param paperNote   what the paper's numbers were measured on
 * @param seeds       seeds per variant
 * @param headerRows  labels of the header rows
 * @param columns     the variants, in table order
 * @param ours        our result rows
 * @param paper       the paper's value per column (null where it has none)
 */
public record SweepTable(String title, String metric, String metricLabel, String oursNote, String paperNote, int seeds,
                         List<String> headerRows, List<Column> columns, List<Row> ours, List<Double> paper) {

    public SweepTable {
        headerRows = List.copyOf(headerRows);
        columns = List.copyOf(columns);
        ours = List.copyOf(ours);
        paper = java.util.Collections.unmodifiableList(new ArrayList<>(paper));
    }

    /** One variant: its id and the text of its header cells. */
    public record Column(String id, List<String> cells) {
        public Column {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Our results of one (model, hidden) over the variants.
     *
     * @param label  the row's label
     * @param model  the zoo model
     * @param hidden hidden units (null for the image models)
     * @param cells  one per column
     */
    public record Row(String label, String model, Integer hidden, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One variant's result for one row.
     *
     * @param mean      mean over the completed runs, percent; null when none completed (or not run yet)
     * @param sd        sample standard deviation over them (0 for one run); null with {@code mean}
     * @param completed runs that completed and count
     * @param runs      runs of this cell so far (0: not run yet)
     * @param values    each completed run's value, percent, in seed order
     */
    public record Cell(Double mean, Double sd, int completed, int runs, List<Double> values) {
        public Cell {
            values = List.copyOf(values);
        }

        /** A cell of a variant not run yet. */
        public static final Cell EMPTY = new Cell(null, null, 0, 0, List.of());

        /** {@code 91.23 ± 0.45}, with {@code (4/5 runs)} when some did not complete; "" when empty. */
        public String text() {
            if (mean == null) {
                return runs == 0 ? "" : "none of " + runs + " completed";
            }
            String t = seedsText(mean, sd, values.size());
            return completed < runs ? t + " (" + completed + "/" + runs + " runs)" : t;
        }

        private static String seedsText(double mean, Double sd, int n) {
            return n > 1 ? String.format(Locale.ROOT, "%.2f \u00B1 %.2f", mean, sd) : String.format(Locale.ROOT, "%.2f", mean);
        }
    }

    /**
     * The table of {@code preset}'s sweep from the runs of each variant ({@code perVariant.get(k)}
     * null or empty for a variant not run yet). Only completed runs count towards a cell.
     */
    public static SweepTable of(Preset preset, int seeds, List<List<RunRecord>> perVariant) {
        Preset.Sweep s = preset.sweep();
        Objects.requireNonNull(s, "the preset has no sweep");
        List<Preset.Variant> variants = s.variants();
        if (perVariant.size() != variants.size()) {
            throw new IllegalArgumentException(perVariant.size() + " result lists for " + variants.size() + " variants");
        }
        // rows: every (model, hidden) the variants train, in plan order, then any other a run reports
        Map<String, RunRecord> keys = new LinkedHashMap<>();
        for (int k = 0; k < variants.size(); k++) {
            Preset vp = PresetLoader.variant(preset, k);
            boolean image = PresetValidator.isImageSet(vp.data().set());
            for (String model : vp.runs().models()) {
                for (Integer n : image ? java.util.Collections.<Integer>singletonList(null) : vp.runs().hidden()) {
                    RunRecord planned = new RunRecord(new RunRecord.Run("", model, n, 0, 0, 0), null, RunRecord.Result.NONE, null);
                    keys.putIfAbsent(key(planned), planned);
                }
            }
        }
        for (List<RunRecord> runs : perVariant) {
            for (RunRecord r : runs == null ? List.<RunRecord>of() : runs) {
                keys.putIfAbsent(key(r), r);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, RunRecord> e : keys.entrySet()) {
            List<Cell> cells = new ArrayList<>();
            for (List<RunRecord> runs : perVariant) {
                List<RunRecord> mine = runs == null ? List.of() : runs.stream().filter(r -> key(r).equals(e.getKey())).toList();
                cells.add(cell(mine, s.metric()));
            }
            RunRecord first = e.getValue();
            String label = keys.size() == 1 ? "ours: " + s.metricLabel()
                    : "ours, " + first.model() + (first.hidden() == null ? "" : " n = " + first.hidden()) + ": "
                    + s.metricLabel();
            rows.add(new Row(label, first.model(), first.hidden(), cells));
        }
        List<Column> columns = variants.stream().map(v -> new Column(v.id(), v.cells())).toList();
        List<Double> paper = variants.stream().map(Preset.Variant::paper).toList();
        String title = s.title().isBlank() ? (preset.title().isBlank() ? preset.name() : preset.title()) : s.title();
        String oursNote = (preset.title().isBlank() ? preset.name() : preset.title())
                + (seeds == 1 ? "; one seed" : "; mean \u00B1 sd over " + seeds + " seeds");
        return new SweepTable(title, s.metric(), s.metricLabel(), oursNote, s.paperNote(), seeds, s.headerRows(),
                columns, rows, paper);
    }

    private static String key(RunRecord r) {
        return r.model() + "\u0000" + r.hidden();
    }

    private static Cell cell(List<RunRecord> runs, String metric) {
        List<Double> values = new ArrayList<>();
        for (RunRecord r : runs) {
            Double v = r.status() == RunStatus.COMPLETED ? value(r, metric) : null;
            if (v != null && Double.isFinite(v)) {
                values.add(100 * v);
            }
        }
        return new Cell(Aggregate.mean(values), Aggregate.std(values), values.size(), runs.size(), values);
    }

    /** The run's value of {@code metric} as a fraction (null when it has none). */
    static Double value(RunRecord r, String metric) {
        return switch (metric) {
            case "testAccuracy" -> r.testAccuracy();
            case "bestTestAccuracy" -> r.bestTestAccuracy();
            case "trainAccuracy" -> r.trainAccuracy();
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }

    /** Whether any column has a paper value (the paper's row is drawn only then). */
    public boolean hasPaper() {
        return paper.stream().anyMatch(Objects::nonNull);
    }

    /** The column of row {@code row}'s highest mean, or -1 when the row has none. */
    public int bestOurs(int row) {
        List<Cell> cells = ours.get(row).cells();
        int best = -1;
        for (int k = 0; k < cells.size(); k++) {
            Double m = cells.get(k).mean();
            if (m != null && (best < 0 || m > cells.get(best).mean())) {
                best = k;
            }
        }
        return best;
    }

    /** The column of the paper's highest value, or -1 when it gives none. */
    public int bestPaper() {
        int best = -1;
        for (int k = 0; k < paper.size(); k++) {
            if (paper.get(k) != null && (best < 0 || paper.get(k) > paper.get(best))) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The table as text, row by row, as the CSV holds it: a first row {@code variant, id...}, then
     * the header rows (label, cells), our rows (label, mean ± sd) and the paper's row (label,
     * values; "" where none). A window can show it as it is.
     */
    @JsonIgnore
    public List<List<String>> grid() {
        List<List<String>> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(List.of("variant"));
        columns.forEach(c -> ids.add(c.id()));
        out.add(ids);
        for (int h = 0; h < headerRows.size(); h++) {
            List<String> line = new ArrayList<>(List.of(headerRows.get(h)));
            for (Column c : columns) {
                line.add(c.cells().get(h));
            }
            out.add(line);
        }
        for (Row r : ours) {
            List<String> line = new ArrayList<>(List.of(r.label()));
            r.cells().forEach(c -> line.add(c.text()));
            out.add(line);
        }
        List<String> line = new ArrayList<>(List.of("paper: " + metricLabel));
        paper.forEach(v -> line.add(v == null ? "" : String.format(Locale.ROOT, "%.2f", v)));
        out.add(line);
        return out;
    }

    /** {@code table.csv}: {@link #grid()} as comma-separated values (RFC 4180 quoting), UTF-8. */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        for (List<String> line : grid()) {
            for (int k = 0; k < line.size(); k++) {
                sb.append(k == 0 ? "" : ",").append(quote(line.get(k)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** The table as {@link TableFigure} draws it ({@code table.png}). */
    public TableFigure.Spec figureSpec() {
        List<TableFigure.Line> lines = new ArrayList<>();
        for (int h = 0; h < headerRows.size(); h++) {
            int row = h;
            lines.add(new TableFigure.Line(TableFigure.Kind.HEADER, headerRows.get(h),
                    columns.stream().map(c -> c.cells().get(row)).toList(), -1));
        }
        for (int r = 0; r < ours.size(); r++) {
            lines.add(new TableFigure.Line(TableFigure.Kind.OURS, ours.get(r).label(),
                    ours.get(r).cells().stream().map(Cell::text).toList(), bestOurs(r)));
        }
        if (hasPaper()) {
            lines.add(new TableFigure.Line(TableFigure.Kind.PAPER, "paper: " + metricLabel,
                    paper.stream().map(v -> v == null ? "" : String.format(Locale.ROOT, "%.2f", v)).toList(), bestPaper()));
        }
        List<String> notes = new ArrayList<>(List.of("ours: " + oursNote));
        if (hasPaper() && !paperNote.isBlank()) {
            notes.add("paper: " + paperNote);
        }
        String key = (seeds > 1 ? "ours: mean \u00B1 sample standard deviation over " + seeds + " seeds. " : "")
                + "Bold on green: the best of our row" + (hasPaper() ? "; bold: the paper's best." : ".");
        return new TableFigure.Spec(title, notes, columns.stream().map(Column::id).toList(), lines, key);
    }
}
