package org.addernet.presets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads presets strictly: read as UTF-8 (a byte-order mark is skipped), parse (comments allowed),
 * check every key against {@code defaults.json}, merge onto the defaults, apply
 * {@code --set key.path=value} overrides, check every value's type ({@link PresetShape}), bind,
 * validate ({@link PresetValidator}) and, for a sweep, check every variant. Every problem found
 * on the way is collected; the only exception thrown is a {@link PresetException} that lists them
 * all, each naming the source (file:line:column or {@code --set}), the field path, what was
 * expected and, where it helps, what to do.
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

    /**
     * A path to a JSON file, or the name of a bundled preset (with or without {@code .json}).
     *
     * @throws PresetException every problem of the preset and the overrides
     */
    public static Preset resolve(String nameOrPath, List<String> overrides) {
        Path p;
        try {
            p = Path.of(nameOrPath);
        } catch (InvalidPathException e) {
            p = null;
        }
        if (p != null && Files.isRegularFile(p)) {
            return load(p, overrides);
        }
        String name = nameOrPath.endsWith(".json") ? nameOrPath.substring(0, nameOrPath.length() - 5) : nameOrPath;
        String text = name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*") ? bundledText(name) : null;
        if (text == null) {
            if (p != null && Files.exists(p)) {
                return load(p, overrides);              // a folder, or unreadable: load says which
            }
            throw new PresetException("no preset '" + nameOrPath + "': no such file, and no bundled preset of that name"
                    + " (bundled: " + String.join(", ", BUNDLED) + ")");
        }
        return parse(name + ".json (bundled)", text, overrides);
    }

    /**
     * Loads the preset file at {@code file}.
     *
     * @throws PresetException every problem of the file and the overrides (or why it cannot be read)
     */
    public static Preset load(Path file, List<String> overrides) {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw problem(source, "is a folder, not a preset file", "give the path of a .json file");
            }
            long size = Files.size(file);
            if (size > LocatedJson.MAX_BYTES) {
                throw problem(source, "holds " + size + " bytes, more than a preset file may (" + LocatedJson.MAX_BYTES
                        + ")", "check that this is the file you meant");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw problem(source, "no such file", null);
        } catch (AccessDeniedException e) {
            throw problem(source, "cannot be read: permission denied", "check the file's permissions");
        } catch (IOException e) {
            throw problem(source, "cannot be read: " + reason(e), null);
        }
        return parse(source, bytes, overrides);
    }

    /** The text of a bundled preset, or null when there is none of that name. */
    public static String bundledText(String name) {
        try (InputStream in = PresetLoader.class.getResourceAsStream(BUNDLED_DIR + name + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses, merges, overrides, binds and validates the UTF-8 {@code bytes}; {@code source} names
     * them in messages.
     *
     * @throws PresetException every problem found
     */
    public static Preset parse(String source, byte[] bytes, List<String> overrides) {
        Problems problems = new Problems(source);
        String text = LocatedJson.decode(source, bytes, problems);
        problems.throwIfAny(PresetException::new);
        return parse(source, text, overrides);
    }

    /**
     * Parses, merges, overrides, binds and validates {@code text}; {@code source} names it in messages.
     *
     * @throws PresetException every problem found
     */
    public static Preset parse(String source, String text, List<String> overrides) {
        Problems problems = new Problems(source);
        LocatedJson doc = LocatedJson.parse(source, text, problems);
        if (doc != null && !doc.root().isObject()) {
            problems.add(new Problem(source, doc.place(""), null, "expected a JSON object { ... } at the top level, got "
                    + LocatedJson.kind(doc.root()), null));
        }
        problems.throwIfAny(PresetException::new);
        Origins origins = new Origins(source, doc, overrides);
        ObjectNode defaults = defaults();
        ObjectNode merged = defaults.deepCopy();
        merge(merged, (ObjectNode) doc.root(), "", origins, problems);
        Sweeps.complete(merged, origins, problems);
        for (String o : overrides) {
            applyOverride(merged, o, problems);
        }
        Sweeps.complete(merged, origins, problems);
        Preset preset = bind(merged, defaults, origins, problems);
        if (preset != null && preset.sweep() != null && problems.isEmpty()) {
            List<Preset.Variant> variants = preset.sweep().variants();
            for (int k = 0; k < variants.size(); k++) {
                String path = "sweep.variants[" + k + "].set";
                String place = doc.place(path) != null ? doc.place(path) : doc.place("sweep.variants[" + k + "]");
                variantPreset(merged, defaults, preset.name(), variants.get(k), origins.variant(path, place), problems);
            }
        }
        problems.sortByPlace().throwIfAny(PresetException::new);
        return preset;
    }

    /**
     * Variant {@code index} of {@code base}'s sweep as a preset of its own: {@code base} (which
     * already holds the command line's overrides) with the variant's {@code set} applied, no
     * sweep, and the name {@code <base name>-<variant id>} (the id alone when that would be longer
     * than 64 characters).
     *
     * @throws PresetException the variant's problems (none for a preset this loader returned)
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
        String path = "sweep.variants[" + index + "].set";
        Problems problems = new Problems(path);
        Preset p = variantPreset(tree, defaults(), base.name(), base.sweep().variants().get(index),
                new Origins(path, null, List.of()).variant(path, null), problems);
        problems.throwIfAny(PresetException::new);
        return p;
    }

    private static Preset variantPreset(ObjectNode merged, ObjectNode defaults, String baseName, Preset.Variant v,
                                        Origins origins, Problems problems) {
        ObjectNode tree = merged.deepCopy();
        tree.putNull("sweep");
        String name = baseName + "-" + v.id();
        tree.put("name", name.length() <= 64 ? name : v.id());
        int before = problems.size();
        for (Map.Entry<String, JsonNode> e : v.set().entrySet()) {
            if (e.getKey().equals("sweep") || e.getKey().startsWith("sweep.")) {
                problems.add(origins.at(e.getKey(), null, "a variant cannot set '" + e.getKey() + "'",
                        "set the preset's other keys"));
                continue;
            }
            setPath(tree, e.getKey(), e.getValue() == null ? JsonNodeFactory.instance.nullNode() : e.getValue(),
                    origins.at(e.getKey(), null, "", null), "", problems);
        }
        if (problems.size() > before) {
            return null;
        }
        return bind(tree, defaults, origins, problems);
    }

    /**
     * Checks every value's type, puts the default back where one is wrong (so that the rest can
     * still be validated), binds and validates; null when binding fails (the problem is added).
     */
    private static Preset bind(ObjectNode tree, ObjectNode defaults, Origins origins, Problems problems) {
        Set<String> wrong = new LinkedHashSet<>();
        new PresetShape(origins::raw, (path, expected, hint) -> {
            problems.add(origins.at(path, path, expected, hint));
            wrong.add(anchor(path));
        }).check(tree);
        for (String a : wrong) {
            if (a.equals("sweep")) {
                tree.putNull("sweep");
            } else {
                int dot = a.indexOf('.');
                ObjectNode parent = dot < 0 ? tree : (ObjectNode) tree.get(a.substring(0, dot));
                JsonNode def = dot < 0 ? defaults.get(a) : defaults.get(a.substring(0, dot)).get(a.substring(dot + 1));
                parent.set(dot < 0 ? a : a.substring(dot + 1), def.deepCopy());
            }
        }
        Preset preset;
        try {
            preset = MAPPER.treeToValue(tree, Preset.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(origins.at("", null, "cannot be read as a preset (a value of an unexpected kind)",
                    "compare it with a bundled preset, e.g. `./workbench presets`"));
            return null;
        }
        for (PresetValidator.Problem p : PresetValidator.validate(preset)) {
            if (!wrong.contains(anchor(p.path()))) {
                problems.add(origins.at(p.path(), p.path(), p.message(), null));
            }
        }
        return preset;
    }

    /** The field a wrong value is replaced at: the section's key ({@code runs.hidden} for runs.hidden[2]), or sweep. */
    private static String anchor(String path) {
        String[] parts = path.split("\\.");
        if (parts[0].startsWith("sweep")) {
            return "sweep";
        }
        String top = parts[0].replaceAll("\\[.*$", "");
        return parts.length == 1 || !DEFAULT_SECTIONS.contains(top) ? top
                : top + "." + parts[1].replaceAll("\\[.*$", "");
    }

    static final Set<String> DEFAULT_SECTIONS = Set.of("data", "model", "training", "adder", "runs", "output");

    /** The merged preset as JSON (what a run folder records). */
    public static String toJson(Preset preset) {
        try {
            return MAPPER.writeValueAsString(preset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh copy of the bundled {@code defaults.json}. */
    static ObjectNode defaults() {
        try (InputStream in = PresetLoader.class.getResourceAsStream("/org/addernet/presets/defaults.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled defaults.json is unreadable", e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode user, String prefix, Origins origins, Problems problems) {
        Iterator<Map.Entry<String, JsonNode>> it = user.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode def = base.get(e.getKey());
            if (def == null) {
                List<String> known = KeyHints.names(base);
                problems.add(origins.at(path, null, "unknown key '" + path + "'" + KeyHints.expected(known),
                        KeyHints.suggest(e.getKey(), known, prefix)));
            } else if (def.isObject()) {
                if (!e.getValue().isObject()) {
                    problems.add(origins.at(path, path, "expected an object { ... }, got " + LocatedJson.kind(e.getValue()),
                            null));
                } else {
                    merge((ObjectNode) def, (ObjectNode) e.getValue(), path, origins, problems);
                }
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static void applyOverride(ObjectNode merged, String override, Problems problems) {
        int eq = override.indexOf('=');
        String origin = "--set " + override.trim();
        if (eq <= 0) {
            problems.add(Problem.of(origin, "expected key.path=value", "e.g. --set training.lr=0.05"));
            return;
        }
        String path = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1).trim();
        JsonNode value;
        try {
            value = MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            value = null;
        }
        setPath(merged, path, value == null || value.isMissingNode() ? new TextNode(raw) : value,
                Problem.of(origin, "", null), "'", problems);
    }

    /**
     * Sets the existing leaf {@code path} (dotted) of {@code merged} to {@code value}; an unknown
     * key or a section is a problem at {@code at} (its source and place).
     */
    private static boolean setPath(ObjectNode merged, String path, JsonNode value, Problem at, String quote,
                                   Problems problems) {
        String[] keys = path.split("\\.", -1);
        ObjectNode node = merged;
        String prefix = "";
        for (int k = 0; k < keys.length - 1; k++) {
            JsonNode child = node.get(keys[k]);
            if (child == null || !child.isObject()) {
                problems.add(unknownKey(at, quote, path, keys[k], node, prefix));
                return false;
            }
            prefix = prefix.isEmpty() ? keys[k] : prefix + "." + keys[k];
            node = (ObjectNode) child;
        }
        String last = keys[keys.length - 1];
        if (!node.has(last)) {
            problems.add(unknownKey(at, quote, path, last, node, prefix));
            return false;
        }
        if (node.get(last).isObject()) {
            problems.add(new Problem(at.source(), at.place(), at.field(), quote + path + quote + " is a section",
                    "set one of its keys (" + String.join(", ", KeyHints.names((ObjectNode) node.get(last))) + ")"));
            return false;
        }
        node.set(last, value);
        return true;
    }

    /** The problem of {@code path}'s unknown {@code key} in section {@code node} (at {@code prefix}), placed at {@code at}. */
    private static Problem unknownKey(Problem at, String quote, String path, String key, ObjectNode node, String prefix) {
        List<String> known = KeyHints.names(node);
        return new Problem(at.source(), at.place(), at.field(), "unknown key " + quote + path + quote
                + KeyHints.expected(known), KeyHints.suggest(key, known, prefix));
    }

    private static PresetException problem(String source, String expected, String hint) {
        return new PresetException(new Problems(source).add(Problem.of(source, expected, hint)));
    }

    /** An I/O failure's reason in words, without exception class names. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an input/output error" : m;
    }
}
