package org.addernet.app.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunStore;
import org.addernet.app.ui.vm.StatusLine;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.engine.train.RunStatus;

/**
 * The history tab's state and commands: every folder of the run store, newest first, read off the
 * FX thread ({@link #refresh}), filtered by preset, model and status; damaged folders are listed
 * with their reason. {@link #compare} hands the chosen runs (the selected ones, or every run shown)
 * to the comparison.
 */
public final class HistoryViewModel {
    /** The filter value that lets everything through. */
    static final String ANY = "any";
    static final List<String> STATUSES = withAny(java.util.stream.Stream.of(RunStatus.COMPLETED, RunStatus.FAILED,
            RunStatus.CANCELLED, RunStatus.INTERRUPTED, RunStatus.RUNNING, RunStatus.QUEUED, RunStatus.DAMAGED)
            .map(RunStatus::id).toList());

    public final StringProperty presetFilter = new SimpleStringProperty(ANY);
    public final StringProperty modelFilter = new SimpleStringProperty(ANY);
    public final StringProperty statusFilter = new SimpleStringProperty(ANY);

    private final RunStore store;
    private final UiExecutor executor;
    private final Consumer<List<RunInfo>> compare;
    private final ReadOnlyObjectWrapper<List<RunInfo>> all = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<RunInfo>> shown = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<String>> presets = new ReadOnlyObjectWrapper<>(List.of(ANY));
    private final ReadOnlyObjectWrapper<List<String>> models = new ReadOnlyObjectWrapper<>(List.of(ANY));
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final StatusLine status = new StatusLine("");
    private boolean again;
    private int generation;

    public HistoryViewModel(RunStore store, Consumer<List<RunInfo>> compare, UiExecutor executor) {
        this.store = store;
        this.compare = compare;
        this.executor = executor;
        for (StringProperty p : List.of(presetFilter, modelFilter, statusFilter)) {
            p.addListener((o, a, b) -> showFiltered());
        }
    }

    private static List<String> withAny(List<String> values) {
        List<String> out = new ArrayList<>();
        out.add(ANY);
        out.addAll(values);
        return List.copyOf(out);
    }

    /** Every folder the store listed at the last refresh. */
    public ReadOnlyObjectProperty<List<RunInfo>> all() {
        return all.getReadOnlyProperty();
    }

    /** The folders the filters let through. */
    public ReadOnlyObjectProperty<List<RunInfo>> shown() {
        return shown.getReadOnlyProperty();
    }

    /** The preset filter's choices: any, then every preset listed. */
    public ReadOnlyObjectProperty<List<String>> presets() {
        return presets.getReadOnlyProperty();
    }

    /** The model filter's choices: any, then every model listed. */
    public ReadOnlyObjectProperty<List<String>> models() {
        return models.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    /** How many runs, where, how many damaged; or why the store cannot be read ({@link #problem}). */
    public ReadOnlyStringProperty status() {
        return status.text();
    }

    public ReadOnlyBooleanProperty problem() {
        return status.problem();
    }

    /** Sets the three filters (null: any). */
    void filter(String preset, String model, String state) {
        presetFilter.set(preset == null ? ANY : preset);
        modelFilter.set(model == null ? ANY : model);
        statusFilter.set(state == null ? ANY : state);
    }

    /** Reads the store again off the FX thread (a refresh asked for while one runs follows it). */
    public void refresh() {
        if (loading.get()) {
            again = true;
            return;
        }
        loading.set(true);
        int gen = ++generation;
        executor.submit(store::list, list -> ended(gen, list, null), e -> ended(gen, List.of(),
                "cannot read " + store.runsDir() + ": " + e.getMessage()));
    }

    private void ended(int gen, List<RunInfo> list, String why) {
        if (gen == generation) {
            show(list, why);
        }
        loading.set(false);
        if (again) {
            again = false;
            refresh();
        }
    }

    private void show(List<RunInfo> list, String why) {
        all.set(List.copyOf(list));
        presets.set(withAny(RunStore.presets(list)));
        models.set(withAny(RunStore.models(list)));
        keep(presetFilter, presets.get());
        keep(modelFilter, models.get());
        showFiltered();
        long damaged = list.stream().filter(RunInfo::isDamaged).count();
        status.say(why != null ? why : list.size() + (list.size() == 1 ? " run" : " runs") + " in " + store.runsDir()
                + (damaged > 0 ? "; " + damaged + " damaged (see Note)" : ""), why != null);
    }

    private static void keep(StringProperty filter, List<String> choices) {
        if (filter.get() == null || !choices.contains(filter.get())) {
            filter.set(ANY);
        }
    }

    private static String value(StringProperty p) {
        String v = p.get();
        return v == null || ANY.equals(v) ? null : v;
    }

    private void showFiltered() {
        shown.set(List.copyOf(RunStore.filter(all.get(), value(presetFilter), value(modelFilter), value(statusFilter))));
    }

    /** Compares {@code selected}, or every run shown when none is selected; damaged folders are left out. */
    public void compare(List<RunInfo> selected) {
        List<RunInfo> c = (selected.isEmpty() ? shown.get() : selected).stream().filter(r -> !r.isDamaged()).toList();
        if (c.isEmpty()) {
            status.say("Nothing to compare: no readable run is shown or selected.", status.problem().get());
            return;
        }
        compare.accept(c);
    }

    /**
     * The history's "Best test" of a folder: each model's best test accuracy, with the n it was
     * reached at when the folder trains several; an epoch run's best epoch counts whatever the
     * run's state (a cancelled run that reached 81.6 % shows it, marked), a toy run's final
     * accuracy when it completed. Empty when no run has one.
     */
    static String bestText(RunInfo f) {
        java.util.Map<String, org.addernet.app.runner.RunRecord> best = new java.util.LinkedHashMap<>();
        java.util.Map<String, Double> value = new java.util.HashMap<>();
        for (org.addernet.app.runner.RunRecord r : f.runs()) {
            Double v = r.bestTestAccuracy() != null ? r.bestTestAccuracy()
                    : r.status() == RunStatus.COMPLETED ? r.testAccuracy() : null;
            if (v != null && Double.isFinite(v) && (!value.containsKey(r.model()) || v > value.get(r.model()))) {
                value.put(r.model(), v);
                best.put(r.model(), r);
            }
        }
        boolean manyN = f.runs().stream().map(org.addernet.app.runner.RunRecord::hidden).distinct().count() > 1;
        List<String> parts = new ArrayList<>();
        for (var e : best.entrySet()) {
            org.addernet.app.runner.RunRecord r = e.getValue();
            String model = best.size() > 1 || f.models().size() > 1 ? e.getKey() + " " : "";
            String where = manyN && r.hidden() != null ? "n=" + r.hidden() + " " : "";
            String state = r.status() == RunStatus.COMPLETED ? "" : " (" + r.status().id() + ")";
            parts.add(String.format(java.util.Locale.ROOT, "%s%s%.2f%s", model, where, 100 * value.get(e.getKey()), state));
        }
        return String.join("  \u00b7  ", parts);
    }

    /** Where a folder's runs came from: its manifest's source, else {@code queue} or {@code cli} as the folder shows. */
    static String sourceText(RunInfo f) {
        if (f.source() != null) {
            return f.source();
        }
        if (f.isDamaged()) {
            return "";
        }
        return f.queueItem() != null ? "queue" : "cli";
    }
}
