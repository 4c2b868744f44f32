package org.addernet.app.ui.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.addernet.app.runner.MetricsCsv;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.store.RunInfo;
import org.addernet.app.figures.RunCurvesChart;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.addernet.engine.train.RunStatus;

/** Reading run folders' metrics.csv into the comparison's curves: grouping, seeds once, kinds kept apart. */
class RunCurvesTest {
    private static final List<String> LAYERS = List.of("layer1", "layer2");

    @TempDir
    Path tmp;

    private static RunRecord rec(String model, Integer hidden, long seed, RunStatus status) {
        return new RunRecord(new RunRecord.Run(model + (hidden == null ? "" : "-n" + hidden) + "-s" + seed, model, hidden, 2,
                seed, seed), status, new RunRecord.Result(0.9, 0.8, 0.3, 300, 1.0), null);
    }

    private RunInfo folder(String id, String preset, String kind, List<String> overrides, RunRecord... runs) {
        return new RunInfo(tmp.resolve(id), id, preset, "", kind, preset, 1, overrides, List.of(), "0.1.0", "window",
                "2025-01-01T00:00:00Z", RunStatus.COMPLETED, null, 0, null, List.of(runs));
    }

    /** Writes a toy run's metrics.csv: loss = base / iteration, test accuracy logged every other row. */
    private void toyCsv(RunInfo f, RunRecord r, double base) throws Exception {
        List<StepMetrics> rows = List.of(
                new StepMetrics(1, base, 0.5, 0.5, 0.1, 1, LAYERS, new double[] {1, 2}),
                new StepMetrics(100, base / 100, 0.7, Double.NaN, 0.05, 1, LAYERS, new double[] {0.5, 0.25}),
                new StepMetrics(200, base / 200, 0.9, 0.875, 0.0, 1, LAYERS, new double[] {0.125, 0.0625}));
        Path dir = Files.createDirectories(f.folder().resolve(r.id()));
        Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.format(LAYERS, rows));
    }

    @Test
    void toyMetricsReadBackAsWritten() throws Exception {
        RunInfo f = folder("a", "fig4-xor", "toy", List.of(), rec("adder", 2, 1, RunStatus.COMPLETED));
        toyCsv(f, f.runs().get(0), 0.75);
        List<StepMetrics> back = MetricsCsv.parseSteps(f.folder().resolve("adder-n2-s1/metrics.csv"));
        assertEquals(3, back.size());
        assertEquals(LAYERS, back.get(0).layerNames());
        assertEquals(100, back.get(1).iteration());
        assertEquals(0.0075, back.get(1).loss(), 1e-12);
        assertTrue(Double.isNaN(back.get(1).testAccuracy()), "an empty cell reads as NaN");
        assertArrayEquals(new double[] {0.125, 0.0625}, back.get(2).gradNorms(), 1e-12);
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "iteration,loss,train_accuracy,test_accuracy,lr,p\n1,0.5,x,,0.1,1\n");
        assertEquals(bad + ":2: column train_accuracy: expected a number, got 'x'; the file is damaged",
                org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> MetricsCsv.parseSteps(bad))
                        .getMessage());
    }

    @Test
    void runsAreGroupedByPresetSettingsModelAndNWithOneTracePerSeed() throws Exception {
        RunInfo newer = folder("b", "fig4-xor", "toy", List.of("training.lr=0.05"), rec("mlp", 2, 1, RunStatus.COMPLETED),
                rec("adder", 2, 1, RunStatus.COMPLETED), rec("adder", 2, 2, RunStatus.COMPLETED));
        RunInfo older = folder("a", "fig4-xor", "toy", List.of("training.lr=0.05"), rec("adder", 2, 1, RunStatus.COMPLETED));
        RunInfo other = folder("c", "fig2-unit-ball", "toy", List.of(), rec("adder", 2, 1, RunStatus.COMPLETED));
        toyCsv(newer, newer.runs().get(0), 0.6);
        toyCsv(newer, newer.runs().get(1), 0.8);
        toyCsv(newer, newer.runs().get(2), 0.4);
        toyCsv(older, older.runs().get(0), 9.0);
        toyCsv(other, other.runs().get(0), 1.0);
        RunCurves.Loaded l = RunCurves.load(List.of(newer, older, other));
        assertEquals("toy", l.kind());
        assertEquals("iteration", l.xLabel());
        assertEquals(List.of(), l.notes());
        assertEquals(List.of("fig4-xor [training.lr=0.05] mlp n=2", "fig4-xor [training.lr=0.05] adder n=2",
                "fig2-unit-ball adder n=2"), l.groups().stream().map(RunCurvesChart.Group::label).toList());
        RunCurvesChart.Group adder = l.groups().get(1);
        assertEquals(List.of(1L, 2L), adder.traces().stream().map(RunCurvesChart.Trace::seed).toList(),
                "seed 1 once: the newest folder's (listed first), not the older repeat");
        assertEquals(0.8, adder.traces().get(0).loss()[0], 1e-12);
        RunCurvesChart.Trace mean = RunCurvesChart.mean(adder.traces());
        assertArrayEquals(new double[] {0.6, 0.006, 0.003}, mean.loss(), 1e-12);
    }

    @Test
    void imageRunsAreReadPerEpochAndAMixedChoiceKeepsTheFirstKind() throws Exception {
        RunRecord ir = new RunRecord(new RunRecord.Run("lenet5-bn-adder-s1", "lenet5-bn-adder", null, 0, 1, 1),
                RunStatus.COMPLETED, new RunRecord.Result(0.9, 0.95, 0.2, 30, 5.0), null,
                new RunRecord.EpochStats(3, 3, 0.95, 100.0));
        RunInfo img = folder("img", "lenet5-bn-mnist-adder-short", "image", List.of(), ir);
        List<EpochMetrics> epochs = List.of(
                new EpochMetrics(1, 10, 1.5, 0.6, 0.7, 0.1, 1, 2.0, 160, new double[] {0.3, 0.2}),
                new EpochMetrics(2, 20, 0.9, 0.8, 0.85, 0.05, 1, 4.0, 160, new double[] {0.2, 0.1}),
                new EpochMetrics(3, 30, 0.5, 0.9, 0.95, 0.0, 1, 6.0, 160, new double[] {0.1, 0.05}));
        Path dir = Files.createDirectories(img.folder().resolve(ir.id()));
        Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.formatEpochs(List.of("conv1", "fc3"), epochs));
        RunInfo toy = folder("toy", "fig4-xor", "toy", List.of(), rec("adder", 2, 1, RunStatus.COMPLETED));
        toyCsv(toy, toy.runs().get(0), 1.0);
        RunInfo missing = folder("gone", "lenet5-bn-mnist-adder-short", "image", List.of("training.epochs=1"),
                new RunRecord(new RunRecord.Run("lenet5-bn-adder-s1", "lenet5-bn-adder", null, 0, 1, 1), RunStatus.FAILED,
                        new RunRecord.Result(null, null, null, 0, 0), "data set mnist not found",
                        new RunRecord.EpochStats(1, 0, null, null)));

        RunCurves.Loaded l = RunCurves.load(List.of(img, toy, missing));
        assertEquals("image", l.kind());
        assertEquals("epoch", l.xLabel());
        assertEquals(1, l.groups().size(), "the toy folder is left out; the failed run never logged");
        RunCurvesChart.Trace t = l.groups().get(0).traces().get(0);
        assertArrayEquals(new double[] {1, 2, 3}, t.x());
        assertArrayEquals(new double[] {0.7, 0.85, 0.95}, t.test(), 1e-12);
        assertEquals(List.of("conv1", "fc3"), t.layers());
        assertEquals(List.of("1 chosen folder holds toy runs, whose x axis differs: their curves are left out "
                + "(the table has them)"), l.notes());
        assertNull(RunCurves.read(tmp.resolve("nowhere/metrics.csv"), 1));
    }

    @Test
    void aMetricsCsvWhoseFirstLineIsNotUtf8IsNamedWithItsByte() throws Exception {
        Path csv = tmp.resolve("metrics.csv");
        for (String head : List.of("epoch,iteration,loss,train_accuracy,test_accuracy,lr,p,seconds,images_per_second,"
                + "grad_norm_caf\u00e9", "iteration,loss,train_accuracy,test_accuracy,lr,p,grad_norm_caf\u00e9")) {
            Files.write(csv, (head + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> RunCurves.read(csv, 1), "checked, not an UncheckedIOException from a raw read");
            assertEquals(csv + ":1: not UTF-8 at byte " + head.indexOf('\u00e9') + ": found the byte 0xE9, which is not "
                    + "UTF-8 text; save the file as UTF-8", e.getMessage());
        }
    }
}
