package org.addernet.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Max pooling against a naive reference, ties included (the first maximum in reading order wins). */
class MaxPoolTest {
    private static void check(int k, int s, int h, int w) {
        SplittableRandom r = new SplittableRandom(h * 31 + w);
        int b = 3;
        int c = 2;
        Tensor x = new Tensor(b, c, h, w);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = r.nextInt(4);                 // few values: many ties
        }
        MaxPool2d pool = new MaxPool2d(k, s);
        Tensor y = pool.forward(x, true);
        int ho = (h - k) / s + 1;
        int wo = (w - k) / s + 1;
        float[] want = new float[b * c * ho * wo];
        float[] wantDx = new float[x.data.length];
        float[] g = new float[want.length];
        for (int t = 0; t < g.length; t++) {
            g[t] = t + 1;
        }
        int t = 0;
        for (int plane = 0; plane < b * c; plane++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    int best = -1;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int at = plane * h * w + (oy * s + i) * w + ox * s + j;
                            if (best < 0 || x.data[at] > x.data[best]) {
                                best = at;
                            }
                        }
                    }
                    want[t] = x.data[best];
                    wantDx[best] += g[t];
                    t++;
                }
            }
        }
        assertArrayEquals(want, y.data, k + "x" + k + "/" + s + " on " + h + "x" + w);
        Tensor dx = pool.backward(Tensor.wrap(g, b, c, ho, wo));
        assertArrayEquals(wantDx, dx.data, "gradient routing " + k + "x" + k + "/" + s + " on " + h + "x" + w);
    }

    @Test
    void twoByTwoFastPathAndGeneralWindowsMatchTheReference() {
        check(2, 2, 8, 8);
        check(2, 2, 7, 9);       // odd sizes: the last row and column are dropped
        check(3, 2, 9, 9);
        check(3, 1, 6, 5);
        check(2, 1, 5, 5);
    }
}
