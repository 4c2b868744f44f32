package org.addernet.engine.kernel;

import static org.addernet.engine.kernel.AdderDenseKernels.F_EXACT;
import static org.addernet.engine.kernel.AdderDenseKernels.F_FULL;
import static org.addernet.engine.kernel.AdderDenseKernels.F_SIGN;
import static org.addernet.engine.kernel.AdderDenseKernels.X_EQ27;
import static org.addernet.engine.kernel.AdderDenseKernels.X_EXACT;
import static org.addernet.engine.kernel.AdderDenseKernels.X_HARDTANH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.addernet.engine.OpCheck;
import org.junit.jupiter.api.Test;

/** Fast kernels against their naive twins on many small and odd shapes. */
class KernelTwinTest {
    private static final int[] SIZES = {0, 1, 2, 3, 4, 7, 13};
    /** Batches: the small sizes and some past one and two vectors (the vector loops and their tails). */
    private static final int[] BATCHES = {0, 1, 2, 3, 4, 7, 13, Simd.lanes(), Simd.lanes() + 1, 2 * Simd.lanes() + 3};

    @Test
    void adderForwardMatchesNaive() {
        for (float p : new float[] {1f, 2f, 1.37f}) {
            for (int b : BATCHES) {
                for (int i : SIZES) {
                    for (int o : new int[] {1, 3, 5}) {
                        float[] x = OpCheck.random(b * i, 3, b * 31 + i);
                        float[] w = OpCheck.random(o * i, 3, o * 7 + i);
                        float[] fast = new float[b * o];
                        float[] slow = new float[b * o];
                        float[] cache = new float[b * o * i];
                        AdderDenseKernels.forward(x, w, fast, b, i, o, p, new RowScratch());
                        AdderDenseKernels.forwardNaive(x, w, slow, b, i, o, p);
                        int[] shape = {b, i, o};
                        OpCheck.assertClose("adder forward p=" + p, shape, slow, fast, 1e-4, 1e-5);
                        AdderDenseKernels.forwardCached(x, w, fast, cache, b, i, o, p);
                        OpCheck.assertClose("adder forwardCached p=" + p, shape, slow, fast, 1e-4, 1e-5);
                    }
                }
            }
        }
    }

    @Test
    void largeAdderBackwardMatchesNaive() {
        // in * out * batch >= AdderDenseKernels.LARGE: the multi-threaded path (LeNet's FC layers)
        int[][] shapes = {{256, 64, 70}, {257, 100, 41}, {130, 97, 90}};
        for (int[] sh : shapes) {
            int b = sh[0];
            int i = sh[1];
            int o = sh[2];
            assertTrue((long) b * i * o >= AdderDenseKernels.LARGE);
            for (float p : new float[] {1f, 2f, 1.37f}) {
                float[] xf = OpCheck.random(b * i, 3, b + 2 * i);
                float[] wf = OpCheck.random(o * i, 3, 4 + i);
                float[] yFast = new float[b * o];
                float[] ySlow = new float[b * o];
                AdderDenseKernels.forward(xf, wf, yFast, b, i, o, p, new RowScratch());
                AdderDenseKernels.forwardNaive(xf, wf, ySlow, b, i, o, p);
                OpCheck.assertClose("large adder forward p=" + p, sh, ySlow, yFast, 1e-3, 1e-5);
            }
            for (float p : new float[] {1f, 2f}) {
                for (int xr : new int[] {X_HARDTANH, X_EQ27}) {
                    float[] x = OpCheck.random(b * i, 3, b + 5 * i);
                    float[] w = OpCheck.random(o * i, 3, 9 + i);
                    float[] gy = OpCheck.random(b * o, 1, 77 + b);
                    float[] dwFast = OpCheck.random(o * i, 1, 5);
                    float[] dwSlow = dwFast.clone();
                    float[] dxFast = new float[b * i];
                    float[] dxSlow = new float[b * i];
                    AdderDenseKernels.backward(x, w, null, gy, dwFast, dxFast, b, i, o, p, F_FULL, xr, new RowScratch());
                    AdderDenseKernels.backwardNaive(x, w, gy, dwSlow, dxSlow, b, i, o, p, F_FULL, xr);
                    int[] shape = {b, i, o};
                    String op = "large adder backward p=" + p + " input rule " + xr;
                    OpCheck.assertClose(op + " dW", shape, dwSlow, dwFast, 1e-3, 1e-4);
                    OpCheck.assertClose(op + " dX", shape, dxSlow, dxFast, 1e-4, 1e-4);
                    float[] again = OpCheck.random(o * i, 1, 5);
                    float[] dxAgain = new float[b * i];
                    AdderDenseKernels.backward(x, w, null, gy, again, dxAgain, b, i, o, p, F_FULL, xr, new RowScratch());
                    assertArrayEquals(dwFast, again, op + ": the same bits on every call");
                    assertArrayEquals(dxFast, dxAgain, op + ": the same bits on every call");
                }
            }
        }
    }

    @Test
    void largeAdderLayersGiveTheSameBitsWithAnyThreadCountAndAsOneChunk() {
        // the batch is split into column chunks of whole strips over the threads (LeNet's FC layers)
        int[][] shapes = {{256, 64, 70}, {257, 100, 41}, {130, 97, 90}};
        Parallel three = Parallel.create(3);
        for (int[] sh : shapes) {
            int b = sh[0];
            int i = sh[1];
            int o = sh[2];
            assertTrue(AdderDenseKernels.columnChunks(b) > 1, "more than one chunk");
            float[] x = OpCheck.random(b * i, 3, b + 3 * i);
            float[] w = OpCheck.random(o * i, 3, 8 + i);
            for (float p : new float[] {1f, 2f, 1.37f}) {
                float[] seq = new float[b * o];
                float[] par = new float[b * o];
                AdderDenseKernels.forward(x, w, seq, b, i, o, p, new RowScratch(), Parallel.sequential());
                AdderDenseKernels.forward(x, w, par, b, i, o, p, new RowScratch(), three);
                assertArrayEquals(seq, par, "forward p=" + p + " with 1 and 3 threads");
                // one chunk: the whole batch in one kernel call, as before the split
                float[] wp = new float[Panels.blockFloats(o, i)];
                Panels.packBlocks(w, 0, i, 1, o, i, wp);
                float[] xp = new float[Panels.stripFloats(i, b)];
                Panels.packStrips(x, 0, b, i, b, xp);
                float[] whole = new float[b * o];
                if (p == 1f) {
                    RowGemm.l1(wp, xp, i, i, o, b, whole, 0, b);
                } else if (p == 2f) {
                    RowGemm.l2(wp, xp, i, i, o, b, whole, 0, b);
                } else {
                    RowGemm.lp(wp, xp, i, i, o, b, p, whole, 0, b);
                }
                assertArrayEquals(whole, seq, "forward p=" + p + ": chunks give the bits of one call");
            }
            for (int xr : new int[] {X_HARDTANH, X_EQ27}) {
                float[] gy = OpCheck.random(b * o, 1, 71 + b);
                float[] dw1 = new float[o * i];
                float[] dw3 = new float[o * i];
                float[] dx1 = new float[b * i];
                float[] dx3 = new float[b * i];
                AdderDenseKernels.backward(x, w, null, gy, dw1, dx1, b, i, o, 1f, F_FULL, xr, new RowScratch(),
                        Parallel.sequential());
                AdderDenseKernels.backward(x, w, null, gy, dw3, dx3, b, i, o, 1f, F_FULL, xr, new RowScratch(), three);
                assertArrayEquals(dw1, dw3, "backward rule " + xr + ": dW with 1 and 3 threads");
                assertArrayEquals(dx1, dx3, "backward rule " + xr + ": dX with 1 and 3 threads");
            }
        }
    }

    @Test
    void adderBackwardMatchesNaiveForEveryRule() {
        for (float p : new float[] {1f, 2f, 1.37f}) {
            for (int fr : new int[] {F_FULL, F_SIGN, F_EXACT}) {
                for (int xr : new int[] {X_HARDTANH, X_EQ27, X_EXACT}) {
                    for (int b : BATCHES) {
                        for (int i : SIZES) {
                            int o = 3;
                            float[] x = OpCheck.random(b * i, 3, b + 5 * i);
                            float[] w = OpCheck.random(o * i, 3, 9 + i);
                            float[] gy = OpCheck.random(b * o, 1, 77 + b);
                            float[] dwFast = OpCheck.random(o * i, 1, 5);  // accumulation on top of a value
                            float[] dwSlow = dwFast.clone();
                            float[] dwCached = dwFast.clone();
                            float[] dxFast = new float[b * i];
                            float[] dxSlow = new float[b * i];
                            float[] dxCached = new float[b * i];
                            AdderDenseKernels.backward(x, w, null, gy, dwFast, dxFast, b, i, o, p, fr, xr, new RowScratch());
                            AdderDenseKernels.backwardNaive(x, w, gy, dwSlow, dxSlow, b, i, o, p, fr, xr);
                            float[] cache = new float[b * o * i];
                            AdderDenseKernels.forwardCached(x, w, new float[b * o], cache, b, i, o, p);
                            AdderDenseKernels.backwardCached(x, w, cache, gy, dwCached, dxCached, b, i, o, p, fr, xr);
                            String op = "adder backward p=" + p + " rules " + fr + "/" + xr;
                            int[] shape = {b, i, o};
                            OpCheck.assertClose(op + " dW", shape, dwSlow, dwFast, 1e-4, 1e-4);
                            OpCheck.assertClose(op + " dX", shape, dxSlow, dxFast, 1e-4, 1e-4);
                            OpCheck.assertClose(op + " cached dW", shape, dwSlow, dwCached, 1e-4, 1e-4);
                            OpCheck.assertClose(op + " cached dX", shape, dxSlow, dxCached, 1e-4, 1e-4);
                        }
                    }
                }
            }
        }
    }

    @Test
    void largeLinearMatchesNaive() {
        int[][] shapes = {{256, 64, 17}, {129, 33, 70}};
        for (int[] sh : shapes) {
            int b = sh[0];
            int i = sh[1];
            int o = sh[2];
            assertTrue((long) b * i * o >= LinearKernels.LARGE);
            float[] x = OpCheck.random(b * i, 2, b + i);
            float[] w = OpCheck.random(o * i, 2, 3 * o + i);
            float[] bias = OpCheck.random(o, 1, o);
            float[] yf = new float[b * o];
            float[] ys = new float[b * o];
            LinearKernels.forward(x, w, bias, yf, b, i, o, new RowScratch());
            LinearKernels.forwardNaive(x, w, bias, ys, b, i, o);
            OpCheck.assertClose("large linear forward", sh, ys, yf, 1e-4, 1e-5);
            float[] gy = OpCheck.random(b * o, 1, 13 + b);
            float[] dwf = OpCheck.random(o * i, 1, 3);
            float[] dws = dwf.clone();
            float[] dbf = new float[o];
            float[] dbs = new float[o];
            float[] dxf = new float[b * i];
            float[] dxs = new float[b * i];
            LinearKernels.backward(x, w, gy, dwf, dbf, dxf, b, i, o, new RowScratch());
            LinearKernels.backwardNaive(x, w, gy, dws, dbs, dxs, b, i, o);
            OpCheck.assertClose("large linear dW", sh, dws, dwf, 1e-3, 1e-4);
            OpCheck.assertClose("large linear db", sh, dbs, dbf, 1e-4, 1e-5);
            OpCheck.assertClose("large linear dX", sh, dxs, dxf, 1e-4, 1e-5);
        }
    }

    @Test
    void linearMatchesNaive() {
        for (int b : BATCHES) {
            for (int i : SIZES) {
                for (int o : new int[] {1, 2, 5}) {
                    float[] x = OpCheck.random(b * i, 2, b + i);
                    float[] w = OpCheck.random(o * i, 2, 3 * o + i);
                    float[] bias = OpCheck.random(o, 1, o);
                    float[] yf = new float[b * o];
                    float[] ys = new float[b * o];
                    LinearKernels.forward(x, w, bias, yf, b, i, o, new RowScratch());
                    LinearKernels.forwardNaive(x, w, bias, ys, b, i, o);
                    int[] shape = {b, i, o};
                    OpCheck.assertClose("linear forward", shape, ys, yf, 1e-4, 1e-5);
                    float[] gy = OpCheck.random(b * o, 1, 13 + b);
                    float[] dwf = new float[o * i];
                    float[] dws = new float[o * i];
                    float[] dbf = new float[o];
                    float[] dbs = new float[o];
                    float[] dxf = new float[b * i];
                    float[] dxs = new float[b * i];
                    LinearKernels.backward(x, w, gy, dwf, dbf, dxf, b, i, o, new RowScratch());
                    LinearKernels.backwardNaive(x, w, gy, dws, dbs, dxs, b, i, o);
                    OpCheck.assertClose("linear dW", shape, dws, dwf, 1e-4, 1e-5);
                    OpCheck.assertClose("linear db", shape, dbs, dbf, 1e-4, 1e-5);
                    OpCheck.assertClose("linear dX", shape, dxs, dxf, 1e-4, 1e-5);
                }
            }
        }
    }
}
