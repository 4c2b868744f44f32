package org.addernet.app.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one runner shape: the factory's choice, the request as plain data, observers. */
class RunnersTest {
    private static final List<String> TINY = List.of("training.iterations=200", "runs.hidden=[2]",
            "output.gridResolution=20", "output.panelSize=100");

    @TempDir
    Path tmp;

    @Test
    void theFactoryChoosesTheRunnerFromThePreset() {
        assertInstanceOf(PresetRunner.class, Runners.create(RunRequest.of("fig2-unit-ball", List.of(), 1, tmp), null));
        assertInstanceOf(EpochRunner.class, Runners.create(RunRequest.of("lenet5-bn-mnist-adder", List.of(), 1, tmp), null));
        assertInstanceOf(SweepRunner.class, Runners.create(RunRequest.of("table5-toy", List.of(), 1, tmp), null));
        assertEquals(Runners.Kind.SWEEP, Runners.kind(PresetLoader.resolve("table5-toy", List.of())));
    }

    @Test
    void aRequestTravelsAsBytesAndRunsToTheSameNumbers() throws Exception {
        RunRequest sent = RunRequest.of("fig4-xor", TINY, 2, tmp.resolve("here")).withJobs(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(sent);
        }
        RunRequest received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = ((RunRequest) in.readObject()).withOut(tmp.resolve("there"));
        }
        assertEquals(sent.withOut(tmp.resolve("there")), received);
        RunSummary a = Runners.create(sent, RunLog.NONE).run();
        RunSummary b = Runners.create(received, RunLog.NONE).run();
        assertEquals(withoutSeconds(a.runs()), withoutSeconds(b.runs()));
    }

    @Test
    void oneSeedOfAManySeedRequestRunsAloneToTheSameNumbers() throws IOException {
        Preset p = PresetLoader.resolve("fig4-xor", TINY);
        RunRequest both = RunRequest.of(p, "fig4-xor", TINY, 2, tmp.resolve("both")).withJobs(2);
        RunRequest second = RunRequest.of(p, "fig4-xor", TINY, 1, tmp.resolve("second")).withSeed(p.seed() + 1);
        List<RunRecord> all = withoutSeconds(Runners.create(both, RunLog.NONE).run().runs());
        List<RunRecord> one = withoutSeconds(Runners.create(second, RunLog.NONE).run().runs());
        assertEquals(all.subList(all.size() / 2, all.size()), one, "the same run ids and numbers");
    }

    @Test
    void observersHearTheRunsLinesAndItsEnd() throws IOException {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Runner r = Runners.create(RunRequest.of("fig4-xor", TINY, 1, tmp.resolve("o")).withJobs(1), RunLog.NONE);
        r.observe(new RunObserver() {
            @Override
            public void started() {
                events.add("started");
            }

            @Override
            public void line(String line) {
                events.add("line");
            }

            @Override
            public void finished(RunSummary summary) {
                events.add("finished " + summary.runs().size());
            }
        }).observe(new RunObserver() {
            @Override
            public void started() {
                throw new IllegalStateException("an observer's failure is its own");
            }
        });
        r.run();
        assertEquals("started", events.get(0));
        assertTrue(events.contains("line"), String.valueOf(events));
        assertEquals("finished 2", events.get(events.size() - 1));
    }

    @Test
    void aRequestRefusesWhatCannotRun() {
        assertEquals("--seeds must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> RunRequest.of("fig4-xor", List.of(), 0, tmp)).getMessage());
        assertEquals("--jobs must be >= 1, got -1", assertThrows(IllegalArgumentException.class,
                () -> RunRequest.of("fig4-xor", List.of(), 1, tmp).withJobs(-1)).getMessage());
    }

    /** Run records with the wall time (the one number that differs run to run) taken out. */
    private static List<RunRecord> withoutSeconds(List<RunRecord> runs) {
        return runs.stream().map(r -> new RunRecord(r.run(), r.status(), new RunRecord.Result(r.trainAccuracy(),
                r.testAccuracy(), r.finalLoss(), r.iterations(), 0), r.reason())).toList();
    }
}
