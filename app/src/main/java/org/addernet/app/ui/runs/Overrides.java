package org.addernet.app.ui.runs;

import org.addernet.app.store.SweepValues;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the queue form's text fields mean: the presets (a file, or bundled names separated by
 * spaces or commas), the {@code --set} overrides (one per line or separated by spaces; spaces
 * inside brackets or quotes stay, so {@code runs.hidden=[1, 2]} is one override; a leading
 * {@code --set} is allowed), and an optional sweep of one key over values
 * ({@code key.path=v1,v2,...}, commas inside brackets or quotes stay), which makes one setting set
 * per value. Malformed text is an {@link IllegalArgumentException} with a one-line message.
 */
public final class Overrides {
    private Overrides() {
    }

    /** The words of a one-line settings field (the image-runs and ablations windows): split at white space. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String s : (text == null ? "" : text).trim().split("\\s+")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The presets named by {@code text}: a file that exists, else names split at spaces and commas. */
    static List<String> presets(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Preset: expected a bundled preset's name or a preset file");
        }
        if (Files.isRegularFile(Path.of(t))) {
            return List.of(t);
        }
        List<String> out = new ArrayList<>();
        for (String s : t.split("[\\s,]+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The overrides in {@code text}, in order (cut at white space by {@link SweepValues#split(String, java.util.function.IntPredicate)}). */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String s : SweepValues.split(text, Character::isWhitespace)) {
            if (!s.isEmpty() && !s.equals("--set")) {
                out.add(s.startsWith("--set=") ? s.substring("--set=".length()) : s);
            }
        }
        for (String s : out) {
            int eq = s.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Settings: '" + s + "': expected key.path=value");
            }
        }
        return out;
    }

    /** {@code overrides} alone, or with each value of the sweep {@code key.path=v1,v2,...} appended. */
    static List<List<String>> settingSets(List<String> overrides, String sweep) {
        String s = sweep == null ? "" : sweep.strip();
        if (s.isEmpty()) {
            return List.of(List.copyOf(overrides));
        }
        int eq = s.indexOf('=');
        if (eq < 1 || eq == s.length() - 1) {
            throw new IllegalArgumentException("Sweep: '" + s + "': expected key.path=v1,v2,...");
        }
        String key = s.substring(0, eq).strip();
        List<List<String>> out = new ArrayList<>();
        for (String v : SweepValues.split(s.substring(eq + 1))) {
            if (v.isEmpty()) {
                throw new IllegalArgumentException("Sweep: '" + s + "': an empty value");
            }
            List<String> set = new ArrayList<>(overrides);
            set.add(key + "=" + v);
            out.add(List.copyOf(set));
        }
        return out;
    }
}
