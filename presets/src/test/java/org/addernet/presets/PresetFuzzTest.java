package org.addernet.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the preset loader with random damage to the bundled presets: byte flips, truncations,
 * inserted and deleted bytes, values of another type, numbers out of every range, a BOM. Whatever
 * the bytes, the loader returns a preset or throws its own {@link PresetException}, whose message
 * names the file and is in our words; a preset it returns round-trips through {@link
 * PresetLoader#toJson}. The tries are bounded (see each property) so that {@code mvn verify}
 * stays quick; the README's reliability section lists them.
 */
class PresetFuzzTest {
    private static final String SOURCE = "fuzz.json";

    /** Words of the parser's or of Java's that must never reach a user (user text is quoted, so none of these). */
    private static final List<String> FOREIGN = List.of("(code ", "Source:", "com.fasterxml", "JsonReadFeature",
            "Exception", "Unrecognized field", "not marked as ignorable", "Cannot deserialize", "Cannot coerce",
            "Input length", "expected another type", "START_OBJECT", "StreamReadConstraints", "java.");

    /** A bundled preset's bytes and what a mutation did to them. */
    record Case(String preset, String mutation, byte[] bytes) {
        @Override
        public String toString() {
            return preset + " / " + mutation;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,]\\s{0,20})-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern VALUE = Pattern.compile("(?<=:\\s{0,20})(\"[^\"\\n]*\"|-?\\d[\\d.eE+-]*|true|false|null)");
    private static final List<String> HUGE = List.of("1e26", "1e400", "-1e400", "1e-400", "99999999999999999999999",
            "-9223372036854775809", "2147483648", "NaN", "0.5", "-1", "0", "1e308", "4.9e-325", "1" + "0".repeat(400));
    private static final List<String> OTHER_TYPES = List.of("\"x\"", "\"0.1\"", "\"true\"", "true", "null", "[]", "{}",
            "[1, 2]", "{\"a\": 1}", "3", "2.5", "\"\"", "[null]", "\"\\u0000\"");

    @Provide
    Arbitrary<Case> damaged() {
        Arbitrary<String> preset = Arbitraries.of(PresetLoader.BUNDLED);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 8);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(preset, kind, seed).as((name, k, s) -> mutate(name, k, new Random(s)));
    }

    static Case mutate(String name, int kind, Random r) {
        String text = PresetLoader.bundledText(name);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        switch (kind) {
            case 0 -> {                                        // flip some bytes
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return new Case(name, "flipped " + n + " bytes", b);
            }
            case 1 -> {                                        // truncate
                int len = r.nextInt(b.length);
                return new Case(name, "cut to " + len + " bytes", java.util.Arrays.copyOf(b, len));
            }
            case 2 -> {                                        // delete a range
                int from = r.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + r.nextInt(40));
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                return new Case(name, "deleted bytes " + from + "-" + to, out);
            }
            case 3 -> {                                        // insert random bytes (not UTF-8, often)
                int at = r.nextInt(b.length + 1);
                byte[] ins = new byte[1 + r.nextInt(6)];
                r.nextBytes(ins);
                byte[] out = new byte[b.length + ins.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(ins, 0, out, at, ins.length);
                System.arraycopy(b, at, out, at + ins.length, b.length - at);
                return new Case(name, "inserted " + ins.length + " random bytes at " + at, out);
            }
            case 4, 5 -> {                                     // a number out of some range
                String t = replaceOne(text, NUMBER, HUGE.get(r.nextInt(HUGE.size())), r);
                return new Case(name, "number replaced", t.getBytes(StandardCharsets.UTF_8));
            }
            case 6, 7 -> {                                     // a value of another type
                String t = replaceOne(text, VALUE, OTHER_TYPES.get(r.nextInt(OTHER_TYPES.size())), r);
                if (r.nextBoolean()) {
                    t = replaceOne(t, VALUE, OTHER_TYPES.get(r.nextInt(OTHER_TYPES.size())), r);
                }
                return new Case(name, "values replaced", t.getBytes(StandardCharsets.UTF_8));
            }
            default -> {                                       // a BOM, maybe a second one
                String t = "\uFEFF" + (r.nextBoolean() ? "\uFEFF" : "") + text;
                return new Case(name, "byte-order mark", t.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String replaceOne(String text, Pattern p, String with, Random r) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return text.substring(0, s[0]) + with + text.substring(s[1]);
    }

    /** Loads {@code bytes}: a preset, or null after checking the PresetException's message. */
    static Preset loadOrExplain(byte[] bytes, List<String> overrides) {
        try {
            return PresetLoader.parse(SOURCE, bytes, overrides);
        } catch (PresetException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith(SOURCE) || m.startsWith("--set "), "names the file: " + m);
            for (String w : FOREIGN) {
                assertFalse(m.contains(w), "'" + w + "' in: " + m);
            }
            for (Problem p : e.problems()) {
                assertTrue(p.source().startsWith(SOURCE) || p.source().startsWith("--set "), p.message());
                assertFalse(p.expected().isBlank(), p.message());
            }
            assertTrue(!e.problems().isEmpty() || m.startsWith("no preset"), "structured problems: " + m);
            return null;
        } catch (RuntimeException | Error e) {
            fail("the loader threw " + e + " instead of a PresetException", e);
            return null;
        }
    }

    /** 600 damaged presets: only PresetException, naming the file; what loads round-trips. */
    @Property(tries = 600)
    void damagedPresetsAreLoadedOrExplained(@ForAll("damaged") Case c) {
        Preset p = loadOrExplain(c.bytes(), List.of());
        if (p != null) {
            assertEquals(p, PresetLoader.parse("again", PresetLoader.toJson(p), List.of()), "round trip");
        }
    }

    @Provide
    Arbitrary<List<String>> overrides() {
        Arbitrary<String> key = Arbitraries.of("training.lr", "training.iterations", "training.batchSize", "runs.hidden",
                "data.samples", "data.set", "seed", "adder.pStart", "model.depth", "output.gridResolution", "sweep",
                "training", "training.lrr", "runs.models", "data.seed", "training.epochs", "name", "", "a.b.c");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(HUGE), Arbitraries.of(OTHER_TYPES),
                Arbitraries.strings().ofMaxLength(12), Arbitraries.integers().between(-5, 5000).map(String::valueOf));
        return Combinators.combine(key, value).as((k, v) -> k + "=" + v).list().ofMaxSize(4);
    }

    /** 400 random --set lists on random bundled presets: a preset or the loader's own exception. */
    @Property(tries = 400)
    void randomOverridesAreAppliedOrExplained(@ForAll("overrides") List<String> overrides,
                                              @ForAll("bundled") String name) {
        Preset p = loadOrExplain(PresetLoader.bundledText(name).getBytes(StandardCharsets.UTF_8), overrides);
        if (p != null) {
            assertEquals(p, PresetLoader.parse("again", PresetLoader.toJson(p), List.of()), "round trip");
        }
    }

    @Provide
    Arbitrary<String> bundled() {
        return Arbitraries.of(PresetLoader.BUNDLED);
    }

    /** 200 valid toy presets built from random in-range settings round-trip exactly. */
    @Property(tries = 200)
    void validPresetsRoundTrip(@ForAll("validSettings") List<String> settings) {
        Preset p = PresetLoader.parse(SOURCE, "{\"name\": \"rt\"}".getBytes(StandardCharsets.UTF_8), settings);
        Preset again = PresetLoader.parse("again", PresetLoader.toJson(p), List.of());
        assertEquals(p, again);
        assertEquals(PresetLoader.toJson(p), PresetLoader.toJson(again));
    }

    @Provide
    Arbitrary<List<String>> validSettings() {
        Arbitrary<String> lr = Arbitraries.doubles().between(1e-6, 10).ofScale(9).map(v -> "training.lr=" + v);
        Arbitrary<String> iterations = Arbitraries.longs().between(1, 100_000_000).map(v -> "training.iterations=" + v);
        Arbitrary<String> hidden = Arbitraries.integers().between(1, 64).set().ofMinSize(1).ofMaxSize(4)
                .map(s -> "runs.hidden=" + s.stream().sorted().toList());
        Arbitrary<String> seed = Arbitraries.longs().map(v -> "seed=" + v);
        Arbitrary<String> spread = Arbitraries.doubles().between(0.01, 1e6).ofScale(4).map(v -> "data.spread=" + v);
        Arbitrary<String> p = Arbitraries.doubles().between(1, 2).ofScale(6).map(v -> "adder.pStart=" + v);
        Arbitrary<String> set = Arbitraries.of("unit-ball", "multi-ball", "xor", "moons", "spiral").map(v -> "data.set=" + v);
        Arbitrary<String> name = Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(64)
                .map(v -> "name=\"" + v + "\"");
        return Combinators.combine(lr, iterations, hidden, seed, spread, p, set, name)
                .as((a, b, c, d, e, f, g, h) -> List.of(a, b, c, d, e, f, g, h));
    }
}
