package org.addernet.app.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A sweep's values as the queue takes them, {@code key.path=v1,v2,...} on the command line
 * ({@code queue add --sweep}) and in the window's form: {@code 1,2,[1, 2]} is {@code 1},
 * {@code 2}, {@code [1, 2]}; commas inside brackets, braces or quotes stay. The same splitter,
 * cutting at white space, reads the window's settings field ({@code runs.hidden=[1, 2]} is one
 * override).
 */
public final class SweepValues {
    private SweepValues() {
    }

    /** The values of {@code s}, each stripped, in order (an empty one stays, for the caller to refuse). */
    public static List<String> split(String s) {
        return split(s, c -> c == ',');
    }

    /**
     * {@code s} cut at each character {@code separator} accepts outside brackets, braces and
     * quotes; the pieces stripped, in order, empty ones kept.
     */
    public static List<String> split(String s, IntPredicate separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == '}')) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && !quoted && separator.test(c)) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString().strip());
        return out;
    }
}
