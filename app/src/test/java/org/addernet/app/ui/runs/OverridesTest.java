package org.addernet.app.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue form's text: presets, overrides one per line or space separated, a sweep of one key. */
class OverridesTest {
    @TempDir
    Path tmp;

    @Test
    void overridesSplitAtSpacesAndLinesButNotInsideBracketsOrQuotes() {
        assertEquals(List.of("training.iterations=300", "runs.hidden=[1, 2]", "runs.models=[\"mlp\", \"adder\"]",
                "training.lr=0.1"), Overrides.split("--set training.iterations=300  runs.hidden=[1, 2]\n"
                + "runs.models=[\"mlp\", \"adder\"]\n\n--set=training.lr=0.1"));
        assertEquals(List.of("data.title=\"a b\""), Overrides.split("data.title=\"a b\""));
        assertEquals(List.of(), Overrides.split("  \n "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Overrides.split("epochs 3"));
        assertEquals("Settings: 'epochs': expected key.path=value", e.getMessage());
    }

    @Test
    void aSweepMakesOneSettingSetPerValue() {
        List<String> base = List.of("training.iterations=300");
        assertEquals(List.of(base), Overrides.settingSets(base, " "));
        assertEquals(List.of(List.of("training.iterations=300", "runs.hidden=[1]"),
                        List.of("training.iterations=300", "runs.hidden=[2, 3]")),
                Overrides.settingSets(base, "runs.hidden=[1],[2, 3]"));
        assertEquals(List.of(List.of("training.lr=0.05"), List.of("training.lr=0.1")),
                Overrides.settingSets(List.of(), "training.lr=0.05, 0.1"));
        assertEquals("Sweep: 'training.lr': expected key.path=v1,v2,...",
                assertThrows(IllegalArgumentException.class, () -> Overrides.settingSets(base, "training.lr")).getMessage());
        assertEquals("Sweep: 'training.lr=0.1,,0.2': an empty value",
                assertThrows(IllegalArgumentException.class, () -> Overrides.settingSets(base, "training.lr=0.1,,0.2"))
                        .getMessage());
    }

    @Test
    void presetsAreAFileOrNamesSeparatedBySpacesOrCommas() throws Exception {
        assertEquals(List.of("fig4-xor", "fig2-unit-ball", "fig3-multi-ball"),
                Overrides.presets(" fig4-xor fig2-unit-ball,fig3-multi-ball "));
        Path file = Files.writeString(tmp.resolve("my preset.json"), "{}");
        assertEquals(List.of(file.toString()), Overrides.presets(file.toString()), "a file name with a space");
        assertEquals("Preset: expected a bundled preset's name or a preset file",
                assertThrows(IllegalArgumentException.class, () -> Overrides.presets(" ")).getMessage());
    }
}
