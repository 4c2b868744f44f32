package org.addernet.app.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.engine.analysis.Theorem4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Theorem 4's view model without a window: fits, charts and slopes, a cancel between fits, coalesced progress. */
class Theorem4ViewModelTest {
    private static final Theorem4.Config SMALL = Theorem4.Config.quick().withWidths(List.of(1, 2, 4, 8, 16, 32), 1);

    @TempDir
    Path tmp;

    @Test
    void fitsEveryWidthAndMakesOneChartPerTarget() throws Exception {
        Theorem4ViewModel vm = new Theorem4ViewModel(UiExecutor.sameThread());
        vm.start(SMALL);
        assertFalse(vm.busy().get());
        Theorem4.Result r = vm.result().get();
        assertFalse(r.cancelled());
        assertEquals(SMALL.fits(), r.fits().size());
        assertEquals(SMALL.targets().size(), vm.charts().get().size(), "one log-log chart per target");
        assertEquals(SMALL.targets().size() * SMALL.models().size(), r.slopes().size());
        for (var f : r.fits()) {
            assertTrue(f.ise() >= 0 && Double.isFinite(f.ise()), f.toString());
        }
        assertEquals(1.0, vm.progress().get());
        assertTrue(vm.status().get().startsWith(SMALL.fits() + " fits done."), vm.status().get());
        Path out = tmp.resolve("thm4");
        vm.save(out);
        assertTrue(Files.isRegularFile(out.resolve("theorem4.csv")));
        assertTrue(Files.isRegularFile(out.resolve("theorem4.png")));
        assertFalse(vm.problem().get(), vm.status().get());
    }

    @Test
    void cancelStopsBetweenFitsAndShowsThoseDone() {
        Theorem4ViewModel vm = new Theorem4ViewModel(UiExecutor.sameThread());
        // the third fit's progress cancels (on the same thread): the run stops before the fourth
        vm.progress().addListener((o, a, b) -> {
            if (b.doubleValue() * Theorem4.Config.defaults().fits() >= 3 - 1e-9) {
                vm.cancel();
            }
        });
        vm.start(Theorem4.Config.defaults());
        assertFalse(vm.busy().get());
        assertTrue(vm.result().get().cancelled());
        assertEquals(3, vm.result().get().fits().size());
        assertTrue(vm.result().get().fits().size() < Theorem4.Config.defaults().fits());
        assertEquals("Cancelled after 3 fits: the charts show those.", vm.status().get());
    }

    @Test
    void progressReachesTheFxThreadCoalesced() {
        // work inline, the FX thread a queue that has not run yet: every fit reports progress, one update is pending
        List<Runnable> fx = new ArrayList<>();
        Theorem4ViewModel vm = new Theorem4ViewModel(new UiExecutor(Runnable::run, fx::add));
        vm.start(SMALL);
        assertEquals(2, fx.size(), "one pending progress update and the result, not one update per fit");
        assertTrue(vm.busy().get());
        fx.forEach(Runnable::run);
        assertEquals(1.0, vm.progress().get(), "the newest progress is the one shown");
        assertFalse(vm.busy().get());
        assertEquals(SMALL.fits(), vm.result().get().fits().size());
    }
}
