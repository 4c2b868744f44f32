package org.addernet.app.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.function.Consumer;
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
        return session(iterations, seen::add);
    }

    private TrainingSession session(long iterations, Consumer<SessionSnapshot> publisher) {
        Preset p = PresetLoader.resolve("demo-one-unit", List.of("training.iterations=" + iterations, "data.samples=400"));
        List<RunSpec> runs = ExperimentPlan.runs(p, 1);
        ToyData data = ToySets.generate(runs.get(0).data());
        session = new TrainingSession(runs.stream().map(RunSpec::model).toList(), runs.get(0).training(), data, p.seed(),
                30, 20, 8, 20, publisher);
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
        VirtualClock clock = new VirtualClock();
        long[] pausedAt = {-1};
        // the pause comes from the publisher, on the worker thread, at a known iteration
        session(1_000_000, s -> {
            seen.add(s);
            if (s.running() && s.iteration() >= 20 && pausedAt[0] < 0) {
                pausedAt[0] = s.iteration();
                session.pause();
            }
        }).clock(clock).start();
        next();
        session.setSpeed(5000);
        session.play();
        SessionSnapshot s;
        do {
            s = next();
        } while (s.running());
        assertEquals(pausedAt[0], s.iteration(), "the paused snapshot comes promptly: not one step after the pause");
        long at = s.iteration();
        long before = clock.nanoTime();
        session.step();
        assertEquals(at + 1, next().iteration(), "paused: nothing ran but the one step");
        assertEquals(before, clock.nanoTime(), "paused, the session does not pace (nor wait on its clock)");
        session.step();
        assertEquals(at + 2, next().iteration());
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
        VirtualClock clock = new VirtualClock();
        // snapshots with the virtual time they were published at; from iteration 200 on, 50 steps per second
        LinkedBlockingQueue<long[]> slow = new LinkedBlockingQueue<>();
        boolean[] slowed = {false};
        session(1_000_000, s -> {
            if (slowed[0]) {
                slow.add(new long[] {s.iteration(), clock.nanoTime()});
            } else if (s.iteration() >= 200) {
                slowed[0] = true;
                session.setSpeed(50);
            }
        }).clock(clock).start();
        session.setSpeed(4000);
        session.play();
        long[] first = slow.poll(20, TimeUnit.SECONDS);
        assertNotNull(first, "a snapshot at the slow speed");
        long[] later;
        do {
            later = slow.poll(20, TimeUnit.SECONDS);
            assertNotNull(later, "snapshots keep coming");
        } while (later[1] - first[1] < 1_000_000_000L);
        long steps = later[0] - first[0];
        double seconds = (later[1] - first[1]) / 1e9;
        assertTrue(steps >= 10, "50 steps/s still steps: " + first[0] + " -> " + later[0]);
        assertTrue(steps <= 400, "and no longer races: " + first[0] + " -> " + later[0]);
        assertEquals(50 * seconds, steps, 1.0, steps + " steps in " + seconds + " s of the session's clock");
    }

    /** Time that moves only when the session waits: each wait moves it on by the time asked for. */
    static final class VirtualClock implements PaceClock {
        private final AtomicLong now = new AtomicLong(1_000_000_000L);

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void await(Condition wake, long nanos) {
            now.addAndGet(nanos);
        }
    }
}
