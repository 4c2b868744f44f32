package org.addernet.app.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.addernet.engine.train.RunStatus;

class AggregateTest {
    private static RunRecord run(String model, int n, long seed, RunStatus status, Double test) {
        return new RunRecord(new RunRecord.Run(model + "-n" + n + "-s" + seed, model, n, 2, seed, seed), status,
                new RunRecord.Result(test, test, 0.1, 10, 1), null);
    }

    @Test
    void meanAndSampleStdPerCellOverCompletedRuns() {
        List<Aggregate> cells = Aggregate.of(List.of(run("adder", 1, 1, RunStatus.COMPLETED, 0.9), run("mlp", 1, 1, RunStatus.COMPLETED, 0.5),
                run("adder", 1, 2, RunStatus.COMPLETED, 1.0), run("adder", 1, 3, RunStatus.DIVERGED, null), run("mlp", 1, 2, RunStatus.DIVERGED, null)));
        assertEquals(2, cells.size());
        Aggregate adder = cells.get(0);
        assertEquals("adder", adder.model());
        assertEquals(3, adder.runs());
        assertEquals(2, adder.completed());
        assertEquals(0.95, adder.testMean(), 1e-12);
        assertEquals(Math.sqrt(0.005), adder.testStd(), 1e-12);
        assertEquals(0.9, adder.testMin());
        assertEquals(1.0, adder.testMax());
        assertEquals(0.0, cells.get(1).testStd(), "one completed seed has no spread");
        assertEquals("adder,1,3,2,0.9500,0.0707,0.9500,0.0707,0.9000,1.0000", Aggregate.csv(cells).split("\n")[1]);
    }

    @Test
    void aCellWithNoCompletedRunHasNoNumbers() {
        Aggregate a = Aggregate.of(List.of(run("mlp", 2, 1, RunStatus.FAILED, null))).get(0);
        assertNull(a.testMean());
        assertNull(a.testStd());
    }
}
