package org.addernet.presets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The problems found in one input, collected so that a user sees all of them at once rather than
 * one per attempt. {@link #message()} is one line for one problem, and for several a heading line
 * ({@code my.json: 3 problems:}) followed by one indented line per problem, each a complete
 * {@link Problem#message()} (so that editors can jump to every one).
 */
public final class Problems {
    /** Most problems listed in a message; the rest are counted. */
    public static final int MAX_LISTED = 40;

    private final String source;
    private final List<Problem> list = new ArrayList<>();

    /** @param source the input as a whole (it heads a message of several problems) */
    public Problems(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** Adds {@code p}; returns this. */
    public Problems add(Problem p) {
        list.add(p);
        return this;
    }

    /** Adds {@code source[:place]: [field: ]expected[; hint]}; returns this. */
    public Problems add(String source, String place, String field, String expected, String hint) {
        return add(new Problem(source, place, field, expected, hint));
    }

    public Problems addAll(Problems other) {
        list.addAll(other.list);
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** The problems in the order found. */
    public List<Problem> list() {
        return Collections.unmodifiableList(list);
    }

    /**
     * Orders the problems by their place ({@code LINE:COLUMN} or {@code LINE}) within each source,
     * keeping the order found among equal places and for problems without a line; returns this.
     */
    public Problems sortByPlace() {
        list.sort(java.util.Comparator.comparing(Problem::source, (a, b) -> 0)
                .thenComparingLong(p -> line(p.place(), 0)).thenComparingLong(p -> line(p.place(), 1)));
        return this;
    }

    /** Part {@code k} (0 line, 1 column) of a {@code LINE:COLUMN} place; places without one sort last. */
    private static long line(String place, int k) {
        if (place == null || !place.matches("\\d+(:\\d+)?")) {
            return Long.MAX_VALUE;
        }
        String[] parts = place.split(":");
        return k < parts.length ? Long.parseLong(parts[k]) : 0;
    }

    /** Whether a problem was found at {@code field} or inside it ({@code field.x}, {@code field[2]}). */
    public boolean touches(String field) {
        for (Problem p : list) {
            String f = p.field();
            if (f != null && (f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "["))) {
                return true;
            }
        }
        return false;
    }

    /** One line for one problem; a heading and one indented line per problem for several; "" for none. */
    public String message() {
        if (list.size() == 1) {
            return list.get(0).message();
        }
        StringBuilder sb = new StringBuilder(source).append(": ").append(list.size()).append(" problems:");
        for (int k = 0; k < list.size() && k < MAX_LISTED; k++) {
            sb.append("\n  ").append(list.get(k).message());
        }
        if (list.size() > MAX_LISTED) {
            sb.append("\n  ... and ").append(list.size() - MAX_LISTED).append(" more");
        }
        return list.isEmpty() ? "" : sb.toString();
    }

    /** Throws {@code toException.apply(this)} when there is a problem. */
    public <E extends Exception> void throwIfAny(Function<Problems, E> toException) throws E {
        if (!list.isEmpty()) {
            throw toException.apply(this);
        }
    }

    @Override
    public String toString() {
        return message();
    }
}
