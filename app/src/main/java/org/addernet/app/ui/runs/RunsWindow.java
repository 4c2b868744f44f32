package org.addernet.app.ui.runs;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunQueue;
import org.addernet.app.store.WorkbenchHome;
import org.addernet.app.ui.vm.UiExecutor;

/**
 * The queue and the history of the workbench home in one window (Run > Queue and history), a view
 * over {@link RunsViewModel}:
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
    private final RunsViewModel vm;
    private final Stage stage = new Stage();
    private final QueuePane queuePane;
    private final HistoryPane history;
    private final ComparisonPane comparison;
    private final TabPane tabs;

    /** The window on this process's home ({@link WorkbenchHome#resolve(Path)}). */
    public RunsWindow(Window owner) {
        this(owner, WorkbenchHome.resolve(null));
    }

    /** The window on the queue and runs of {@code home} (tests pass a temporary folder). */
    public RunsWindow(Window owner, Path home) {
        this(owner, new RunsViewModel(home, UiExecutor.javafx()));
    }

    RunsWindow(Window owner, RunsViewModel vm) {
        this.vm = vm;
        comparison = new ComparisonPane(vm.comparisonVm());
        history = new HistoryPane(vm.historyVm());
        queuePane = new QueuePane(vm.queueVm());
        Tab queueTab = tab("Queue", queuePane.node(), RunsViewModel.QUEUE);
        Tab historyTab = tab("History", history.node(), RunsViewModel.HISTORY);
        Tab compareTab = tab("Comparison", comparison.node(), RunsViewModel.COMPARE);
        tabs = new TabPane(queueTab, historyTab, compareTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !b.getId().equals(vm.page().get())) {
                vm.showPage(b.getId());
            }
        });
        vm.page().addListener((o, a, b) -> showTab(b));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(tabs, Math.min(1400, screen.getWidth()), Math.min(960, screen.getHeight()));
        var css = RunsWindow.class.getResource("/org/addernet/app/ui/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Queue and history \u2014 " + vm.store().home());
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
        vm.open();      // interrupted items continue at once
    }

    private static Tab tab(String title, javafx.scene.Node content, String id) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** The window's state and commands. */
    RunsViewModel vm() {
        return vm;
    }

    /**
     * Lets go of the queue (see {@link RunsViewModel#close()}) and hides the window. Idempotent;
     * also what hiding the window does.
     */
    public void close() {
        if (vm.isClosed()) {
            return;
        }
        vm.close();
        if (stage.isShowing()) {
            stage.hide();
        }
    }

    /** Whether {@link #close()} ran (a closed window's queue is gone: open a new window). */
    public boolean isClosed() {
        return vm.isClosed();
    }

    /** The queue, or null when another process holds it. */
    RunQueue queue() {
        return vm.queue();
    }

    String queueProblem() {
        return vm.queueProblem();
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
        vm.compare(runs);
    }
}
