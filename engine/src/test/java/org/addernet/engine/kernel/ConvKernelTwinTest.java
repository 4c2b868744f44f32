package org.addernet.engine.kernel;

import static org.addernet.engine.kernel.AdderDenseKernels.F_EXACT;
import static org.addernet.engine.kernel.AdderDenseKernels.F_FULL;
import static org.addernet.engine.kernel.AdderDenseKernels.F_SIGN;
import static org.addernet.engine.kernel.AdderDenseKernels.X_EQ27;
import static org.addernet.engine.kernel.AdderDenseKernels.X_EXACT;
import static org.addernet.engine.kernel.AdderDenseKernels.X_HARDTANH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.OpCheck;
import org.junit.jupiter.api.Test;

/** The conv and adder-conv kernels against their seven-loop twins on many small and odd shapes. */
class ConvKernelTwinTest {

    /** Every shape of batch 1-3, channels 1-4, sizes 1-7, kernel 1-3, stride 1-2, padding 0-1 that fits, sampled. */
    static List<ConvShape> shapes(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ConvShape> out = new ArrayList<>();
        // the corners first: 1x1 images, kernel as large as the padded image, strided odd sizes
        out.add(new ConvShape(1, 1, 1, 1, 1, 1, 1, 0));
        out.add(new ConvShape(1, 1, 1, 1, 1, 3, 1, 1));
        out.add(new ConvShape(2, 3, 7, 5, 2, 3, 2, 1));
        out.add(new ConvShape(3, 4, 6, 7, 4, 2, 2, 0));
        out.add(new ConvShape(2, 2, 5, 5, 3, 3, 1, 0));
        while (out.size() < count) {
            int h = 1 + r.nextInt(7);
            int w = 1 + r.nextInt(7);
            int k = 1 + r.nextInt(3);
            int p = r.nextInt(2);
            if (h + 2 * p < k || w + 2 * p < k) {
                continue;
            }
            out.add(new ConvShape(1 + r.nextInt(3), 1 + r.nextInt(4), h, w, 1 + r.nextInt(4), k, 1 + r.nextInt(2), p));
        }
        return out;
    }

    private static int[] dims(ConvShape s) {
        return new int[] {s.batch(), s.inC(), s.height(), s.width(), s.outC(), s.kernel(), s.stride(), s.padding()};
    }

    @Test
    void convForwardAndBackwardMatchNaive() {
        long seed = 0;
        for (ConvShape s : shapes(400, 1)) {
            seed++;
            float[] x = OpCheck.random(s.batch() * s.inImage(), 2, seed);
            float[] w = OpCheck.random(s.outC() * s.patch(), 1, seed + 1000);
            float[] bias = OpCheck.random(s.outC(), 1, seed + 2000);
            float[] yf = new float[s.batch() * s.outImage()];
            float[] ys = new float[yf.length];
            ConvWorkspace ws = new ConvWorkspace();
            ConvKernels.forward(s, x, w, bias, yf, ws, Parallel.sequential());
            ConvKernels.forwardNaive(s, x, w, bias, ys);
            OpCheck.assertClose("conv forward", dims(s), ys, yf, 1e-4, 1e-4);

            float[] gy = OpCheck.random(yf.length, 1, seed + 3000);
            float[] dwf = OpCheck.random(w.length, 1, seed + 4000);      // accumulation on top of a value
            float[] dws = dwf.clone();
            float[] dbf = OpCheck.random(s.outC(), 1, seed + 5000);
            float[] dbs = dbf.clone();
            float[] dxf = OpCheck.random(x.length, 1, seed);              // overwritten
            float[] dxs = new float[x.length];
            ConvKernels.backward(s, x, w, gy, dwf, dbf, dxf, ws, Parallel.sequential());
            ConvKernels.backwardNaive(s, x, w, gy, dws, dbs, dxs);
            OpCheck.assertClose("conv dW", dims(s), dws, dwf, 1e-4, 1e-4);
            OpCheck.assertClose("conv dbias", dims(s), dbs, dbf, 1e-4, 1e-4);
            OpCheck.assertClose("conv dX", dims(s), dxs, dxf, 1e-4, 1e-4);
        }
    }

    @Test
    void adderForwardMatchesNaive() {
        long seed = 0;
        for (float p : new float[] {1f, 2f, 1.37f}) {
            for (ConvShape s : shapes(150, 2)) {
                seed++;
                float[] x = OpCheck.random(s.batch() * s.inImage(), 2, seed);
                float[] f = OpCheck.random(s.outC() * s.patch(), 2, seed + 1000);
                float[] yf = new float[s.batch() * s.outImage()];
                float[] ys = new float[yf.length];
                AdderConvKernels.forward(s, x, f, yf, p, new ConvWorkspace(), Parallel.sequential());
                AdderConvKernels.forwardNaive(s, x, f, ys, p);
                OpCheck.assertClose("adder conv forward p=" + p, dims(s), ys, yf, 1e-4, 1e-5);
            }
        }
    }

    @Test
    void adderBackwardMatchesNaiveForEveryRule() {
        long seed = 0;
        List<ConvShape> shapes = shapes(40, 3);
        for (float p : new float[] {1f, 2f, 1.37f}) {
            for (int fr : new int[] {F_FULL, F_SIGN, F_EXACT}) {
                for (int xr : new int[] {X_HARDTANH, X_EQ27, X_EXACT}) {
                    for (ConvShape s : shapes) {
                        seed++;
                        float[] x = OpCheck.random(s.batch() * s.inImage(), 2, seed);
                        float[] f = OpCheck.random(s.outC() * s.patch(), 2, seed + 1000);
                        float[] gy = OpCheck.random(s.batch() * s.outImage(), 1, seed + 2000);
                        float[] dff = OpCheck.random(f.length, 1, seed + 3000);
                        float[] dfs = dff.clone();
                        float[] dxf = OpCheck.random(x.length, 1, seed);
                        float[] dxs = new float[x.length];
                        AdderConvKernels.backward(s, x, f, gy, dff, dxf, p, fr, xr, new ConvWorkspace(), Parallel.sequential());
                        AdderConvKernels.backwardNaive(s, x, f, gy, dfs, dxs, p, fr, xr);
                        String op = "adder conv backward p=" + p + " rules " + fr + "/" + xr;
                        OpCheck.assertClose(op + " dF", dims(s), dfs, dff, 2e-4, 1e-4);
                        OpCheck.assertClose(op + " dX", dims(s), dxs, dxf, 2e-4, 1e-4);
                    }
                }
            }
        }
    }

    /** Batches of 17 and 29 small images: several images per group and per chunk, uneven chunks. */
    @Test
    void groupedImagesMatchNaive() {
        ConvShape[] shapes = {new ConvShape(17, 2, 3, 4, 3, 3, 1, 1), new ConvShape(29, 3, 5, 5, 2, 3, 2, 1),
            new ConvShape(17, 1, 6, 6, 2, 2, 1, 0)};
        long seed = 100;
        for (ConvShape s : shapes) {
            seed++;
            float[] x = OpCheck.random(s.batch() * s.inImage(), 2, seed);
            float[] w = OpCheck.random(s.outC() * s.patch(), 2, seed + 1);
            float[] gy = OpCheck.random(s.batch() * s.outImage(), 1, seed + 2);
            ConvWorkspace ws = new ConvWorkspace();
            float[] yf = new float[gy.length];
            float[] ys = new float[gy.length];
            ConvKernels.forward(s, x, w, null, yf, ws, Parallel.sequential());
            ConvKernels.forwardNaive(s, x, w, null, ys);
            OpCheck.assertClose("grouped conv forward", dims(s), ys, yf, 1e-4, 1e-4);
            float[] dwf = new float[w.length];
            float[] dws = new float[w.length];
            float[] dxf = new float[x.length];
            float[] dxs = new float[x.length];
            ConvKernels.backward(s, x, w, gy, dwf, null, dxf, ws, Parallel.sequential());
            ConvKernels.backwardNaive(s, x, w, gy, dws, null, dxs);
            OpCheck.assertClose("grouped conv dW", dims(s), dws, dwf, 1e-3, 1e-4);
            OpCheck.assertClose("grouped conv dX", dims(s), dxs, dxf, 1e-4, 1e-4);
            for (float p : new float[] {1f, 2f, 1.37f}) {
                for (int[] rules : new int[][] {{F_FULL, X_HARDTANH}, {F_SIGN, X_EQ27}, {F_EXACT, X_EXACT}}) {
                    AdderConvKernels.forward(s, x, w, yf, p, ws, Parallel.sequential());
                    AdderConvKernels.forwardNaive(s, x, w, ys, p);
                    OpCheck.assertClose("grouped adder forward p=" + p, dims(s), ys, yf, 1e-4, 1e-5);
                    float[] dff = new float[w.length];
                    float[] dfs = new float[w.length];
                    AdderConvKernels.backward(s, x, w, gy, dff, dxf, p, rules[0], rules[1], ws, Parallel.sequential());
                    AdderConvKernels.backwardNaive(s, x, w, gy, dfs, dxs, p, rules[0], rules[1]);
                    String op = "grouped adder p=" + p + " rules " + rules[0] + "/" + rules[1];
                    OpCheck.assertClose(op + " dF", dims(s), dfs, dff, 1e-3, 1e-4);
                    OpCheck.assertClose(op + " dX", dims(s), dxs, dxf, 2e-4, 1e-4);
                }
            }
        }
    }

    /**
     * Shapes whose output rows are whole vectors at stride 1, where the kernels read the patches
     * and dY straight from bordered copies of the images (ConvPacking.implicitForward / implicitPixels),
     * and shapes whose input channels are whole vectors (ConvPacking.implicitTransposed), for 512-
     * and 256-bit vectors both; and around them the unfolded forms.
     */
    @Test
    void implicitUnfoldingMatchesNaive() {
        ConvShape[] shapes = {new ConvShape(2, 3, 16, 16, 5, 3, 1, 1), new ConvShape(1, 2, 8, 32, 3, 3, 1, 1),
            new ConvShape(3, 2, 8, 8, 4, 3, 1, 1), new ConvShape(2, 4, 16, 16, 3, 1, 1, 0),
            new ConvShape(1, 3, 18, 18, 2, 3, 1, 0), new ConvShape(2, 2, 16, 16, 3, 5, 1, 2),
            new ConvShape(1, 1, 20, 16, 2, 5, 1, 2), new ConvShape(17, 1, 4, 16, 2, 3, 1, 1),
            // positions rounded up to whole vectors: LeNet's second conv (100 -> 112), 121 -> 128, 81 -> 96
            new ConvShape(3, 6, 14, 14, 4, 5, 1, 0), new ConvShape(2, 2, 11, 11, 3, 3, 1, 1),
            new ConvShape(5, 1, 9, 9, 2, 3, 1, 1),
            // input channels whole vectors (for 512 and 256 bits): the filter gradient reads its
            // transposed patches from channels-last copies (ConvPacking.colsTImplicit), at any
            // stride and padding; 13, 9 and 5 filters take 8-row, 4-row and edge tiles
            new ConvShape(2, 16, 8, 16, 13, 3, 1, 1), new ConvShape(2, 32, 8, 8, 9, 3, 1, 1),
            new ConvShape(2, 16, 9, 9, 5, 3, 2, 1), new ConvShape(1, 16, 6, 6, 4, 3, 1, 0)};
        long seed = 500;
        for (ConvShape s : shapes) {
            seed++;
            float[] x = OpCheck.random(s.batch() * s.inImage(), 2, seed);
            float[] w = OpCheck.random(s.outC() * s.patch(), 2, seed + 1);
            float[] gy = OpCheck.random(s.batch() * s.outImage(), 1, seed + 2);
            float[] bias = OpCheck.random(s.outC(), 1, seed + 3);
            ConvWorkspace ws = new ConvWorkspace();
            float[] yf = new float[gy.length];
            float[] ys = new float[gy.length];
            ConvKernels.forward(s, x, w, bias, yf, ws, Parallel.sequential());
            ConvKernels.forwardNaive(s, x, w, bias, ys);
            OpCheck.assertClose("implicit conv forward", dims(s), ys, yf, 1e-4, 1e-4);
            float[] dwf = new float[w.length];
            float[] dws = new float[w.length];
            float[] dxf = new float[x.length];
            float[] dxs = new float[x.length];
            ConvKernels.backward(s, x, w, gy, dwf, null, dxf, ws, Parallel.sequential());
            ConvKernels.backwardNaive(s, x, w, gy, dws, null, dxs);
            OpCheck.assertClose("implicit conv dW", dims(s), dws, dwf, 1e-3, 1e-4);
            OpCheck.assertClose("implicit conv dX", dims(s), dxs, dxf, 1e-4, 1e-4);
            for (float p : new float[] {1f, 2f, 1.37f}) {
                AdderConvKernels.forward(s, x, w, yf, p, ws, Parallel.sequential());
                AdderConvKernels.forwardNaive(s, x, w, ys, p);
                OpCheck.assertClose("implicit adder forward p=" + p, dims(s), ys, yf, 1e-4, 1e-5);
                for (int fr : new int[] {F_FULL, F_SIGN, F_EXACT}) {
                    for (int xr : new int[] {X_HARDTANH, X_EQ27, X_EXACT}) {
                        float[] dff = new float[w.length];
                        float[] dfs = new float[w.length];
                        AdderConvKernels.backward(s, x, w, gy, dff, dxf, p, fr, xr, ws, Parallel.sequential());
                        AdderConvKernels.backwardNaive(s, x, w, gy, dfs, dxs, p, fr, xr);
                        String op = "implicit adder p=" + p + " rules " + fr + "/" + xr;
                        OpCheck.assertClose(op + " dF", dims(s), dfs, dff, 1e-3, 1e-4);
                        OpCheck.assertClose(op + " dX", dims(s), dxs, dxf, 2e-4, 1e-4);
                    }
                }
            }
        }
    }

    /**
     * The transposed patches read in place from channels-last copies hold the very values of the
     * panel {@code colsT} builds (with rows of taps rounded up to whole vectors where k C is not):
     * the filter gradient's product over either gives the same bits for every patch row.
     */
    @Test
    void inPlaceTransposedPatchesGiveTheBitsOfTheUnfoldedOnes() {
        for (ConvShape s : new ConvShape[] {new ConvShape(3, 32, 8, 8, 13, 3, 1, 1), new ConvShape(2, 16, 9, 7, 6, 3, 2, 1),
            new ConvShape(2, 16, 6, 6, 5, 2, 1, 0), new ConvShape(4, 6, 14, 14, 16, 5, 1, 0),
            new ConvShape(2, 6, 9, 11, 3, 5, 2, 2)}) {
            float[] x = OpCheck.random(s.batch() * s.inImage(), 2, 41);
            float[] gy = OpCheck.random(s.batch() * s.outImage(), 1, 42);
            assertTrue(ConvPacking.implicitTransposed(s), s.toString());
            ConvWorkspace ws = new ConvWorkspace();
            ws.prepare(1);
            ConvWorkspace.Slot slot = ws.slot(0);
            int len = s.batch() * s.positions();
            int k = s.patch();
            int kt = ConvPacking.transposedRows(s, true);
            float[] g = ConvPacking.gradBlocks(s, gy, 0, s.batch(), slot).clone();
            float[] unfolded = new float[s.outC() * k];
            float[] inPlace = new float[s.outC() * kt];
            RowGemm.fmaAdd(g, ConvPacking.colsT(s, x, 0, s.batch(), slot).clone(), len, len, s.outC(), k, unfolded, 0, k);
            RowGemm.fmaAdd(g, ConvPacking.colsTImplicit(s, x, 0, s.batch(), slot), len, s.outC(), kt, inPlace, 0, kt);
            int[] was = ConvPacking.transposedOrder(s, false);
            int[] now = ConvPacking.transposedOrder(s, false, true);
            for (int o = 0; o < s.outC(); o++) {
                for (int r = 0; r < k; r++) {
                    assertEquals(unfolded[o * k + was[r]], inPlace[o * kt + now[r]], s + " filter " + o + " patch row " + r);
                }
            }
        }
    }

    /**
     * The channels-last copy, by the in-register transposes (planes and pixels whole vectors) or
     * plane by plane (otherwise), is the image moved value for value with its zero border.
     */
    @Test
    void channelsLastCopyMovesEveryValue() {
        int l = Simd.lanes();
        for (ConvShape s : new ConvShape[] {new ConvShape(2, l, 4, 4, 1, 3, 1, 1), new ConvShape(2, 2 * l, 8, 2, 1, 3, 1, 2),
            new ConvShape(1, 3 * l, 4, 8, 1, 3, 1, 0), new ConvShape(1, 6, 5, 3, 1, 3, 1, 1)}) {
            float[] x = OpCheck.random(2 * s.inImage(), 2, 77);                  // two images: the second is copied
            int h = s.height();
            int w = s.width();
            int p = s.padding();
            int wp = w + 2 * p;
            int size = Im2col.paddedSize(s);
            float[] out = new float[size + 3];
            java.util.Arrays.fill(out, Float.NaN);
            Im2col.padChannelsLast(s, x, s.inImage(), out, 3);       // the second image, written at 3
            for (int y = 0; y < h + 2 * p; y++) {
                for (int xx = 0; xx < wp; xx++) {
                    for (int c = 0; c < s.inC(); c++) {
                        boolean inside = y >= p && y < h + p && xx >= p && xx < w + p;
                        float want = inside ? x[s.inImage() + (c * h + y - p) * w + xx - p] : 0f;
                        assertEquals(want, out[3 + (y * wp + xx) * s.inC() + c], s + " at " + y + "," + xx + "," + c);
                    }
                }
            }
        }
    }

    @Test
    void unfoldAndFoldByHand() {
        // one 3x3 image 1..9, kernel 2, stride 1, padding 1: a 4x4 output
        ConvShape s = new ConvShape(1, 1, 3, 3, 1, 2, 1, 1);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] panel = new float[Panels.stripFloats(4, 16)];
        Im2col.unfold(s, x, 0, panel, 4, 0, new float[Im2col.paddedSize(s)]);
        float[][] col = new float[4][16];
        for (int r = 0; r < 4; r++) {
            for (int q = 0; q < 16; q++) {
                col[r][q] = Panels.get(panel, 4, r, q);
            }
        }
        // tap (i, j) = (0, 0) reads pixel (oy - 1, ox - 1)
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9}, col[0], 0f);
        // tap (1, 1) reads pixel (oy, ox)
        assertArrayEquals(new float[] {1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0}, col[3], 0f);
        // the transposed unfolding holds the same values
        float[] t = new float[Panels.stripFloats(16, 4)];
        Im2col.unfoldTransposed(s, x, 0, t, 16, 0, new float[Im2col.paddedSize(s)]);
        for (int r = 0; r < 4; r++) {
            for (int q = 0; q < 16; q++) {
                assertEquals(col[r][q], Panels.get(t, 16, q, Im2col.transposedRow(s, r)), "transposed (" + q + ", " + r + ")");
            }
        }
        float[] ones = new float[4 * 16];
        java.util.Arrays.fill(ones, 1f);
        float[] dx = new float[9];
        Im2col.fold(s, ones, 16, 0, dx, 0);
        // every pixel is read by all four taps once
        assertArrayEquals(new float[] {4, 4, 4, 4, 4, 4, 4, 4, 4}, dx, 0f);
    }

    @Test
    void adderForwardByHandIncludesPadding() {
        // a 1x1 image of value 3, kernel 3, padding 1: the centre tap sees 3, the other eight see 0
        ConvShape s = new ConvShape(1, 1, 1, 1, 1, 3, 1, 1);
        float[] f = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        float[] y = new float[1];
        AdderConvKernels.forward(s, new float[] {3}, f, y, 1f, new ConvWorkspace(), Parallel.sequential());
        assertEquals(-(8 * 1 + 2), y[0], 0f);
        AdderConvKernels.forward(s, new float[] {3}, f, y, 2f, new ConvWorkspace(), Parallel.sequential());
        assertEquals(-(8 * 1 + 4), y[0], 0f);
    }

    @Test
    void parallelGivesTheSameBitsAsSequential() {
        Parallel two = Parallel.create(2);
        Parallel three = Parallel.create(3);
        ConvShape s = new ConvShape(13, 8, 12, 16, 8, 3, 1, 1);       // over the threshold; rows of whole vectors
        float[] x = OpCheck.random(s.batch() * s.inImage(), 2, 1);
        float[] w = OpCheck.random(s.outC() * s.patch(), 2, 2);
        float[] gy = OpCheck.random(s.batch() * s.outImage(), 1, 3);
        for (int variant = 0; variant < 4; variant++) {
            float[][] results = new float[3][];
            int v = 0;
            for (Parallel par : new Parallel[] {Parallel.sequential(), two, three}) {
                float[] y = new float[gy.length];
                float[] dw = new float[w.length];
                float[] dx = new float[x.length];
                ConvWorkspace ws = new ConvWorkspace();
                switch (variant) {
                    case 0 -> {
                        float[] db = new float[s.outC()];
                        ConvKernels.forward(s, x, w, null, y, ws, par);
                        ConvKernels.backward(s, x, w, gy, dw, db, dx, ws, par);
                        dw = concat(dw, db);
                    }
                    case 1 -> {
                        AdderConvKernels.forward(s, x, w, y, 1f, ws, par);
                        AdderConvKernels.backward(s, x, w, gy, dw, dx, 1f, F_FULL, X_HARDTANH, ws, par);
                    }
                    case 2 -> {
                        AdderConvKernels.forward(s, x, w, y, 2f, ws, par);
                        AdderConvKernels.backward(s, x, w, gy, dw, dx, 2f, F_SIGN, X_EQ27, ws, par);
                    }
                    default -> {
                        AdderConvKernels.forward(s, x, w, y, 1.5f, ws, par);
                        AdderConvKernels.backward(s, x, w, gy, dw, dx, 1.5f, F_EXACT, X_EXACT, ws, par);
                    }
                }
                results[v++] = concat(concat(y, dw), dx);
            }
            assertArrayEquals(results[0], results[1], "variant " + variant + ": 2 workers");
            assertArrayEquals(results[0], results[2], "variant " + variant + ": 3 workers");
        }
    }

    @Test
    void shapeErrorsSayWhatWasGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvShape(1, 1, 2, 2, 1, 5, 1, 1));
        assertEquals(true, e.getMessage().contains("4x4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConvShape(1, 0, 2, 2, 1, 1, 1, 0));
    }

    @Test
    void parallelKeepsTheCallersInterruptFlag() {
        Parallel two = Parallel.create(2);
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            two.run(16, true, (t, w) -> ran.incrementAndGet());
            assertEquals(16, ran.get());
            assertEquals(true, Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void parallelRethrowsATaskFailure() {
        Parallel two = Parallel.create(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> two.run(8, true, (t, w) -> {
            if (t == 5) {
                throw new IllegalStateException("task 5");
            }
        }));
        assertEquals("task 5", e.getMessage());
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
