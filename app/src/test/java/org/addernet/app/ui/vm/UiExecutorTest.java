package org.addernet.app.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one executor idiom: background work, results on the FX side, coalesced progress, one job at a time. */
class UiExecutorTest {
    /** An FX side that only queues: the test decides when it runs. */
    private final List<Runnable> fx = new ArrayList<>();
    private final UiExecutor executor = new UiExecutor(Runnable::run, fx::add);

    private void drain() {
        while (!fx.isEmpty()) {
            fx.remove(0).run();
        }
    }

    @Test
    void latestKeepsOnlyTheNewestValueWithOneUpdatePending() {
        List<Integer> shown = new ArrayList<>();
        FxPublisher<Integer> p = executor.latest(shown::add);
        for (int i = 1; i <= 100; i++) {
            p.accept(i);
        }
        assertEquals(1, fx.size(), "one pending runLater for a hundred values");
        drain();
        assertEquals(List.of(100), shown);
        p.accept(101);
        drain();
        assertEquals(List.of(100, 101), shown, "a value after the update is shown by the next one");
    }

    @Test
    void batchedKeepsEveryValueInOrderWithOneUpdatePending() {
        List<List<String>> shown = new ArrayList<>();
        FxBatcher<String> b = executor.batched(shown::add);
        b.accept("a");
        b.accept("b");
        b.accept("c");
        assertEquals(1, fx.size());
        drain();
        b.accept("d");
        drain();
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d")), shown);
    }

    @Test
    void submitHandsTheResultOrTheFailureToTheFxSide() {
        List<String> seen = new ArrayList<>();
        executor.submit(() -> "done", seen::add, e -> seen.add("failed"));
        executor.<String>submit(() -> {
            throw new IOException("no such folder");
        }, v -> seen.add("done?"), e -> seen.add(e.getMessage()));
        assertEquals(List.of(), seen, "nothing reaches the FX side before it runs");
        drain();
        assertEquals(List.of("done", "no such folder"), seen);
    }

    @Test
    void anActivityRunsOneJobAtATimeAndSaysWhatWentWrong() {
        Activity a = new Activity(executor);
        List<String> results = new ArrayList<>();
        a.run("Reading", () -> "first", results::add);
        assertTrue(a.isBusy());
        assertEquals("Reading\u2026", a.message().get());
        a.run("Reading again", () -> "second", results::add);      // ignored while busy
        drain();
        assertFalse(a.isBusy());
        assertEquals(List.of("first"), results);
        assertEquals("", a.message().get());
        a.<String>run("Reading", () -> {
            throw new IOException("/tmp/x: not a run folder (no preset.json)");
        }, results::add);
        drain();
        assertFalse(a.isBusy());
        assertTrue(a.problem().get());
        assertEquals("/tmp/x: not a run folder (no preset.json)", a.message().get());
        a.run("Showing", () -> "third", r -> {
            throw new IllegalStateException("cannot draw " + r);
        });
        drain();
        assertEquals("cannot draw third", a.message().get(), "a failure to show the result is the message too");
        assertFalse(a.isBusy());
    }

    @Test
    void sameThreadRunsEverythingBeforeTheCommandReturns() {
        List<String> seen = new ArrayList<>();
        UiExecutor.sameThread().submit(() -> "now", seen::add, e -> seen.add("failed"));
        assertEquals(List.of("now"), seen);
    }
}
