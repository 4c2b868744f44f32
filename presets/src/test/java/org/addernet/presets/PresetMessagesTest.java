package org.addernet.presets;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One example per class of bad preset input that issue 12 found answered cryptically: each
 * failed before the loader collected its problems in its own words.
 */
class PresetMessagesTest {
    @TempDir
    Path dir;

    /** Words of Jackson's (or Java's) that must never reach a user. */
    static final List<String> FOREIGN = List.of("(code ", "Source:", "com.fasterxml", "JsonReadFeature", "Exception",
            "Unrecognized field", "not marked as ignorable", "Cannot deserialize", "Cannot coerce", "Input length",
            "expected another type", "START_OBJECT", "VALUE_", "`", "Infinity", "StreamReadConstraints");

    static void assertOurWords(String message) {
        for (String w : FOREIGN) {
            assertFalse(message.contains(w), "'" + w + "' in: " + message);
        }
    }

    private PresetException fails(String json) {
        return assertThrows(PresetException.class, () -> PresetLoader.parse("my.json", json, List.of()));
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws IOException {
        byte[] text = "{\"name\": \"with-bom\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals("with-bom", PresetLoader.load(file("bom.json", withBom), List.of()).name());
        assertEquals("with-bom", PresetLoader.parse("bom.json", "\uFEFF{\"name\": \"with-bom\"}", List.of()).name());
    }

    @Test
    void bytesThatAreNotUtf8NameTheFileTheLineAndTheByte() throws IOException {
        // "café" saved as ISO-8859-1: é is the single byte 0xE9 at offset 28, on line 2
        byte[] latin1 = "{\"name\": \"x\",\n \"title\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Path f = file("latin1.json", latin1);
        PresetException e = assertThrows(PresetException.class, () -> PresetLoader.load(f, List.of()));
        assertEquals(f + ":2: not UTF-8 at byte 28: found the byte 0xE9, which is not UTF-8 text; "
                + "save the file as UTF-8", e.getMessage());
        assertOurWords(e.getMessage());
    }

    @Test
    void aHugeWholeNumberSaysTheRangeOfTheField() {
        String m = fails("{\"name\": \"x\",\n \"training\": {\"iterations\": 1e26}}").getMessage();
        assertEquals("my.json:2:15: training.iterations: expected a whole number in [1, 100000000], got 1e26", m);
        m = fails("{\"name\": \"x\", \"seed\": 123456789012345678901234567890}").getMessage();
        assertTrue(m.endsWith("seed: expected a whole number in [-9223372036854775808, 9223372036854775807], "
                + "got 123456789012345678901234567890"), m);
    }

    @Test
    void aNumberBeyondDoubleRangeSaysSo() {
        String m = fails("{\"name\": \"x\",\n \"training\": {\"lr\": 1e400}}").getMessage();
        assertEquals("my.json:2:15: training.lr: expected a number, got 1e400, which is out of range of a double "
                + "(largest about 1.8e308); write a smaller number", m);
        assertOurWords(m);
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        PresetException e = fails("{\n"
                + "  \"name\": \"x\",\n"
                + "  \"training\": {\"lrr\": 0.1, \"momentum\": \"high\"},\n"
                + "  \"runs\": {\"hidden\": [0]},\n"
                + "  \"output\": {\"gridResolution\": 5}\n"
                + "}");
        assertEquals(4, e.problems().size(), e.getMessage());
        String m = e.getMessage();
        assertAll(
                () -> assertTrue(m.startsWith("my.json: 4 problems:\n"), m),
                () -> assertTrue(m.contains("\n  my.json:3:16: unknown key 'training.lrr' (expected one of: iterations, batchSize, lr, schedule, power, "
                        + "stepEvery, stepGamma, momentum, nesterov, weightDecay, logEvery, epochs); did you mean 'training.lr'?"), m),
                () -> assertTrue(m.contains("\n  my.json:3:28: training.momentum: expected a number, got the string \"high\""), m),
                () -> assertTrue(m.contains("\n  my.json:4:23: runs.hidden[0]: hidden units n must lie in [1, 4096], got 0"), m),
                () -> assertTrue(m.contains("\n  my.json:5:14: output.gridResolution: must lie in [10, 1000], got 5"), m));
        assertOurWords(m);
        Problem first = e.problems().get(0);
        assertEquals("my.json", first.source());
        assertEquals("3:16", first.place());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"x\",}", "{\"name\": \"x\" \"title\": \"y\"}", "{\"name\": }", "{\"name\": tru}",
            "{\"name\": \"x\"", "{\"name\": \"x\"]", "{\"name\" \"x\"}", "{\"name\": \"a\nb\"}", "{\"seed\": 01}",
            "{\"training\": {\"lr\": NaN}}", "{\"name\": \"x\"} x", "{'name': 'x'}", "{\"name\": \"\\q\"}", "",
            "{\"training\": {\"lr\": -}}", "{\"name\": \"x\", \"name\": \"y\"}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})
    void brokenJsonIsDescribedInOurWords(String json) {
        PresetException e = fails(json);
        String m = e.getMessage();
        assertTrue(m.startsWith("my.json"), m);
        assertOurWords(m);
    }

    @Test
    void brokenJsonSaysWhatWasExpectedAndWhatToDo() {
        assertEquals("my.json:1:14: not valid JSON: found '}' where a key in double quotes was expected; "
                + "remove the comma before it", fails("{\"name\": \"x\",}").getMessage());
        assertEquals("my.json:1:10: not valid JSON: found '}' where a value was expected; give the value of the key "
                + "before it", fails("{\"name\": }").getMessage());
        assertEquals("my.json:1:15: 'name' is given twice (first at 1:2); keep one",
                fails("{\"name\": \"x\", \"name\": \"y\"}").getMessage());
    }
}
