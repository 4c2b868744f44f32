package org.addernet.presets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads presets strictly: parse (comments allowed), check every key against {@code defaults.json},
 * merge onto the defaults, apply {@code --set key.path=value} overrides, bind with no type
 * coercion, validate. Every failure is a {@link PresetException} whose message names the source
 * (file:line:column or {@code --set}), the field path and what was expected.
 */
public final class PresetLoader {
    /** Names of the bundled toy presets (the window's gallery), in gallery order. */
    public static final List<String> BUNDLED_TOY = List.of("fig2-unit-ball", "fig3-multi-ball", "fig4-xor",
            "demo-one-unit", "demo-l2-to-l1", "demo-spiral-deep", "demo-noisy-moons");

    /** Names of the bundled image presets (epoch runs, headless): the models with a {@code -short} variant each, then the paper's analyses. */
    public static final List<String> BUNDLED_IMAGE = List.of("lenet5-bn-mnist-adder", "lenet5-bn-mnist-adder-short",
            "lenet5-bn-mnist-cnn", "lenet5-bn-mnist-cnn-short", "lenet5-bn-fashion-mnist-adder",
            "lenet5-bn-fashion-mnist-adder-short", "lenet5-bn-fashion-mnist-cnn", "lenet5-bn-fashion-mnist-cnn-short",
            "resnet20-cifar10-adder", "resnet20-cifar10-adder-short", "resnet20-cifar10-adder-official",
            "resnet20-cifar10-adder-official-short", "resnet20-cifar10-cnn",
            "resnet20-cifar10-cnn-short", "vgg-small-cifar10-adder", "vgg-small-cifar10-adder-short",
            "table1-gradient-norms", "fig1-features-fashion-mnist", "fig1-features-fashion-mnist-short",
            "fig1-features-mnist");

    /**
     * Names of the bundled sweeps (the paper's ablation Tables 4-6, {@code workbench run} writes
     * {@code table.csv} and {@code table.png}): on a toy set, on Fashion-MNIST with a reduced
     * budget (each with a {@code -short} twin), and on MNIST with the paper's settings.
     */
    public static final List<String> BUNDLED_SWEEP = List.of("table4-toy", "table5-toy", "table6-toy",
            "table4-lenet5-bn-fashion-mnist", "table4-lenet5-bn-fashion-mnist-short", "table5-lenet5-bn-fashion-mnist",
            "table5-lenet5-bn-fashion-mnist-short", "table6-lenet5-bn-fashion-mnist", "table6-lenet5-bn-fashion-mnist-short",
            "table4-lenet5-bn-mnist", "table5-lenet5-bn-mnist", "table6-lenet5-bn-mnist");

    /** Every bundled preset: the toy ones, then the image ones, then the sweeps. */
    public static final List<String> BUNDLED = java.util.stream.Stream.of(BUNDLED_TOY, BUNDLED_IMAGE, BUNDLED_SWEEP)
            .flatMap(List::stream).toList();

    private static final String BUNDLED_DIR = "/org/addernet/presets/bundled/";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // no number or boolean where a string is expected either ("name": 123)
            .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Textual, c -> c
                    .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                    .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                    .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
            .build();

    private PresetLoader() {
    }

    /** A path to a JSON file, or the name of a bundled preset (with or without {@code .json}). */
    public static Preset resolve(String nameOrPath, List<String> overrides) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return load(p, overrides);
        }
        String name = nameOrPath.endsWith(".json") ? nameOrPath.substring(0, nameOrPath.length() - 5) : nameOrPath;
        String text = bundledText(name);
        if (text == null) {
            if (Files.exists(p)) {
                throw new PresetException(nameOrPath + ": not a regular file");
            }
            throw new PresetException("no preset '" + nameOrPath + "': no such file, and no bundled preset of that name"
                    + " (bundled: " + String.join(", ", BUNDLED) + ")");
        }
        return parse(name + ".json (bundled)", text, overrides);
    }

    /** Loads the preset file at {@code file}. */
    public static Preset load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PresetException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text, overrides);
    }

    /** The text of a bundled preset, or null when there is none of that name. */
    public static String bundledText(String name) {
        try (InputStream in = PresetLoader.class.getResourceAsStream(BUNDLED_DIR + name + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses, merges, overrides, binds and validates {@code text}; {@code source} names it in messages. */
    public static Preset parse(String source, String text, List<String> overrides) {
        Map<String, JsonLocation> where = new HashMap<>();
        JsonNode user;
        try {
            locate(text, where);
            user = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new PresetException(source + at(loc) + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PresetException(source + ": cannot read: " + e.getMessage());
        }
        if (user == null || !user.isObject()) {
            throw new PresetException(source + ": expected a JSON object { ... } at the top level");
        }
        ObjectNode merged = defaults();
        merge(merged, (ObjectNode) user, "", source, where);
        Sweeps.complete(merged, source, where);
        for (String o : overrides) {
            applyOverride(merged, o);
        }
        Sweeps.complete(merged, "--set sweep", Map.of());
        Preset preset = bind(merged, source, where, overrides);
        if (preset.sweep() != null) {
            checkVariants(preset, merged, source, where);
        }
        return preset;
    }

    /** Binds the merged tree and validates it; errors name the field and where its value came from. */
    private static Preset bind(ObjectNode merged, String source, Map<String, JsonLocation> where, List<String> overrides) {
        Preset preset;
        try {
            preset = MAPPER.treeToValue(merged, Preset.class);
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            String origin = origin(source, path, where, overrides);
            throw new PresetException(origin + ": " + path + ": " + describeMismatch(e, merged, path));
        } catch (JsonProcessingException e) {
            throw new PresetException(source + ": " + e.getOriginalMessage());
        }
        List<PresetValidator.Problem> problems = PresetValidator.validate(preset);
        if (!problems.isEmpty()) {
            PresetValidator.Problem first = problems.get(0);
            throw new PresetException(origin(source, first.path(), where, overrides) + ": " + first.path() + ": "
                    + first.message());
        }
        return preset;
    }

    /**
     * Each variant of the sweep merged like {@code --set} onto the preset (after the command
     * line's overrides) must give a valid preset; a problem names the variant's {@code set}.
     */
    private static void checkVariants(Preset preset, ObjectNode merged, String source, Map<String, JsonLocation> where) {
        List<Preset.Variant> variants = preset.sweep().variants();
        for (int k = 0; k < variants.size(); k++) {
            String path = "sweep.variants[" + k + "].set";
            JsonLocation loc = where.containsKey(path) ? where.get(path) : where.get("sweep.variants[" + k + "]");
            String origin = (loc == null ? source : source + at(loc)) + ": " + path;
            variantPreset(merged, preset.name(), variants.get(k), origin);
        }
    }

    /**
     * Variant {@code index} of {@code base}'s sweep as a preset of its own: {@code base} (which
     * already holds the command line's overrides) with the variant's {@code set} applied, no
     * sweep, and the name {@code <base name>-<variant id>} (the id alone when that would be longer
     * than 64 characters).
     */
    public static Preset variant(Preset base, int index) {
        if (base.sweep() == null) {
            throw new IllegalArgumentException(base.name() + " has no sweep");
        }
        ObjectNode tree;
        try {
            tree = (ObjectNode) MAPPER.readTree(toJson(base));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return variantPreset(tree, base.name(), base.sweep().variants().get(index),
                "sweep.variants[" + index + "].set");
    }

    private static Preset variantPreset(ObjectNode merged, String baseName, Preset.Variant v, String origin) {
        ObjectNode tree = merged.deepCopy();
        tree.putNull("sweep");
        String name = baseName + "-" + v.id();
        tree.put("name", name.length() <= 64 ? name : v.id());
        for (Map.Entry<String, JsonNode> e : v.set().entrySet()) {
            if (e.getKey().equals("sweep") || e.getKey().startsWith("sweep.")) {
                throw new PresetException(origin + ": a variant cannot set '" + e.getKey() + "'");
            }
            setPath(tree, e.getKey(), e.getValue() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                    : e.getValue(), origin, "");
        }
        Preset p;
        try {
            p = MAPPER.treeToValue(tree, Preset.class);
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            throw new PresetException(origin + ": " + path + ": " + describeMismatch(e, tree, path));
        } catch (JsonProcessingException e) {
            throw new PresetException(origin + ": " + e.getOriginalMessage());
        }
        List<PresetValidator.Problem> problems = PresetValidator.validate(p);
        if (!problems.isEmpty()) {
            PresetValidator.Problem first = problems.get(0);
            throw new PresetException(origin + ": " + first.path() + ": " + first.message());
        }
        return p;
    }

    /** The merged preset as JSON (what a run folder records). */
    public static String toJson(Preset preset) {
        try {
            return MAPPER.writeValueAsString(preset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode defaults() {
        try (InputStream in = PresetLoader.class.getResourceAsStream("/org/addernet/presets/defaults.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled defaults.json is unreadable", e);
        }
    }

    /** Records the location of every field, keyed by its dotted path (arrays as {@code [i]}). */
    private static void locate(String text, Map<String, JsonLocation> where) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            Deque<String> stack = new ArrayDeque<>();
            Deque<Integer> index = new ArrayDeque<>();
            String pending = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String parent = stack.isEmpty() ? "" : stack.peek();
                boolean inArray = !index.isEmpty() && index.peek() >= 0;
                String here = pending;
                if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY && inArray) {
                    int i = index.pop();
                    index.push(i + 1);
                    here = parent + "[" + i + "]";
                    where.put(here, p.currentTokenLocation());
                }
                switch (t) {
                    case FIELD_NAME -> {
                        pending = parent.isEmpty() ? p.currentName() : parent + "." + p.currentName();
                        where.put(pending, p.currentTokenLocation());
                    }
                    case START_OBJECT -> {
                        stack.push(here == null ? "" : here);
                        index.push(-1);
                    }
                    case START_ARRAY -> {
                        stack.push(here == null ? "" : here);
                        index.push(0);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        stack.pop();
                        index.pop();
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private static void merge(ObjectNode base, ObjectNode user, String prefix, String source,
                              Map<String, JsonLocation> where) {
        Iterator<Map.Entry<String, JsonNode>> it = user.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode def = base.get(e.getKey());
            if (def == null) {
                throw new PresetException(source + at(where.get(path)) + ": unknown key '" + path + "'"
                        + expectedKeys(base));
            }
            if (def.isObject()) {
                if (!e.getValue().isObject()) {
                    throw new PresetException(source + at(where.get(path)) + ": " + path
                            + ": expected an object { ... }, got " + kind(e.getValue()));
                }
                merge((ObjectNode) def, (ObjectNode) e.getValue(), path, source, where);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static void applyOverride(ObjectNode merged, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new PresetException("--set " + override + ": expected key.path=value");
        }
        String path = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1).trim();
        JsonNode value;
        try {
            value = MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            value = null;
        }
        setPath(merged, path, value == null || value.isMissingNode() ? new TextNode(raw) : value, "--set " + override, "'");
    }

    /**
     * Sets the existing leaf {@code path} (dotted) of {@code merged} to {@code value}; an unknown
     * key or a section is reported as {@code origin: unknown key 'path' (expected one of: ...)}.
     */
    private static void setPath(ObjectNode merged, String path, JsonNode value, String origin, String quote) {
        String[] keys = path.split("\\.");
        ObjectNode node = merged;
        for (int k = 0; k < keys.length - 1; k++) {
            JsonNode child = node.get(keys[k]);
            if (child == null || !child.isObject()) {
                throw new PresetException(origin + ": unknown key " + quote + path + quote + expectedKeys(node));
            }
            node = (ObjectNode) child;
        }
        String last = keys[keys.length - 1];
        if (!node.has(last)) {
            throw new PresetException(origin + ": unknown key " + quote + path + quote + expectedKeys(node));
        }
        if (node.get(last).isObject()) {
            throw new PresetException(origin + ": " + quote + path + quote + " is a section; set one of its keys"
                    + expectedKeys((ObjectNode) node.get(last)));
        }
        node.set(last, value);
    }

    private static String expectedKeys(ObjectNode node) {
        StringBuilder sb = new StringBuilder(" (expected one of: ");
        Iterator<String> names = node.fieldNames();
        boolean first = true;
        while (names.hasNext()) {
            sb.append(first ? "" : ", ").append(names.next());
            first = false;
        }
        return sb.append(")").toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append("[").append(r.getIndex()).append("]");
            }
        }
        return sb.toString();
    }

    private static String describeMismatch(JsonMappingException e, ObjectNode merged, String path) {
        JsonNode got = merged.at("/" + path.replace(".", "/").replaceAll("\\[(\\d+)]", "/$1"));
        Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                ? m.getTargetType() : null;
        String expected = target == null ? "another type" : expectedKind(target);
        if (got != null && got.isNumber() && (target == int.class || target == long.class || target == Integer.class
                || target == Long.class) && String.valueOf(e.getOriginalMessage()).contains("out of range")) {
            expected = "a whole number within " + (target == int.class || target == Integer.class ? "32" : "64") + "-bit range";
        }
        return "expected " + expected + ", got " + (got == null || got.isMissingNode() ? "nothing" : kind(got));
    }

    private static String expectedKind(Class<?> t) {
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == double.class || t == Double.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list [ ... ]";
        }
        return "an object { ... }";
    }

    private static String kind(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "the string \"" + n.asText() + "\"";
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

    private static String origin(String source, String path, Map<String, JsonLocation> where, List<String> overrides) {
        String root = path.replaceAll("\\[\\d+]$", "");
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq > 0 && o.substring(0, eq).trim().equals(root)) {
                return "--set " + o.trim();
            }
        }
        JsonLocation loc = where.get(path);
        if (loc == null) {
            loc = where.get(root);
        }
        return loc == null ? source + " (default value)" : source + at(loc);
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
