package org.addernet.engine.kernel;

/**
 * Calls every Vector API micro-kernel a few thousand times on tiny panels, so that the JIT has
 * compiled them before anything is timed. Until C2 compiles it, a Vector API loop runs in the
 * interpreter or in C1, which box every vector (hundreds of times slower): the first forward and
 * backward of a big layer then take seconds, far longer than a benchmark's warm-up of a few
 * calls. Worse, on Java 17 the order in which kernels first get compiled matters: a kernel
 * compiled after others have run for a while can come out boxed for good (measured: the p = 1.5
 * conv kernels 2x slower when first used after the p = 1 ones), while all compiled together up
 * front come out right. So the convolution layers run this once per JVM in their first forward
 * (on the thread that trains, never a window's), and the benchmarks before they time anything. About a second of CPU; results are discarded.
 */
public final class KernelWarmUp {
    private static volatile boolean done;
    /** Where the results go, so that no call can be dropped as unused. */
    private static volatile float sink;

    private KernelWarmUp() {
    }

    /** Runs the warm-up once per JVM (later calls return at once). */
    public static void run() {
        if (!done) {
            warmUp();
        }
    }

    private static synchronized void warmUp() {
        if (done) {
            return;
        }
        int m = 8;
        int k = 12;
        int n = 2 * Simd.W;
        float[] a = new float[Panels.blockFloats(m, k)];
        float[] b = new float[Panels.stripFloats(Panels.paddedRows(k), n)];
        float[] c = new float[m * n];
        for (int t = 0; t < a.length; t++) {
            a[t] = (t % 7) * 0.25f - 0.7f;
        }
        for (int t = 0; t < b.length; t++) {
            b[t] = (t % 5) * 0.3f - 0.6f;
        }
        ConvShape copy = new ConvShape(1, Simd.L, 4, 4, 1, 3, 1, 1);       // the channels-last copy's transposes
        float[] image = new float[copy.inImage()];
        float[] padded = new float[Im2col.paddedSize(copy)];
        float sum = 0;
        for (int rep = 0; rep < 3000; rep++) {
            image[rep % image.length] = rep;
            Im2col.padChannelsLast(copy, image, 0, padded, 0);
            sum += padded[rep % padded.length];
            RowGemm.fma(a, b, k, k, m, n, null, c, 0, n);
            RowGemm.fmaAdd(a, b, k, k, m, n, c, 0, n);
            RowGemm.l1(a, b, k, k, m, n, c, 0, n);
            RowGemm.l2(a, b, k, k, m, n, c, 0, n);
            GradGemm.hardTanh(a, b, k, k, b, k, m, n, 1f, c, 0, n);
            GradGemm.sign(a, b, k, k, b, k, m, n, 1f, c, 0, n);
            GradGemm.diff(a, b, k, k, b, k, m, n, 1f, c, 0, n);
            FilterGemm.sign(a, b, k, b, Panels.paddedRows(k), m, n, c, 0, n);
            if (rep % 4 == 0) {
                RowGemm.lp(a, b, k, k, m, n, 1.5f, c, 0, n);
                GradGemm.powDiff(a, b, k, k, b, k, m, n, 0.5f, 1f, c, 0, n);
                FilterGemm.pow(a, b, k, b, Panels.paddedRows(k), m, n, 0.5f, c, 0, n);
            }
            sum += c[rep % c.length];
        }
        sink = sum;
        done = true;
    }
}
