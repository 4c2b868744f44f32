package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress throttled per item on an injected clock; listeners told in order, a failing one ignored. */
class QueueNotifierTest {
    @Test
    void progressIsDueAtMostTenTimesASecondPerItemButTheLastAlways() {
        long[] now = {0};
        QueueNotifier n = new QueueNotifier(() -> now[0]);
        assertTrue(n.progressDue("q1", false), "the first report");
        now[0] = 50_000_000L;
        assertFalse(n.progressDue("q1", false), "50 ms later");
        assertTrue(n.progressDue("q2", false), "another item has its own clock");
        assertTrue(n.progressDue("q1", true), "the last report is never held back");
        now[0] += QueueNotifier.PROGRESS_NANOS - 1;
        assertFalse(n.progressDue("q1", false));
        now[0] += 1;
        assertTrue(n.progressDue("q1", false), "a tenth of a second after the previous one");
        n.close();
    }

    @Test
    void listenersHearEveryChangeInOrderAndAFailingOneSinksNothing() {
        QueueNotifier n = new QueueNotifier(System::nanoTime);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        n.add((all, it) -> {
            throw new IllegalStateException("its own failure");
        });
        n.add((all, it) -> heard.add(it == null ? "order" : it.id()));
        assertTrue(n.listening());
        for (int k = 0; k < 50; k++) {
            n.tell(List.of(), null);
        }
        n.close();
        assertEquals(Collections.nCopies(50, "order"), heard, "delivered before close returns");
        assertFalse(n.listening());
        n.tell(List.of(), null);                       // closed: dropped quietly
    }
}
