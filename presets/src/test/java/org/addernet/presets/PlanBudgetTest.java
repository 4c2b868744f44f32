package org.addernet.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Counts that size memory are checked against the heap when the plan is made, before anything is allocated. */
class PlanBudgetTest {
    private static final long GB = 1L << 30;

    private static Preset preset(String name, String... overrides) {
        return PresetLoader.resolve(name, List.of(overrides));
    }

    private static Problem only(Problems problems) {
        assertEquals(1, problems.size(), problems.message());
        return problems.list().get(0);
    }

    @Test
    void aBillionSeedsAreRefusedAtOnceWithTheLimit() {
        // before: ExperimentPlan.runs built six billion run specs until the heap ran out
        Preset p = preset("fig2-unit-ball");
        PresetException e = assertThrows(PresetException.class, () -> ExperimentPlan.runs(p, 1_000_000_000));
        assertTrue(e.getMessage().startsWith("--seeds 1000000000: at most "), e.getMessage());
        Problem problem = only(PlanBudget.check(p, 1_000_000_000, "--seeds 1000000000", 1, 4 * GB));
        int max = PlanBudget.estimate(p, 1).maxSeeds(4 * GB);
        assertEquals(String.format(java.util.Locale.ROOT, "--seeds 1000000000: at most %,d seeds fit in this heap (-Xmx 4.0 GB): "
                + "each seed takes about 990 KB (2,000 points of data per seed, 6 runs' decision grids of 200 x 200, 6 runs' "
                + "records); use fewer seeds or a larger heap via WORKBENCH_JAVA_OPTS (this plan would need about 922 TB)",
                max), problem.message());
        assertTrue(only(PlanBudget.check(p, 5000, "--seeds 5000", 1, 4 * GB)).hint()
                .equals("use fewer seeds or a larger heap via WORKBENCH_JAVA_OPTS=-Xmx8g"));
        assertTrue(max > 1000 && max < 10_000, "about 1 MB a seed in 3 GB: " + max);
        assertTrue(PlanBudget.check(p, max, "--seeds", 1, 4 * GB).isEmpty());
        assertEquals(1, PlanBudget.check(p, max + 1, "--seeds", 1, 4 * GB).size());
    }

    @Test
    void theSeedsOfARunJsonAreCheckedTheSameWay() {
        Problem problem = only(PlanBudget.check(preset("lenet5-bn-mnist-adder"), 2_000_000_000, "/runs/x/run.json: seeds",
                1, 4 * GB));
        assertTrue(problem.message().startsWith("/runs/x/run.json: seeds: at most "), problem.message());
        assertTrue(problem.message().contains("1 runs' histories of 50 epochs"), problem.message());
    }

    @Test
    void metricsRowsBeyondTheHeapNameLogEvery() {
        Preset p = preset("fig2-unit-ball", "training.iterations=100000000", "training.logEvery=1");
        Problem problem = only(PlanBudget.check(p, 1, "--seeds 1", 2, 4 * GB));
        assertEquals("training.logEvery", problem.field());
        assertEquals("fig2-unit-ball", problem.source());
        assertTrue(problem.expected().startsWith("training.iterations 100000000 logged every 1 step keeps each run's "
                + "metrics rows in memory (2 runs at a time): 200,000,004 metrics rows, about "), problem.expected());
        assertTrue(problem.expected().contains("more than this heap holds (-Xmx 4.0 GB; a run may use 3.0 GB); training.logEvery must be at least "),
                problem.expected());
        assertTrue(problem.hint().startsWith("raise training.logEvery or lower training.iterations, or a larger heap via "
                + "WORKBENCH_JAVA_OPTS=-Xmx"), problem.hint());
    }

    @Test
    void wideDeepModelsNameTheHiddenSizes() {
        Preset p = preset("fig2-unit-ball", "runs.hidden=[4096]", "model.depth=64", "training.batchSize=8");
        Problem problem = only(PlanBudget.check(p, 1, "--seeds 1", 1, 4 * GB));
        assertEquals("runs.hidden", problem.field());
        assertTrue(problem.expected().startsWith("a model of 63 layers of 4096 hidden units: "), problem.expected());
    }

    @Test
    void hugeBatchesAndSamplesNameTheirFields() {
        Problem batch = only(PlanBudget.check(preset("fig2-unit-ball", "runs.hidden=[55]", "model.depth=64",
                "training.batchSize=65536"), 1, "--seeds 1", 1, 4 * GB));
        assertEquals("training.batchSize", batch.field());
        assertTrue(batch.expected().startsWith("batches of 65536 through 63 layers of 55 units: "), batch.expected());
        Problem cache = only(PlanBudget.check(preset("fig2-unit-ball", "runs.hidden=[2048]", "model.depth=3", "training.batchSize=47",
                "adder.pStart=2"), 1, "--seeds 1", 1, 1 * GB));
        assertTrue(cache.expected().startsWith("the adder layers' cache of |x - w|^(p-1) while p decays from 2.0 to 1.0"),
                cache.expected());
        Problem image = only(PlanBudget.check(preset("resnet20-cifar10-adder", "training.batchSize=65536"), 1, "--seeds 1",
                1, 8 * GB));
        assertEquals("training.batchSize", image.field());
        assertTrue(image.expected().startsWith("resnet20-adder's activations for a batch of 65536: "), image.expected());
        Problem samples = only(PlanBudget.check(preset("fig2-unit-ball", "data.samples=10000000", "data.seed=1"), 1,
                "--seeds 1", 1, 128L << 20));
        assertEquals("data.samples", samples.field());
    }

    @Test
    void everyBundledPresetFitsTenSeedsInAnEightGigabyteHeap() {
        for (String name : PresetLoader.BUNDLED) {
            Problems problems = PlanBudget.check(preset(name), 10, "--seeds 10", 4, 8 * GB);
            assertTrue(problems.isEmpty(), name + ": " + problems.message());
        }
    }

    @Test
    void aSweepIsCheckedVariantByVariant() {
        Preset p = preset("table4-toy");
        assertTrue(PlanBudget.check(p, 10, "--seeds 10", 2, 2 * GB).isEmpty());
        Problem problem = only(PlanBudget.check(p, 500_000_000, "--seeds 500000000", 2, 2 * GB));
        assertTrue(problem.expected().contains("the run records of all 8 variants"), problem.expected());
        assertNull(problem.field());
    }

    @Test
    void noSeedsIsAProblemToo() {
        assertEquals("--seeds 0: must be at least 1",
                only(PlanBudget.check(preset("fig2-unit-ball"), 0, "--seeds 0", 1, GB)).message());
    }
}
