package org.addernet.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.addernet.engine.kernel.ConvShape;
import org.junit.jupiter.api.Test;

/** MAC counting and one tiny measurement of every conv case; never a speed assertion. */
class ConvBenchTest {
    @Test
    void forwardMacsCountEveryOutputTimesThePatch() {
        assertEquals(64L * 16 * 32 * 32 * 16 * 3 * 3, ConvBench.forwardMacs(64, 16, 16, 32, 32, 3));
        assertEquals(150_994_944L, ConvBench.forwardMacs(64, 16, 16, 32, 32, 3));
        assertEquals(2L * 6 * 28 * 28 * 1 * 25, ConvBench.forwardMacs(2, 1, 6, 28, 28, 5));
        for (ConvBench.Case c : ConvBench.cases()) {
            ConvShape s = new ConvShape(c.batch(), c.channels(), c.size(), c.size(), c.channels(), 3, 1, 1);
            assertEquals(s.macs(), c.forwardMacs(), c.name());
        }
    }

    @Test
    void theThreeShapesHaveTheSameWork() {
        // ResNet-20's stages halve the image and double the channels: 4x the MACs per output, 1/4 the outputs
        long first = ConvBench.cases().get(0).forwardMacs();
        for (ConvBench.Case c : ConvBench.cases()) {
            assertEquals(first, c.forwardMacs(), c.name());
        }
    }

    @Test
    void ratesAreMacsOverTime() {
        assertEquals(1.0, ConvBench.gmacs(1_000_000_000L, 1000), 1e-12);
        assertEquals(28.3, ConvBench.gmacs(3 * 150_994_944L, 16), 0.05);   // BENCHMARKS.md's 16 ms = 28 GMAC/s
        assertEquals(0.28, ConvBench.gmacs(3 * 150_994_944L, 1640), 0.005);
    }

    @Test
    void aTinyMeasurementOfEveryCaseGivesPositiveFiniteFigures() {
        for (ConvBench.Case c : ConvBench.cases()) {
            ConvBench.Case small = new ConvBench.Case(c.adder(), c.p(), c.channels(), c.size(), 4, c.referenceSeconds(),
                    c.referenceGmacs(), c.targetGmacs());
            ConvBench.Result r = ConvBench.measure(small, BenchBudget.tiny());
            for (double v : new double[] {r.forwardMs(), r.forwardGmacs(), r.forwardBackwardMs(),
                r.forwardBackwardGmacs()}) {
                assertTrue(v > 0 && Double.isFinite(v), r.toString());
            }
            assertEquals(small.forwardMacs(), r.forwardMacs());
            assertEquals(ConvBench.gmacs(3 * r.forwardMacs(), r.forwardBackwardMs()), r.forwardBackwardGmacs(), 1e-9);
            assertTrue(r.forwardReps() >= 1 && r.forwardBackwardReps() >= 1);
            assertTrue(r.layer().startsWith(c.adder() ? "adderconv3x3" : "conv3x3"), r.layer());
        }
    }

    @Test
    void fractionalRowsAreNamedAsTheSideBySideScriptLooksForThem() {
        java.util.regex.Pattern p15 = java.util.regex.Pattern.compile("p\\s*=\\s*1\\.5");
        assertEquals(3, ConvBench.cases().stream().filter(c -> p15.matcher(c.name()).find()).count());
        assertEquals("adder 3x3 16->16 @32x32 p = 1.5", ConvBench.cases().get(3).name());
        assertEquals("adder 3x3 16->16 @32x32", ConvBench.cases().get(0).name());
    }
}
