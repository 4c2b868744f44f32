package org.addernet.app.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.List;
import java.util.function.Consumer;
import org.addernet.engine.train.Trainer;

/**
 * The Java heap a ResNet-20 AdderNet needs to train at batch 128: after a garbage collection the
 * heap pools' peaks are reset, a few training steps run (the first one allocates every activation,
 * gradient and workspace), and the peaks are summed over the heap pools. That peak includes
 * garbage the collector had not yet reclaimed (it grows with the heap it is allowed), so the heap
 * still in use after a collection at the end, with the trainer alive, is reported too: what the
 * training itself holds. An {@link OutOfMemoryError} is caught and reported as not fitting.
 */
public final class MemoryBench {
    /** BENCHMARKS.md: the official adder code, PyTorch's CNN, and our target, in bytes. */
    public static final double REFERENCE_ADDER_BYTES = 2.0e9;
    public static final double REFERENCE_CNN_BYTES = 0.42e9;
    public static final double TARGET_BYTES = 0.6e9;

    /**
     * One result. {@code fit} false when the steps ran out of heap; the byte figures are then null.
     *
     * @param heapBeforeBytes heap in use after a collection before the steps (model, optimiser state, data)
     * @param peakHeapBytes   the sum over heap pools of their peak use during the steps
     * @param liveAfterBytes  heap in use after a collection once the steps are done, trainer alive
     * @param maxHeapBytes    {@code Runtime.maxMemory()}
     * @param g1RegionBytes   G1's heap region size when G1 collects (null otherwise): G1 stores an
     *                        array over half a region in whole regions, so with the bigger regions
     *                        of a bigger heap the same tensors use more of it
     */
    public record Result(String model, int batch, int steps, boolean fit, Long heapBeforeBytes, Long peakHeapBytes,
                         Long liveAfterBytes, long maxHeapBytes, Long g1RegionBytes, double referenceAdderBytes,
                         double referenceCnnBytes, double targetBytes, String note) {
    }

    private MemoryBench() {
    }

    public static Result measure(BenchBudget budget) {
        return measure("resnet20-adder", budget.memoryBatch(), budget.memorySteps());
    }

    static Result measure(String model, int batch, int steps) {
        return measure(model, batch, steps, t -> ImageStepBench.step(t, model));
    }

    /** As {@link #measure(String, int, int)} with {@code step} doing each step (tests make it fail). */
    static Result measure(String model, int batch, int steps, Consumer<Trainer> step) {
        long max = Runtime.getRuntime().maxMemory();
        Trainer t = null;
        try {
            t = ImageStepBench.trainer(model, batch, 13);
            long before = settledHeapUse();
            List<MemoryPoolMXBean> pools = heapPools();
            for (MemoryPoolMXBean p : pools) {
                p.resetPeakUsage();
            }
            for (int k = 0; k < steps; k++) {
                step.accept(t);
            }
            long peak = 0;
            for (MemoryPoolMXBean p : pools) {
                peak += p.getPeakUsage().getUsed();
            }
            long after = settledHeapUse();
            Reference.reachabilityFence(t);
            return new Result(model, batch, steps, true, before, peak, after, max, g1RegionBytes(),
                    REFERENCE_ADDER_BYTES, REFERENCE_CNN_BYTES, TARGET_BYTES, null);
        } catch (OutOfMemoryError e) {
            t = null;                                   // let the half-built trainer go before reporting
            System.gc();
            return new Result(model, batch, steps, false, null, null, null, max, g1RegionBytes(),
                    REFERENCE_ADDER_BYTES, REFERENCE_CNN_BYTES, TARGET_BYTES,
                    "did not fit in the heap (" + e.getMessage() + ")");
        }
    }

    /** G1's region size, or null when another collector runs or the JVM does not say. */
    static Long g1RegionBytes() {
        try {
            HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hs == null || !Boolean.parseBoolean(hs.getVMOption("UseG1GC").getValue())) {
                return null;
            }
            return Long.parseLong(hs.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Heap in use after collecting garbage (two collections, so finalisable garbage goes too). */
    private static long settledHeapUse() {
        System.gc();
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean p : heapPools()) {
            used += p.getUsage().getUsed();
        }
        return used;
    }
}
