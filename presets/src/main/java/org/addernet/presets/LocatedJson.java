package org.addernet.presets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON document read for a user's sake: strict UTF-8 (a byte-order mark is skipped; a byte that
 * is not UTF-8 is reported with its offset and line), {@code //} and {@code /* *}{@code /} comments
 * allowed, and for every value its place ({@code line:column}) and, for numbers, the text as
 * written (so that {@code 1e400} can be called out of range instead of shown as Infinity). A key
 * given twice is a problem, not silently the last one. Syntax errors are put in our words (what
 * was found, what was expected, what to do), never in the parser's.
 *
 * <p>Paths name values as the rest of the workbench does: {@code training.lr}, {@code runs.hidden[1]};
 * the place of an object's field is the place of its key.
 *
 * <p>Meant for any JSON file a user can edit or damage (presets, and the app's run.json and
 * queue.json): {@link #read(String, byte[], Problems)} never throws; what is wrong goes into the
 * {@link Problems} given.
 */
public final class LocatedJson {
    /** Largest JSON file read (a preset is a few KB). */
    public static final int MAX_BYTES = 16 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    private final JsonNode root;
    private final Map<String, String> places;
    private final Map<String, String> raw;

    private LocatedJson(JsonNode root, Map<String, String> places, Map<String, String> raw) {
        this.root = root;
        this.places = places;
        this.raw = raw;
    }

    /** The document's value. */
    public JsonNode root() {
        return root;
    }

    /** {@code line:column} of the value (or key) at {@code path}, or null when the document has none there. */
    public String place(String path) {
        return places.get(path);
    }

    /** The text of the number at {@code path} as written ({@code 1e400}), or null when it is not a number. */
    public String raw(String path) {
        return raw.get(path);
    }

    /** {@link #decode} then {@link #parse}; null (with the problem added) when either fails. */
    public static LocatedJson read(String source, byte[] bytes, Problems problems) {
        String text = decode(source, bytes, problems);
        return text == null ? null : parse(source, text, problems);
    }

    /**
     * The UTF-8 text of {@code bytes} without a leading byte-order mark; null when a byte is not
     * UTF-8 (the problem names the line, the byte offset and the byte) or the input is too large.
     */
    public static String decode(String source, byte[] bytes, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(Problem.of(source, "holds " + bytes.length + " bytes, more than a JSON file of the workbench "
                    + "may (" + MAX_BYTES + ")", "check that this is the file you meant"));
            return null;
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String found = String.format(Locale.ROOT, "0x%02X", bytes[at] & 0xff);
            String what = at + r.length() >= bytes.length && r.isMalformed() && (bytes[at] & 0xC0) == 0xC0
                    ? "the start of a character that the file ends in the middle of" : "the byte " + found
                    + ", which is not UTF-8 text";
            problems.add(new Problem(source, String.valueOf(line), null, "not UTF-8 at byte " + at + ": found "
                    + what, "save the file as UTF-8"));
            return null;
        }
        out.flip();
        return out.toString();
    }

    /**
     * Parses {@code text} (a leading U+FEFF is skipped); null when it is not valid JSON (the
     * problem says where and what was expected). A key given twice adds a problem and keeps the
     * first value.
     */
    public static LocatedJson parse(String source, String text, Problems problems) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Map<String, String> places = new HashMap<>();
        Map<String, String> raw = new HashMap<>();
        JsonNodeFactory f = JsonNodeFactory.instance;
        try (JsonParser p = FACTORY.createParser(t)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(Problem.of(source, "is empty; expected a JSON object { ... }", null));
                return null;
            }
            JsonNode root = value(p, "", places, raw, f, source, problems);
            JsonToken after;
            try {
                after = p.nextToken();
            } catch (JsonProcessingException e) {
                after = JsonToken.NOT_AVAILABLE;
            }
            if (after != null) {
                problems.add(new Problem(source, place(p.currentTokenLocation()), null,
                        "not valid JSON: more text after the end of the document's value", "remove it: the file holds one value"));
                return null;
            }
            return new LocatedJson(root, places, raw);
        } catch (JsonProcessingException e) {
            problems.add(new Problem(source, place(e.getLocation()), null, "not valid JSON: " + syntax(e), hint(e)));
            return null;
        } catch (IOException e) {
            problems.add(Problem.of(source, "cannot be read: " + e.getMessage(), null));
            return null;
        }
    }

    /** The value starting at the current token (already read), with its nested values; {@code path} names it. */
    private static JsonNode value(JsonParser p, String path, Map<String, String> places, Map<String, String> raw,
                                  JsonNodeFactory f, String source, Problems problems) throws IOException {
        places.putIfAbsent(path, place(p.currentTokenLocation()));  // a field's key has put its own place already
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String keyPath = path.isEmpty() ? key : path + "." + key;
                    String at = place(p.currentTokenLocation());
                    p.nextToken();
                    if (o.has(key)) {
                        problems.add(new Problem(source, at, null, "'" + key + "' is given twice (first at "
                                + places.get(keyPath) + ")", "keep one"));
                        p.skipChildren();
                    } else {
                        places.put(keyPath, at);
                        o.set(key, value(p, keyPath, places, raw, f, source, problems));
                    }
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    a.add(value(p, path + "[" + i + "]", places, raw, f, source, problems));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            case VALUE_NUMBER_INT -> {
                raw.put(path, p.getText());
                return switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                raw.put(path, p.getText());
                return f.numberNode(p.getDoubleValue());
            }
            default -> throw new IllegalStateException("a value cannot start with " + t);
        }
    }

    private static void place(Map<String, String> places, String path, JsonParser p) {
        places.putIfAbsent(path, place(p.currentTokenLocation()));
    }

    private static String place(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? null : loc.getLineNr() + ":" + loc.getColumnNr();
    }

    // ------------------------------------------------------------------ syntax errors in our words

    private static final Pattern CHAR = Pattern.compile("\\('(.)' \\(code (\\d+)(?: / 0x[0-9a-fA-F]+)?\\)\\)|'(.)' \\(code (\\d+)(?: / 0x[0-9a-fA-F]+)?\\)|\\(CTRL-CHAR, code (\\d+)\\)");
    private static final Pattern START = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)'");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '([^']*)'");

    /** What the parser met, in our words: "found '}' where a value was expected". */
    static String syntax(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String found = found(m);
        if (m.contains("was expecting double-quote to start field name")) {
            return "found " + found + " where a key in double quotes was expected";
        }
        if (m.contains("was expecting comma to separate Object entries")) {
            return "found " + found + " where ',' or '}' was expected";
        }
        if (m.contains("was expecting comma to separate Array entries")) {
            return "found " + found + " where ',' or ']' was expected";
        }
        if (m.contains("was expecting a colon to separate field name and value")) {
            return "found " + found + " where ':' after the key was expected";
        }
        if (m.contains("expected a value") || m.contains("expected a valid value")) {
            return "found " + found + " where a value was expected";
        }
        Matcher tok = TOKEN.matcher(m);
        if (tok.find()) {
            return "found the word '" + tok.group(1) + "' where a value was expected (a string in double quotes, a "
                    + "number, true, false, null, [ ... ] or { ... })";
        }
        if (m.contains("Non-standard token")) {
            return "NaN and infinite values are not numbers in JSON";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            Matcher s = START.matcher(m);
            String opened = s.find() ? " opened at " + s.group(1) + ":" + s.group(2) : "";
            if (m.contains("close marker for Object")) {
                return "the text ends before the { ... }" + opened + " is closed";
            }
            if (m.contains("close marker for Array")) {
                return "the text ends before the [ ... ]" + opened + " is closed";
            }
            return "the text ends inside a " + (m.contains("field name") ? "key" : "string or value");
        }
        if (m.startsWith("Unexpected close marker")) {
            Matcher s = START.matcher(m);
            String opened = s.find() ? " opened at " + s.group(1) + ":" + s.group(2) : "";
            Matcher cm = CLOSE.matcher(m);
            String close = cm.find() ? "'" + cm.group(1) + "'" : "a closing bracket";
            return "found " + close + " where the " + (close.contains("]") ? "{ ... }" : "[ ... ]") + opened
                    + " should be closed";
        }
        if (m.contains("Illegal unquoted character")) {
            return "found " + found + " inside a string";
        }
        if (m.contains("Unrecognized character escape")) {
            return "found the unknown escape \\" + (found.startsWith("'") ? found.substring(1, found.length() - 1) : found)
                    + " in a string (known: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
        }
        if (m.contains("Leading zeroes not allowed")) {
            return "found a number with a leading zero";
        }
        if (m.contains("Illegal character") || m.contains("only regular white space")) {
            return "found " + found + " between values";
        }
        if (m.contains("to follow minus sign")) {
            return "found " + found + " after '-' where a digit was expected";
        }
        if (m.contains("Decimal point not followed by a digit") || m.contains("Exponent indicator not followed")) {
            return "found a number that ends in '.', 'e' or 'E' without digits";
        }
        if (m.contains("nesting depth")) {
            return "values nested more than 200 deep";
        }
        if (m.contains("Number value length") || m.contains("Number length")) {
            return "a number with more than 1000 digits";
        }
        if (m.contains("String value length") || m.contains("String length")) {
            return "a string too long for a workbench file";
        }
        if (m.contains("Invalid numeric value")) {
            return "found a malformed number";
        }
        if (m.contains("Expected space separating root-level values")) {
            return "more text after the end of the document's value";
        }
        return "found " + (found.equals("something unexpected") ? "text that is not JSON" : found) + " here";
    }

    /** What to do about the syntax error. */
    static String hint(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String found = found(m);
        if (m.contains("was expecting double-quote to start field name")) {
            return found.equals("'}'") ? "remove the comma before it"
                    : found.equals("'''") ? "JSON wants double quotes \" around keys and strings" : "put the key in double quotes";
        }
        if (m.contains("expected a value") || m.contains("expected a valid value")) {
            return found.equals("']'") ? "remove the comma before it"
                    : found.equals("'}'") ? "give the value of the key before it"
                    : found.equals("'''") ? "JSON wants double quotes \" around strings" : "give a value";
        }
        if (m.contains("was expecting comma")) {
            return "put a comma between two entries";
        }
        if (m.contains("was expecting a colon")) {
            return "write \"key\": value";
        }
        if (TOKEN.matcher(m).find()) {
            return "put text in double quotes; true, false and null are lower-case";
        }
        if (m.contains("Non-standard token")) {
            return "give a finite number";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "add what is missing at the end, or restore the file from a copy";
        }
        if (m.startsWith("Unexpected close marker")) {
            return "match every { with } and every [ with ]";
        }
        if (m.contains("Illegal unquoted character")) {
            return "write a line break in a string as \\n, or close the string with \"";
        }
        if (m.contains("Unrecognized character escape")) {
            return "write a backslash as \\\\";
        }
        if (m.contains("Leading zeroes not allowed")) {
            return "write 7, not 07";
        }
        if (m.contains("Expected space separating root-level values")) {
            return "remove it: the file holds one value";
        }
        return null;
    }

    /** The character the parser met, as {@code '}'} or {@code a line break}. */
    private static String found(String m) {
        Matcher c = CHAR.matcher(m);
        if (!c.find()) {
            return "something unexpected";
        }
        String ch = c.group(1) != null ? c.group(1) : c.group(3);
        int code = Integer.parseInt(c.group(2) != null ? c.group(2) : c.group(4) != null ? c.group(4) : c.group(5));
        if (code == '\n' || code == '\r') {
            return "a line break";
        }
        if (code == '\t') {
            return "a tab";
        }
        if (code < 0x20 || ch == null || code == 0xFEFF || Character.isISOControl(code)) {
            return String.format(Locale.ROOT, "the control character U+%04X", code);
        }
        return "'" + ch + "'";
    }

    // ------------------------------------------------------------------ describing values

    /** A value as a message shows it: {@code the string "fast"}, {@code the number 2.5}, {@code a list}, {@code null}. */
    public static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            String s = n.asText();
            return "the string \"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
