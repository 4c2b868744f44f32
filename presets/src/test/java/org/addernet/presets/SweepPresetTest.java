package org.addernet.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code sweep} section: loading, merging each variant like {@code --set}, and the messages of bad sweeps. */
class SweepPresetTest {
    /** A user's own sweep over the learning rate, as the schema page shows it. */
    private static final String LR_SWEEP = """
            {
              "name": "lr-sweep",
              "data": {"set": "xor"},
              "runs": {"models": ["adder"], "hidden": [3]},
              "sweep": {
                "title": "Learning rate",
                "headerRows": ["training.lr"],
                "variants": [
                  {"id": "lr-0.3", "cells": ["0.3"], "set": {"training.lr": 0.3}},
                  {"id": "lr-0.1", "cells": ["0.1"], "set": {"training.lr": 0.1, "adder.filterGradient": "sign"}, "paper": 91.5},
                  {"id": "base", "cells": ["default"]}
                ]
              }
            }
            """;

    private static String error(String json, String... overrides) {
        PresetException e = assertThrows(PresetException.class,
                () -> PresetLoader.parse("my.json", json, List.of(overrides)));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    /** {@link #LR_SWEEP} with the text {@code from} replaced by {@code to}. */
    private static String lrSweep(String from, String to) {
        assertTrue(LR_SWEEP.contains(from), from);
        return LR_SWEEP.replace(from, to);
    }

    @Test
    void aSweepLoadsWithItsDefaultsFilledIn() {
        Preset p = PresetLoader.parse("my.json", LR_SWEEP, List.of());
        Preset.Sweep s = p.sweep();
        assertEquals("Learning rate", s.title());
        assertEquals("testAccuracy", s.metric(), "the default metric");
        assertEquals("test accuracy (%)", s.metricLabel());
        assertEquals(List.of("lr-0.3", "lr-0.1", "base"), s.variants().stream().map(Preset.Variant::id).toList());
        assertEquals(List.of("training.lr=0.1", "adder.filterGradient=\"sign\""), s.variants().get(1).overrides());
        assertEquals(91.5, s.variants().get(1).paper());
        assertNull(s.variants().get(0).paper());
        assertEquals(List.of(), s.variants().get(2).overrides(), "no set: the preset as it is");
    }

    @Test
    void eachVariantIsThePresetWithItsOwnOverridesAfterTheCommandLines() {
        Preset p = PresetLoader.parse("my.json", LR_SWEEP, List.of("training.lr=0.05", "adder.eta=0.1"));
        Preset v0 = PresetLoader.variant(p, 0);
        assertEquals(0.3, v0.training().lr(), "the variant's own value wins over --set");
        assertEquals(0.1, v0.adder().eta(), "--set reaches every variant");
        assertEquals("full-precision", v0.adder().filterGradient());
        assertNull(v0.sweep(), "a variant is a single experiment");
        assertEquals("lr-sweep-lr-0.3", v0.name());
        Preset v1 = PresetLoader.variant(p, 1);
        assertEquals(0.1, v1.training().lr());
        assertEquals("sign", v1.adder().filterGradient());
        Preset v2 = PresetLoader.variant(p, 2);
        assertEquals(0.05, v2.training().lr(), "no override of its own: the command line's value");
        assertEquals("xor", v2.data().set());
        // apart from name, sweep and what the variant sets, a variant equals its base preset
        assertEquals(p.data(), v1.data());
        assertEquals(p.runs(), v1.runs());
        assertEquals(p.model(), v1.model());
    }

    @Test
    void aSweepRoundTripsThroughTheRunFoldersPresetJson() {
        Preset p = PresetLoader.parse("my.json", LR_SWEEP, List.of("seed=4"));
        Preset again = PresetLoader.parse("again", PresetLoader.toJson(p), List.of());
        assertEquals(p, again);
        assertTrue(!PresetLoader.toJson(PresetLoader.resolve("fig2-unit-ball", List.of())).contains("sweep"),
                "a preset without a sweep writes no sweep key");
    }

    @Test
    void anUnknownKeyInAVariantsSetNamesTheVariantAndTheKey() {
        String msg = error(lrSweep("\"adder.filterGradient\": \"sign\"", "\"adder.foo\": 1"));
        assertTrue(msg.startsWith("my.json:10:"), msg);
        assertTrue(msg.contains("sweep.variants[1].set: unknown key adder.foo (expected one of: pStart, pEnd, pDecayShare,"),
                msg);
        msg = error(lrSweep("{\"training.lr\": 0.3}", "{\"training\": 0.3}"));
        assertTrue(msg.contains("sweep.variants[0].set: training is a section; set one of its keys"), msg);
        msg = error(lrSweep("{\"training.lr\": 0.3}", "{\"sweep.title\": \"x\"}"));
        assertTrue(msg.contains("sweep.variants[0].set: a variant cannot set 'sweep.title'"), msg);
    }

    @Test
    void aVariantsValuesAreCheckedLikeTheFilesOwn() {
        String msg = error(lrSweep("{\"training.lr\": 0.3}", "{\"training.lr\": -1}"));
        assertTrue(msg.endsWith("sweep.variants[0].set: training.lr: must be > 0, got -1.0"), msg);
        msg = error(lrSweep("{\"training.lr\": 0.3}", "{\"training.lr\": \"fast\"}"));
        assertTrue(msg.endsWith("sweep.variants[0].set: training.lr: expected a number, got the string \"fast\""), msg);
        // a problem that only the combination with --set creates is found too
        msg = error(lrSweep("{\"training.lr\": 0.3}", "{\"training.momentum\": 0}"), "training.nesterov=true");
        assertTrue(msg.contains("sweep.variants[0].set: training.momentum: must be > 0 when training.nesterov is true"), msg);
    }

    @Test
    void emptyOrMissingVariantsAreRejected() {
        String none = "{\"name\": \"x\", \"sweep\": {\"variants\": []}}";
        assertTrue(error(none).endsWith("sweep.variants: must list 1 to 64 variants, got 0"), error(none));
        String missing = "{\"name\": \"x\", \"sweep\": {\"title\": \"t\"}}";
        assertTrue(error(missing).endsWith("sweep.variants: expected a list [ ... ] of variants, got null"), error(missing));
    }

    @Test
    void duplicateIdsAndBadIdsAreRejected() {
        String msg = error(lrSweep("\"id\": \"base\"", "\"id\": \"lr-0.3\""));
        assertTrue(msg.startsWith("my.json:11:"), msg);
        assertTrue(msg.endsWith("sweep.variants[2].id: \"lr-0.3\" is used twice (first by sweep.variants[0]); "
                + "each variant needs its own id"), msg);
        msg = error(lrSweep("\"id\": \"base\"", "\"id\": \"a/b\""));
        assertTrue(msg.contains("sweep.variants[2].id: expected 1-32 letters, digits, '.', '_' or '-'"), msg);
        msg = error(lrSweep("{\"id\": \"base\", ", "{"));
        assertTrue(msg.contains("sweep.variants[2].id: expected 1-32 letters, digits, '.', '_' or '-' (it names the "
                + "variant's folder), got null"), msg);
    }

    @Test
    void cellsMustMatchTheHeaderRowsAndUnknownSweepKeysAreNamed() {
        String msg = error(lrSweep("\"cells\": [\"0.3\"]", "\"cells\": [\"0.3\", \"x\"]"));
        assertTrue(msg.endsWith("sweep.variants[0].cells: expected 1 cell (one per sweep.headerRows entry), got 2"), msg);
        msg = error(lrSweep("\"title\": \"Learning rate\"", "\"titel\": \"Learning rate\""));
        assertTrue(msg.startsWith("my.json:6:5: unknown key 'sweep.titel' (expected one of: title, headerRows, metric,"),
                msg);
        msg = error(lrSweep("\"paper\": 91.5", "\"paperValue\": 91.5"));
        assertTrue(msg.contains("unknown key 'sweep.variants[1].paperValue' (expected one of: id, cells, set, paper)"), msg);
        msg = error(lrSweep("\"title\": \"Learning rate\"", "\"metric\": \"loss\""));
        assertTrue(msg.endsWith("sweep.metric: expected one of testAccuracy, bestTestAccuracy, trainAccuracy, got \"loss\""),
                msg);
        msg = error(lrSweep("\"title\": \"Learning rate\"", "\"metric\": \"bestTestAccuracy\""));
        assertTrue(msg.contains("bestTestAccuracy (the best epoch) is kept for epoch runs on image sets only"), msg);
        msg = error("{\"name\": \"x\", \"sweep\": [1]}");
        assertTrue(msg.endsWith("sweep: expected an object { ... } or null, got a list"), msg);
        assertEquals("trainAccuracy", PresetLoader.parse("my.json", LR_SWEEP, List.of("sweep.metric=trainAccuracy"))
                .sweep().metric(), "--set reaches the sweep's own keys");
    }

    @Test
    void everyBundledSweepLoadsAndEveryVariantIsValid() {
        for (String name : PresetLoader.BUNDLED_SWEEP) {
            Preset p = PresetLoader.resolve(name, List.of());
            assertEquals(name, p.name());
            assertTrue(!p.description().isBlank(), name);
            Preset.Sweep s = p.sweep();
            assertTrue(s != null && !s.variants().isEmpty(), name);
            for (int k = 0; k < s.variants().size(); k++) {
                Preset v = PresetLoader.variant(p, k);
                assertEquals(s.headerRows().size(), s.variants().get(k).cells().size(), name);
                assertTrue(s.variants().get(k).paper() != null, name + ": the paper's number beside ours");
                if (PresetValidator.isImageSet(v.data().set())) {
                    assertEquals(List.of("lenet5-bn-adder"), v.runs().models(), name);
                } else {
                    assertEquals(List.of("adder"), v.runs().models(), name);
                }
            }
            if (name.contains("fashion-mnist")) {
                assertTrue(PresetLoader.BUNDLED_SWEEP.contains(name.endsWith("-short") ? name.substring(0, name.length() - 6)
                        : name + "-short"), name + " has its short twin");
            }
        }
        assertTrue(PresetLoader.BUNDLED.containsAll(PresetLoader.BUNDLED_SWEEP));
    }

    /** Table 4: the check marks say exactly what each variant switches on. */
    @Test
    void tableFourCheckMarksMatchTheSettings() {
        for (String name : List.of("table4-toy", "table4-lenet5-bn-fashion-mnist", "table4-lenet5-bn-mnist")) {
            Preset p = PresetLoader.resolve(name, List.of());
            assertEquals(8, p.sweep().variants().size());
            java.util.Set<String> combos = new java.util.HashSet<>();
            for (int k = 0; k < 8; k++) {
                Preset v = PresetLoader.variant(p, k);
                List<String> cells = p.sweep().variants().get(k).cells();
                boolean fp = "full-precision".equals(v.adder().filterGradient());
                boolean l2l1 = v.adder().pStart() == 2 && v.adder().pEnd() == 1 && v.adder().pDecayShare() > 0;
                boolean adaptive = v.adder().eta() > 0;
                assertEquals(fp, !cells.get(0).isEmpty(), name + " " + k);
                assertEquals(l2l1, !cells.get(1).isEmpty(), name + " " + k);
                assertEquals(adaptive, !cells.get(2).isEmpty(), name + " " + k);
                assertTrue(v.adder().pStart() == 2 || v.adder().pStart() == 1, "p fixed at 1 when off");
                assertEquals(fp ? "full-precision" : "sign", v.adder().filterGradient());
                combos.add(fp + "/" + l2l1 + "/" + adaptive);
            }
            assertEquals(8, combos.size(), name + ": all 8 combinations");
            // the paper's row: all three on is its best, none of them its worst
            List<Double> paper = p.sweep().variants().stream().map(Preset.Variant::paper).toList();
            assertEquals(92.32, paper.get(7));
            assertEquals(80.77, paper.get(0));
        }
    }

    /** Tables 5 and 6: the header cells are the values set. */
    @Test
    void tablesFiveAndSixHeaderCellsAreTheValuesSet() {
        for (String name : List.of("table5-toy", "table5-lenet5-bn-fashion-mnist", "table5-lenet5-bn-mnist")) {
            Preset p = PresetLoader.resolve(name, List.of());
            for (int k = 0; k < p.sweep().variants().size(); k++) {
                Preset v = PresetLoader.variant(p, k);
                assertEquals(Double.parseDouble(p.sweep().variants().get(k).cells().get(0)), v.adder().eta(), name);
                assertEquals(1.0, v.adder().pStart(), name + ": L1 throughout");
            }
            assertEquals(List.of(1.0, 0.5, 0.2, 0.1, 0.05), p.sweep().variants().stream()
                    .map(x -> x.set().get("adder.eta").asDouble()).toList());
        }
        for (String name : List.of("table6-toy", "table6-lenet5-bn-fashion-mnist", "table6-lenet5-bn-mnist")) {
            Preset p = PresetLoader.resolve(name, List.of());
            for (int k = 0; k < p.sweep().variants().size(); k++) {
                Preset v = PresetLoader.variant(p, k);
                List<String> cells = p.sweep().variants().get(k).cells();
                assertEquals(Double.parseDouble(cells.get(0)) / 800, v.adder().pDecayShare(), 1e-12, name);
                assertEquals(Double.parseDouble(cells.get(1)), v.adder().pDecayShare(), 1e-12, name);
                assertEquals(2.0, v.adder().pStart());
                assertEquals(1.0, v.adder().pEnd());
            }
        }
    }
}
