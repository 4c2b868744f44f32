package org.addernet.app.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.addernet.app.cli.WorkbenchCommand;
import org.addernet.app.testdata.SyntheticMnist;
import org.addernet.app.ui.vm.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fig. 1's view model without a window: a same-thread executor, so every command has finished when it returns. */
class FeaturesViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void fig1ScattersTheFeaturesOfATrainedLeNetPlusPlus() throws Exception {
        Path data = SyntheticMnist.write(tmp.resolve("data"), 256, 64, 5);
        Path run = tmp.resolve("fig1");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"run", "fig1-features-mnist", "--out", run.toString(), "--data", data.toString(), "--set",
            "training.epochs=1", "--set", "training.batchSize=32"};
        int exit = WorkbenchCommand.execute(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, exit, err.toString());
        FeaturesViewModel vm = new FeaturesViewModel(UiExecutor.sameThread());
        assertTrue(vm.work().message().get().startsWith("Open a run folder of fig1-features"), vm.work().message().get());
        vm.setDataRoot(data);
        vm.open(run);
        assertFalse(vm.work().isBusy());
        assertNotNull(vm.figure().get(), "the scatter");
        assertEquals("", vm.work().message().get());
        assertEquals(2, vm.loaded().get().features().size(), "AdderNet and CNN");
        for (var f : vm.loaded().get().features()) {
            assertEquals(64, f.size(), "every test image has its 2-D feature");
        }
        assertTrue(vm.numbers().get().contains("lenetpp-adder-s1"), vm.numbers().get());
        // a folder of another model: one clear line
        vm.open(tmp.resolve("data"));
        assertFalse(vm.work().isBusy());
        assertTrue(vm.work().problem().get());
        assertTrue(vm.work().message().get().startsWith(tmp.resolve("data") + ": not a run folder"), vm.work().message().get());
    }
}
