package org.addernet.app.cli;

import java.util.concurrent.Callable;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;
import org.addernet.presets.PresetValidator;
import picocli.CommandLine.Command;

/** {@code workbench presets}: the bundled presets, one line each (name, what it trains, title). */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "List the bundled presets that `workbench run NAME` accepts.")
public final class PresetsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var o = spec.commandLine().getOut();
        o.printf("%-38s %-30s %s%n", "preset", "data", "title");
        for (String name : PresetLoader.BUNDLED) {
            Preset p = PresetLoader.resolve(name, java.util.List.of());
            String data = p.data().set() + (PresetValidator.isImageSet(p.data().set())
                    ? " x" + p.training().epochs() : "");
            if (p.sweep() != null) {
                data += ", " + p.sweep().variants().size() + " variants";
            }
            o.printf("%-38s %-30s %s%n", name, data, p.title());
        }
        o.println();
        o.println("Image presets run for whole epochs (data x epochs); find their data with --data DIR,"
                + " $ADDERNET_DATA or ~/.addernet/data (`workbench download SET`).");
        return 0;
    }
}
