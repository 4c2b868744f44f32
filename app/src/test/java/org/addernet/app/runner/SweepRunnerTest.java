package org.addernet.app.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.addernet.app.io.RunFiles;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.addernet.engine.train.RunStatus;

/** The API the window uses: listener events, cancel, the table while it fills, resume. */
class SweepRunnerTest {
    private static final String SWEEP = """
            {"name": "eta", "data": {"set": "unit-ball", "samples": 300},
             "training": {"iterations": 200},
             "runs": {"models": ["adder"], "hidden": [1]},
             "output": {"gridResolution": 30, "panelSize": 100},
             "sweep": {"title": "eta", "headerRows": ["eta"], "variants": [
               {"id": "eta-0.2", "cells": ["0.2"], "set": {"adder.eta": 0.2}, "paper": 99.4},
               {"id": "eta-0", "cells": ["0"], "set": {"adder.eta": 0}, "paper": 98.0},
               {"id": "eta-1", "cells": ["1"], "set": {"adder.eta": 1}}]}}
            """;

    @TempDir
    Path tmp;

    private static Preset preset() {
        return PresetLoader.parse("eta.json", SWEEP, List.of());
    }

    /** A sweep runner as the factory makes it. */
    private static SweepRunner sweep(Path out, int seeds, int jobs, boolean resume) {
        return (SweepRunner) Runners.create(preset(), RunRequest.of(preset(), null, List.of(), seeds, out).withJobs(jobs)
                .withResume(resume), RunLog.NONE);
    }

    /** Records the observer's sweep events; cancels the sweep when the first variant ends. */
    private static final class Recorder implements RunObserver {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        SweepRunner runner;
        boolean cancelAfterFirst;

        @Override
        public void sweepStarted(SweepTable table) {
            events.add("started " + table.columns().size());
        }

        @Override
        public void variantStarted(int index, int total, Preset.Variant variant, Preset preset) {
            events.add("start " + index + "/" + total + " " + variant.id() + " eta=" + preset.adder().eta());
        }

        @Override
        public void variantFinished(int index, int total, SweepTable table) {
            events.add("end " + index + " " + (table.ours().get(0).cells().get(index).mean() != null));
            if (cancelAfterFirst) {
                runner.cancel();
            }
        }
    }

    @Test
    void cancelStopsTheSweepAndResumeFinishesItWithoutRedoingWhatCompleted() throws Exception {
        Path out = tmp.resolve("sweep");
        Recorder rec = new Recorder();
        SweepRunner runner = sweep(out, 2, 1, false);
        runner.observe(rec);
        rec.runner = runner;
        rec.cancelAfterFirst = true;
        assertEquals(List.of("eta-0.2", "eta-0", "eta-1"), runner.table().columns().stream().map(SweepTable.Column::id).toList(),
                "the empty table is there before the run");
        assertEquals(List.of(SweepTable.Cell.EMPTY, SweepTable.Cell.EMPTY, SweepTable.Cell.EMPTY),
                runner.table().ours().get(0).cells(), "one row per (model, n), empty until its variant has run");
        assertEquals("adder", runner.table().ours().get(0).model());
        assertEquals(1, runner.table().ours().get(0).hidden());

        SweepSummary first = runner.run();
        assertTrue(runner.await(0), "run() has returned");
        assertEquals(List.of("started 3", "start 0/3 eta-0.2 eta=0.2", "end 0 true"), rec.events);
        assertEquals(6, first.runs().size(), "every planned run is listed, run or not");
        assertEquals(4, first.incomplete());
        for (RunRecord r : first.runs().subList(2, 6)) {
            assertEquals(RunStatus.CANCELLED, r.status());
            assertEquals("cancelled before it started", r.reason());
            assertEquals(0, r.iterations());
        }
        SweepTable t = first.table();
        assertEquals(t, runner.table());
        SweepTable.Cell done = t.ours().get(0).cells().get(0);
        assertEquals(2, done.completed());
        assertEquals(t.ours().get(0).cells().get(1), SweepTable.Cell.EMPTY, "never started: an empty cell");
        assertEquals("", t.ours().get(0).cells().get(2).text());
        assertTrue(Files.isRegularFile(out.resolve("summary.json")));
        assertFalse(Files.exists(out.resolve("eta-0")), "nothing written for variants that never started");

        Path kept = out.resolve("eta-0.2").resolve("adder-n1-s1").resolve("metrics.csv");
        FileTime before = Files.getLastModifiedTime(kept);
        assertThrows(OutputFolderException.class, () -> sweep(out, 2, 0, false).run(),
                "a new sweep into the folder is refused");

        Recorder again = new Recorder();
        SweepRunner resumer = sweep(out, 2, 1, true);
        resumer.observe(again);
        SweepSummary resumed = resumer.run();
        assertEquals(0, resumed.incomplete());
        assertEquals(List.of("started 3", "start 0/3 eta-0.2 eta=0.2", "end 0 true", "start 1/3 eta-0 eta=0.0", "end 1 true",
                "start 2/3 eta-1 eta=1.0", "end 2 true"), again.events);
        assertEquals(before, Files.getLastModifiedTime(kept), "the completed variant was taken as it was");
        assertEquals(done, resumed.table().ours().get(0).cells().get(0));
        for (int k = 0; k < 2; k++) {
            assertEquals(first.runs().get(k), resumed.runs().get(k));
        }
        BufferedImage png = ImageIO.read(out.resolve(RunFiles.TABLE_PNG).toFile());
        assertTrue(png.getWidth() > 400, "table.png: " + png.getWidth());
    }

    @Test
    void theSameSweepTwiceGivesTheSameTable() throws IOException {
        SweepSummary a = sweep(tmp.resolve("a"), 1, 2, false).run();
        SweepSummary b = sweep(tmp.resolve("b"), 1, 1, false).run();
        assertEquals(a.table(), b.table());
        assertEquals(Files.readString(tmp.resolve("a").resolve(RunFiles.TABLE_CSV)),
                Files.readString(tmp.resolve("b").resolve(RunFiles.TABLE_CSV)));
    }

    @Test
    void aPresetWithoutASweepIsRefused() {
        Preset plain = PresetLoader.resolve("fig2-unit-ball", List.of());
        assertThrows(IllegalArgumentException.class, () -> new SweepRunner(plain, RunRequest.of(plain, null, List.of(), 1, tmp),
                RunLog.NONE));
        assertEquals(Runners.Kind.TOY, Runners.kind(plain), "the factory gives it the toy runner");
    }
}
