package org.addernet.app.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.addernet.app.runner.FirstStepNorms;
import org.addernet.app.ui.session.SessionSnapshot;
import org.addernet.app.ui.session.TrainingSession;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.datasets.toy.ToySets;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table 1, Fig. 7 and Fig. 5 as view models, on folders made by hand and on the toy session (a
 * trained image run is read through the real window in {@link AnalysisWindowTest}).
 */
class RunFolderViewModelsTest {
    @TempDir
    Path tmp;

    @Test
    void table1ReadsAFoldersNormsBesideThePapersAndSaysWhatIsWrongWithABadFile() throws Exception {
        GradientNormsViewModel vm = new GradientNormsViewModel(UiExecutor.sameThread());
        assertEquals(2, vm.rows().get().size(), "the paper's rows before anything is computed");
        assertNotNull(vm.bars().get());
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(run.resolve("gradient-norms.csv"), "run,model,layer1,layer2\n"
                + "lenet5-bn-cnn-s1,lenet5-bn-cnn,0.5,0.25\nlenet5-bn-adder-s1,lenet5-bn-adder,0.001,0.002\n");
        vm.open(run);
        assertFalse(vm.work().isBusy());
        assertEquals("", vm.work().message().get());
        List<GradientNormsViewModel.Row> rows = vm.rows().get();
        assertEquals(List.of("lenet5-bn-adder-s1 (run)", "AdderNet, the paper (MNIST)", "lenet5-bn-cnn-s1 (run)",
                "CNN, the paper (MNIST)"), rows.stream().map(GradientNormsViewModel.Row::label).toList(),
                "AdderNets first, ours before the paper's");
        assertEquals(0.002, rows.get(0).norms()[1]);
        assertEquals(FirstStepNorms.PAPER.get("lenet5-bn-adder")[0], rows.get(1).norms()[0]);
        assertNull(vm.training().get(), "no run logged epochs: no chart over training");
        Files.writeString(run.resolve("gradient-norms.csv"), "run,model,layer1\nx,lenet5-bn-cnn,fast\n");
        vm.open(run);
        assertTrue(vm.work().problem().get());
        assertEquals(run.resolve("gradient-norms.csv") + ": line 2, layer1: expected a number, found 'fast'",
                vm.work().message().get());
        assertEquals(4, vm.rows().get().size(), "what was shown stays");
        Files.write(run.resolve("gradient-norms.csv"), "run,model,layer1\nx,caf\u00e9,0.5\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        vm.open(run);
        assertEquals(run.resolve("gradient-norms.csv") + ":2: not UTF-8 at byte 22: found the byte 0xE9, which is not "
                + "UTF-8 text; save the file as UTF-8", vm.work().message().get());
        vm.open(tmp);
        assertEquals(tmp + ": no gradient-norms.csv (run `./workbench run table1-gradient-norms` or another image preset "
                + "first)", vm.work().message().get());
        assertEquals("0.0009", GradientNormsViewModel.number(0.0009));
        assertEquals("0.003173", GradientNormsViewModel.number(0.0031734));
    }

    @Test
    void fig7TakesTheSessionsToyNetsAdderNetLeftAndSaysWhenThereAreNone() throws Exception {
        SessionSnapshot[] now = {null};
        WeightsViewModel vm = new WeightsViewModel(() -> now[0], UiExecutor.sameThread());
        vm.fromSession();
        assertTrue(vm.work().problem().get());
        assertEquals("The session has no trained nets yet: press Play in the main window first.", vm.work().message().get());
        assertEquals(List.of(), vm.models().get());
        now[0] = oneStep();
        vm.fromSession();
        assertEquals(2, vm.models().get().size());
        assertTrue(vm.models().get().get(0).label().startsWith("AdderNet"), vm.models().get().get(0).label());
        assertEquals(new WeightsViewModel.Pick(vm.models().get().get(0).label(), "layer2"), vm.left().get(),
                "a two-layer net shows its last layer");
        assertTrue(vm.right().get().model().startsWith("MLP"), String.valueOf(vm.right().get()));
        assertEquals("Weights of the session at iteration 1.", vm.source().get());
        vm.open(tmp);
        assertTrue(vm.work().problem().get());
        assertEquals(tmp + ": not a run folder (no preset.json)", vm.work().message().get());
        assertEquals(2, vm.models().get().size(), "the session's nets stay");
    }

    @Test
    void fig5SaysWhatIsWrongWithAFolderAndRedrawsOnANewLayer() throws Exception {
        FiltersViewModel vm = new FiltersViewModel(UiExecutor.sameThread());
        assertTrue(vm.work().message().get().startsWith("Open a run folder of an image preset"));
        vm.open(tmp);
        assertTrue(vm.work().problem().get());
        assertEquals(tmp + ": not a run folder (no preset.json)", vm.work().message().get());
        Path other = Files.createDirectories(tmp.resolve("other"));
        vm.open(other);
        vm.layer.set(2);            // the folder opened last, again
        assertEquals(other + ": not a run folder (no preset.json)", vm.work().message().get());
        assertNull(vm.figure().get());
    }

    private static SessionSnapshot oneStep() throws InterruptedException {
        var p = PresetLoader.resolve("demo-one-unit", List.of("training.iterations=50", "data.samples=200"));
        List<RunSpec> runs = ExperimentPlan.runs(p, 1);
        LinkedBlockingQueue<SessionSnapshot> seen = new LinkedBlockingQueue<>();
        try (TrainingSession s = new TrainingSession(runs.stream().map(RunSpec::model).toList(), runs.get(0).training(),
                ToySets.generate(runs.get(0).data()), p.seed(), 3, 10, 4, 20, seen::add)) {
            s.start();
            s.step();
            SessionSnapshot last;
            do {
                last = seen.poll(20, TimeUnit.SECONDS);
                assertNotNull(last, "a snapshot arrives");
            } while (last.iteration() < 1);
            return last;
        }
    }
}
