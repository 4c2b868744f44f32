package org.addernet.app.ui.vm;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * An image as opaque ARGB pixels, prepared off the FX thread so that showing it there is one
 * bulk copy ({@code PixelWriter.setPixels}). Immutable by convention: nobody writes {@code argb}.
 */
public record Pixels(int width, int height, int[] argb) {
    public static Pixels of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out;
        if (img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_INT_ARGB) {
            int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
            out = new int[w * h];
            boolean opaque = img.getType() == BufferedImage.TYPE_INT_RGB;
            for (int k = 0; k < out.length; k++) {
                out[k] = opaque ? data[k] | 0xFF000000 : data[k];
            }
        } else {
            out = img.getRGB(0, 0, w, h, null, 0, w);
        }
        return new Pixels(w, h, out);
    }
}
