package org.addernet.app.ui.analysis;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunStore;
import org.addernet.app.ui.vm.Activity;
import org.addernet.app.ui.vm.UiExecutor;

/**
 * A run-folder tab's start: finds the run store's newest folder of a kind off the FX thread and
 * opens it, unless the reader chose one meanwhile; a folder asked for while the tab's work runs is
 * opened when that work is done (never dropped).
 */
final class NewestRun {
    private final UiExecutor executor;
    private final Activity work;
    private final Consumer<Path> open;
    private boolean searching;
    private Path found;
    private Path pending;

    NewestRun(UiExecutor executor, Activity work, Consumer<Path> open) {
        this.executor = executor;
        this.work = work;
        this.open = open;
    }

    /** Looks for the newest folder {@code wanted} accepts; opens it unless {@code chosen} says one was chosen since. */
    void find(RunStore store, Predicate<RunInfo> wanted, BooleanSupplier chosen, String none) {
        if (searching) {
            return;
        }
        searching = true;
        executor.submit(() -> RunFolders.newest(store, wanted), f -> {
            searching = false;
            if (chosen.getAsBoolean()) {
                return;
            }
            if (f == null) {
                work.say(none, false);
            } else {
                found = f;
                open.accept(f);
            }
        }, e -> searching = false);
    }

    /** True when {@code folder} must wait for the work in flight (it is opened after it). */
    boolean deferred(Path folder) {
        if (work.isBusy()) {
            pending = folder;
            return true;
        }
        return false;
    }

    /** The tab's work showed {@code folder}: says so when it was the newest run found, then opens what waited. */
    void shown(Path folder) {
        if (folder.equals(found)) {
            work.say("The newest run of the store: " + folder + " (open another folder to change)", false);
        }
        found = null;
        Path next = pending;
        pending = null;
        if (next != null) {
            executor.fx(() -> open.accept(next));
        }
    }
}
