package org.addernet.app.testdata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damage to a file's bytes, for the fuzz tests of the workbench's readers: flipped, cut, deleted
 * and inserted bytes, a value of another type, a number out of every range, a byte that is not
 * UTF-8, a BOM. Each kind is picked by number so that jqwik spreads its tries over all of them.
 */
public final class Mutate {
    /** How many kinds {@link #apply} knows. */
    public static final int KINDS = 9;

    /** Words of a parser or of Java that must never reach a user (user text is quoted, so none of these). */
    public static final List<String> FOREIGN = List.of("(code ", "[Source:", "com.fasterxml", "JsonReadFeature",
            "Exception", "Unrecognized field", "not marked as ignorable", "Cannot deserialize", "Cannot coerce",
            "Input length", "expected another type", "START_OBJECT", "StreamReadConstraints", "java.", "\tat ",
            "NumberFormat", "For input string");

    private static final Pattern VALUE = Pattern.compile("(?<=[:\\[,]\\s{0,20})(\"[^\"\\n]*\"|-?\\d[\\d.eE+-]*|true|false|null)");
    private static final List<String> ODD = List.of("1e999", "-1e999", "NaN", "1e-400", "99999999999999999999999",
            "-9223372036854775809", "2147483648", "-1", "0", "1.5", "\"x\"", "true", "null", "[]", "{}", "[1, 2]",
            "{\"a\": 1}", "\"\"", "\"\\u0000\"", "Infinity", "-0", "3.0", "\"running\"", "\"completed\"");

    private Mutate() {
    }

    /** What a mutation did, and the bytes. */
    public record Damage(String what, byte[] bytes) {
        @Override
        public String toString() {
            return what + " (" + bytes.length + " bytes)";
        }
    }

    /** {@code text} damaged in way {@code kind} (0 .. {@link #KINDS} - 1), drawn from {@code r}. */
    public static Damage apply(String text, int kind, Random r) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) {
            return new Damage("empty", b);
        }
        switch (kind) {
            case 0 -> {
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return new Damage("flipped " + n + " bytes", b);
            }
            case 1 -> {
                int len = r.nextInt(b.length);
                return new Damage("cut to " + len, Arrays.copyOf(b, len));
            }
            case 2 -> {
                int from = r.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + r.nextInt(40));
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                return new Damage("deleted " + from + ".." + to, out);
            }
            case 3 -> {
                int at = r.nextInt(b.length + 1);
                byte[] ins = new byte[1 + r.nextInt(8)];
                r.nextBytes(ins);
                byte[] out = new byte[b.length + ins.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(ins, 0, out, at, ins.length);
                System.arraycopy(b, at, out, at + ins.length, b.length - at);
                return new Damage("inserted " + ins.length + " bytes at " + at, out);
            }
            case 4, 5, 6 -> {                               // a value replaced by an odd one
                Matcher m = VALUE.matcher(text);
                List<int[]> spans = new java.util.ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (spans.isEmpty()) {
                    return new Damage("unchanged", b);
                }
                int[] s = spans.get(r.nextInt(spans.size()));
                String odd = ODD.get(r.nextInt(ODD.size()));
                String t = text.substring(0, s[0]) + odd + text.substring(s[1]);
                return new Damage("value at " + s[0] + " -> " + odd, t.getBytes(StandardCharsets.UTF_8));
            }
            case 7 -> {                                     // a byte that is not UTF-8
                int at = r.nextInt(b.length);
                byte[] out = b.clone();
                out[at] = (byte) (0x80 + r.nextInt(0x7f));
                return new Damage("byte " + at + " not UTF-8", out);
            }
            default -> {                                    // a BOM, then maybe trailing garbage
                byte[] out = new byte[b.length + 3];
                out[0] = (byte) 0xEF;
                out[1] = (byte) 0xBB;
                out[2] = (byte) 0xBF;
                System.arraycopy(b, 0, out, 3, b.length);
                return new Damage("BOM", out);
            }
        }
    }

    /** Damage of any kind to the texts {@code make} draws (jqwik spreads the tries over the kinds). */
    public static net.jqwik.api.Arbitrary<Damage> of(java.util.function.Function<Random, String> make) {
        return net.jqwik.api.Combinators.combine(net.jqwik.api.Arbitraries.integers().between(0, KINDS - 1),
                net.jqwik.api.Arbitraries.longs()).as((kind, seed) -> {
                    Random r = new Random(seed);
                    return apply(make.apply(r), kind, r);
                });
    }

    /** The first foreign word in {@code message}, or null. */
    public static String foreign(String message) {
        for (String f : FOREIGN) {
            if (message.contains(f)) {
                return f;
            }
        }
        return null;
    }
}
