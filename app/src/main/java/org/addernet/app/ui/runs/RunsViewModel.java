package org.addernet.app.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunQueue;
import org.addernet.app.store.RunStore;
import org.addernet.app.ui.vm.UiExecutor;

/**
 * The queue-and-history window's state: the run store of a workbench home, its queue (opened for
 * this window; null when another process holds it, {@link #queueProblem()} says so), and the view
 * models of the three tabs, wired together: an item that ends refreshes the history, the history's
 * Compare fills the comparison and turns to it ({@link #page}).
 */
public final class RunsViewModel {
    static final String QUEUE = "tab-queue";
    static final String HISTORY = "tab-history";
    static final String COMPARE = "tab-compare";

    private final RunStore store;
    private final RunQueue queue;
    private final String queueProblem;
    private final QueueViewModel queueVm;
    private final HistoryViewModel historyVm;
    private final ComparisonViewModel comparisonVm;
    private final ReadOnlyStringWrapper page = new ReadOnlyStringWrapper(QUEUE);
    private boolean closed;

    /** Opens the queue of {@code home}; waiting items start (interrupted ones continue) on {@link #open()}. */
    public RunsViewModel(Path home, UiExecutor executor) {
        store = new RunStore(home);
        RunQueue q = null;
        String problem = null;
        try {
            q = RunQueue.open(store, "window");
        } catch (IOException | RuntimeException e) {
            problem = "The queue cannot be opened: " + (e.getMessage() == null ? e.toString() : e.getMessage())
                    + ". The history below still works.";
        }
        queue = q;
        queueProblem = problem;
        comparisonVm = new ComparisonViewModel(executor);
        historyVm = new HistoryViewModel(store, this::compare, executor);
        queueVm = new QueueViewModel(queue, queueProblem, historyVm::refresh, executor);
    }

    /** Reads the history and starts the queue when items wait: interrupted ones continue at once. */
    public void open() {
        historyVm.refresh();
        queueVm.startIfPending();
    }

    public RunStore store() {
        return store;
    }

    /** The queue, or null when another process holds it. */
    RunQueue queue() {
        return queue;
    }

    String queueProblem() {
        return queueProblem;
    }

    public QueueViewModel queueVm() {
        return queueVm;
    }

    public HistoryViewModel historyVm() {
        return historyVm;
    }

    public ComparisonViewModel comparisonVm() {
        return comparisonVm;
    }

    /** The tab to show: {@code tab-queue}, {@code tab-history} or {@code tab-compare}. */
    public ReadOnlyStringProperty page() {
        return page.getReadOnlyProperty();
    }

    /** Shows tab {@code id}; the history is read again when it is turned to. */
    public void showPage(String id) {
        page.set(id);
        if (HISTORY.equals(id)) {
            historyVm.refresh();
        }
    }

    /** Compares {@code runs} and turns to the comparison (as the history's Compare does). */
    public void compare(List<RunInfo> runs) {
        comparisonVm.show(runs);
        page.set(COMPARE);
    }

    /**
     * Lets go of the queue: running items stop after their current step and become
     * {@code interrupted} (they continue when a window opens the queue again), and the lock is
     * released. Waits for them to stop. Idempotent.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queueVm.dispose();
        if (queue != null) {
            queue.close();
        }
    }

    public boolean isClosed() {
        return closed;
    }
}
