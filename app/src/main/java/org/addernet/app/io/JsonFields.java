package org.addernet.app.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import org.addernet.presets.LocatedJson;
import org.addernet.presets.Problem;
import org.addernet.presets.Problems;

/**
 * Checks the fields of a workbench file read with {@link LocatedJson} (run.json, summary.json,
 * queue.json) and puts what is wrong into {@link Problems}, each with the file, the
 * {@code line:column}, the field ({@code runs[0].testAccuracy}), what was expected and what was
 * found as written ({@code got 1e999}, not "Infinity"). Every getter returns the value when it is
 * fine and a neutral value (null) when it is missing or wrong, so that a reader collects all
 * problems in one pass.
 */
public final class JsonFields {
    private final String source;
    private final LocatedJson json;
    private final Problems problems;
    private final String hint;

    /**
     * @param hint what to do about a damaged value of this file (e.g. {@code "the file is damaged:
     *             restore it, or delete the run folder"}), or null
     */
    public JsonFields(String source, LocatedJson json, Problems problems, String hint) {
        this.source = source;
        this.json = json;
        this.problems = problems;
        this.hint = hint;
    }

    public Problems problems() {
        return problems;
    }

    /** The node at {@code path} ({@code a.b[2].c}), or null when it is missing or JSON null. */
    public JsonNode node(String path) {
        JsonNode n = json.root();
        int i = 0;
        while (n != null && i < path.length()) {
            if (path.charAt(i) == '.') {
                i++;
            }
            if (path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                n = n.isArray() ? n.get(Integer.parseInt(path.substring(i + 1, close))) : null;
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                n = n.isObject() ? n.get(path.substring(i, end)) : null;
                i = end;
            }
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /** Adds a problem at {@code path}. */
    public void problem(String path, String expected) {
        String place = json.place(path);
        if (place == null) {                       // a missing field: at its object
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            place = cut > 0 ? json.place(path.substring(0, cut)) : json.place("");
        }
        problems.add(new Problem(source, place, path.isEmpty() ? null : path, expected, hint));
    }

    /** What was found, as written. */
    private String found(String path, JsonNode n) {
        String raw = json.raw(path);
        return IoText.oneLine(raw != null ? raw : LocatedJson.kind(n));
    }

    /** A string; null (and a problem when {@code required}) when missing, a problem when of another type. */
    public String text(String path, boolean required) {
        JsonNode n = node(path);
        if (n == null) {
            if (required) {
                problem(path, "missing; expected a string");
            }
            return null;
        }
        if (!n.isTextual()) {
            problem(path, "expected a string, got " + found(path, n));
            return null;
        }
        return n.asText();
    }

    /** A whole number in {@code [min, max]}; {@code missing} when absent and not required. */
    public Long whole(String path, long min, long max, boolean required, Long missing) {
        JsonNode n = node(path);
        if (n == null) {
            if (required) {
                problem(path, "missing; expected " + wholeRange(min, max));
            }
            return missing;
        }
        boolean whole = n.isIntegralNumber() && n.canConvertToLong()
                || n.isFloatingPointNumber() && Double.isFinite(n.asDouble()) && n.asDouble() == Math.rint(n.asDouble())
                && Math.abs(n.asDouble()) < 9e15;
        if (!whole || n.asLong() < min || n.asLong() > max) {
            problem(path, "expected " + wholeRange(min, max) + ", got " + found(path, n));
            return missing;
        }
        return n.asLong();
    }

    /** A finite number in {@code [min, max]} (null: no bound); null when absent (a problem when {@code required}). */
    public Double number(String path, Double min, Double max, boolean required) {
        JsonNode n = node(path);
        if (n == null) {
            if (required) {
                problem(path, "missing; expected " + numberRange(min, max));
            }
            return null;
        }
        double v = n.isNumber() ? n.asDouble() : Double.NaN;
        if (!n.isNumber() || !Double.isFinite(v) || min != null && v < min || max != null && v > max) {
            problem(path, "expected " + numberRange(min, max) + ", got " + found(path, n));
            return null;
        }
        return v;
    }

    /** A list of strings (empty when absent). */
    public List<String> strings(String path) {
        JsonNode n = node(path);
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            problem(path, "expected a list of strings, got " + found(path, n));
            return List.of();
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String s = text(path + "[" + i + "]", true);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** One of {@code allowed} (a string); null when absent (a problem when required) or not allowed. */
    public String oneOf(String path, List<String> allowed, boolean required) {
        if (required && node(path) == null) {
            problem(path, "missing; expected one of " + String.join(", ", allowed));
            return null;
        }
        String s = text(path, required);
        if (s != null && !allowed.contains(s)) {
            problem(path, "expected one of " + String.join(", ", allowed) + ", got \"" + s + "\"");
            return null;
        }
        return s;
    }

    /** Whether there is an object at {@code path} (a problem when there is something else, or nothing and {@code required}). */
    public boolean object(String path, boolean required) {
        JsonNode n = path.isEmpty() ? json.root() : node(path);
        if (n == null) {
            if (required) {
                problem(path, "missing; expected an object { ... }");
            }
            return false;
        }
        if (!n.isObject()) {
            problem(path, "expected an object { ... }, got " + found(path, n));
            return false;
        }
        return true;
    }

    /** The size of the list at {@code path} (-1 with a problem when it is something else; -1 when absent and not required). */
    public int list(String path, boolean required) {
        JsonNode n = node(path);
        if (n == null) {
            if (required) {
                problem(path, "missing; expected a list [ ... ]");
            }
            return -1;
        }
        if (!n.isArray()) {
            problem(path, "expected a list [ ... ], got " + found(path, n));
            return -1;
        }
        return n.size();
    }

    private static String wholeRange(long min, long max) {
        if (max >= Integer.MAX_VALUE) {
            return "a whole number >= " + min;
        }
        return String.format(Locale.ROOT, "a whole number in [%d, %d]", min, max);
    }

    private static String numberRange(Double min, Double max) {
        if (min == null && max == null) {
            return "a finite number";
        }
        if (max == null) {
            return "a number >= " + plain(min);
        }
        if (min == null) {
            return "a number <= " + plain(max);
        }
        return "a number in [" + plain(min) + ", " + plain(max) + "]";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
