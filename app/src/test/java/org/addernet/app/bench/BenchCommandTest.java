package org.addernet.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.addernet.app.cli.WorkbenchCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --quick --out FILE}, with the smallest budget, prints the tables and writes every key. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void quickBenchWritesTheImageScaleKeys() throws IOException {
        Path file = tmp.resolve("bench.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        BenchBudget.override = BenchBudget.tiny();
        try {
            code = WorkbenchCommand.execute(new String[] {"bench", "--quick", "--out", file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            BenchBudget.override = null;
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        for (String heading : new String[] {"toy 2-10-1", "3x3 conv layer", "training step", "training memory",
            "where a resnet20-adder step goes", "where a lenet5-bn-adder step goes", "in blocks: adder conv"}) {
            assertTrue(printed.contains(heading), heading + " in\n" + printed);
        }
        JsonNode j = new ObjectMapper().readTree(file.toFile());
        assertEquals(4, j.get("toy").size());
        assertTrue(j.get("toyStepProfile").size() > 0);
        assertEquals(9, j.get("convLayers").size());
        for (JsonNode c : j.get("convLayers")) {
            assertTrue(c.get("forwardBackwardGmacs").asDouble() > 0, c.toString());
            assertTrue(c.has("referenceGmacs") && c.has("targetGmacs"), c.toString());
        }
        assertEquals(4, j.get("imageSteps").size());
        for (JsonNode s : j.get("imageSteps")) {
            assertTrue(s.get("imagesPerSecond").asDouble() > 0, s.toString());
        }
        JsonNode m = j.get("memory");
        assertEquals("resnet20-adder", m.get("model").asText());
        assertTrue(m.get("fit").asBoolean(), m.toString());
        assertTrue(m.get("peakHeapBytes").asLong() > 0 && m.get("maxHeapBytes").asLong() > 0, m.toString());
        assertEquals(2, j.get("stepProfiles").size());
        for (JsonNode p : j.get("stepProfiles")) {
            assertTrue(p.get("byKind").size() > 0 && p.get("layers").size() > 0, p.toString());
        }
        assertEquals(1, j.get("budget").get("stepMinSteps").asInt());
    }
}
