package org.addernet.app.ui.runs;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.addernet.app.store.QueueItem;
import org.addernet.app.store.QueueListener;
import org.addernet.engine.train.RunStatus;
import org.addernet.app.store.RunQueue;
import org.addernet.app.ui.vm.StatusLine;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.presets.PresetException;

/**
 * The queue tab's state and commands: the form that adds presets x setting sets (an optional sweep
 * of one key) with a number of seeds, how many run at once, Start / Pause, and the items; Cancel,
 * Up, Down, Retry and Remove act on {@link #selected}. The queue's events (on its own thread) reach
 * {@link #items} coalesced: at most one update pending, the newest list wins.
 */
public final class QueueViewModel {
    /** A bundled preset, several separated by spaces, or a preset file. */
    public final StringProperty preset = new SimpleStringProperty("fig2-unit-ball");
    public final IntegerProperty seeds = new SimpleIntegerProperty(1);
    /** Overrides, one per line or separated by spaces. */
    public final StringProperty settings = new SimpleStringProperty("");
    /** An optional sweep of one key, {@code key.path=v1,v2,...}. */
    public final StringProperty sweep = new SimpleStringProperty("");
    /** A data root for image sets (blank: the usual lookup). */
    public final StringProperty dataRoot = new SimpleStringProperty("");
    /** Runs at once. */
    public final IntegerProperty parallel;
    /** The id of the item the item commands act on (the table's selection), or null. */
    public final StringProperty selected = new SimpleStringProperty();

    private final RunQueue queue;
    private final Runnable onRunEnded;
    private final ReadOnlyObjectWrapper<List<QueueItem>> items = new ReadOnlyObjectWrapper<>(List.of());
    private final StatusLine message = new StatusLine("");
    /** Where the items that start from now on run: this machine or a Spark master (issue 13). */
    final RunOnViewModel runOn = new RunOnViewModel();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper started = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUp = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canDown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper();
    private final QueueListener listener;
    private Map<String, RunStatus> lastStates = new HashMap<>();
    private volatile boolean closed;

    /**
     * @param queue      the open queue, or null when it could not be opened ({@code problem} says why)
     * @param onRunEnded called on the FX thread when an item completes, fails or is cancelled
     */
    public QueueViewModel(RunQueue queue, String problem, Runnable onRunEnded, UiExecutor executor) {
        this.queue = queue;
        this.onRunEnded = onRunEnded;
        this.parallel = new SimpleIntegerProperty(queue == null ? RunQueue.defaultParallel() : queue.parallel());
        parallel.addListener((o, a, b) -> {
            if (queue != null && b.intValue() >= 1 && b.intValue() != queue.parallel()) {
                queue.setParallel(b.intValue());
                updateSummary();
            }
        });
        selected.addListener((o, a, b) -> updateButtons());
        if (queue == null) {
            message.say(problem, true);
            listener = null;
        } else {
            var toFx = executor.<List<QueueItem>>latest(all -> {
                if (!closed) {
                    apply(all);
                }
            });
            listener = (all, changed) -> toFx.accept(all);
            queue.addListener(listener);
            List<String> warnings = queue.warnings();
            if (!warnings.isEmpty()) {
                message.say(String.join("\n", warnings), true);
            }
            apply(queue.items());
        }
        updateButtons();
        updateSummary();
    }

    /** Whether there is a queue to act on (false when another process holds it). */
    public boolean available() {
        return queue != null;
    }

    /** The items as last reported, in queue order. */
    public ReadOnlyObjectProperty<List<QueueItem>> items() {
        return items.getReadOnlyProperty();
    }

    /** What the last command did, or what is wrong ({@link #problem}). */
    public ReadOnlyStringProperty message() {
        return message.text();
    }

    public ReadOnlyBooleanProperty problem() {
        return message.problem();
    }

    /** Started or paused, how many run, wait and completed, and the home. */
    public ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty started() {
        return started.getReadOnlyProperty();
    }

    /** Whether Start would do something: the queue is paused and items wait. */
    public ReadOnlyBooleanProperty canStart() {
        return canStart.getReadOnlyProperty();
    }

    /** Whether Pause would do something: the queue is started. */
    public ReadOnlyBooleanProperty canPause() {
        return canPause.getReadOnlyProperty();
    }

    /**
     * Starts the queue when items wait (interrupted ones of a closed window continue); an empty
     * queue stays paused, so that what is added waits for Start.
     */
    public void startIfPending() {
        if (queue != null && queue.items().stream().anyMatch(QueueItem::isPending)) {
            start();
        }
    }

    public ReadOnlyBooleanProperty canCancel() {
        return canCancel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUp() {
        return canUp.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDown() {
        return canDown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetry() {
        return canRetry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRemove() {
        return canRemove.getReadOnlyProperty();
    }

    /** Fills the form (tests, screenshots). */
    void fill(String presetText, int seedCount, String settingsText, String sweepText, Path data) {
        preset.set(presetText);
        seeds.set(seedCount);
        settings.set(settingsText);
        sweep.set(sweepText == null ? "" : sweepText);
        dataRoot.set(data == null ? "" : data.toString());
    }

    /** Adds presets x setting sets x seeds from the form; a bad entry is one line in red, nothing added. */
    public void add() {
        if (queue == null) {
            return;
        }
        String where = runOn.applyTo(queue);      // the items that start from now on run there
        if (where != null) {
            message.say(where, true);
            return;
        }
        try {
            List<String> presets = Overrides.presets(preset.get());
            List<List<String>> sets = Overrides.settingSets(Overrides.split(settings.get()), sweep.get());
            String d = dataRoot.get() == null ? "" : dataRoot.get().strip();
            int n = seeds.get();
            if (n < 1) {
                throw new IllegalArgumentException("Seeds: expected a whole number >= 1");
            }
            List<QueueItem> added = queue.addAll(presets, sets, n, d.isEmpty() ? null : Path.of(d));
            message.say("Added " + added.size() + (added.size() == 1 ? " item: " : " items: ")
                    + String.join(", ", added.stream().map(QueueItem::id).toList())
                    + (queue.isStarted() ? "" : " (the queue is paused: Start runs them)"), false);
        } catch (InvalidPathException e) {
            message.say("Data root: '" + dataRoot.get() + "': not a path (" + e.getReason() + ")", true);
        } catch (PresetException | IllegalArgumentException | IllegalStateException e) {
            message.say(e.getMessage(), true);
        }
    }

    public void start() {
        if (queue != null) {
            String problem = runOn.applyTo(queue);
            if (problem != null) {
                message.say(problem, true);
                return;
            }
            queue.start();
            updateSummary();
        }
    }

    public void pause() {
        if (queue != null) {
            queue.pause();
            updateSummary();
        }
    }

    /** Cancels the selected item (before it starts, or after its current step). */
    public void cancelSelected() {
        act(q -> q.cancel(selected.get()));
    }

    public void up() {
        act(q -> q.move(selected.get(), -1));
    }

    public void down() {
        act(q -> q.move(selected.get(), 1));
    }

    public void retry() {
        act(q -> q.retry(selected.get()));
    }

    public void remove() {
        act(q -> q.remove(selected.get()));
    }

    private interface QueueAction {
        boolean run(RunQueue q);
    }

    private void act(QueueAction a) {
        String id = selected.get();
        if (queue == null || id == null) {
            return;
        }
        QueueItem shown = selectedItem();
        if (!a.run(queue)) {
            message.say("Nothing to do for " + id + " in its state (" + (shown == null ? "unknown" : shown.state()) + ")", true);
        } else {
            message.say("", false);
        }
    }

    /** Shows {@code all}, keeping the selected item selected; tells the history when items ended. */
    private void apply(List<QueueItem> all) {
        String keep = selected.get();
        items.set(List.copyOf(all));
        if (keep != null && all.stream().noneMatch(i -> i.id().equals(keep))) {
            selected.set(null);
        }
        boolean ended = false;
        Map<String, RunStatus> states = new HashMap<>();
        for (QueueItem it : all) {
            states.put(it.id(), it.state());
            RunStatus before = lastStates.get(it.id());
            if (it.isDone() && it.state() != before && before != null) {
                ended = true;
            }
        }
        lastStates = states;
        updateButtons();
        updateSummary();
        if (ended && onRunEnded != null) {
            onRunEnded.run();
        }
    }

    private QueueItem selectedItem() {
        String id = selected.get();
        return id == null ? null : items.get().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    private void updateButtons() {
        QueueItem it = selectedItem();
        List<QueueItem> rows = items.get();
        boolean none = it == null || queue == null;
        canCancel.set(!none && !it.isDone());
        canUp.set(!none && rows.indexOf(it) > 0);
        canDown.set(!none && rows.indexOf(it) < rows.size() - 1);
        canRetry.set(!none && (it.state() == RunStatus.FAILED || it.state() == RunStatus.CANCELLED));
        canRemove.set(!none && it.state() != RunStatus.RUNNING);
    }

    private void updateSummary() {
        if (queue == null) {
            started.set(false);
            canStart.set(false);
            canPause.set(false);
            return;
        }
        boolean on = queue.isStarted();
        started.set(on);
        List<QueueItem> rows = items.get();
        canStart.set(!on && rows.stream().anyMatch(QueueItem::isPending));
        canPause.set(on);
        long running = rows.stream().filter(i -> i.state() == RunStatus.RUNNING).count();
        long waiting = rows.stream().filter(QueueItem::isPending).count();
        long done = rows.stream().filter(i -> i.state() == RunStatus.COMPLETED).count();
        List<String> parts = new ArrayList<>();
        parts.add(on ? "started" : "paused");
        parts.add(running + " running");
        parts.add(waiting + " waiting");
        parts.add(done + " completed");
        summary.set(String.join(", ", parts) + "   (home: " + queue.store().home() + ")");
    }

    /** Stops listening (the queue is being closed). */
    public void dispose() {
        closed = true;
        runOn.dispose();
        if (queue != null && listener != null) {
            queue.removeListener(listener);
        }
    }
}
