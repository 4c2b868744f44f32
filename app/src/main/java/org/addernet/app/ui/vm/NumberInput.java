package org.addernet.app.ui.vm;

import java.math.BigDecimal;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One numeric setting as the user types it: the {@link #text} shown, checked on every change; a
 * valid text sets the value (an {@code IntegerProperty} or {@code DoubleProperty}) at once, an
 * invalid one sets {@link #error} to a one-line reason and leaves the value as it was. Nothing is
 * clamped: a value outside the range is an error, never quietly moved into it. A value set from
 * elsewhere (a preset opened) shows in the text.
 *
 * <p>{@link #reject} marks a valid text that the settings as a whole refuse (a batch larger than the
 * training set), until the text changes.
 */
public final class NumberInput {
    /** Whole numbers or any finite number. */
    public enum Kind { WHOLE, REAL }

    /** The shown text. */
    public final StringProperty text = new SimpleStringProperty("");

    private final String name;
    private final String path;
    private final Kind kind;
    private final double min;
    private final double max;
    private final boolean minOpen;
    private final boolean maxOpen;
    private final String why;
    private final Property<Number> value;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean syncing;

    private NumberInput(String name, String path, Kind kind, double min, boolean minOpen, double max, boolean maxOpen,
                        String why, Property<Number> value) {
        this.name = name;
        this.path = path;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.minOpen = minOpen;
        this.maxOpen = maxOpen;
        this.why = why == null ? "" : why;
        this.value = value;
        text.set(format(value.getValue().doubleValue()));
        text.addListener((o, a, b) -> typed(b));
        value.addListener((o, a, b) -> {
            if (!syncing) {
                Double shown = parse(text.get());
                if (shown == null || shown.doubleValue() != b.doubleValue()) {
                    syncing = true;
                    try {
                        text.set(format(b.doubleValue()));
                    } finally {
                        syncing = false;
                    }
                }
                error.set("");
            }
        });
    }

    /** A whole number in [min, max]; {@code why} (may be null) explains the upper bound. */
    public static NumberInput whole(String name, String path, IntegerProperty value, long min, long max, String why) {
        return new NumberInput(name, path, Kind.WHOLE, min, false, max, false, why, value);
    }

    /** A number from {@code min} to {@code max}, each end included unless marked open. */
    public static NumberInput real(String name, String path, DoubleProperty value, double min, boolean minOpen,
                                   double max, boolean maxOpen, String why) {
        return new NumberInput(name, path, Kind.REAL, min, minOpen, max, maxOpen, why, value);
    }

    /** The setting's name as its label shows it, e.g. {@code Samples}. */
    public String name() {
        return name;
    }

    /** The preset key it sets, e.g. {@code data.samples} (the validator's problems name it). */
    public String path() {
        return path;
    }

    /** Why the text is not in effect, one line; empty while it is. */
    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    /** The values allowed, e.g. {@code a whole number from 10 to 1,000,000}. */
    public String range() {
        String what = kind == Kind.WHOLE ? "a whole number" : "a number";
        boolean noMax = max == Double.POSITIVE_INFINITY || (kind == Kind.WHOLE && max >= Integer.MAX_VALUE);
        boolean noMin = min == Double.NEGATIVE_INFINITY || (kind == Kind.WHOLE && min <= Integer.MIN_VALUE);
        if (noMin && noMax) {
            return what;
        }
        if (noMax) {
            return what + (minOpen ? " greater than " : " of at least ") + show(min);
        }
        if (noMin) {
            return what + (maxOpen ? " below " : " of at most ") + show(max);
        }
        if (!minOpen && !maxOpen) {
            return what + " from " + show(min) + " to " + show(max);
        }
        return what + " in " + (minOpen ? "(" : "[") + show(min) + ", " + show(max) + (maxOpen ? ")" : "]");
    }

    /** The range and why its upper end is where it is, for the tooltip. */
    public String rangeNote() {
        return "Allowed: " + range() + (why.isEmpty() ? "" : " (" + why + ")") + ".";
    }

    /** Marks the text, valid on its own, as refused by the settings as a whole, with {@code reason}. */
    public void reject(String reason) {
        error.set(reason);
    }

    /** Drops a {@link #reject}ion: the error is again the text's own (the settings are checked anew). */
    public void revalidate() {
        error.set(check(text.get()));
    }

    private void typed(String t) {
        if (syncing) {
            return;
        }
        String reason = check(t);
        error.set(reason);
        if (reason.isEmpty()) {
            double v = parse(t);
            syncing = true;
            try {
                if (kind == Kind.WHOLE) {
                    ((IntegerProperty) value).set((int) v);
                } else {
                    ((DoubleProperty) value).set(v);
                }
            } finally {
                syncing = false;
            }
        }
    }

    /** Why {@code t} is not a value of this setting; empty when it is. */
    String check(String t) {
        String s = t == null ? "" : t.strip();
        if (s.isEmpty()) {
            return "empty: type " + range();
        }
        Double v = parse(s);
        if (v == null) {
            return "'" + s + "' is not a number";
        }
        if (kind == Kind.WHOLE && v != Math.rint(v)) {
            return "'" + s + "' is not a whole number";
        }
        if (v < min || (minOpen && v == min)) {
            return (minOpen ? "must be greater than " : "must be at least ") + show(min) + tail(false);
        }
        if (v > max || (maxOpen && v == max)) {
            return (maxOpen ? "must be below " : "must be at most ") + show(max) + tail(true);
        }
        return "";
    }

    private String tail(boolean upper) {
        return upper && !why.isEmpty() ? " (" + why + ")" : "";
    }

    /** The number {@code t} reads as (digits with optional {@code ,} or {@code _} groups, decimals, exponents), or null. */
    static Double parse(String t) {
        if (t == null) {
            return null;
        }
        String s = t.strip().replace("_", "");
        if (s.matches("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
            s = s.replace(",", "");
        }
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }

    /** The shortest plain text of {@code v} that reads back as the same number. */
    String format(double v) {
        if (kind == Kind.WHOLE) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e9)) {
            return String.valueOf(v).replace("E", "e");
        }
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** A bound as a reader expects it: {@code 1,000,000}, {@code 0.5}, {@code 1e-9}. */
    private String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return format(v);
    }
}
