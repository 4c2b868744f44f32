package org.addernet.app.ui.vm;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.addernet.presets.Preset;

/**
 * The main window's figure mode: a figure preset (Figs. 2-4) trains every n of its grid and the
 * main view shows one column of it. Says which column is shown ({@link #note()}), and when Hidden n
 * is set outside the grid asks before the figure is left ({@link #question()}). FX thread only;
 * the grid, the column and the title are also read by the render thread.
 */
final class FigureMode {
    /** What a change of Hidden n means. */
    enum Change {
        /** Another column of the figure: it trains already, only the view changes. */
        COLUMN,
        /** Outside the figure: the question is asked, nothing else changes until it is answered. */
        ASKED,
        /** No figure: a setting like any other. */
        SETTING
    }

    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private volatile List<Integer> grid = List.of();
    private volatile int column;
    private volatile String title = "";
    /** The column shown before an n outside the figure was asked for (restored by {@link #keep}). */
    private int before;

    /** The grid of {@code p} (its hidden sizes when it has several, else none); any question dropped. */
    void load(Preset p) {
        grid = p.runs().hidden().size() > 1 ? List.copyOf(p.runs().hidden()) : List.of();
        question.set("");
    }

    /** The figure's n, in order; empty outside figure mode. */
    List<Integer> grid() {
        return grid;
    }

    boolean active() {
        return !grid.isEmpty();
    }

    /** The n whose column the main view shows. */
    int column() {
        return column;
    }

    String title() {
        return title;
    }

    ReadOnlyStringProperty note() {
        return note.getReadOnlyProperty();
    }

    ReadOnlyStringProperty question() {
        return question.getReadOnlyProperty();
    }

    /** Hidden n went from {@code from} to {@code to}. */
    Change hiddenChanged(int from, int to) {
        if (grid.isEmpty()) {
            return Change.SETTING;
        }
        if (grid.contains(to)) {
            column = to;
            updateNote();
            return Change.COLUMN;
        }
        if (question.get().isEmpty()) {
            before = from;
        }
        question.set("n = " + to + " is not a column of the figure (n = " + joined(grid) + "). Leave the "
                + "figure and train n = " + to + " only? Its other models stop.");
        return Change.ASKED;
    }

    /** Leaves the figure (the answer to the question): true if one was asked. */
    boolean leave() {
        if (question.get().isEmpty()) {
            return false;
        }
        question.set("");
        grid = List.of();
        updateNote();
        return true;
    }

    /** Keeps the figure (the other answer): the column to set Hidden n back to, or null if nothing was asked. */
    Integer keep() {
        if (question.get().isEmpty()) {
            return null;
        }
        question.set("");
        return before;
    }

    /**
     * A session of {@code grid} was installed with Hidden n at {@code n}: the column shown is n when
     * the grid has it (or there is none), else the one shown so far, else the grid's first.
     */
    void installed(List<Integer> sessionGrid, int n, String presetTitle) {
        // while "leave the figure?" is open, Hidden n holds an n outside the grid: the main view keeps its column
        column = sessionGrid.isEmpty() || sessionGrid.contains(n) ? n : sessionGrid.contains(column) ? column
                : sessionGrid.get(0);
        title = presetTitle;
        updateNote();
    }

    private void updateNote() {
        note.set(grid.isEmpty() ? "" : "Figure mode (" + (title.isBlank() ? "grid" : title)
                + "): every n = " + joined(grid) + " trains; these panels show the n = " + column
                + " column. Hidden n picks another column.");
    }

    private static String joined(List<Integer> ns) {
        return String.join(", ", ns.stream().map(String::valueOf).toList());
    }
}
