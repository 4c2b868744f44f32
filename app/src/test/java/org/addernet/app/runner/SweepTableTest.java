package org.addernet.app.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.addernet.app.render.TableFigure;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.Test;
import org.addernet.engine.train.RunStatus;

/** The table's numbers (mean and sample sd over completed runs), best marks, CSV and figure, from made-up runs. */
class SweepTableTest {
    private static final String TWO_MODELS = """
            {"name": "lr", "data": {"set": "xor"}, "runs": {"models": ["mlp", "adder"], "hidden": [4]},
             "sweep": {"title": "lr, with a comma", "headerRows": ["lr"], "metricLabel": "accuracy (%)",
               "paperNote": "made up", "variants": [
               {"id": "a", "cells": ["0.1"], "set": {"training.lr": 0.1}, "paper": 90.0},
               {"id": "b", "cells": ["0.2"], "set": {"training.lr": 0.2}, "paper": 92.5},
               {"id": "c", "cells": ["0.4"], "set": {"training.lr": 0.4}}]}}
            """;

    private static RunRecord run(String model, RunStatus status, Double test, Double train) {
        return new RunRecord(new RunRecord.Run(model + "-n4-s1", model, 4, 2, 1, 1), status,
                new RunRecord.Result(train, test, 0.1, 100, 1.0), null);
    }

    @Test
    void cellsAreMeanAndSampleSdOfTheCompletedRunsInPercent() {
        Preset p = PresetLoader.parse("lr.json", TWO_MODELS, List.of());
        List<List<RunRecord>> results = new ArrayList<>(Arrays.asList(
                List.of(run("mlp", RunStatus.COMPLETED, 0.80, 0.9), run("mlp", RunStatus.COMPLETED, 0.90, 0.9),
                        run("adder", RunStatus.COMPLETED, 0.70, 0.9), run("adder", RunStatus.DIVERGED, null, null)),
                List.of(run("mlp", RunStatus.COMPLETED, 0.88, 0.9), run("adder", RunStatus.COMPLETED, 0.95, 0.9)),
                null));
        SweepTable t = SweepTable.of(p, 2, results);
        assertEquals(2, t.ours().size(), "one row per model");
        assertEquals("ours, mlp n = 4: accuracy (%)", t.ours().get(0).label());
        SweepTable.Cell mlpA = t.ours().get(0).cells().get(0);
        assertEquals(85.0, mlpA.mean(), 1e-9);
        assertEquals(Math.sqrt(50), mlpA.sd(), 1e-9, "sample sd of 80 and 90");
        assertEquals("85.00 \u00B1 7.07", mlpA.text());
        SweepTable.Cell adderA = t.ours().get(1).cells().get(0);
        assertEquals(70.0, adderA.mean(), 1e-9, "the diverged run does not count");
        assertEquals(1, adderA.completed());
        assertEquals(2, adderA.runs());
        assertEquals("70.00 (1/2 runs)", adderA.text());
        assertEquals(SweepTable.Cell.EMPTY, t.ours().get(1).cells().get(2), "variant c has not run");
        assertEquals(1, t.bestOurs(0), "mlp: 88.00 (b) above 85.00 (a)");
        assertEquals(1, t.bestOurs(1));
        assertEquals(1, t.bestPaper());
        assertEquals(Arrays.asList(90.0, 92.5, null), t.paper());

        String csv = t.csv();
        String[] lines = csv.split("\n");
        assertEquals("variant,a,b,c", lines[0]);
        assertEquals("lr,0.1,0.2,0.4", lines[1]);
        assertEquals("\"ours, mlp n = 4: accuracy (%)\",85.00 \u00B1 7.07,88.00,", lines[2], "a label with a comma is quoted");
        assertEquals("\"ours, adder n = 4: accuracy (%)\",70.00 (1/2 runs),95.00,", lines[3]);
        assertEquals("paper: accuracy (%),90.00,92.50,", lines[4]);

        SweepTable train = SweepTable.of(PresetLoader.parse("lr.json", TWO_MODELS, List.of("sweep.metric=trainAccuracy")),
                2, results);
        assertEquals(90.0, train.ours().get(0).cells().get(0).mean(), 1e-9, "the metric chosen");
    }

    @Test
    void theFigureMarksTheBestAndFitsEveryColumn() {
        Preset p = PresetLoader.parse("lr.json", TWO_MODELS, List.of());
        SweepTable t = SweepTable.of(p, 1, new ArrayList<>(Arrays.asList(
                List.of(run("mlp", RunStatus.COMPLETED, 0.5, 0.5), run("adder", RunStatus.COMPLETED, 0.6, 0.6)),
                List.of(run("mlp", RunStatus.COMPLETED, 0.7, 0.7), run("adder", RunStatus.COMPLETED, 0.55, 0.55)),
                List.of(run("mlp", RunStatus.COMPLETED, 0.6, 0.6), run("adder", RunStatus.COMPLETED, 0.65, 0.65)))));
        TableFigure.Spec spec = t.figureSpec();
        assertEquals(List.of(TableFigure.Kind.HEADER, TableFigure.Kind.OURS, TableFigure.Kind.OURS, TableFigure.Kind.PAPER),
                spec.lines().stream().map(TableFigure.Line::kind).toList());
        assertEquals(1, spec.lines().get(1).best());
        assertEquals(2, spec.lines().get(2).best());
        assertEquals(1, spec.lines().get(3).best());
        BufferedImage img = TableFigure.render(spec);
        assertTrue(img.getWidth() > 500 && img.getHeight() > 150, img.getWidth() + " x " + img.getHeight());
        // the best cells are filled green: find the fill in the middle of the best mlp cell's row band
        int green = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == 0xD4EDDA) {
                    green++;
                }
            }
        }
        assertTrue(green > 2 * 60 * 20, "two best cells on green: " + green + " pixels");
    }
}
