package org.addernet.app.figures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Series keys must be unique in a JFreeChart dataset: repeated labels get " (2)", " (3)", ... */
final class Keys {
    private Keys() {
    }

    static List<String> unique(List<String> labels) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(labels.size());
        for (String label : labels) {
            String key = label;
            for (int k = 2; !seen.add(key); k++) {
                key = label + " (" + k + ")";
            }
            out.add(key);
        }
        return out;
    }
}
