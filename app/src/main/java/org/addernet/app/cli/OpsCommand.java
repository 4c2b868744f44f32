package org.addernet.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.addernet.engine.analysis.OpCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench ops MODEL [--json]}: multiplications and additions per image with the paper's
 * convention ({@link OpCounts}), per layer, with the paper's figures beside them and latency and
 * energy estimates from per-operation costs the user can set.
 */
@Command(name = "ops", mixinStandardHelpOptions = true,
        description = "Multiplications and additions per image of a zoo model (the paper's #Mul / #Add), "
                + "with latency and energy estimates.")
public final class OpsCommand implements Callable<Integer> {
    /** The paper's figures: {multiplications, additions} per image (Table 2, Sec. 5.2). */
    static final Map<String, long[]> PAPER = OpCounts.PAPER;

    @Parameters(paramLabel = "MODEL", description = "mlp, adder (two-layer, or deeper with --depth), lenet5-bn-cnn, "
            + "lenet5-bn-adder, vgg-small-cnn, vgg-small-adder, resnet20-cnn, resnet20-adder, resnet32-cnn, resnet32-adder, "
            + "lenetpp-cnn, lenetpp-adder")
    String model;

    @Option(names = "--json", description = "print {\"model\", \"multiplications\", \"additions\", ...} instead of a table")
    boolean json;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "3", description = "toy nets: hidden units (default 3)")
    int hidden;

    @Option(names = "--depth", paramLabel = "D", defaultValue = "2", description = "toy nets: weight layers (default 2)")
    int depth;

    @Option(names = "--classes", paramLabel = "K", defaultValue = "10", description = "image nets: classes, 2-1000 (default 10)")
    int classes;

    @Option(names = "--shortcut", paramLabel = "S", defaultValue = "projection",
            description = "ResNets: projection (default; the official AdderNet resnet20.py: 1x1 projection shortcuts "
                    + "and a 1x1-conv + BN head) or A (parameter-free option-A shortcuts, a Linear head), as "
                    + "the preset key model.shortcut")
    String shortcut;

    @Option(names = "--add-cycles", paramLabel = "C", defaultValue = "2",
            description = "latency of an addition in cycles (default 2: the paper's VIA Nano 2000 example)")
    double addCycles;

    @Option(names = "--mul-cycles", paramLabel = "C", defaultValue = "4",
            description = "latency of a multiplication in cycles (default 4, the same example)")
    double mulCycles;

    @Option(names = "--add-pj", paramLabel = "E", defaultValue = "0.9",
            description = "energy of a 32-bit float addition in pJ (default 0.9: Horowitz, ISSCC 2014, 45 nm)")
    double addPj;

    @Option(names = "--mul-pj", paramLabel = "E", defaultValue = "3.7",
            description = "energy of a 32-bit float multiplication in pJ (default 3.7, the same table)")
    double mulPj;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        OpCounts.Result r;
        try {
            r = count();
        } catch (IllegalArgumentException e) {
            err.println("workbench ops: " + e.getMessage());
            return 2;
        }
        for (double v : new double[] {addCycles, mulCycles, addPj, mulPj}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                err.println("workbench ops: latencies and energies must be finite and >= 0");
                return 2;
            }
        }
        var o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("multiplications", r.multiplications());
            m.put("additions", r.additions());
            m.put("latencyCycles", r.latency(addCycles, mulCycles));
            m.put("energyPicojoules", r.energy(addPj, mulPj));
            m.put("firstAndLastLayerExcluded", r.excludesEnds());
            m.put("parameters", r.parameters());
            m.put("layers", r.layers());
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            return 0;
        }
        o.printf(Locale.ROOT, "%s: operations per image (the paper's convention: batch norm, activations and pooling"
                + " left out%s)%n%n", model, r.excludesEnds() ? "; the full-precision first and last layers too, Sec. 5.3" : "");
        o.printf(Locale.ROOT, "%-40s %8s %16s %16s %16s%n", "layer", "kind", "MACs", "#Mul", "#Add");
        for (OpCounts.LayerOps l : r.layers()) {
            o.printf(Locale.ROOT, "%-40s %8s %,16d %16s %16s%n", l.layer(), l.adder() ? "adder" : "multiply", l.macs(),
                    l.counted() ? String.format(Locale.ROOT, "%,d", l.multiplications()) : "(left out)",
                    l.counted() ? String.format(Locale.ROOT, "%,d", l.additions()) : "(left out)");
        }
        o.printf(Locale.ROOT, "%-40s %8s %16s %,16d %,16d%n", "total", "", "", r.multiplications(), r.additions());
        long[] paper = PAPER.get(model);
        if (paper != null) {
            o.printf(Locale.ROOT, "%-40s %8s %16s %16s %16s%n", "the paper", "", "", human(paper[0]), human(paper[1]));
        }
        o.println();
        Long official = OpCounts.OFFICIAL_PARAMETERS.get(model);
        boolean resnet = model.startsWith("resnet");
        o.printf(Locale.ROOT, "parameters: %,d%s%s%n", r.parameters(), resnet ? " (model.shortcut " + shortcut + ")" : "",
                official == null ? "" : String.format(Locale.ROOT, "; huawei-noah/AdderNet resnet20.py: %,d", official));
        o.printf(Locale.ROOT, "latency estimate: %s cycles (add %s, mul %s cycles)%n", human(Math.round(r.latency(addCycles, mulCycles))),
                trim(addCycles), trim(mulCycles));
        o.printf(Locale.ROOT, "energy estimate:  %.3g uJ (add %s pJ, mul %s pJ)%n", r.energy(addPj, mulPj) / 1e6, trim(addPj),
                trim(mulPj));
        return 0;
    }

    private OpCounts.Result count() {
        return OpCounts.ofZoo(model, hidden, depth, classes, org.addernet.engine.nn.ResidualBlock.Shortcut.fromId(shortcut));
    }

    private static String human(long v) {
        if (v >= 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2fG", v / 1e9);
        }
        if (v >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (v >= 1_000) {
            return String.format(Locale.ROOT, "%.0fK", v / 1e3);
        }
        return Long.toString(v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
