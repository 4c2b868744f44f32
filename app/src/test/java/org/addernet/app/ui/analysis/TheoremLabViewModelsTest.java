package org.addernet.app.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.addernet.engine.analysis.OpCounts;
import org.junit.jupiter.api.Test;

/** The theorem lab's Lemma 2 and Lemma 5 and the operation counts, as view models: no window, no background work. */
class TheoremLabViewModelsTest {
    @Test
    void lemma2BuildsTheNetworkOfTheCentresAndKeepsItsLimits() {
        Lemma2ViewModel vm = new Lemma2ViewModel();
        assertEquals(3, vm.units());
        assertTrue(vm.maxDifference() < 1e-4, "the network is g up to float rounding: " + vm.maxDifference());
        assertEquals(Lemma2ViewModel.RESOLUTION * Lemma2ViewModel.RESOLUTION, vm.g().get().argb().length);
        // a click in the middle of a 400-pixel map is the origin, with a = +1
        vm.click(200, 200, 400, false);
        assertEquals(4, vm.units());
        assertEquals(new Lemma2ViewModel.Centre(0, 0, 1, -1), vm.centres().get(3));
        assertTrue(vm.maxDifference() < 1e-4, "after a click: " + vm.maxDifference());
        assertTrue(vm.difference().get().startsWith("4 hidden units. Largest |AdderNet(X) - g(X)|"), vm.difference().get());
        // an edit that is not a number changes nothing and says so; a number outside the square is clamped
        assertFalse(vm.edit(0, Lemma2ViewModel.Field.A, null));
        assertEquals("'a_i' needs a finite number; the value is unchanged.", vm.problem().get());
        assertEquals(1.0, vm.centres().get(0).a());
        assertTrue(vm.edit(0, Lemma2ViewModel.Field.X, 9.0));
        assertEquals("", vm.problem().get());
        assertEquals(Lemma2ViewModel.EXTENT, vm.centres().get(0).x());
        for (int i = 0; i < 40; i++) {
            vm.add(2.5 - i * 0.1, -2.5 + i * 0.1, i % 2 == 0 ? 2 : -0.5);
        }
        assertEquals(Lemma2ViewModel.MAX_UNITS, vm.units(), "the lab stops at its limit");
        assertEquals("At most 32 centres: remove one first.", vm.problem().get());
        assertTrue(vm.maxDifference() < 1e-3, "32 units: " + vm.maxDifference());
        vm.example();
        assertEquals(3, vm.units());
        vm.remove(vm.centres().get(0));
        vm.remove(vm.centres().get(0));
        vm.remove(vm.centres().get(0));
        assertEquals(1, vm.units(), "the last centre stays");
    }

    @Test
    void lemma5ChecksTheConstructionAndShowsTheWidthBounds() {
        Lemma5ViewModel vm = new Lemma5ViewModel();
        assertTrue(vm.maxDifference() < 1e-3, "Lemma 5's net computes C: " + vm.maxDifference());
        assertTrue(vm.result().get().startsWith("AdderNet with 8 hidden units (2m + 2)"), vm.result().get());
        assertTrue(vm.bounds().get().contains("2(d + 5) = 22 units per layer, plain ReLU net (Lu et al., 2017) "
                + "d + 4 = 10"), vm.bounds().get());
        boolean before = vm.layer().get().b()[0][0];
        vm.flip(0, 0);
        assertNotEquals(before, vm.layer().get().b()[0][0], "a click flips B_00");
        assertTrue(vm.maxDifference() < 1e-3);
        vm.random();
        assertTrue(vm.maxDifference() < 1e-3);
        vm.inputs.set(10);
        vm.outputs.set(5);
        assertEquals(5, vm.layer().get().a().length);
        assertEquals(10, vm.layer().get().b()[0].length);
        assertTrue(vm.result().get().startsWith("AdderNet with 12 hidden units (2m + 2)"), vm.result().get());
        assertTrue(vm.maxDifference() < 1e-3);
    }

    @Test
    void operationCountsFollowTheModelAndTheCosts() {
        OpsViewModel vm = new OpsViewModel();
        vm.select("lenet5-bn-adder");
        OpCounts.Result r = OpCounts.ofZoo("lenet5-bn-adder", 1, 2, 10);
        assertEquals(r.additions(), vm.result().get().additions());
        assertEquals(0, vm.result().get().multiplications());
        assertFalse(vm.toy().get());
        assertTrue(vm.totals().get().startsWith("lenet5-bn-adder: 0 multiplications, 833.0K additions"), vm.totals().get());
        assertTrue(vm.paper().get().startsWith("The paper: 0 multiplications, 870.0K additions"), vm.paper().get());
        assertTrue(vm.estimates().get().startsWith(String.format(Locale.ROOT, "latency estimate: %s cycles",
                OpsViewModel.human(2 * r.additions()))), vm.estimates().get());
        vm.addCycles.set("1");
        assertTrue(vm.estimates().get().startsWith("latency estimate: " + OpsViewModel.human(r.additions()) + " cycles"),
                vm.estimates().get());
        vm.addCycles.set("fast");
        assertEquals("", vm.estimates().get());
        assertEquals("'fast' is not a cost: latencies and energies are finite numbers >= 0", vm.problem().get());
        assertFalse(vm.totals().get().contains("leaves out"), "every layer of LeNet-5-BN's AdderNet is an adder layer");
        vm.select("resnet20-adder");
        assertEquals(0, vm.result().get().multiplications(), "the paper's convention");
        OpCounts.LayerOps first = vm.result().get().layers().get(0);
        assertFalse(first.adder() || first.counted(), "a multiplying first layer, left out");
        assertTrue(vm.totals().get().startsWith("resnet20-adder: 0 multiplications, "), vm.totals().get());
        assertTrue(vm.totals().get().contains("leaves out the full-precision first and last layers: with them, "
                + OpsViewModel.human(first.macs() + vm.result().get().layers().get(vm.result().get().layers().size() - 1)
                .macs()) + " multiplications more"), "the total says what it leaves out: " + vm.totals().get());
        vm.select("resnet20-cnn");
        assertEquals(vm.result().get().multiplications(), vm.result().get().additions(), "a CNN: one addition per multiplication");
        vm.select("adder");
        assertTrue(vm.toy().get(), "the toy nets take hidden units and depth");
        vm.hidden.set(3);
        assertEquals(OpCounts.ofZoo("adder", 3, 2, 10).additions(), vm.result().get().additions());
    }
}
