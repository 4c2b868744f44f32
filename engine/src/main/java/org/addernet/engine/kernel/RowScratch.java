package org.addernet.engine.kernel;

/**
 * Reusable row buffers for the dense kernels. HotSpot's C2 (Java 17) vectorises a loop such as
 * {@code y[b] -= |x[b] - w|} only when both arrays are indexed by the same expression; on one
 * flat [C, B] array, rows sit at different offsets and the loop stays scalar. Copying the rows a
 * kernel reads into separate arrays (a memcpy) and accumulating into a separate row makes every
 * inner loop same-indexed, which is several times faster for the batch sizes of the toy nets.
 * Not thread-safe: one per layer.
 */
public final class RowScratch {
    private float[][] rows = new float[0][];
    private int length = -1;
    private float[][] second = new float[0][];
    private int secondLength = -1;

    /** At least {@code n} rows of exactly {@code len} floats (contents undefined). */
    public float[][] rows(int n, int len) {
        if (len != length || rows.length < n) {
            rows = new float[Math.max(n, rows.length)][len];
            length = len;
        }
        return rows;
    }

    /** A second, independent set of at least {@code n} rows of exactly {@code len} floats (e.g. a transpose). */
    public float[][] transposed(int n, int len) {
        if (len != secondLength || second.length < n) {
            second = new float[Math.max(n, second.length)][len];
            secondLength = len;
        }
        return second;
    }

    /** Copies rows [0, n) of the [n, len] array {@code flat} into {@code out}. */
    public static void split(float[] flat, int n, int len, float[][] out) {
        for (int r = 0; r < n; r++) {
            System.arraycopy(flat, r * len, out[r], 0, len);
        }
    }
}
