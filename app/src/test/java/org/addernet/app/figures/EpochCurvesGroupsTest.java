package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import org.addernet.engine.train.EpochMetrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** Runs of several folders (`workbench curves A B`): one hue per folder, runs of a folder apart by shade and dash. */
class EpochCurvesGroupsTest {
    private static List<EpochMetrics> epochs(double acc) {
        List<EpochMetrics> out = new ArrayList<>();
        for (int e = 1; e <= 3; e++) {
            out.add(new EpochMetrics(e, e * 10L, 1.0 / e, acc, acc, 0.1, 1.0, e, 100, new double[0]));
        }
        return out;
    }

    @Test
    void twoFoldersOfSameModelRunsGetTwoHuesAndEachRunItsOwnStyle() {
        List<EpochCurvesChart.Run> runs = List.of(
                EpochCurvesChart.Run.of("L1-only", "L1-only/lenet5-bn-adder-s1", epochs(0.8)),
                EpochCurvesChart.Run.of("L1-only", "L1-only/lenet5-bn-adder-s2", epochs(0.81)),
                EpochCurvesChart.Run.of("L2-to-L1", "L2-to-L1/lenet5-bn-adder-s1", epochs(0.79)),
                EpochCurvesChart.Run.of("L2-to-L1", "L2-to-L1/lenet5-bn-adder-s2", epochs(0.78)));
        JFreeChart chart = EpochCurvesChart.accuracy("t", runs);
        XYPlot plot = chart.getXYPlot();
        List<Color> test = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Paint p = plot.getRenderer().getSeriesPaint(2 * i);      // run i's test curve
            test.add((Color) p);
        }
        List<ModelPalette.Style> styles = ModelPalette.grouped(runs.stream().map(EpochCurvesChart.Run::group).toList());
        List<ModelPalette.Family> fams = ModelPalette.assign(List.of("L1-only", "L2-to-L1"));
        assertNotEquals(fams.get(0), fams.get(1), "a hue per folder");
        for (int i = 0; i < runs.size(); i++) {
            assertEquals(styles.get(i).color(), test.get(i), "series " + i + " drawn in its style");
            ModelPalette.Family f = fams.get(i < 2 ? 0 : 1);
            assertEquals(f.shade(i % 2, 2), test.get(i), "run " + i + ": its folder's hue, its place's shade");
        }
        assertNotEquals(test.get(0), test.get(1), "runs of a folder differ in shade");
        assertNotEquals(java.util.Arrays.toString(styles.get(0).dash()), java.util.Arrays.toString(styles.get(1).dash()), "and in dash");

        // one folder: the model families as before (AdderNets blue)
        List<EpochCurvesChart.Run> one = List.of(new EpochCurvesChart.Run("lenet5-bn-adder-s1", epochs(0.8)));
        XYPlot single = EpochCurvesChart.accuracy("t", one).getXYPlot();
        assertEquals(ModelPalette.BLUE.base(), single.getRenderer().getSeriesPaint(0));
    }
}
