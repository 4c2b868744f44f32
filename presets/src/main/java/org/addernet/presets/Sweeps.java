package org.addernet.presets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code sweep} section's shape: its keys are checked against a fixed list (with the file
 * position of an unknown one) and the optional ones filled in, before the preset is bound. The
 * values themselves are checked by {@link PresetShape} and {@link PresetValidator} and, for each
 * variant's {@code set}, by merging it onto the preset like {@code --set}.
 */
final class Sweeps {
    /** The sweep's keys and their defaults ({@code variants} has none: it must be given). */
    private static final List<String> SWEEP_KEYS = List.of("title", "headerRows", "metric", "metricLabel", "paperNote",
            "variants");
    private static final List<String> VARIANT_KEYS = List.of("id", "cells", "set", "paper");

    private Sweeps() {
    }

    /**
     * Checks the keys of {@code merged.sweep} (when it is an object) and fills in the defaults; a
     * sweep that is not an object, and each unknown key, is a problem (and is dropped).
     */
    static void complete(ObjectNode merged, Origins origins, Problems problems) {
        JsonNode sweep = merged.get("sweep");
        if (sweep == null || sweep.isNull()) {
            return;
        }
        if (!sweep.isObject()) {
            problems.add(origins.at("sweep", "sweep", "expected an object { ... } or null, got " + LocatedJson.kind(sweep),
                    null));
            merged.putNull("sweep");
            return;
        }
        ObjectNode s = (ObjectNode) sweep;
        checkKeys(s, SWEEP_KEYS, "sweep", origins, problems);
        JsonNodeFactory f = JsonNodeFactory.instance;
        putIfAbsent(s, "title", f.textNode(""));
        putIfAbsent(s, "headerRows", f.arrayNode());
        putIfAbsent(s, "metric", f.textNode("testAccuracy"));
        putIfAbsent(s, "metricLabel", f.textNode("test accuracy (%)"));
        putIfAbsent(s, "paperNote", f.textNode(""));
        putIfAbsent(s, "variants", f.nullNode());
        JsonNode variants = s.get("variants");
        if (!(variants instanceof ArrayNode list)) {
            return;                       // null or another type: the shape check or the validator names it
        }
        for (int k = 0; k < list.size(); k++) {
            if (!(list.get(k) instanceof ObjectNode v)) {
                continue;
            }
            String path = "sweep.variants[" + k + "]";
            checkKeys(v, VARIANT_KEYS, path, origins, problems);
            putIfAbsent(v, "id", f.nullNode());
            putIfAbsent(v, "cells", f.arrayNode());
            putIfAbsent(v, "set", f.objectNode());
            putIfAbsent(v, "paper", f.nullNode());
        }
    }

    private static void checkKeys(ObjectNode node, List<String> allowed, String prefix, Origins origins,
                                  Problems problems) {
        for (String key : KeyHints.names(node)) {
            if (!allowed.contains(key)) {
                String path = prefix + "." + key;
                problems.add(origins.at(path, null, "unknown key '" + path + "'" + KeyHints.expected(allowed),
                        KeyHints.suggest(key, allowed, prefix)));
                node.remove(key);
            }
        }
    }

    private static void putIfAbsent(ObjectNode node, String key, JsonNode value) {
        if (!node.has(key)) {
            node.set(key, value);
        }
    }
}
