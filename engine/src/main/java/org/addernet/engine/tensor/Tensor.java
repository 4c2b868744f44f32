package org.addernet.engine.tensor;

import java.util.Arrays;

/**
 * A dense float32 tensor: a flat row-major {@code data} array and a shape. The array is exposed
 * on purpose so kernels can run plain loops over it; callers that keep a tensor own it.
 */
public final class Tensor {
    /** Row-major values; {@code data.length == size()}. */
    public final float[] data;
    private final int[] shape;

    /** A zero tensor of the given shape. */
    public Tensor(int... shape) {
        this(new float[checkedSize(shape)], shape);
    }

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape.clone();
    }

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public static Tensor wrap(float[] data, int... shape) {
        int n = checkedSize(shape);
        if (data.length != n) {
            throw new IllegalArgumentException("data length " + data.length + " does not match shape "
                    + Arrays.toString(shape) + " (" + n + " elements)");
        }
        return new Tensor(data, shape);
    }

    /** {@code t} itself when it already has {@code shape}, otherwise a new zero tensor of it. */
    public static Tensor ensure(Tensor t, int... shape) {
        return t != null && Arrays.equals(t.shape, shape) ? t : new Tensor(shape);
    }

    /** {@code t} itself when it has the shape of {@code like}, otherwise a new zero tensor of that shape. */
    public static Tensor ensureLike(Tensor t, Tensor like) {
        return t != null && Arrays.equals(t.shape, like.shape) ? t : new Tensor(like.shape);
    }

    private static int checkedSize(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
        }
        return (int) n;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    public boolean hasShape(int... s) {
        return Arrays.equals(shape, s);
    }

    public void fill(float v) {
        Arrays.fill(data, v);
    }

    public Tensor copy() {
        return new Tensor(data.clone(), shape);
    }

    /** Sum of squares, in double. */
    public double sumOfSquares() {
        double s = 0;
        for (float v : data) {
            s += (double) v * v;
        }
        return s;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
