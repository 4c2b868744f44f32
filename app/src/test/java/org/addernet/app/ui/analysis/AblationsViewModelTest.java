package org.addernet.app.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.addernet.app.ui.vm.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ablations' view model without a window: a same-thread executor runs the sweep inside {@code start()}. */
class AblationsViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void anAblationSweepFillsThePapersTableVariantByVariant() {
        System.setProperty("addernet.home", tmp.resolve("home").toString());
        try {
            AblationsViewModel vm = new AblationsViewModel(UiExecutor.sameThread());
            assertEquals("table4-toy", vm.preset.get());
            List<Integer> filled = new ArrayList<>();
            vm.shown().addListener((o, a, b) -> filled.add(b.table().ours().get(0).cells().stream()
                    .mapToInt(c -> c.completed()).sum()));
            vm.select("table5-toy", "training.iterations=300", 2);
            vm.start();
            assertFalse(vm.busy().get());
            assertNotNull(vm.summary().get());
            var t = vm.table();
            assertEquals(5, t.columns().size(), "eta 1, 0.5, 0.2, 0.1, 0.05");
            assertEquals(List.of(99.28, 99.35, 99.40, 99.35, 99.30), t.paper(), "Table 5's values beside ours");
            for (var cell : t.ours().get(0).cells()) {
                assertEquals(2, cell.completed(), "two seeds per variant");
                assertTrue(cell.mean() > 50 && cell.mean() <= 100, "a test accuracy in %: " + cell.mean());
            }
            // the table filled in variant by variant: the empty table, then one more variant's two seeds each time
            assertEquals(List.of(0, 2, 4, 6, 8, 10), filled.subList(0, 6), String.valueOf(filled));
            assertTrue(vm.out().startsWith(tmp.resolve("home")), vm.out().toString());
            assertTrue(Files.isRegularFile(vm.out().resolve("table.csv")));
            assertTrue(Files.isRegularFile(vm.out().resolve("table.png")));
            assertTrue(vm.status().get().startsWith("Done. Folder: "), vm.status().get());
            assertFalse(vm.problem().get());
            vm.select("table5-toy", "training.lr=fast", 1);
            vm.start();
            assertEquals("training.lr=fast: training.lr: expected a number, got the string \"fast\"", vm.status().get());
            assertTrue(vm.problem().get());
        } finally {
            System.clearProperty("addernet.home");
        }
    }

    @Test
    void cancellingStopsTheSweepAndKeepsTheVariantsDone() {
        System.setProperty("addernet.home", tmp.resolve("home").toString());
        try {
            AblationsViewModel vm = new AblationsViewModel(UiExecutor.sameThread());
            // the first variant's end cancels: the sweep stops there, deterministically
            vm.shown().addListener((o, a, b) -> {
                if (b.table().ours().get(0).cells().get(0).completed() == 1) {
                    vm.cancel();
                }
            });
            vm.select("table5-toy", "training.iterations=200", 1);
            vm.start();
            assertFalse(vm.busy().get());
            assertTrue(vm.status().get().startsWith("Cancelled; the variants done so far are in the table. Folder: "),
                    vm.status().get());
            var cells = vm.table().ours().get(0).cells();
            assertEquals(1, cells.get(0).completed());
            assertEquals(0, cells.get(cells.size() - 1).completed(), "the last variant never ran");
        } finally {
            System.clearProperty("addernet.home");
        }
    }
}
