package org.addernet.engine.kernel;

/**
 * The geometry of a 2-D convolution (multiplicative or adder): a batch of {@code batch} images of
 * {@code inC} channels, {@code height x width} pixels, square filters of side {@code kernel} at
 * {@code stride} with {@code padding} zeros on every border, {@code outC} output channels.
 *
 * <p>Buffers of the conv kernels, all row-major: X is [B, C, H, W]; the filters W or F are
 * [O, C, k, k], that is [O, K] with {@code K = C k k} and patch index {@code r = (c k + i) k + j};
 * Y and dY are [B, O, Ho, Wo], that is [B, O, P] with {@code P = Ho Wo} and position index
 * {@code q = oy Wo + ox}.
 */
public record ConvShape(int batch, int inC, int height, int width, int outC, int kernel, int stride, int padding) {

    public ConvShape {
        if (batch < 0 || inC <= 0 || height <= 0 || width <= 0 || outC <= 0 || kernel <= 0 || stride <= 0
                || padding < 0) {
            throw new IllegalArgumentException("invalid convolution " + describe(batch, inC, height, width, outC,
                    kernel, stride, padding) + ": sizes, kernel and stride must be positive, padding >= 0");
        }
        if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
            throw new IllegalArgumentException("convolution " + describe(batch, inC, height, width, outC, kernel,
                    stride, padding) + ": a " + kernel + "x" + kernel + " kernel does not fit a padded "
                    + (height + 2 * padding) + "x" + (width + 2 * padding) + " input");
        }
    }

    private static String describe(int b, int c, int h, int w, int o, int k, int s, int p) {
        return "[" + b + ", " + c + ", " + h + ", " + w + "] -> " + o + " channels, kernel " + k + ", stride " + s
                + ", padding " + p;
    }

    public int outH() {
        return (height + 2 * padding - kernel) / stride + 1;
    }

    public int outW() {
        return (width + 2 * padding - kernel) / stride + 1;
    }

    /** K: the length of one patch, {@code inC * kernel * kernel}. */
    public int patch() {
        return inC * kernel * kernel;
    }

    /** P: output positions per image, {@code outH * outW}. */
    public int positions() {
        return outH() * outW();
    }

    /** Floats of one input image, {@code C H W}. */
    public int inImage() {
        return inC * height * width;
    }

    /** Floats of one output image, {@code O P}. */
    public int outImage() {
        return outC * positions();
    }

    /** Multiply-accumulates (or adder-MACs) of one forward pass over the batch. */
    public long macs() {
        return (long) batch * outC * patch() * positions();
    }

    @Override
    public String toString() {
        return describe(batch, inC, height, width, outC, kernel, stride, padding);
    }
}
