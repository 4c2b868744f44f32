package org.addernet.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderConv2d;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.BatchNorm2d;
import org.addernet.engine.nn.Conv2d;
import org.addernet.engine.nn.ResidualBlock;
import org.junit.jupiter.api.Test;

/** Step profiles cover every top-level layer once and split residual blocks into their parts. */
class StepProfileTest {
    @Test
    void kindsNameTheLayers() {
        SplittableRandom r = new SplittableRandom(1);
        assertEquals("adder conv", StepProfile.kind(new AdderConv2d(1, 1, 3, 1, 1, AdderRules.paper(), r)));
        assertEquals("conv", StepProfile.kind(new Conv2d(1, 1, 3, 1, 1, false, r)));
        assertEquals("batch norm", StepProfile.kind(new BatchNorm2d(2)));
        assertEquals("activation", StepProfile.kind(Activation.relu()));
        assertEquals(StepProfile.RESIDUAL_BLOCK, StepProfile.kind(new ResidualBlock(2, 2, 1, true, AdderRules.paper(), r)));
    }

    @Test
    void lenetProfileSumsEveryLayerByKind() {
        StepProfile.Result p = StepProfile.measure("lenet5-bn-adder", 4, BenchBudget.tiny());
        assertEquals(17, p.layers().size());
        Map<String, Integer> counts = p.byKind().stream()
                .collect(Collectors.toMap(StepProfile.KindTime::kind, StepProfile.KindTime::count));
        assertEquals(Map.of("adder conv", 2, "batch norm", 5, "activation", 4, "pool", 2, "flatten", 1,
                "adder dense", 3), counts);
        double sum = 0;
        double share = 0;
        for (StepProfile.KindTime k : p.byKind()) {
            assertTrue(k.forwardMs() >= 0 && k.backwardMs() >= 0 && Double.isFinite(k.totalMs()), k.toString());
            sum += k.totalMs();
            share += k.share();
        }
        assertEquals(p.layersMs(), sum, 1e-9 * sum);
        assertEquals(1.0, share, 1e-9);
        assertTrue(p.layersMs() > 0 && p.lossMs() >= 0);
        assertTrue(p.stepMs() > 0 && Double.isFinite(p.stepMs()));
        assertEquals(0, p.insideBlocks().size());
    }

    @Test
    void resnetProfileSplitsTheBlocks() {
        StepProfile.Result p = StepProfile.measure("resnet20-adder", 2, BenchBudget.tiny());
        Map<String, Integer> counts = p.byKind().stream()
                .collect(Collectors.toMap(StepProfile.KindTime::kind, StepProfile.KindTime::count));
        assertEquals(9, counts.get(StepProfile.RESIDUAL_BLOCK));
        assertEquals(2, counts.get("conv"), "the first conv and the 1x1-conv head (the official layout)");
        Map<String, Integer> inside = p.insideBlocks().stream()
                .collect(Collectors.toMap(StepProfile.KindTime::kind, StepProfile.KindTime::count));
        // 18 3x3 adder convs and the two 1x1 projection shortcuts, each with its batch norm
        assertEquals(Map.of("adder conv", 20, "batch norm", 20, "activation", 9, StepProfile.BLOCK_REST, 9), inside);
        double blocks = p.byKind().stream().filter(k -> k.kind().equals(StepProfile.RESIDUAL_BLOCK))
                .mapToDouble(StepProfile.KindTime::totalMs).sum();
        double parts = p.insideBlocks().stream().mapToDouble(StepProfile.KindTime::totalMs).sum();
        assertEquals(blocks, parts, 1e-9 * blocks);   // the rest is defined as the whole minus the parts
        StringWriter s = new StringWriter();
        ImageTables.printProfile(new PrintWriter(s), p);
        assertTrue(s.toString().contains("in blocks: adder conv"), s.toString());
        assertTrue(s.toString().contains("rest of the step"), s.toString());
    }
}
