package org.addernet.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresetLoaderTest {
    private static String error(String json, String... overrides) {
        PresetException e = assertThrows(PresetException.class,
                () -> PresetLoader.parse("my.json", json, List.of(overrides)));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fig2-unit-ball", "fig3-multi-ball", "fig4-xor"})
    void bundledPresetsLoadWithThePapersSettings(String name) {
        Preset p = PresetLoader.resolve(name, List.of());
        assertEquals(name, p.name());
        assertEquals(10000, p.training().iterations());
        assertEquals(0.1, p.training().lr());
        assertEquals("cosine", p.training().schedule());
        assertEquals(0.9, p.training().momentum());
        assertTrue(p.training().nesterov());
        assertEquals(5e-4, p.training().weightDecay());
        assertEquals(List.of("mlp", "adder"), p.runs().models());
        assertEquals(6, ExperimentPlan.runs(p, 1).size());
        assertEquals(30, ExperimentPlan.runs(p, 5).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fig2-unit-ball", "fig3-multi-ball", "fig4-xor"})
    void goldenCopiesOfOldPresetFilesStillLoad(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Preset golden = PresetLoader.parse(name, text, List.of());
            assertEquals(PresetLoader.resolve(name, List.of()).runs(), golden.runs());
        }
    }

    @Test
    void everyBundledPresetLoadsAndPlans() {
        for (String name : PresetLoader.BUNDLED_TOY) {
            Preset p = PresetLoader.resolve(name, List.of());
            assertEquals(name, p.name());
            assertTrue(!p.description().isBlank(), name + " has a gallery text");
            assertTrue(ExperimentPlan.runs(p, 1).size() >= 2, name);
        }
        for (String name : PresetLoader.BUNDLED_IMAGE) {
            Preset p = PresetLoader.resolve(name, List.of());
            assertEquals(name, p.name());
            assertTrue(PresetValidator.isImageSet(p.data().set()), name);
            assertTrue(!p.description().isBlank(), name + " says what it runs");
            assertEquals(p.runs().models().size(), ExperimentPlan.imageRuns(p, 1).size(), name);
            if (name.matches("(lenet5|resnet20|vgg-small)-.*")) {
                assertEquals(1, p.runs().models().size(), name);
                assertTrue(PresetLoader.BUNDLED_IMAGE.contains(name.endsWith("-short") ? name.substring(0, name.length() - 6)
                        : name + "-short"), name + " has its short twin");
            }
        }
    }

    @Test
    void imagePresetsCarryThePapersSettings() {
        Preset lenet = PresetLoader.resolve("lenet5-bn-mnist-adder", List.of());   // Sec. 5.2
        assertEquals(50, lenet.training().epochs());
        assertEquals(256, lenet.training().batchSize());
        assertEquals("cosine", lenet.training().schedule());
        assertEquals(0.1, lenet.training().lr());
        assertEquals(List.of("lenet5-bn-adder"), lenet.runs().models());
        Preset resnet = PresetLoader.resolve("resnet20-cifar10-adder", List.of());  // Sec. 5.3, Table 6
        assertEquals(800, resnet.training().epochs());
        assertEquals("polynomial", resnet.training().schedule());
        assertEquals(0.1, resnet.adder().eta());
        assertEquals(2.0, resnet.adder().pStart());
        assertEquals(0.75, resnet.adder().pDecayShare());
        assertEquals(true, resnet.data().augment());
        Preset shortOne = PresetLoader.resolve("resnet20-cifar10-adder-short", List.of());
        assertEquals(5000, shortOne.data().trainLimit());
    }

    @Test
    void imageSettingsAreCheckedAgainstTheDataSet() {
        assertEquals("my.json (default value): training.epochs: an image set (mnist) trains for whole epochs: "
                + "give a whole number in [1, 100000], got null",
                error("{\"data\": {\"set\": \"mnist\"}, \"runs\": {\"models\": [\"lenet5-bn-cnn\"]}}"));
        String wrongModel = error("{\"data\": {\"set\": \"cifar-10\"}, \"training\": {\"epochs\": 1},"
                + " \"runs\": {\"models\": [\"lenet5-bn-cnn\"]}}");
        assertTrue(wrongModel.endsWith("runs.models[0]: lenet5-bn-cnn does not take the images of cifar-10; expected one of "
                + "vgg-small-cnn, vgg-small-adder, resnet20-cnn, resnet20-adder, resnet32-cnn, resnet32-adder"), wrongModel);
        String toyEpochs = error("{\"training\": {\"epochs\": 3}}");
        assertTrue(toyEpochs.endsWith("training.epochs: applies to image sets only (data.set is the toy set unit-ball); "
                + "leave it null, got 3"), toyEpochs);
        String limit = error("{\"data\": {\"set\": \"mnist\", \"trainLimit\": 100}, \"training\": {\"epochs\": 1},"
                + " \"runs\": {\"models\": [\"lenet5-bn-cnn\"]}}");
        assertTrue(limit.contains("data.trainLimit: must be at least training.batchSize (128)"), limit);
        String unknown = error("{\"data\": {\"set\": \"imagenet\"}}");
        assertTrue(unknown.contains("data.set: unknown data set 'imagenet'; expected a toy set (unit-ball"), unknown);
        assertTrue(unknown.contains("or an image set (mnist, fashion-mnist, cifar-10, cifar-100)"), unknown);
    }

    @Test
    void hiddenSizesFollowTheFigures() {
        assertEquals(List.of(1, 2, 3), PresetLoader.resolve("fig2-unit-ball", List.of()).runs().hidden());
        assertEquals(List.of(3, 5, 10), PresetLoader.resolve("fig3-multi-ball", List.of()).runs().hidden());
    }

    @Test
    void unknownKeyNamesFileLineKeyAndTheKeysExpected() {
        String msg = error("{\n  \"name\": \"x\",\n  \"training\": {\n    \"lrr\": 0.1\n  }\n}");
        assertTrue(msg.startsWith("my.json:4:5: unknown key 'training.lrr'"), msg);
        assertTrue(msg.contains("lr, schedule"), msg);
    }

    @Test
    void wrongTypeNamesTheFieldAndTheTypeExpected() {
        String msg = error("{\"name\": \"x\",\n \"training\": {\"lr\": \"fast\"}}");
        assertEquals("my.json:2:15: training.lr: expected a number, got the string \"fast\"", msg);
        msg = error("{\"name\": \"x\", \"training\": {\"iterations\": 2.5}}");
        assertTrue(msg.contains("training.iterations: expected a whole number in [1, 100000000], got 2.5"), msg);
        msg = error("{\"name\": \"x\", \"training\": {\"nesterov\": 1}}");
        assertTrue(msg.contains("training.nesterov: expected true or false"), msg);
        msg = error("{\"name\": \"x\", \"training\": {\"lr\": null}}");
        assertTrue(msg.contains("training.lr: expected a number, got null"), msg);
        msg = error("{\"name\": \"x\", \"training\": 3}");
        assertTrue(msg.contains("training: expected an object"), msg);
    }

    @Test
    void impossibleValuesAreRejectedWithTheirField() {
        String msg = error("{\"name\": \"x\",\n \"runs\": {\"hidden\": [1, 0]}}");
        assertEquals("my.json:2:25: runs.hidden[1]: hidden units n must lie in [1, 4096], got 0", msg);
        msg = error("{\"name\": \"x\", \"training\": {\"lr\": -0.1}}");
        assertTrue(msg.endsWith("training.lr: must be > 0, got -0.1"), msg);
        msg = error("{\"name\": \"x\", \"data\": {\"set\": \"donut\"}}");
        assertTrue(msg.contains("data.set: unknown toy set 'donut'") || msg.contains("data.set:"), msg);
        msg = error("{\"name\": \"x\", \"adder\": {\"pStart\": 3}}");
        assertTrue(msg.contains("adder.pStart: must lie in [1.0, 2.0], got 3.0"), msg);
    }

    @Test
    void overridesApplyAndTheirErrorsNameTheOverride() {
        Preset p = PresetLoader.resolve("fig2-unit-ball",
                List.of("training.lr=0.05", "runs.hidden=[4]", "data.set=xor", "adder.eta=0"));
        assertEquals(0.05, p.training().lr());
        assertEquals(List.of(4), p.runs().hidden());
        assertEquals("xor", p.data().set());
        assertEquals(0.0, p.adder().eta());
        String msg = error("{\"name\": \"x\"}", "training.lrr=1");
        assertTrue(msg.startsWith("--set training.lrr=1: unknown key 'training.lrr'"), msg);
        msg = error("{\"name\": \"x\"}", "training.lr=-1");
        assertEquals("--set training.lr=-1: training.lr: must be > 0, got -1.0", msg);
        msg = error("{\"name\": \"x\"}", "training.lr=abc");
        assertEquals("--set training.lr=abc: training.lr: expected a number, got the string \"abc\"", msg);
        msg = error("{\"name\": \"x\"}", "training");
        assertTrue(msg.contains("expected key.path=value"), msg);
    }

    @Test
    void looseInputIsRejectedNotGuessed() {
        assertTrue(error("{\"name\": \"x\"}", "training.lr=1 2").contains("training.lr: expected a number, got the string \"1 2\""));
        assertTrue(error("{\"name\": \"x\", \"training\": {\"lr\": 0.1, \"lr\": 0.2}}").contains("'lr' is given twice (first at 1:28); keep one"));
        assertTrue(error("{\"name\": 123}").contains("name: expected a string, got the number 123"));
        assertTrue(error("{\"name\": \"x\"} {\"name\": \"y\"}").contains("not valid JSON"));
        assertTrue(error("{\"name\": \"x\"}", "runs.hidden=[2,2]").contains("runs.hidden[1]: n = 2 is listed twice"));
        assertTrue(error("{\"name\": \"x\"}", "runs.models=[\"mlp\",null]").contains("runs.models[1]: expected one of mlp, adder, got \"null\""));
        assertTrue(error("{\"name\": \"x\"}", "data.samples=2000000000").contains("data.samples: must lie in [10, 10000000]"));
        assertTrue(error("{\"name\": \"x\"}", " training.lr=fast").startsWith("--set training.lr=fast: training.lr"));
        assertTrue(error("{\"name\": \"x\", \"seed\": 1e30}").contains("seed: expected a whole number"));
        assertTrue(error("{\"name\": \"x\",\n \"training\": {\"momentum\": 0.0}}").startsWith("my.json:2:15: training.momentum: must be > 0 when training.nesterov is true"));
    }

    @Test
    void brokenJsonAndMissingPresetsSayWhere() {
        String msg = error("{\"name\": \"x\",\n \"data\": {\"samples\": 10,,}}");
        assertTrue(msg.startsWith("my.json:2:"), msg);
        assertTrue(msg.contains("not valid JSON"), msg);
        PresetException e = assertThrows(PresetException.class, () -> PresetLoader.resolve("no-such-preset", List.of()));
        assertTrue(e.getMessage().contains("no preset 'no-such-preset'"), e.getMessage());
        assertTrue(e.getMessage().contains("fig2-unit-ball"), e.getMessage());
        assertTrue(error("[1, 2]").contains("expected a JSON object"));
    }

    @Test
    void mergedPresetRoundTripsThroughJson() {
        Preset p = PresetLoader.resolve("fig3-multi-ball", List.of("seed=7"));
        Preset again = PresetLoader.parse("again", PresetLoader.toJson(p), List.of());
        assertEquals(p, again);
        assertEquals(7, again.seed());
    }

    @Test
    void planOrdersSeedsThenModelsThenWidths() {
        Preset p = PresetLoader.resolve("fig4-xor", List.of("seed=3"));
        List<RunSpec> runs = ExperimentPlan.runs(p, 2);
        assertEquals("mlp-n1-s3", runs.get(0).id());
        assertEquals("adder-n3-s3", runs.get(5).id());
        assertEquals("mlp-n1-s4", runs.get(6).id());
        assertEquals(4, runs.get(6).data().seed(), "data follow the run seed when data.seed is null");
    }
}
