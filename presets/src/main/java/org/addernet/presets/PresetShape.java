package org.addernet.presets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks that every value of a merged preset tree has the type its field in {@link Preset} takes,
 * before the tree is bound, so that every mismatch is reported (not only the first the binder
 * meets) in our words: a whole number out of its range says the range ({@code 1e26} for
 * training.iterations), a number beyond a double says so ({@code 1e400}), a number in quotes is
 * told to lose them. A whole number written as a float ({@code 1e4}, {@code 100.0}) is accepted
 * where a whole number is expected and replaced by its exact value.
 */
final class PresetShape {
    /** Receives each mismatch: the path of the value, what was expected (with what was found), what to do. */
    interface Report {
        void mismatch(String path, String expected, String hint);
    }

    private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE);

    private final Function<String, String> raw;
    private final Report report;

    /**
     * @param raw    the number at a path as written ({@code "1e400"}), or null when not known
     * @param report where mismatches go
     */
    PresetShape(Function<String, String> raw, Report report) {
        this.raw = raw;
        this.report = report;
    }

    /** Checks every field of {@code tree} (a whole preset) against {@link Preset}. */
    void check(ObjectNode tree) {
        record(tree, Preset.class, "");
    }

    private void record(ObjectNode o, Class<?> type, String prefix) {
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
            JsonNode v = o.get(c.getName());
            JsonNode fixed = value(v == null ? JsonNodeFactory.instance.nullNode() : v, c.getGenericType(), path,
                    c.getType() == Preset.Sweep.class);
            if (fixed != null && fixed != v && v != null) {
                o.set(c.getName(), fixed);
            }
        }
    }

    /** The value checked (a whole number made exact), or null after reporting a mismatch. */
    private JsonNode value(JsonNode v, Type type, String path, boolean nullable) {
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (v.isNull()) {
                return v;                                  // the validator names a missing list
            }
            if (List.class.isAssignableFrom(raw)) {
                if (!v.isArray()) {
                    return mismatch(path, "expected a list [ ... ], got " + LocatedJson.kind(v), null);
                }
                ArrayNode a = (ArrayNode) v;
                for (int i = 0; i < a.size(); i++) {
                    JsonNode e = value(a.get(i), pt.getActualTypeArguments()[0], path + "[" + i + "]", true);
                    if (e != null && e != a.get(i)) {
                        a.set(i, e);
                    }
                }
                return v;
            }
            if (Map.class.isAssignableFrom(raw)) {
                return v.isObject() ? v : mismatch(path, "expected an object {\"key.path\": value, ...}, got "
                        + LocatedJson.kind(v), null);
            }
        }
        Class<?> c = (Class<?>) type;
        if (c == JsonNode.class) {
            return v;
        }
        if (v.isNull() && (nullable || !c.isPrimitive() && c != Preset.Data.class && c != Preset.Model.class
                && c != Preset.Training.class && c != Preset.Adder.class && c != Preset.Runs.class
                && c != Preset.Output.class)) {
            return v;                                      // the validator says where null is not allowed
        }
        if (c == String.class) {
            return v.isTextual() ? v : mismatch(path, "expected a string, got " + LocatedJson.kind(v),
                    v.isNumber() || v.isBoolean() ? "put it in double quotes" : null);
        }
        if (c == boolean.class || c == Boolean.class) {
            return v.isBoolean() ? v : mismatch(path, "expected true or false, got " + LocatedJson.kind(v),
                    v.isTextual() && v.asText().matches("(?i)true|false") ? "write true or false in lower case, "
                            + "without quotes" : null);
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return whole(v, path, c == int.class || c == Integer.class);
        }
        if (c == double.class || c == Double.class) {
            return number(v, path);
        }
        if (c.isRecord()) {
            if (!v.isObject()) {
                return mismatch(path, "expected an object { ... }" + (c == Preset.Sweep.class ? " or null" : "") + ", got "
                        + LocatedJson.kind(v), null);
            }
            record((ObjectNode) v, c, path);
            return v;
        }
        throw new IllegalStateException("no check for " + c + " at " + path);
    }

    private JsonNode whole(JsonNode v, String path, boolean isInt) {
        long[] range = PresetValidator.wholeRange(path);
        long lo = range != null ? range[0] : isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long hi = range != null ? range[1] : isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
        String expected = "expected a whole number in [" + lo + ", " + hi + "], got ";
        if (!v.isNumber()) {
            return mismatch(path, expected + LocatedJson.kind(v), quoted(v));
        }
        BigDecimal d = exact(v, path);
        String written = written(v, path);
        if (d == null || d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            return mismatch(path, expected + written, null);
        }
        long min = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            return mismatch(path, expected + written, null);
        }
        long exact = d.longValueExact();
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() == exact && (!isInt || v.isInt())) {
            return v;
        }
        return isInt ? JsonNodeFactory.instance.numberNode((int) exact) : JsonNodeFactory.instance.numberNode(exact);
    }

    private JsonNode number(JsonNode v, String path) {
        if (!v.isNumber()) {
            return mismatch(path, "expected a number, got " + LocatedJson.kind(v), quoted(v));
        }
        double x = v.doubleValue();
        BigDecimal d = exact(v, path);
        if (Double.isInfinite(x) || d != null && d.abs().compareTo(DOUBLE_MAX) > 0) {
            return mismatch(path, "expected a number, got " + written(v, path) + ", which is out of range of a double "
                    + "(largest about 1.8e308)", "write a smaller number");
        }
        if (x == 0 && d != null && d.signum() != 0) {
            return mismatch(path, "expected a number, got " + written(v, path) + ", which is too small for a double "
                    + "(it would read as 0)", "write 0 or a number above 4.9e-324");
        }
        return v;
    }

    /** The exact value of a number as written, or null when it cannot be had (an exponent beyond an int). */
    private BigDecimal exact(JsonNode v, String path) {
        String text = raw.apply(path);
        try {
            if (text != null) {
                return new BigDecimal(text);
            }
            if (v.isIntegralNumber()) {
                return new BigDecimal(v.bigIntegerValue());
            }
            return Double.isFinite(v.doubleValue()) ? new BigDecimal(v.doubleValue()) : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private String written(JsonNode v, String path) {
        String text = raw.apply(path);
        return text != null ? (text.length() > 40 ? text.substring(0, 37) + "..." : text) : v.asText();
    }

    /** "remove the quotes" for a string that holds a number. */
    private static String quoted(JsonNode v) {
        if (v.isTextual()) {
            try {
                new BigDecimal(v.asText().trim());
                return "remove the quotes";
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private JsonNode mismatch(String path, String expected, String hint) {
        report.mismatch(path, expected, hint);
        return null;
    }
}
