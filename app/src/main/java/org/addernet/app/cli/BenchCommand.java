package org.addernet.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.addernet.app.bench.BenchBudget;
import org.addernet.app.bench.ConvBench;
import org.addernet.app.bench.ImageStepBench;
import org.addernet.app.bench.ImageTables;
import org.addernet.app.bench.LayerProfile;
import org.addernet.app.bench.MemoryBench;
import org.addernet.app.bench.StepProfile;
import org.addernet.app.bench.ToyBench;
import org.addernet.app.io.AtomicFiles;
import org.addernet.engine.kernel.KernelWarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code workbench bench [--quick] [--out FILE]}: measures the toy training runs, the ResNet-20 conv
 * layers, LeNet-5-BN and ResNet-20 training steps, ResNet-20's training memory and where a step's
 * time goes; prints tables beside BENCHMARKS.md's figures and writes bench.json.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine's conv layers, training steps and memory against BENCHMARKS.md's"
                + " reference figures.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "fewer warm-up and measured repetitions")
    boolean quick;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "bench.json", description = "where to write the results (default bench.json)")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        String problem = OutputFile.problem("--out", out);
        if (problem != null) {
            spec.commandLine().getErr().println("workbench bench: " + problem);
            return 2;
        }
        o.printf("%-46s %12s %12s %12s %14s %9s%n", "case (10,000 iterations, batch 128, 1 thread)", "median s",
                "best s", "steps/s", "reference s", "speed-up");
        List<ToyBench.Result> results = ToyBench.runAll(quick);
        for (ToyBench.Result r : results) {
            o.printf("%-46s %12.4f %12.4f %12.0f %14.2f %8.0fx%n", r.name(), r.medianSeconds(), r.bestSeconds(),
                    r.stepsPerSecond(), r.referenceSeconds(), r.referenceSeconds() / r.medianSeconds());
        }
        o.println();
        o.printf("%-46s %12s %12s%n", "where a 2-10-1 AdderNet step goes (batch 128)", "forward us", "backward us");
        List<LayerProfile.Row> profile = LayerProfile.measure(quick ? 5_000 : 20_000);
        double total = 0;
        for (LayerProfile.Row r : profile) {
            o.printf("%-46s %12.2f %12.2f%n", r.layer(), r.forwardMicros(), r.backwardMicros());
            total += r.forwardMicros() + r.backwardMicros();
        }
        o.printf("%-46s %12.2f%n", "sum of the above", total);
        o.println();
        o.flush();
        BenchBudget budget = BenchBudget.of(quick);
        KernelWarmUp.run();                              // the Vector API kernels compiled before anything is timed
        List<ConvBench.Result> conv = ConvBench.runAll(budget);
        ImageTables.printConv(o, conv);
        o.println();
        o.flush();
        List<ImageStepBench.Result> steps = ImageStepBench.runAll(budget);
        ImageTables.printSteps(o, steps);
        o.println();
        o.flush();
        MemoryBench.Result memory = MemoryBench.measure(budget);
        ImageTables.printMemory(o, memory);
        o.flush();
        List<StepProfile.Result> profiles = StepProfile.runAll(budget);
        for (StepProfile.Result p : profiles) {
            o.println();
            ImageTables.printProfile(o, p);
        }
        o.flush();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        json.put("quick", quick);
        json.put("toy", results);
        json.put("toyStepProfile", profile);
        json.put("budget", budget);
        json.put("convLayers", conv);
        json.put("imageSteps", steps);
        json.put("memory", memory);
        json.put("stepProfiles", profiles);
        AtomicFiles.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        o.println("wrote " + out);
        return 0;
    }
}
