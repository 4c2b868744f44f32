package org.addernet.app.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunQueue;
import org.addernet.app.store.RunStore;
import org.addernet.app.store.WorkbenchHome;

/**
 * The queue and the history of the workbench home in one window (Run > Queue and history):
 * <ul>
 *   <li><b>Queue</b>: presets x settings x seeds waiting, running and done, with progress, cancel,
 *       reorder, retry and remove; the queue is started when the window opens, so items that a
 *       close or a killed process interrupted continue at once (image runs from their last
 *       checkpoint). Closing the window stops running items after their current step; they are
 *       {@code interrupted} and continue the next time the window opens.</li>
 *   <li><b>History</b>: every run folder, filtered by preset, model and status.</li>
 *   <li><b>Comparison</b>: the chosen runs' curves overlaid, and their final metrics with mean and
 *       spread over seeds as a table and a chart, exported as CSV, LaTeX, PNG and SVG.</li>
 * </ul>
 * One process holds a home's queue at a time: when another workbench has it open, the queue tab
 * says so and the history still works.
 */
public final class RunsWindow {
    private final Stage stage = new Stage();
    private final RunStore store;
    private final RunQueue queue;
    private final String queueProblem;
    private final QueuePane queuePane;
    private final HistoryPane history;
    private final ComparisonPane comparison;
    private final TabPane tabs;
    private final Tab compareTab;
    private boolean closed;

    /** The window on this process's home ({@link WorkbenchHome#resolve(Path)}). */
    public RunsWindow(Window owner) {
        this(owner, WorkbenchHome.resolve(null));
    }

    /** The window on the queue and runs of {@code home} (tests pass a temporary folder). */
    public RunsWindow(Window owner, Path home) {
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
        comparison = new ComparisonPane();
        Tab[] compare = new Tab[1];
        history = new HistoryPane(store, chosen -> {
            comparison.show(chosen);
            selectTab(compare[0]);
        });
        queuePane = new QueuePane(queue, queueProblem, history::refresh);
        Tab queueTab = new Tab("Queue", queuePane.node());
        queueTab.setId("tab-queue");
        Tab historyTab = new Tab("History", history.node());
        historyTab.setId("tab-history");
        compareTab = new Tab("Comparison", comparison.node());
        compareTab.setId("tab-compare");
        compare[0] = compareTab;
        tabs = new TabPane(queueTab, historyTab, compareTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == historyTab) {
                history.refresh();
            }
        });
        Scene scene = new Scene(tabs, 1400, 960);
        var css = RunsWindow.class.getResource("/org/addernet/app/ui/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Queue and history \u2014 " + store.home());
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
        history.refresh();
        queuePane.start();      // interrupted items continue at once
    }

    private void selectTab(Tab t) {
        tabs.getSelectionModel().select(t);
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /**
     * Lets go of the queue: running items stop after their current step and become
     * {@code interrupted} (they continue when a window opens the queue again), and the lock is
     * released. Waits for them to stop (an image run's step, a toy run's iteration). Idempotent;
     * also what hiding the window does.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queuePane.dispose();
        if (queue != null) {
            queue.close();
        }
        if (stage.isShowing()) {
            stage.hide();
        }
    }

    /** Whether {@link #close()} ran (a closed window's queue is gone: open a new window). */
    public boolean isClosed() {
        return closed;
    }

    /** The queue, or null when another process holds it. */
    RunQueue queue() {
        return queue;
    }

    String queueProblem() {
        return queueProblem;
    }

    QueuePane queuePane() {
        return queuePane;
    }

    HistoryPane history() {
        return history;
    }

    ComparisonPane comparison() {
        return comparison;
    }

    /** Shows the tab {@code id} ({@code tab-queue}, {@code tab-history}, {@code tab-compare}). */
    void showTab(String id) {
        for (Tab t : tabs.getTabs()) {
            if (id.equals(t.getId())) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    /** Compares {@code runs} and shows the comparison (as the history's Compare does). */
    void compare(List<RunInfo> runs) {
        comparison.show(runs);
        selectTab(compareTab);
    }
}
