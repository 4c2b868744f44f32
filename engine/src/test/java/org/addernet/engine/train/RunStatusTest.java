package org.addernet.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The run states keep the strings the files hold. */
class RunStatusTest {
    @Test
    void idsAreTheFilesStrings() {
        assertEquals(List.of("queued", "running", "completed", "diverged", "cancelled", "failed", "interrupted", "damaged"),
                RunStatus.ids());
        for (RunStatus s : RunStatus.values()) {
            assertEquals(s, RunStatus.fromId(s.id()));
            assertEquals(s.id(), s.toString(), "a status prints as the files spell it");
        }
    }

    @Test
    void anUnknownIdIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunStatus.fromId("done"));
        assertEquals("unknown status 'done', expected one of [queued, running, completed, diverged, cancelled, failed, "
                + "interrupted, damaged]", e.getMessage());
    }

    @Test
    void pendingAndDoneAsTheQueueReadsThem() {
        assertTrue(RunStatus.QUEUED.isPending());
        assertTrue(RunStatus.INTERRUPTED.isPending());
        assertFalse(RunStatus.RUNNING.isPending());
        for (RunStatus s : List.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED)) {
            assertTrue(s.isDone(), s.id());
        }
        assertFalse(RunStatus.DIVERGED.isDone(), "a run's own end, not a queue item's");
        assertFalse(RunStatus.RUNNING.isDone());
    }
}
