package org.addernet.presets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.addernet.datasets.image.Normalization;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.nn.ResidualBlock;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.optim.LrSchedule;
import org.addernet.engine.train.Checkpoint;
import org.addernet.engine.train.TrainConfig;
import org.addernet.engine.train.TrainerState;
import org.junit.jupiter.api.Test;

/**
 * The official AdderNet code's recipe as presets ({@code resnet20-cifar10-adder-official} and its
 * {@code -short} twin), {@code model.shortcut}, the per-epoch cosine, {@code data.mean}/{@code std},
 * and the refusal of a checkpoint of the other ResNet layout.
 */
class OfficialRecipeTest {
    /** huawei-noah/AdderNet main.py:56, computed here as main.py does. */
    private static double mainPy(int epoch) {
        return 0.05 * (1 + Math.cos((double) epoch / 400 * Math.PI));
    }

    private static String error(String json, String... overrides) {
        PresetException e = assertThrows(PresetException.class,
                () -> PresetLoader.parse("my.json", json, List.of(overrides)));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void theOfficialPresetHasMainPysRecipe() {
        Preset p = PresetLoader.resolve("resnet20-cifar10-adder-official", List.of());
        assertEquals("cifar-10", p.data().set());
        assertEquals(Boolean.TRUE, p.data().augment());
        assertNull(p.data().trainLimit());
        assertEquals(List.of(0.4914, 0.4822, 0.4465), p.data().mean());
        assertEquals(List.of(0.2023, 0.1994, 0.2010), p.data().std());
        assertEquals("projection", p.model().shortcut());
        Preset.Training t = p.training();
        assertEquals(399, t.epochs());
        assertEquals(256, t.batchSize());
        assertEquals(0.1, t.lr());
        assertEquals("cosine-epoch", t.schedule());
        assertEquals(0.9, t.momentum());
        assertFalse(t.nesterov());
        assertEquals(5e-4, t.weightDecay());
        Preset.Adder a = p.adder();
        assertEquals(1.0, a.pStart());
        assertEquals(1.0, a.pEnd());
        assertEquals(0.2, a.eta());
        assertEquals("full-precision", a.filterGradient());
        assertEquals("hardtanh", a.inputGradient());
        assertEquals(List.of("resnet20-adder"), p.runs().models());
    }

    @Test
    void theOfficialPresetPlansTheOfficialModelAndMainPysLearningRates() {
        Preset p = PresetLoader.resolve("resnet20-cifar10-adder-official", List.of());
        List<ExperimentPlan.ImageRun> runs = ExperimentPlan.imageRuns(p, 1);
        assertEquals(1, runs.size());
        ExperimentPlan.ImageRun r = runs.get(0);
        assertEquals("resnet20-adder-s1", r.id());
        assertEquals(ResidualBlock.Shortcut.PROJECTION, r.shortcut());
        Sequential net = r.build(10, r.seed());
        assertEquals(272_484, net.parameters().stream().mapToLong(Parameter::size).sum());
        assertEquals(20, net.adderLayers().size());
        assertArrayEquals(new int[] {10, 2}, net.outputShape(new int[] {2, 3, 32, 32}));
        // an epoch run: 399 epochs of floor(50,000 / 256) = 195 steps
        long steps = 195;
        TrainConfig cfg = ExperimentPlan.trainConfig(p, 399 * steps, (int) steps);
        assertEquals(new LrSchedule.EpochCosine(0.1, steps), cfg.schedule());
        for (int epoch : new int[] {1, 200, 399}) {
            assertEquals(mainPy(epoch), cfg.schedule().lr((epoch - 1) * steps, cfg.iterations()), 1e-15, "epoch " + epoch);
            assertEquals(mainPy(epoch), cfg.schedule().lr(epoch * steps - 1, cfg.iterations()), 1e-15, "epoch " + epoch);
        }
        assertEquals(0.9, cfg.momentum());
        assertFalse(cfg.nesterov());
        assertEquals(5e-4, cfg.weightDecay());
        assertEquals(1.0, cfg.pSchedule().p(0, cfg.iterations()));
        assertEquals(0.2, r.rules().eta());
        Normalization n = ExperimentPlan.normalization(p);
        assertArrayEquals(new float[] {0.4914f, 0.4822f, 0.4465f}, n.mean());
        assertArrayEquals(new float[] {0.2023f, 0.1994f, 0.2010f}, n.std());
    }

    @Test
    void theShortTwinKeepsTheRecipeAtASmallBudget() {
        Preset full = PresetLoader.resolve("resnet20-cifar10-adder-official", List.of());
        Preset p = PresetLoader.resolve("resnet20-cifar10-adder-official-short", List.of());
        assertEquals(2, p.training().epochs());
        assertEquals(2560, p.data().trainLimit());
        assertEquals(1000, p.data().testLimit());
        assertTrue(p.data().trainLimit() * p.training().epochs() <= 5120, "about the other -short presets' 5,000 images");
        assertEquals(full.adder(), p.adder());
        assertEquals(full.model(), p.model());
        assertEquals(full.data().mean(), p.data().mean());
        assertEquals(full.data().std(), p.data().std());
        assertEquals(full.training().lr(), p.training().lr());
        assertEquals(full.training().schedule(), p.training().schedule());
        assertEquals(full.training().nesterov(), p.training().nesterov());
        TrainConfig cfg = ExperimentPlan.trainConfig(p, 2 * 10, 10);
        assertEquals(0.075, cfg.schedule().lr(0, 20), 1e-15, "0.1 (1 + cos(pi / 3)) / 2");
        assertEquals(0.025, cfg.schedule().lr(19, 20), 1e-15, "0.1 (1 + cos(2 pi / 3)) / 2");
        assertTrue(PresetLoader.BUNDLED_IMAGE.containsAll(List.of(full.name(), p.name())));
    }

    @Test
    void thePapersPresetsStayAsTheyWere() {
        Preset paper = PresetLoader.resolve("resnet20-cifar10-adder", List.of());
        assertEquals("polynomial", paper.training().schedule());
        assertEquals(800, paper.training().epochs());
        assertTrue(paper.training().nesterov());
        assertEquals(0.1, paper.adder().eta());
        assertNull(paper.data().mean(), "the set's own statistics");
        assertNull(ExperimentPlan.normalization(paper));
        assertEquals("projection", paper.model().shortcut(), "the official layout is the default");
        // the JSON of a data section without mean and std is what it was before they existed
        assertFalse(PresetLoader.toJson(paper).contains("\"mean\""), PresetLoader.toJson(paper));
        assertTrue(PresetLoader.toJson(PresetLoader.resolve("resnet20-cifar10-adder-official", List.of()))
                .contains("\"std\" : [ 0.2023, 0.1994, 0.201 ]"));
    }

    @Test
    void theShortcutIsAPresetKeyAndItsValuesAreChecked() {
        Preset a = PresetLoader.resolve("resnet20-cifar10-adder-short", List.of("model.shortcut=A"));
        assertEquals(ResidualBlock.Shortcut.OPTION_A, ExperimentPlan.imageRuns(a, 1).get(0).shortcut());
        assertEquals(269_722, ExperimentPlan.imageModel(a, "resnet20-adder", 10, 1).parameters().stream()
                .mapToLong(Parameter::size).sum());
        assertEquals("--set model.shortcut=B: model.shortcut: expected one of projection, A, got \"B\"",
                error("{\"name\": \"x\"}", "model.shortcut=B"));
        assertEquals("my.json:1:25: model.shortcut: expected one of projection, A, got \"option-a\"",
                error("{\"name\": \"x\", \"model\": {\"shortcut\": \"option-a\"}}"));
    }

    @Test
    void theEpochCosineAndTheStandardisationAreCheckedWhereTheyApply() {
        String cifar = "{\"data\": {\"set\": \"cifar-10\"}, \"training\": {\"epochs\": 1}, \"runs\": {\"models\": [\"resnet20-adder\"]}}";
        assertEquals("--set training.schedule=cosine-epoch: training.schedule: cosine-epoch steps the rate once an epoch, "
                + "so it needs an image set (training.epochs); data.set is the toy set unit-ball: use cosine",
                error("{\"name\": \"x\"}", "training.schedule=cosine-epoch"));
        assertTrue(error("{\"name\": \"x\"}", "training.schedule=cosine-epochs")
                .endsWith("training.schedule: expected one of cosine, polynomial, step, constant, cosine-epoch, got \"cosine-epochs\""));
        assertEquals("--set data.std=[0.2, 0.2]: data.std: expected 3 numbers (one per channel of cifar-10), got 2",
                error(cifar, "data.mean=[0.5, 0.5, 0.5]", "data.std=[0.2, 0.2]"));
        assertEquals("--set data.std=[0.2, 0, 0.2]: data.std[1]: must be a finite number > 0, got 0.0",
                error(cifar, "data.mean=[0.5, 0.5, 0.5]", "data.std=[0.2, 0, 0.2]"));
        assertEquals("--set data.mean=[0.5, null, 0.5]: data.mean[1]: expected a finite number, got null",
                error(cifar, "data.mean=[0.5, null, 0.5]", "data.std=[0.2, 0.2, 0.2]"));
        assertEquals("my.json (default value): data.std: data.mean and data.std go together: give both (one per channel) "
                + "or neither (null: the set's own statistics), got null", error(cifar, "data.mean=[0.5, 0.5, 0.5]"));
        assertTrue(error("{\"name\": \"x\"}", "data.mean=[0.5]")
                .endsWith("data.mean: applies to image sets only (data.set is the toy set unit-ball); leave it null, got [0.5]"));
        assertTrue(error(cifar, "data.std=\"wide\"").endsWith("data.std: expected a list [ ... ], got the string \"wide\""));
        Preset mnist = PresetLoader.resolve("lenet5-bn-mnist-adder-short", List.of("data.mean=[0.1307]", "data.std=[0.3081]"));
        assertArrayEquals(new float[] {0.3081f}, ExperimentPlan.normalization(mnist).std());
    }

    /** A checkpoint of {@code net}'s state as a run would write it, read back from its bytes. */
    private static Checkpoint checkpointOf(Layer net) throws IOException {
        List<Parameter> ps = net.parameters();
        float[][] values = ps.stream().map(q -> q.value.clone()).toArray(float[][]::new);
        float[][] velocities = ps.stream().map(q -> new float[q.size()]).toArray(float[][]::new);
        float[][] buffers = net.buffers().stream().map(float[]::clone).toArray(float[][]::new);
        Checkpoint c = new Checkpoint("resnet20-adder-s1", 1, 12.5, "settings",
                new TrainerState(195, values, velocities, true, buffers), List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.write(bytes);
        return Checkpoint.read(new ByteArrayInputStream(bytes.toByteArray()), "checkpoint.bin");
    }

    @Test
    void aCheckpointOfTheOptionALayoutIsRefusedByTheProjectionLayoutSayingWhatToDo() throws IOException {
        Preset oldRun = PresetLoader.resolve("resnet20-cifar10-adder-short", List.of("model.shortcut=A"));
        ExperimentPlan.ImageRun a = ExperimentPlan.imageRuns(oldRun, 1).get(0);
        Checkpoint written = checkpointOf(a.build(10, 1));
        assertEquals("59 parameter arrays (269,722 values), 38 buffers (1,376 values)", written.architecture()
                .substring(0, written.architecture().indexOf(", layout")));
        assertNull(CheckpointLayout.mismatch("runs/x/resnet20-adder-s1/checkpoint.bin", written, a, a.build(10, 0), 10,
                "runs/x/preset.json"), "the layout it was written by restores it");

        Preset now = PresetLoader.resolve("resnet20-cifar10-adder-short", List.of());     // the default: projection
        ExperimentPlan.ImageRun p = ExperimentPlan.imageRuns(now, 1).get(0);
        Sequential net = p.build(10, 0);
        assertFalse(Checkpoint.architecture(net).equals(written.architecture()), "the fingerprint changed");
        String msg = CheckpointLayout.mismatch("runs/x/resnet20-adder-s1/checkpoint.bin", written, p, net, 10,
                "runs/x/preset.json");
        assertEquals("runs/x/resnet20-adder-s1/checkpoint.bin: was written by resnet20-adder with model.shortcut = A "
                + "(the earlier layout: parameter-free option-A shortcuts and a Linear head), but runs/x/preset.json builds "
                + "model.shortcut = projection (the official AdderNet resnet20.py: 1x1 projection shortcuts and a 1x1-conv + "
                + "BN head). To continue this run, set \"shortcut\": \"A\" in the \"model\" section of runs/x/preset.json and "
                + "resume again; or start afresh (a new run of the official layout: workbench run runs/x/preset.json "
                + "--out NEW_DIR, with --set model.shortcut=A for the old layout)", msg);

        // the other way round, and a checkpoint of another model altogether
        Checkpoint projected = checkpointOf(net);
        assertTrue(CheckpointLayout.mismatch("c.bin", projected, a, a.build(10, 0), 10, "p.json")
                .startsWith("c.bin: was written by resnet20-adder with model.shortcut = projection"));
        Preset lenet = PresetLoader.resolve("lenet5-bn-mnist-adder-short", List.of());
        ExperimentPlan.ImageRun l = ExperimentPlan.imageRuns(lenet, 1).get(0);
        String other = CheckpointLayout.mismatch("c.bin", projected, l, l.build(10, 0), 10, "p.json");
        assertTrue(other.startsWith("c.bin: holds 66 parameter arrays (272,484 values), 44 buffers (1,588 values), layout "), other);
        assertTrue(other.contains(", but lenet5-bn-adder has 15 parameter arrays"), other);
        assertTrue(other.endsWith("it was written by another model or engine version; start a new run instead of resuming"),
                other);
    }
}
