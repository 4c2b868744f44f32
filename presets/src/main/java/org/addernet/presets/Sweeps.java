package org.addernet.presets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code sweep} section's shape: its keys are checked against a fixed list (with the file
 * position of an unknown one) and the optional ones filled in, before the preset is bound. The
 * values themselves are checked by {@link PresetValidator} and, for each variant's {@code set},
 * by merging it onto the preset like {@code --set}.
 */
final class Sweeps {
    /** The sweep's keys and their defaults ({@code variants} has none: it must be given). */
    private static final List<String> SWEEP_KEYS = List.of("title", "headerRows", "metric", "metricLabel", "paperNote",
            "variants");
    private static final List<String> VARIANT_KEYS = List.of("id", "cells", "set", "paper");

    private Sweeps() {
    }

    /** Checks the keys of {@code merged.sweep} (when it is an object) and fills in the defaults. */
    static void complete(ObjectNode merged, String source, Map<String, JsonLocation> where) {
        JsonNode sweep = merged.get("sweep");
        if (sweep == null || sweep.isNull()) {
            return;
        }
        if (!sweep.isObject()) {
            throw new PresetException(source + at(where.get("sweep")) + ": sweep: expected an object { ... } or null, got "
                    + kind(sweep));
        }
        ObjectNode s = (ObjectNode) sweep;
        checkKeys(s, SWEEP_KEYS, "sweep", source, where);
        JsonNodeFactory f = JsonNodeFactory.instance;
        putIfAbsent(s, "title", f.textNode(""));
        putIfAbsent(s, "headerRows", f.arrayNode());
        putIfAbsent(s, "metric", f.textNode("testAccuracy"));
        putIfAbsent(s, "metricLabel", f.textNode("test accuracy (%)"));
        putIfAbsent(s, "paperNote", f.textNode(""));
        putIfAbsent(s, "variants", f.nullNode());
        JsonNode variants = s.get("variants");
        if (!(variants instanceof ArrayNode list)) {
            return;                       // null or another type: the binder or the validator names it
        }
        for (int k = 0; k < list.size(); k++) {
            if (!(list.get(k) instanceof ObjectNode v)) {
                continue;
            }
            String path = "sweep.variants[" + k + "]";
            checkKeys(v, VARIANT_KEYS, path, source, where);
            putIfAbsent(v, "id", f.nullNode());
            putIfAbsent(v, "cells", f.arrayNode());
            putIfAbsent(v, "set", f.objectNode());
            putIfAbsent(v, "paper", f.nullNode());
        }
    }

    private static void checkKeys(ObjectNode node, List<String> allowed, String prefix, String source,
                                  Map<String, JsonLocation> where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                String path = prefix + "." + key;
                throw new PresetException(source + at(where.get(path)) + ": unknown key '" + path
                        + "' (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static void putIfAbsent(ObjectNode node, String key, JsonNode value) {
        if (!node.has(key)) {
            node.set(key, value);
        }
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "the string \"" + n.asText() + "\"";
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        return n.asText();
    }
}
