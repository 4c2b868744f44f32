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
 * The packed micro-kernels on one core, on the panel shapes the ResNet-20 layers give them
 * (m filters or channels, k patch rows, n positions of a group): one call each, the result array
 * returned so that the JIT cannot drop the work. Seeded inputs. Divide {@code m k n} by the time
 * for the (adder-)MAC rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MicroKernelBench {
    /** m, k, n: the three ResNet-20 3x3 layers (forward shapes) and a small one. */
    @Param({"16,144,1024", "32,288,256", "64,576,256", "4,36,64"})
    public String shape;

    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] x;
    private float[] c;

    @Setup
    public void setUp() {
        String[] parts = shape.split(",");
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        SplittableRandom r = new SplittableRandom(42);
        a = new float[Panels.blockFloats(m, k)];
        Panels.packBlocks(BenchData.fill(new float[m * k], r), 0, k, 1, m, k, a);
        b = new float[Panels.stripFloats(k, n)];
        Panels.packStrips(BenchData.fill(new float[k * n], r), 0, n, k, n, b);
        int xRows = Panels.paddedRows(m);
        x = new float[Panels.stripFloats(xRows, n)];
        Panels.packStrips(BenchData.fill(new float[m * n], r), 0, n, m, xRows, n, x);
        c = new float[m * n];
    }

    /** Conv and linear layers: {@code C = A B}, one FMA per MAC. */
    @Benchmark
    public float[] fma() {
        RowGemm.fma(a, b, k, k, m, n, null, c, 0, n);
        return c;
    }

    /** The adder forward at p = 1: sub, abs, add per adder-MAC. */
    @Benchmark
    public float[] l1() {
        RowGemm.l1(a, b, k, k, m, n, c, 0, n);
        return c;
    }

    /** The adder forward at p = 1.5 ({@link FastPow} per element). */
    @Benchmark
    public float[] lp() {
        RowGemm.lp(a, b, k, k, m, n, 1.5f, c, 0, n);
        return c;
    }

    /** The HardTanh input gradient (A as filters, B as the output gradient, X as the inputs). */
    @Benchmark
    public float[] hardTanh() {
        GradGemm.hardTanh(a, b, k, k, x, Panels.paddedRows(m), m, n, 1f, c, 0, n);
        return c;
    }

    /** The eq. 27 input gradient at p = 1.5 ({@link FastPow} per element). */
    @Benchmark
    public float[] powDiff() {
        GradGemm.powDiff(a, b, k, k, x, Panels.paddedRows(m), m, n, 0.5f, 1f, c, 0, n);
        return c;
    }
}
