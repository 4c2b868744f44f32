package org.addernet.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The memory measurement reports heap figures, and an OutOfMemoryError as "did not fit". */
class MemoryBenchTest {
    @Test
    void aSmallBatchReportsPositiveHeapFigures() {
        MemoryBench.Result r = MemoryBench.measure("resnet20-adder", 4, 1);
        assertTrue(r.fit());
        assertTrue(r.heapBeforeBytes() > 0);
        assertTrue(r.peakHeapBytes() > 0);
        assertTrue(r.liveAfterBytes() > 0);
        assertTrue(r.maxHeapBytes() >= r.liveAfterBytes());
        assertEquals(2.0e9, r.referenceAdderBytes());
        assertEquals(0.6e9, r.targetBytes());
        String table = print(r);
        assertTrue(table.contains("peak heap used"), table);
    }

    @Test
    void runningOutOfHeapIsReportedNotThrown() {
        MemoryBench.Result r = MemoryBench.measure("resnet20-adder", 4, 2, t -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertFalse(r.fit());
        assertNull(r.peakHeapBytes());
        assertTrue(r.note().startsWith("did not fit in the heap"), r.note());
        String table = print(r);
        assertTrue(table.contains("did not fit in the heap"), table);
        assertTrue(table.contains("max heap"), table);
    }

    private static String print(MemoryBench.Result r) {
        StringWriter s = new StringWriter();
        ImageTables.printMemory(new PrintWriter(s), r);
        return s.toString();
    }
}
