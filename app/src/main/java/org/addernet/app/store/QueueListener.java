package org.addernet.app.store;

import java.util.List;

/**
 * Told of every change of a {@link RunQueue}. Called on the queue's single notifier thread, in
 * the order the changes happened, never on the FX thread and never while the queue is locked: a
 * window marshals to the FX thread itself ({@code Platform.runLater}) and may call back into the
 * queue. Progress is reported at most about ten times a second per item.
 */
@FunctionalInterface
public interface QueueListener {
    /**
     * @param items   the whole queue after the change, in order
     * @param changed the item that changed (added, new state, progress), or null when the order
     *                changed, an item was removed or a setting changed
     */
    void queueChanged(List<QueueItem> items, QueueItem changed);
}
