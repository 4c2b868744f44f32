package org.addernet.engine.kernel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The adder and ordinary 3x3 convolution kernels, forward and backward (filter and input
 * gradients, the paper's rules), on the ResNet-20 shapes at batch 16 and p 1 or 1.5, on one
 * thread ({@link Parallel#sequential()}) or the shared pool. Seeded inputs; the outputs are
 * returned. Each shape is {@code 16 * 16 * 9 * 1024 = 37.7 M} (adder-)MACs forward.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ConvLayerBench {
    /** channels @ size. */
    @Param({"16@32", "32@16", "64@8"})
    public String layer;

    @Param({"1", "1.5"})
    public float p;

    @Param({"1", "0"})
    public int threads;

    private ConvShape s;
    private float[] x;
    private float[] f;
    private float[] y;
    private float[] dy;
    private float[] df;
    private float[] dx;
    private final ConvWorkspace ws = new ConvWorkspace();
    private Parallel par;

    @Setup
    public void setUp() {
        int c = Integer.parseInt(layer.substring(0, layer.indexOf('@')));
        int hw = Integer.parseInt(layer.substring(layer.indexOf('@') + 1));
        s = new ConvShape(16, c, hw, hw, c, 3, 1, 1);
        SplittableRandom r = new SplittableRandom(7);
        x = BenchData.fill(new float[s.batch() * s.inImage()], r);
        f = BenchData.fill(new float[s.outC() * s.patch()], r);
        y = new float[s.batch() * s.outImage()];
        dy = BenchData.fill(new float[y.length], r);
        df = new float[f.length];
        dx = new float[x.length];
        par = threads == 1 ? Parallel.sequential() : Parallel.shared();
    }

    @Benchmark
    public float[] adderForward() {
        AdderConvKernels.forward(s, x, f, y, p, ws, par);
        return y;
    }

    /** Full-precision filter gradient; HardTanh input gradient at p = 1, eq. 27 above. */
    @Benchmark
    public float[] adderBackward() {
        AdderConvKernels.backward(s, x, f, dy, df, dx, p, AdderDenseKernels.F_FULL,
                p == 1f ? AdderDenseKernels.X_HARDTANH : AdderDenseKernels.X_EQ27, ws, par);
        return dx;
    }

    @Benchmark
    public float[] convForwardBackward() {
        ConvKernels.forward(s, x, f, null, y, ws, par);
        ConvKernels.backward(s, x, f, dy, df, null, dx, ws, par);
        return dx;
    }
}
