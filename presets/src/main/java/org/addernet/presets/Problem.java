package org.addernet.presets;

/**
 * One thing wrong with an input, in the form every message of the workbench takes:
 * {@code SOURCE[:PLACE]: [FIELD: ]EXPECTED[; HINT]}, e.g.
 * {@code my.json:3:16: training.lr: expected a number, got the string "fast"; remove the quotes}.
 *
 * <p>Made for presets and reusable for any file a user can edit or damage (run.json, queue.json,
 * metrics.csv): collect them in {@link Problems} and report them all at once.
 *
 * @param source   the file as the user named it, or the option the value came from
 *                 ({@code --set training.lr=x}); never null
 * @param place    where in the source: {@code LINE:COLUMN} or {@code LINE} (joined to the source
 *                 with ':', as editors and compilers print them) or words such as
 *                 {@code byte 31376} (joined with ": "); null when the source as a whole is meant
 * @param field    the dotted path of the field ({@code training.lr}, {@code runs.hidden[1]}), or null
 * @param expected what was expected, with what was found ({@code expected a number, got the string
 *                 "fast"}, {@code must lie in [1, 4096], got 0}); never null
 * @param hint     what to do about it, or null when {@code expected} already says so
 */
public record Problem(String source, String place, String field, String expected, String hint) {
    public Problem {
        if (source == null || expected == null) {
            throw new IllegalArgumentException("a problem needs its source and what was expected");
        }
    }

    /** A problem of the source as a whole (no place, no field). */
    public static Problem of(String source, String expected, String hint) {
        return new Problem(source, null, null, expected, hint);
    }

    /** {@code source} and {@code place} as one prefix: {@code my.json:3:16}, {@code data.bin: byte 12}. */
    public String where() {
        if (place == null || place.isEmpty()) {
            return source;
        }
        return source + (Character.isDigit(place.charAt(0)) ? ":" : ": ") + place;
    }

    /** The one-line message. */
    public String message() {
        return where() + ": " + (field == null ? "" : field + ": ") + expected + (hint == null ? "" : "; " + hint);
    }

    /** This problem with {@code prefix + ": "} put before its field (for a problem found inside another value). */
    public Problem within(String prefix) {
        return new Problem(source, place, field == null ? prefix : prefix + ": " + field, expected, hint);
    }

    @Override
    public String toString() {
        return message();
    }
}
