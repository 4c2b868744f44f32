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
 * {@code |d|^1.5} over an array: {@link FastPow} against {@link Math#pow} (per element, in
 * double), sizes from one vector's worth to well past L2. Seeded inputs in [0, 4); the powers are
 * returned. Time per call / n is the cost of one power.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FastPowBench {
    @Param({"16", "1024", "65536"})
    public int n;

    private float[] in;
    private float[] out;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(3);
        in = new float[n];
        for (int t = 0; t < n; t++) {
            in[t] = (float) (r.nextDouble() * 4);
        }
        out = new float[n];
    }

    @Benchmark
    public float[] fastPow() {
        System.arraycopy(in, 0, out, 0, n);
        FastPow.pow(out, 0, n, 1.5f, false);
        return out;
    }

    @Benchmark
    public float[] mathPow() {
        for (int t = 0; t < n; t++) {
            out[t] = (float) Math.pow(in[t], 1.5);
        }
        return out;
    }
}
