package org.addernet.app.cli;

import org.addernet.app.io.IoText;
import java.io.IOException;
import org.addernet.app.io.FolderClaim;
import org.addernet.app.io.FolderRefusedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.addernet.app.lab.Theorem4Run;
import org.addernet.engine.analysis.Theorem4;
import org.addernet.engine.analysis.Theorem4.Config;
import org.addernet.engine.analysis.Theorem4.Model;
import org.addernet.engine.analysis.Theorem4.Result;
import org.addernet.engine.analysis.Theorem4.Slope;
import org.addernet.engine.analysis.Theorem4.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code workbench theorem4 [--out DIR] [--quick] [--seeds N] [--max-width N]}: the Theorem 4
 * experiment (see {@link Theorem4}); writes {@code theorem4.csv}, {@code theorem4-slopes.csv},
 * {@code theorem4.png} and {@code theorem4.svg} and prints the fitted slopes.
 */
@Command(name = "theorem4", hidden = true, mixinStandardHelpOptions = true,
        description = "Theorem 4: ISE of two-layer AdderNets and MLPs against their width n, with log-log slopes.")
public final class Theorem4Command implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder (default: $ADDERNET_HOME/runs/<time>-theorem4)")
    Path out;

    @Option(names = "--quick", description = "n = 1 .. 64, one seed, a smaller sample and lattice (seconds)")
    boolean quick;

    @Option(names = "--seeds", paramLabel = "N", description = "seeds per target, model and width (default 3, quick 1)")
    Integer seeds;

    @Option(names = "--max-width", paramLabel = "N",
            description = "widths 1, 2, 4, ... up to N (default 256, quick 64)")
    Integer maxWidth;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        Config c;
        try {
            c = quick ? Config.quick() : Config.defaults();
            if (maxWidth != null && maxWidth < 1) {
                throw new IllegalArgumentException("--max-width must be >= 1, got " + maxWidth);
            }
            int top = maxWidth != null ? maxWidth : c.widths().get(c.widths().size() - 1);
            c = c.withWidths(Config.powersOfTwo(top), seeds != null ? seeds : c.seeds());
        } catch (IllegalArgumentException e) {
            err.println("workbench theorem4: " + IoText.message(e));
            return 2;
        }
        Path dir = out != null ? out : RunCommand.defaultOut("theorem4");
        Result r;
        try (FolderClaim claim = FolderClaim.claim(dir, false, "--out", null)) {
            claim.takeNotes().forEach(n -> err.println("workbench theorem4: " + n));
            r = Theorem4Run.run(c, dir, (done, total, label) -> err.printf(Locale.ROOT, "theorem4: %d/%d %s%n", done,
                    total, label), null);
        } catch (FolderRefusedException e) {
            err.println("workbench theorem4: " + IoText.message(e));
            return 2;
        } catch (IOException e) {
            err.println("workbench theorem4: " + IoText.message(e));
            return 1;
        }
        o.printf(Locale.ROOT, "%-8s %-12s %8s %7s   (ln ISE = a + slope ln n, n >= %d; Theorem 4: -0.5)%n", "target",
                "model", "slope", "R^2", c.fitFrom());
        for (Target t : c.targets()) {
            for (Model m : c.models()) {
                Slope s = r.slope(t, m);
                if (s != null) {
                    o.printf(Locale.ROOT, "%-8s %-12s %8.3f %7.3f%n", t.id(), m.id(), s.line().slope(), s.line().r2());
                }
            }
        }
        o.println(dir.resolve(Theorem4Run.FIGURE));
        return 0;
    }
}
