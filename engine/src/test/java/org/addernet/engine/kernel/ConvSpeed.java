package org.addernet.engine.kernel;

import java.util.SplittableRandom;

/**
 * A rough speed check of the conv kernels, not a test: forward + backward of a 3x3 adder conv
 * and of a 3x3 multiplicative conv on the ResNet-20 shapes, printed as G (adder-)MAC/s counting
 * forward + backward as three times the forward's MACs. Run from the engine module after
 * {@code mvn test-compile}: {@code java -cp target/classes:target/test-classes
 * org.addernet.engine.kernel.ConvSpeed [batch] [seconds]}.
 */
public final class ConvSpeed {
    private ConvSpeed() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        int[][] shapes = {{16, 32}, {32, 16}, {64, 8}};
        System.out.printf("batch %d, %d worker(s)%n", batch, Parallel.shared().workers());
        for (int[] sh : shapes) {
            ConvShape s = new ConvShape(batch, sh[0], sh[1], sh[1], sh[0], 3, 1, 1);
            for (String kind : new String[] {"adder p=1", "adder p=2", "conv"}) {
                for (Parallel par : new Parallel[] {Parallel.sequential(), Parallel.shared()}) {
                    double rate = measure(s, kind, par, seconds);
                    System.out.printf("%-10s %-32s %d thread(s): %6.2f G MAC/s (fwd+bwd)%n", kind, s, par.workers(), rate);
                }
            }
        }
    }

    static double measure(ConvShape s, String kind, Parallel par, double seconds) {
        SplittableRandom r = new SplittableRandom(1);
        float[] x = fill(new float[s.batch() * s.inImage()], r);
        float[] w = fill(new float[s.outC() * s.patch()], r);
        float[] y = new float[s.batch() * s.outImage()];
        float[] dy = fill(new float[y.length], r);
        float[] dw = new float[w.length];
        float[] dx = new float[x.length];
        ConvWorkspace ws = new ConvWorkspace();
        float p = kind.endsWith("p=2") ? 2f : 1f;
        boolean adder = kind.startsWith("adder");
        long iters = 0;
        long start = 0;
        for (int phase = 0; phase < 2; phase++) {          // warm-up, then timed
            start = System.nanoTime();
            iters = 0;
            while (System.nanoTime() - start < seconds * 0.5e9 * (phase + 1)) {
                if (adder) {
                    AdderConvKernels.forward(s, x, w, y, p, ws, par);
                    AdderConvKernels.backward(s, x, w, dy, dw, dx, p, AdderDenseKernels.F_FULL,
                            p == 1f ? AdderDenseKernels.X_HARDTANH : AdderDenseKernels.X_EQ27, ws, par);
                } else {
                    ConvKernels.forward(s, x, w, null, y, ws, par);
                    ConvKernels.backward(s, x, w, dy, dw, null, dx, ws, par);
                }
                iters++;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return 3.0 * s.macs() * iters / secs / 1e9;
    }

    private static float[] fill(float[] a, SplittableRandom r) {
        for (int k = 0; k < a.length; k++) {
            a[k] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }
}
