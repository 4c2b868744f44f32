package org.addernet.app.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.addernet.engine.train.RunStatus;

/**
 * The queue's items in order, their numbers ({@code q1}, {@code q2}, ..., never reused) and their
 * saved copy in {@code queue.json}: saved on every change, progress at most once a second; a
 * failure to save (a full disk) is kept for the warnings, not thrown. The caller holds the
 * queue's lock for every call.
 */
final class QueueBook {
    private static final long SAVE_NANOS = 1_000_000_000L;

    private final QueueFile file;
    private final List<QueueEntry> items = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int nextId = 1;
    private long lastSave;
    private String saveError;

    QueueBook(QueueFile file) {
        this.file = file;
    }

    /** The items, in queue order (the live list: the scheduler reads it). */
    List<QueueEntry> entries() {
        return items;
    }

    /** The item {@code id}, or null. */
    QueueEntry find(String id) {
        return items.stream().filter(i -> i.id.equals(id)).findFirst().orElse(null);
    }

    List<QueueItem> snapshots() {
        return items.stream().map(QueueEntry::snapshot).toList();
    }

    /** Numbers {@code it} and puts it at the end. */
    void append(QueueEntry it) {
        it.id = "q" + nextId++;
        items.add(it);
    }

    /** Moves {@code it} by {@code delta} places, clamped to the ends; whether it moved. */
    boolean move(QueueEntry it, int delta) {
        int from = items.indexOf(it);
        int to = Math.max(0, Math.min(items.size() - 1, from + delta));
        if (to == from) {
            return false;
        }
        items.remove(from);
        items.add(to, it);
        return true;
    }

    void remove(QueueEntry it) {
        items.remove(it);
    }

    boolean anyPending() {
        return items.stream().anyMatch(i -> i.state.isPending());
    }

    /** What opening had to repair (a damaged queue.json moved aside) and the last failure to save. */
    List<String> warnings() {
        List<String> w = new ArrayList<>(warnings);
        if (saveError != null) {
            w.add(saveError);
        }
        return w;
    }

    /** Saves now, with {@code parallel}. */
    void save(int parallel) {
        lastSave = System.nanoTime();
        try {
            file.save(items, parallel, nextId);
            saveError = null;
        } catch (IOException | RuntimeException e) {
            saveError = "cannot save " + file.path() + ": " + e.getMessage();
        }
    }

    /** Saves when the last save is a second old (progress reports). */
    void saveSoon(int parallel) {
        if (System.nanoTime() - lastSave >= SAVE_NANOS) {
            save(parallel);
        }
    }

    /**
     * Reads the saved items; those saved as running become interrupted (the process that ran them
     * is gone). Returns the saved number to run at once, or null when none was saved; saves the
     * repaired copy when the file was read.
     */
    Integer load(int defaultParallel) throws IOException {
        QueueFile.Loaded loaded = file.read();
        if (loaded.warning() != null) {
            warnings.add(loaded.warning());
        }
        for (QueueEntry it : loaded.items()) {
            if (it.state == RunStatus.RUNNING) {
                it.markOrphaned();
            }
            items.add(it);
        }
        nextId = loaded.nextId();
        Integer parallel = loaded.parallel() != null && loaded.parallel() >= 1 ? loaded.parallel() : null;
        if (loaded.found()) {
            save(parallel == null ? defaultParallel : parallel);
        }
        return parallel;
    }
}
