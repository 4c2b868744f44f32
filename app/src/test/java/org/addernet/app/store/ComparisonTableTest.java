package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.addernet.app.runner.RunRecord;
import org.addernet.app.figures.ComparisonChart;
import org.junit.jupiter.api.Test;
import org.addernet.engine.train.RunStatus;

/** Mean and spread over seeds on known values, seeds counted once, and the CSV and LaTeX exports. */
class ComparisonTableTest {
    private static RunRecord rec(String model, Integer hidden, long seed, RunStatus status, Double test, Double train,
                                 Double loss, double secs) {
        return new RunRecord(new RunRecord.Run(model + "-s" + seed, model, hidden, 2, seed, seed), status,
                new RunRecord.Result(train, test, loss, 100, secs),
                status == RunStatus.COMPLETED ? null : status + " at iteration 50");
    }

    private static RunInfo folder(String id, String preset, List<String> overrides, RunRecord... runs) {
        return new RunInfo(Path.of("/runs", id), id, preset, "", "toy", preset, 1, overrides, List.of(), "0.1.0", "cli",
                "2025-01-01T00:00:00Z", RunStatus.COMPLETED, null, 0, null, List.of(runs));
    }

    private static final double EPS = 1e-12;

    @Test
    void meansAndSampleSpreadsOverSeeds() {
        // seeds 1..3 of one cell in two folders (newest first), a repeat of seed 2 and a diverged seed 4
        RunInfo newer = folder("b", "my_preset", List.of(),
                rec("adder", 3, 1, RunStatus.COMPLETED, 0.9, 1.0, 0.1, 2.0),
                rec("adder", 3, 2, RunStatus.COMPLETED, 0.8, 0.9, 0.3, 4.0),
                rec("mlp", 3, 1, RunStatus.COMPLETED, 0.5, 0.6, 0.7, 1.0));
        RunInfo older = folder("a", "my_preset", List.of(),
                rec("adder", 3, 2, RunStatus.COMPLETED, 0.1, 0.1, 9.0, 99.0),        // a repeat of seed 2: the newer one wins
                rec("adder", 3, 3, RunStatus.COMPLETED, 0.7, 0.8, 0.2, 6.0),
                rec("adder", 3, 4, RunStatus.DIVERGED, null, null, null, 1.0));
        ComparisonTable t = ComparisonTable.of(List.of(newer, older));
        assertEquals(2, t.rows().size());
        ComparisonTable.Row a = t.rows().get(0);
        assertEquals("adder", a.model());
        assertEquals(3, a.hidden());
        assertEquals(3, a.seeds(), "seeds 1, 2, 3 completed");
        assertEquals(4, a.runs(), "seed 4 diverged: counted, not averaged");
        assertEquals(0.8, a.testMean(), EPS);
        assertEquals(0.1, a.testSd(), EPS, "sample sd of 0.9, 0.8, 0.7");
        assertEquals(0.9, a.trainMean(), EPS);
        assertEquals(0.1, a.trainSd(), EPS);
        assertEquals(0.2, a.lossMean(), EPS);
        assertEquals(0.1, a.lossSd(), EPS);
        assertEquals(4.0, a.seconds(), EPS);
        assertEquals(List.of(0.9, 0.8, 0.7), a.tests(), "the seeds' own values, in seed order");
        ComparisonTable.Row m = t.rows().get(1);
        assertEquals(1, m.seeds());
        assertEquals(0.5, m.testMean(), EPS);
        assertNull(m.testSd(), "no spread from one seed");

        // the model filter keeps only its rows; settings split rows
        assertEquals(List.of("mlp"), ComparisonTable.of(List.of(newer, older), "mlp").rows().stream()
                .map(ComparisonTable.Row::model).toList());
        RunInfo tuned = folder("c", "my_preset", List.of("training.lr=0.05"), rec("adder", 3, 1, RunStatus.COMPLETED, 0.95, 1.0,
                0.05, 2.0));
        ComparisonTable split = ComparisonTable.of(List.of(newer, tuned));
        assertEquals(3, split.rows().size());
        assertEquals("training.lr=0.05", split.rows().get(2).settings());
        assertEquals(1, split.rows().get(2).seeds());

        // a failed record of a seed gives way to a completed one of the same seed
        RunInfo failedFirst = folder("d", "p", List.of(), rec("adder", 1, 1, RunStatus.FAILED, null, null, null, 0.0));
        RunInfo okLater = folder("e", "p", List.of(), rec("adder", 1, 1, RunStatus.COMPLETED, 0.6, 0.7, 0.4, 1.0));
        ComparisonTable.Row one = ComparisonTable.of(List.of(failedFirst, okLater)).rows().get(0);
        assertEquals(1, one.seeds());
        assertEquals(1, one.runs());
        assertEquals(0.6, one.testMean(), EPS);
    }

    @Test
    void csvAndLatexExports() {
        RunInfo f = folder("b", "my_preset", List.of("runs.models=[\"a\",\"b\"]"),
                rec("lenet5-bn-adder", null, 1, RunStatus.COMPLETED, 0.9, 1.0, 0.1, 2.0),
                rec("lenet5-bn-adder", null, 2, RunStatus.COMPLETED, 0.8, 0.9, 0.3, 4.0),
                rec("lenet5-bn-adder", null, 3, RunStatus.CANCELLED, null, null, null, 1.0));
        ComparisonTable t = ComparisonTable.of(List.of(f));
        assertEquals("preset,settings,model,hidden,seeds,runs,test_mean,test_sd,train_mean,train_sd,loss_mean,loss_sd,"
                + "seconds_mean\n"
                + "my_preset,\"runs.models=[\"\"a\"\",\"\"b\"\"]\",lenet5-bn-adder,,2,3,0.850000,0.070711,0.950000,"
                + "0.070711,0.200000,0.141421,3.000\n", t.csv());
        String tex = t.latex();
        assertTrue(tex.contains("\\begin{tabular}{lllrrrrrr}\n\\toprule\n"), tex);
        assertTrue(tex.contains("Preset & Settings & Model & $n$ & Seeds & Test acc.\\ (\\%) & Train acc.\\ (\\%) "
                + "& Final loss & Seconds \\\\\n\\midrule\n"), tex);
        assertTrue(tex.contains("my\\_preset & \\texttt{runs.models=[\"a\",\"b\"]} & lenet5-bn-adder & -- & 2/3 & "
                + "$85.00 \\pm 7.07$ & $95.00 \\pm 7.07$ & $0.2000 \\pm 0.1414$ & 3.0 \\\\\n"), tex);
        assertTrue(tex.endsWith("\\bottomrule\n\\end{tabular}\n"), tex);
        assertEquals(1, tex.split("\\\\midrule", -1).length - 1);

        // without settings there is no settings column, and one seed shows the mean alone
        String plain = ComparisonTable.of(List.of(folder("c", "p", List.of(),
                rec("adder", 2, 1, RunStatus.COMPLETED, 0.97123, 0.5, 0.25, 1.0)))).latex();
        assertTrue(plain.contains("\\begin{tabular}{llrrrrrr}"), plain);
        assertTrue(plain.contains("p & adder & 2 & 1 & 97.12 & 50.00 & 0.2500 & 1.0 \\\\"), plain);

        assertEquals("a\\_b \\& c \\% \\$ \\# \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
                ComparisonTable.escape("a_b & c % $ # {x} ~ ^ \\"));
    }

    @Test
    void theChartDrawsOneBarPerRow() {
        RunInfo f = folder("b", "fig2-unit-ball", List.of(),
                rec("mlp", 1, 1, RunStatus.COMPLETED, 0.70, 1.0, 0.1, 2.0),
                rec("mlp", 1, 2, RunStatus.COMPLETED, 0.72, 1.0, 0.1, 2.0),
                rec("adder", 1, 1, RunStatus.COMPLETED, 0.99, 1.0, 0.1, 2.0),
                rec("adder", 1, 2, RunStatus.COMPLETED, 1.00, 1.0, 0.1, 2.0));
        var chart = ComparisonChart.create("test", ComparisonTable.of(List.of(f)).bars());
        var data = chart.getCategoryPlot().getDataset();
        assertEquals(2, data.getRowCount(), "two models");
        assertEquals(1, data.getColumnCount(), "one (preset, n) group");
        assertEquals(99.5, data.getValue("adder", "n = 1").doubleValue(), 1e-9, "percent");
        assertEquals(71.0, data.getValue("mlp", "n = 1").doubleValue(), 1e-9);
        var dots = (org.jfree.data.statistics.MultiValueCategoryDataset) chart.getCategoryPlot().getDataset(1);
        assertEquals(List.of(99.0, 100.0), dots.getValues("adder", "n = 1"), "one dot per seed");
        assertEquals(101.0, chart.getCategoryPlot().getRangeAxis().getUpperBound(), "just above 100 %");
        BufferedImage img = chart.createBufferedImage(800, 400);
        assertEquals(800, img.getWidth());
    }
}
