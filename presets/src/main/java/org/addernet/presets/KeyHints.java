package org.addernet.presets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The words of an unknown-key problem: the keys a section has, and the key that was probably
 * meant (the nearest by edit distance, or one of that name in another section).
 */
final class KeyHints {
    private KeyHints() {
    }

    /** The keys of {@code node}, in order. */
    static List<String> names(ObjectNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** {@code " (expected one of: a, b, c)"}. */
    static String expected(Collection<String> known) {
        return " (expected one of: " + String.join(", ", known) + ")";
    }

    /**
     * What to do about an unknown {@code key} among {@code known} (the keys of section
     * {@code prefix}): the nearest known key when one is close, else a key of that name in
     * another section; null when neither is.
     */
    static String suggest(String key, Collection<String> known, String prefix) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        String mean = null;
        if (best != null && bestDistance <= Math.max(1, key.length() / 3)) {
            mean = prefix.isEmpty() ? best : prefix + "." + best;
        } else {
            ObjectNode defaults = PresetLoader.defaults();
            for (String section : PresetLoader.DEFAULT_SECTIONS) {
                for (String k : names((ObjectNode) defaults.get(section))) {
                    if (k.equalsIgnoreCase(key) && !(section.equals(prefix))) {
                        mean = section + "." + k;
                    }
                }
            }
        }
        return mean == null ? null : "did you mean '" + mean + "'?";
    }

    /** Levenshtein distance (keys are short). */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
