package org.addernet.presets;

import java.util.List;

/**
 * Where each value came from, for messages: an override ({@code --set key=value}), the file
 * (with the line:column of the key), or the defaults ({@code my.json (default value)}).
 */
final class Origins {
    private final String source;
    private final LocatedJson doc;
    private final List<String> overrides;
    /** For a sweep variant: the set's path and place, which every problem of the variant gets. */
    private final String variantPath;
    private final String variantPlace;

    Origins(String source, LocatedJson doc, List<String> overrides) {
        this(source, doc, overrides, null, null);
    }

    private Origins(String source, LocatedJson doc, List<String> overrides, String variantPath, String variantPlace) {
        this.source = source;
        this.doc = doc;
        this.overrides = overrides;
        this.variantPath = variantPath;
        this.variantPlace = variantPlace;
    }

    /** The origins of a variant's values: its {@code set} at {@code place}. */
    Origins variant(String setPath, String place) {
        return new Origins(source, doc, List.of(), setPath, place);
    }

    /** A problem of the value at {@code path}, naming {@code field} (null: none). */
    Problem at(String path, String field, String expected, String hint) {
        if (variantPath != null) {
            return new Problem(source, variantPlace, field == null ? variantPath : variantPath + ": " + field,
                    expected, hint);
        }
        String o = override(path);
        if (o != null) {
            return new Problem("--set " + o.trim(), null, field, expected, hint);
        }
        String root = path.replaceAll("\\[\\d+]$", "");
        String place = doc == null ? null : doc.place(path) != null ? doc.place(path) : doc.place(root);
        for (String up = root; place == null && up.startsWith("sweep") && up.contains("."); ) {
            up = up.substring(0, Math.max(up.lastIndexOf('.'), 0)).replaceAll("\\[\\d+]$", "");
            place = doc == null ? null : doc.place(up);
        }
        if (place == null && doc != null && !path.isEmpty()) {
            return new Problem(source + " (default value)", null, field, expected, hint);
        }
        return new Problem(source, place, field, expected, hint);
    }

    /** The number at {@code path} as written, where it was written (an override's text, the file's). */
    String raw(String path) {
        if (variantPath != null) {
            return doc == null ? null : doc.raw(variantPath + "." + path);
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq > 0 && o.substring(0, eq).trim().equals(path)) {
                return o.substring(eq + 1).trim();
            }
        }
        return override(path) != null || doc == null ? null : doc.raw(path);
    }

    /** The last override that set {@code path} or a value it lies in. */
    private String override(String path) {
        String root = path.replaceAll("\\[\\d+]$", "");
        String found = null;
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = o.substring(0, eq).trim();
            if (root.equals(key) || root.startsWith(key + ".") || root.startsWith(key + "[")) {
                found = o;
            }
        }
        return found;
    }
}
