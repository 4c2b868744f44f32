package org.addernet.app.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.addernet.datasets.toy.ToyData;
import org.addernet.datasets.toy.ToySets;
import org.addernet.engine.train.RunOutcome;
import org.addernet.engine.train.Trainer;
import org.addernet.engine.model.Models;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.RunSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {
    private final LinkedBlockingQueue<SessionSnapshot> seen = new LinkedBlockingQueue<>();
    private TrainingSession session;

    private TrainingSession session(long iterations) {
        Preset p = PresetLoader.resolve("demo-one-unit", List.of("training.iterations=" + iterations, "data.samples=400"));
        List<RunSpec> runs = ExperimentPlan.runs(p, 1);
        ToyData data = ToySets.generate(runs.get(0).data());
        session = new TrainingSession(runs.stream().map(RunSpec::model).toList(), runs.get(0).training(), data, p.seed(),
                30, 20, 8, 20, seen::add);
        return session;
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private SessionSnapshot next() throws InterruptedException {
        SessionSnapshot s = seen.poll(20, TimeUnit.SECONDS);
        assertNotNull(s, "a snapshot arrives");
        return s;
    }

    @Test
    void startPublishesTheUntrainedStateThenStepsOneAtATime() throws Exception {
        session(500).start();
        SessionSnapshot first = next();
        assertEquals(0, first.iteration());
        assertEquals(2, first.models().size());
        assertEquals(20 * 20, first.models().get(1).grid().prob().length);
        session.step();
        assertEquals(1, next().iteration());
        session.step();
        session.step();
        next();
        SessionSnapshot s = next();
        assertEquals(3, s.iteration());
        assertEquals(1, s.models().get(1).unitFields().length, "one adder unit, one field");
        assertEquals(8 * 8, s.models().get(1).unitFields()[0].length);
        assertNotNull(s.models().get(1).centres());
        assertEquals(null, s.models().get(0).centres(), "an MLP has no centres");
    }

    @Test
    void playRunsToTheEndAndMatchesTheHeadlessTrainer() throws Exception {
        session(600).start();
        next();
        session.play();
        SessionSnapshot s;
        do {
            s = next();
        } while (!s.finished());
        assertFalse(s.running());
        ModelSnapshot adder = s.model("adder", 1);
        assertEquals(600, adder.iteration());
        assertEquals("completed", adder.status());
        // the same model, data and seed trained headless give the same accuracy
        Preset p = PresetLoader.resolve("demo-one-unit", List.of("training.iterations=600", "data.samples=400"));
        RunSpec r = ExperimentPlan.runs(p, 1).get(1);
        ToyData data = ToySets.generate(r.data());
        RunOutcome o = new Trainer(Models.build(r.model(), 2, 1, r.seed()), r.training(), data.train(), data.test(), r.seed())
                .run(null, null);
        assertEquals(o.testAccuracy(), adder.testAccuracy());
        assertEquals(o.trainAccuracy(), adder.trainAccuracy());
    }

    @Test
    void pauseStopsPromptlyAndPublishes() throws Exception {
        session(1_000_000).start();
        next();
        session.setSpeed(5000);
        session.play();
        while (next().iteration() < 20) {
            // wait for progress
        }
        session.pause();
        long t0 = System.nanoTime();
        SessionSnapshot s;
        do {
            s = seen.poll(5, TimeUnit.SECONDS);
            assertNotNull(s);
        } while (s.running());
        assertTrue((System.nanoTime() - t0) / 1e6 < 2000, "the paused snapshot comes promptly");
        long at = s.iteration();
        Thread.sleep(300);
        seen.clear();
        session.step();
        assertEquals(at + 1, next().iteration(), "paused: nothing ran but the one step");
    }

    @Test
    void learningRateChangesApplyLive() throws Exception {
        session(1000).start();
        next();
        session.setLearningRate(0.05);
        for (int k = 0; k < 100; k++) {
            session.step();
        }
        SessionSnapshot s;
        do {
            s = next();
        } while (s.iteration() < 100);
        double lr = s.models().get(0).last().lr();
        assertEquals(0.05 * 0.5 * (1 + Math.cos(Math.PI * 99 / 1000)), lr, 1e-9, "cosine of the new base rate");
    }

    @Test
    void slowingDownWhileRunningKeepsTraining() throws Exception {
        session(1_000_000).start();
        next();
        session.setSpeed(4000);
        session.play();
        Thread.sleep(700);
        session.setSpeed(50);
        seen.clear();
        long first = next().iteration();
        Thread.sleep(1000);
        SessionSnapshot later;
        do {
            later = next();
        } while (!seen.isEmpty());
        assertTrue(later.iteration() - first >= 10, "50 steps/s still steps: " + first + " -> " + later.iteration());
        assertTrue(later.iteration() - first <= 400, "and no longer races: " + first + " -> " + later.iteration());
    }
}
